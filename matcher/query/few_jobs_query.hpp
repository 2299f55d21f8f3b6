#pragma once
// "Top-k candidates for a few jobs" (GET /v1/jobs/{id}/candidates and
// programs for a job): every candidate block against each queried job's own
// requirements only. The block pass (block_pass.hpp) instead sets up every
// skill row of each block (~360 rows per block of 32 graduates at the shipped
// 386 skills) to share that work among many jobs; for one job that set-up was
// nearly all of the ~1.2 ms per 20,000 graduates. Here each requirement finds
// its row in the block's skill-sorted rows by binary search (rows absent from
// the block are all zero), 32 lanes are summed exactly in 16-bit integers,
// and only lanes that pass the gates and a float upper bound of the score
// (within kPruneMargin of the job heap's worst entry) are scored exactly
// (PairScore, make_entry, offer). Results are identical to the block pass for
// any thread count: per-task heaps are merged by the total order.
#include <cstdint>
#include <span>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// candidates_for uses this path for at most this many (filtered) jobs.
inline constexpr std::size_t kFewJobsMax = 8;

// Per position p of job_list: the best k candidates of `cs` (those with
// candidate_ok[c] != 0, empty = all) for job job_list[p] with cov_num >=
// cov_min[p] (empty = no minimum), best first. Runs on an arena of
// options.threads threads (0 = all cores).
TopKLists few_jobs_top_candidates(const Snapshot& snapshot, const CandidateSet& cs,
                                  std::span<const Index> job_list,
                                  std::span<const std::uint16_t> cov_min,
                                  std::span<const std::uint8_t> candidate_ok, std::size_t k,
                                  const ScoreConfig& config, const ExecutionOptions& options);

}  // namespace talentmatch::matcher::detail
