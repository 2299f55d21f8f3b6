#pragma once
// "Top-k candidates for a few jobs" through the candidate index
// (candidate_index.hpp), for candidate sets large enough that scanning every
// block (few_jobs_query.hpp) costs more than bounding them first.
//
// Per job, on one thread, over the index's tiles (groups of up to
// kBlockSize similar candidates):
//  1. each requirement's postings add, per tile, upper bounds of cov_num
//     (Σ w·min(max level, r)) and rel_num (Σ min(max level, r)) and count the
//     must-haves some lane of the tile may meet (max level >= r);
//  2. a tile is left out when it cannot hold an eligible candidate (a
//     must-have no lane meets, every lane below the minimum education, the
//     coverage bound below the minimum); the others get the bound
//       min(1, cov/cov_den) · min(1, rel/min level sum) + max bonus
//     and are visited in descending bound order (bucketed);
//  3. a visited tile is scored exactly as the block scan scores a block
//     (block_job_scoring.hpp: the same gates, exact PairScore, the same
//     heap), and the visit stops at the first tile whose bound is below the
//     heap's k-th score by more than kPruneMargin (a bound's float error is
//     below it), so no pair that could enter the heap is skipped.
// Tiles whose candidates hold none of the job's skills still bound at the
// bonus alone: a job without must-haves lists them when nothing better exists.
//
// Results equal few_jobs_top_candidates exactly (the order is total), for any
// thread count and kernel: jobs run in parallel on an arena of
// options.threads threads, each job's visit is sequential. Requires
// cs.index.built().
#include <cstddef>
#include <cstdint>
#include <span>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// candidates_for uses this regime from this many blocks of CandidateSet::blocks
// (when the index is built); below it the block scan is as cheap.
inline constexpr std::size_t kIndexedMinBlocks = 64;

// What one call visited (for benchmarks and tests; summed over its jobs).
struct IndexedQueryStats {
    std::size_t blocks = 0;          // tiles in the index, per job
    std::size_t blocks_bounded = 0;  // tiles that could hold an eligible candidate
    std::size_t blocks_scored = 0;   // tiles whose lanes were scored exactly
    std::size_t postings = 0;        // postings read
};

// As few_jobs_top_candidates (few_jobs_query.hpp): per position p of
// job_list, the best k candidates of `cs` (candidate_ok[c] != 0, empty = all)
// for job job_list[p] with cov_num >= cov_min[p] (empty = no minimum), best
// first. `stats` (optional) receives what was visited.
TopKLists indexed_top_candidates(const Snapshot& snapshot, const CandidateSet& cs,
                                 std::span<const Index> job_list,
                                 std::span<const std::uint16_t> cov_min,
                                 std::span<const std::uint8_t> candidate_ok, std::size_t k,
                                 const ScoreConfig& config, const ExecutionOptions& options,
                                 IndexedQueryStats* stats = nullptr);

}  // namespace talentmatch::matcher::detail
