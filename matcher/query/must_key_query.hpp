#pragma once
// The must-key regime for "top-k jobs for one candidate": score only the jobs
// the candidate can be eligible for. Every job with a must-have is stored once
// under one key must-have (JobKernelPlan::must_key_records) by required
// level, so the level-<=-a prefixes of the candidate's skills' buckets hold
// every job whose key must-have it meets: a superset of its eligible jobs.
// Those and the jobs without must-haves (free_records) are scored exactly
// from the job's record and requirement words (read sequentially) and the
// candidate's level per skill, never from JobPlan, which only jobs that pass
// the gates and a float bound read.
//
// Why: on demand data nearly every job has a must-have, so a graduate meets
// the key of a small share of the jobs: a few thousand records instead of
// the dense regime's postings plus a scan of every job. Scoring a record one
// requirement at a time (a dependent table lookup each, a branch per job)
// made this regime slower than dense; the AVX-512 kernel scores 16
// requirement words per step with no branch per job. Chosen per candidate by
// an estimate of both costs (prefers_must_key, whose per-record and
// per-posting costs bench/matcher_bench measures).
//
// Exact and deterministic: the same packed word as the dense regime (cov |
// rel << 16 | musts met mod 8 << 29, summed mod 2^32 in any order), the same
// gates, a float bound within kPruneMargin before the exact PairScore /
// make_entry / offer; the heap keeps the best k by (score, id) whatever the
// visiting order.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/query/dense_query.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/query/sparse_query.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/score/top_k_heap.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// Jobs candidate c would score in this regime (key prefixes + free jobs).
std::size_t must_key_visits(const JobKernelPlan& plan, const CandidateSet& cs, Index c);

// True when scoring c's key records with kernel `scan` is estimated cheaper
// than the dense regime (its postings plus a scan of every job); never
// without must-key records.
bool prefers_must_key(const JobKernelPlan& plan, const CandidateSet& cs, Index c, DenseScan scan);

// Fills `slots` (capacity k) / `count` with candidate c's top-k jobs, exactly
// as sparse_top_jobs does. scratch.levels / levels8 are grown to the skill
// count / 512 and left all zero.
void must_key_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                       const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                       const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                       SparseScratch& scratch, DenseScan scan);

// One scoring step over records [first, end) of plan.must_key_records
// (end - first <= kMustKeyChunk): each record's packed word, kept only when
// the record passes the must-have count (mod 8) and education gates and its
// float fit bound is >= fit_threshold, with no branch on the outcome.
// hits.record[i] / hits.word[i] are the i-th kept record's index and word;
// returns how many were kept. `prefix` is grown as needed (the AVX-512
// kernel sums each record's requirements as a difference of prefix sums over
// the chunk's lanes, 16 lanes per step, never padding a record to a row).
// One function per kernel.
inline constexpr std::size_t kMustKeyChunk = 32;
struct MustKeyInput {
    const std::uint32_t* levels = nullptr;  // the candidate's level per skill index, 0 = none
    // The same as 512 bytes, or null when there are more than 512 skills: the
    // AVX-512 kernel then looks levels up in registers (4 byte permutes)
    // instead of a gather (fewer dependent loads per record).
    const std::uint8_t* levels8 = nullptr;
    std::uint32_t education = 0;
    float inv_level_sum = 0;  // 1 / A, 0 for a candidate without skills
};
struct RecordHits {
    std::uint32_t record[kMustKeyChunk];
    std::uint32_t word[kMustKeyChunk];
};
std::size_t must_key_step_scalar(const MustKeyInput& in, const JobKernelPlan& plan,
                                 std::uint32_t first, std::uint32_t end, float fit_threshold,
                                 std::vector<std::uint32_t>& prefix, RecordHits& hits);
std::size_t must_key_step_avx512(const MustKeyInput& in, const JobKernelPlan& plan,
                                 std::uint32_t first, std::uint32_t end, float fit_threshold,
                                 std::vector<std::uint32_t>& prefix, RecordHits& hits);

// Whether a record with packed word `word` passes the gates and the bound
// (the kernels' shared tail).
inline bool record_may_enter(const MustKeyInput& in, const MustKeyRecord& record,
                             std::uint32_t word, float fit_threshold) {
    const float fit = float(word & 0xFFFFu) * float((word >> 16) & 0x1FFFu) * record.inv_cov_den *
                      in.inv_level_sum;
    return ((word >> 29) == (record.gates & 7u)) & (in.education >= (record.gates >> 8)) &
           (fit >= fit_threshold);
}

// First lane of record i in plan.must_key_lanes.
inline std::uint32_t lane_begin(const JobKernelPlan& plan, std::uint32_t i) {
    return i == 0 ? 0 : plan.must_key_records[i - 1].lane_end;
}

}  // namespace talentmatch::matcher::detail
