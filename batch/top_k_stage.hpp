#pragma once
// Stages 2 and 3: exact top-k both ways, sharded by blocks of candidates.
// Each shard is one matcher::batch_top_k call over a candidate index range;
// jobs-per-candidate rows are concatenated in range order and the shards'
// candidates-per-job lists are folded with merge_candidate_lists. The result
// equals one call over every candidate, whatever the shard size (the same
// property lets a later step run shards on several machines).
#include <cstddef>
#include <cstdint>
#include <functional>

#include "batch/stage_reporter.hpp"
#include "matcher/kernels.hpp"

namespace talentmatch::batch {

struct BothWays {
    matcher::TopKLists jobs_per_candidate;  // row per candidate, at most k_jobs
    matcher::TopKLists candidates_per_job;  // row per job, at most k_candidates
    std::uint64_t pairs = 0;                // candidate × job pairs considered
};

// Reports `stage` in `unit` (the candidates: "graduates" or "programs" by
// `kind` when empty; a connection names its own, "teachers"). shard_size is
// rounded up to a multiple of matcher::kBlockSize.
BothWays top_k_both_ways(const matcher::Snapshot& snapshot, matcher::CandidateKind kind,
                         std::size_t k_jobs, std::size_t k_candidates, std::size_t shard_size,
                         const matcher::ScoreConfig& config,
                         const matcher::ExecutionOptions& options, const std::string& stage,
                         StageReporter& reporter, const std::string& unit = "");

// The same lists for the candidates of `range` only (jobs_per_candidate has a
// row per candidate of the range; candidates_per_job a row per job, ranked
// among the range). A distributed run (mpi/) computes one range per process
// and merges them exactly as top_k_both_ways merges its shards. `on_shard`
// (may be empty) gets the candidate index each finished shard reached.
BothWays top_k_range(const matcher::Snapshot& snapshot, matcher::CandidateKind kind,
                     matcher::BatchRange range, std::size_t k_jobs, std::size_t k_candidates,
                     std::size_t shard_size, const matcher::ScoreConfig& config,
                     const matcher::ExecutionOptions& options,
                     const std::function<void(std::uint64_t)>& on_shard);

// Appends src's rows after dst's.
void append_rows(matcher::TopKLists& dst, const matcher::TopKLists& src);

}  // namespace talentmatch::batch
