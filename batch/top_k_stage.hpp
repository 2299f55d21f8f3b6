#pragma once
// Stages 2 and 3: exact top-k both ways, sharded by blocks of candidates.
// Each shard is one matcher::batch_top_k call over a candidate index range;
// jobs-per-candidate rows are concatenated in range order and the shards'
// candidates-per-job lists are folded with merge_candidate_lists. The result
// equals one call over every candidate, whatever the shard size (the same
// property lets a later step run shards on several machines).
#include <cstddef>
#include <cstdint>

#include "batch/stage_reporter.hpp"
#include "matcher/batch_top_k.hpp"

namespace talentmatch::batch {

struct BothWays {
    matcher::TopKLists jobs_per_candidate;  // row per candidate, at most k_jobs
    matcher::TopKLists candidates_per_job;  // row per job, at most k_candidates
    std::uint64_t pairs = 0;                // candidate × job pairs considered
};

// Reports `stage` (unit: the candidates). shard_size is rounded up to a
// multiple of matcher::kBlockSize.
BothWays top_k_both_ways(const matcher::Snapshot& snapshot, matcher::CandidateKind kind,
                         std::size_t k_jobs, std::size_t k_candidates, std::size_t shard_size,
                         const matcher::ScoreConfig& config,
                         const matcher::ExecutionOptions& options, const std::string& stage,
                         StageReporter& reporter);

// Appends src's rows after dst's.
void append_rows(matcher::TopKLists& dst, const matcher::TopKLists& src);

}  // namespace talentmatch::batch
