#pragma once
// Per-job floors guessed from a sample of the candidates, for the per-job
// top-k of a large pass (batch_top_k), and the check that keeps the lists
// exact.
//
// Why: a job's heap starts empty in every worker and its floor rises only as
// better candidates arrive in block order, so the pass offers each job about
// k·(1 + ln(n/k)) candidates per worker, most of them displaced later. With
// its floor started near its final value, the kernel's float test prunes
// those pairs before they reach the heap.
//
// The guess: a pass over every block_stride-th block of the pass keeps each
// job's best `rank`; the rank-th of that sample is the job's guess (none when
// the sample holds fewer). The sample holds about 1/block_stride of the
// candidates, so about rank·block_stride candidates in all score at least the
// guess: more than k, so a guess is usually below the job's final k-th score.
//
// The check: the main pass never drops a pair scoring at least the guess (its
// floor is the guess minus kPruneMargin, the margin of every heap floor). So
// when a job's final list holds k entries, the k-th scoring at least the
// guess (compared exactly), every pair left out scored below all k of them
// and the list is the exact top-k. Any other guessed job is recomputed
// without a guess (recompute_job_lists).
//
// The rank trades the guess's height against recomputes. The sample holds
// about k / block_stride of a job's final top k, and the guess is too high
// when it holds `rank` or more of them: with rank 8 of every 16th block (a
// guess near the 128th best) that is about 1 job in 100 for k = 50 when the
// top k are spread over blocks (P[Binomial(50, 1/16) >= 8] = 1.2 %).
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/block_pass_types.hpp"

namespace talentmatch::matcher::detail {

struct JobFloorSampling {
    std::size_t block_stride = 16;  // the sample: blocks[0], blocks[stride], ...
    std::size_t rank = 8;           // the guess: the sample's rank-th best
};

// Passes with fewer blocks than this skip the guess (a sample of 16 blocks).
inline constexpr std::size_t kJobFloorGuessMinBlocks = 16 * JobFloorSampling{}.block_stride;

// Runs the pass over `blocks` as run_parallel_pass does (`in.k_candidates` >
// 0; candidate lists, if any, are written through `in`) and returns the
// per-job lists by position, as merge_job_heaps does, each job's floor
// started from its guess. `recomputed`, when not null, receives how many
// guessed lists failed the check and were recomputed.
TopKLists pass_with_guessed_job_floors(const PassInput& in, std::span<const Index> blocks,
                                       const ExecutionOptions& options,
                                       const JobFloorSampling& sampling,
                                       std::size_t* recomputed = nullptr);

}  // namespace talentmatch::matcher::detail
