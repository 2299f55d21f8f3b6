#pragma once
// Incremental snapshots: a new Snapshot from a base snapshot and a delta,
// equal to what SnapshotBuilder makes of the same entities, without
// restaging what did not change. Rows go through the builder's own staging
// (snapshot_staging.hpp), resolved against the base's finished dictionaries.
//
// Each returns nullptr when the delta needs a full build: a reference the
// base lacks (a new skill, employer, program, ...), a district or cluster
// string the base dictionaries lack, input a full build would reject, or a
// dictionary string nothing uses any more (a full build would drop it, so
// the patch would no longer equal it).
//
// Cost: the small parts (SnapshotDictionaries) are copied. patch_jobs
// copies every job row once and rebuilds the job kernel plan; the graduates
// are shared with `base`. patch_graduates stages only the changed graduates
// and copies every other row once, except what sits in chunks: the skills
// (chunked_csr.hpp), the blocks and the candidate index's tiles
// (block_layout.hpp, candidate_index.hpp) keep `base`'s chunks wherever the
// same rows or blocks stay at the same positions, so updating a graduate or
// adding one whose id sorts last copies about one chunk of each; an id in
// the middle moves every later row and block, which are copied or laid out
// again. The index's bounds and postings are derived again; the job side is
// shared with `base`. patch_candidates (a whole reload) restages every
// graduate.
// Neither knows where entities come from (no store, no HTTP).
//
// Thread-safety: pure functions of their arguments; `base` is only read.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "matcher/snapshot/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

// `base` with the jobs in `changed_ids` (sorted, unique) replaced by
// current(id) (nullptr: deleted; otherwise a job whose id is `id`); every
// other row copied, the job kernel plan rebuilt; the graduates are shared.
std::shared_ptr<const Snapshot> patch_jobs(
    const Snapshot& base, const std::function<const Job*(const std::string&)>& current,
    const std::vector<std::string>& changed_ids);

// `base` with the graduates in `changed_ids` (sorted, unique) replaced by
// current(id) (nullptr: erased; otherwise a graduate whose id is `id`): only
// those are staged; the other rows are copied by id order and the blocks laid
// out again; the job side is shared, programs and dictionaries are copied.
std::shared_ptr<const Snapshot> patch_graduates(
    const Snapshot& base, const std::function<const Graduate*(const std::string&)>& current,
    const std::vector<std::string>& changed_ids);

// `base` with its graduates replaced by `graduates` (EVERY graduate, any
// order; an erased one is simply absent): the graduates' CandidateSet is
// restaged and laid out, the job side is shared, programs and dictionaries
// are copied.
std::shared_ptr<const Snapshot> patch_candidates(const Snapshot& base,
                                                 const std::vector<const Graduate*>& graduates);

}  // namespace talentmatch::matcher
