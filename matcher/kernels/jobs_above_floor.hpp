#pragma once
// Complete lists instead of top-k, for the stable assignment's fetches
// (assignment_source.hpp): for each candidate of a block range, EVERY job of
// a list that it could still be accepted by.
//
// Job job_list[p] is listed for candidate c when the pair passes the job's
// gates (education, certificates, must-haves), cov_num >= cov_min[p] (when
// not empty) and its ranking score (fit + bonus, score_config.hpp) is at
// least floor[p], compared exactly. Rows: one per candidate of
// [first, last), best first (score descending, ties by job index), all such
// jobs or, when at_most > 0, the best at_most of them (a row shorter than
// at_most is then every such job); the result does not depend on threads or
// kernel.
//
// Cost: one block pass over the range's blocks against job_list (a bound
// prunes more as rows fill); memory is the pairs listed.
#include <cstdint>
#include <span>

#include "matcher/assignment/assignment.hpp"
#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/tile_index.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

// Memory a caller making many calls keeps between them (the pass's job index,
// tile_index.hpp), so that a call reuses it instead of allocating it anew.
struct FloorPassMemory {
    detail::TileIndex tiles;
};

// `candidates` may be a packed subset (candidate_subset.hpp); first is a
// multiple of kBlockSize and last <= candidates.size(). Errors:
// ValidationError for a bad range ("range") or a per-position span of the
// wrong size ("cov_min", "floor").
TopKLists jobs_at_or_above(const Snapshot& snapshot, const CandidateSet& candidates, Index first,
                           Index last, std::span<const Index> job_list,
                           std::span<const std::uint16_t> cov_min,
                           std::span<const ExactScore> floor, std::size_t at_most,
                           const ScoreConfig& config, const ExecutionOptions& options = {},
                           FloorPassMemory* memory = nullptr);

}  // namespace talentmatch::matcher
