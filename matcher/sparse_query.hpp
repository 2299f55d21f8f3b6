#pragma once
// The small-batch regime for "top-k jobs for a candidate": walk the
// candidate's own skills through the by-skill index of every job
// (JobKernelPlan::postings), accumulating the exact integer sums only for jobs
// that share a skill; jobs sharing none have fit 0 and are visited only when
// they could still enter the top-k (heap not full, or its worst score within
// the preference bonus). Exact; used below kTileIndexMinBlocks blocks, where
// the block kernels would score every requirement of every job.
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/resolved_filter.hpp"
#include "matcher/score_config.hpp"
#include "matcher/snapshot.hpp"
#include "matcher/top_k_heap.hpp"

namespace talentmatch::matcher::detail {

// Per-thread accumulators sized to the job count; all zero between calls.
struct SparseScratch {
    std::vector<std::uint32_t> cov;    // Σ w·min(a,r)
    std::vector<std::uint16_t> rel;    // Σ min(a,r)
    std::vector<std::uint16_t> musts;  // must-haves met
    std::vector<std::uint32_t> touched;
};

// Fills `slots` (capacity k) / `count` with candidate c's top-k jobs.
void sparse_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                     const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                     const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                     SparseScratch& scratch);

}  // namespace talentmatch::matcher::detail
