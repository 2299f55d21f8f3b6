#pragma once
// The dense-overlap regime for "top-k jobs for one candidate": used when the
// candidate's skills reach a large share of all jobs (small taxonomies: with
// the shipped 386 skills, 30 skills x ~3,900 postings each touch ~70% of
// 100,000 jobs), where the sparse regime (sparse_query.hpp) pays a branch, a
// touched-list push and a random JobPlan read for most jobs.
//
// Two steps, exact:
//  1. accumulate: one branch-free add per posting (JobKernelPlan::
//     dense_postings, 4 bytes each, through a per-skill table of the
//     candidate's contribution per posting code) into one packed 32-bit word
//     per job: cov | rel << 16 | (musts met mod 8) << 29. cov <= 50,000 and
//     rel <= 5,000 never carry into the next field; the must count wraps mod 8
//     (carries out of bit 31 are dropped), which is exact for jobs with fewer
//     than 8 must-haves and a necessary condition for the others, whose
//     must-haves are then checked one by one. 400 KB of words per 100,000
//     jobs stay in L2 while the postings stream past;
//  2. scan: one sequential pass over all jobs (AVX-512 when the CPU has it,
//     chosen at run time, else scalar; both select a superset of the jobs
//     that can enter the heap, so results do not depend on the kernel) that
//     reads the word, zeroes it, and keeps a job only when the must-have and
//     education gates pass and a float UPPER BOUND of its score
//     (cov·rel/(cov_den·A) + max bonus, float error < 1e-6) is within
//     kPruneMargin of the heap's worst entry. A survivor is bounded again
//     with its own bonus (JobKernelPlan::place; at 386 skills ~760 jobs per
//     query pass the scan, most within the max bonus of the worst kept
//     score); only the rest read their JobPlan (certificates, must-haves
//     when 8+) and go through the exact PairScore / make_entry / offer path.
// Jobs sharing no skill have a zero word: with no must-have they are scored
// like any other (fit 0 plus their bonus), so SPEC's zero-fit rule holds.
#include <cstdint>
#include <span>

#include "matcher/query/resolved_filter.hpp"
#include "matcher/query/sparse_query.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/score/top_k_heap.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// The dense regime is chosen when the candidate's postings (Σ over its skills
// of the jobs requiring that skill) reach this share of the job count: the
// scan costs every job, the sparse regime ~23 ns per posting (a random read of
// the job's sums and, once per touched job, its JobPlan). The crossover is
// where both cost the same on taxonomies of 386 to 20,000 skills
// (bench/matcher_bench, figure 5, prints both regimes per taxonomy size).
inline constexpr double kDenseMinPostingsPerJob = 0.05;

// Σ over candidate c's skills of the postings of that skill.
std::size_t candidate_postings(const JobKernelPlan& plan, const CandidateSet& cs, Index c);

// True when candidate c's query should run dense_top_jobs (never when the
// plan has no dense_postings).
bool prefers_dense(const JobKernelPlan& plan, const CandidateSet& cs, Index c);

// Which scan kernel: AVX-512 (caller checked the CPU) or portable scalar.
enum class DenseScan : std::uint8_t { kScalar, kAvx512 };

// Fills `slots` (capacity k) / `count` with candidate c's top-k jobs, exactly
// as sparse_top_jobs does. scratch.packed is grown to the job count and left
// all zero. Requires plan.dense_postings (prefers_dense).
void dense_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                    const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                    const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                    SparseScratch& scratch, DenseScan scan);

// One scan step over jobs [begin, end) (end - begin <= kDenseChunk): zeroes
// acc[begin, end) and writes the jobs that pass the gates (musts met mod 8,
// education) with float fit bound >= fit_threshold to jobs[] (ascending) and
// their words to words[]; returns how many. One function per kernel.
inline constexpr std::size_t kDenseChunk = 64;
struct DenseScanInput {
    std::uint32_t* acc = nullptr;
    const float* inv_cov_den = nullptr;
    const std::uint8_t* gate = nullptr;  // JobKernelPlan::dense_gate
    std::uint32_t education = 0;
    float inv_level_sum = 0;  // 1 / A, 0 for a candidate without skills
};
std::size_t dense_scan_scalar(const DenseScanInput& in, Index begin, Index end, float fit_threshold,
                              Index* jobs, std::uint32_t* words);
std::size_t dense_scan_avx512(const DenseScanInput& in, Index begin, Index end, float fit_threshold,
                              Index* jobs, std::uint32_t* words);

}  // namespace talentmatch::matcher::detail
