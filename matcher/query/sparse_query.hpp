#pragma once
// The small-batch regime for "top-k jobs for a candidate": walk the
// candidate's own skills through the by-skill index of every job
// (JobKernelPlan::postings), accumulating the exact integer sums only for jobs
// that share a skill; jobs sharing none have fit 0 and are visited only when
// they could still enter the top-k (heap not full, or its worst score within
// the preference bonus). Exact; used below kTileIndexMinBlocks blocks, where
// the block kernels would score every requirement of every job, for
// candidates whose postings reach few jobs (large taxonomies); dense overlap
// goes to dense_query.hpp instead (kDenseMinPostingsPerJob).
//
// Cost model (100,000 jobs, ~22,000 postings per graduate): the accumulation
// is one random 8-byte read-modify-write per posting into JobSums, which is
// why the job's must-have count travels on the posting and the three sums
// share one struct (one cache line per touched job, not three or four).
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/query/resolved_filter.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/score/top_k_heap.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// One job's running sums for the current candidate. rel > 0 exactly when the
// job was touched (every posting adds min(a, r) >= 1: candidates' level-0
// skills are dropped at build and r >= 1).
struct JobSums {
    std::uint32_t cov = 0;          // Σ w·min(a,r)
    std::uint16_t rel = 0;          // Σ min(a,r)
    std::uint16_t musts_unmet = 0;  // must-haves not (yet) met; set on first touch
};
static_assert(sizeof(JobSums) == 8);

// Per-thread accumulators sized to the job count; all zero between calls
// (sparse_top_jobs resets only the entries it touched). Reused across calls
// through QueryWorkspace (query_workspace.hpp), so a query does not allocate
// and zero ~0.8 MB.
struct SparseScratch {
    std::vector<JobSums> sums;
    std::vector<std::uint32_t> touched;
    // The dense regime's packed per-job words (dense_query.hpp); all zero
    // between calls, sized on first use.
    std::vector<std::uint32_t> packed;
    // The must-key regime's candidate level per skill index, 32-bit for the
    // AVX-512 gather and as 512 bytes for its permutes, and its prefix sums
    // (must_key_query.hpp); levels all zero between calls, sized on first use.
    std::vector<std::uint32_t> levels;
    std::vector<std::uint8_t> levels8;
    std::vector<std::uint32_t> prefix;
};

// Fills `slots` (capacity k) / `count` with candidate c's top-k jobs.
void sparse_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                     const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                     const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                     SparseScratch& scratch);

}  // namespace talentmatch::matcher::detail
