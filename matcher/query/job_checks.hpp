#pragma once
// The per-job checks the single-candidate regimes (dense_query.hpp,
// sparse_query.hpp, must_key_query.hpp, few_jobs_query.hpp) share, and the
// packed per-job word the dense and must-key regimes both sum:
//   cov | rel << 16 | (musts met mod 8) << 29.
#include <algorithm>
#include <cstdint>
#include <span>

#include "matcher/score/candidate_levels.hpp"
#include "matcher/score/preference_bonus.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/score/top_k_heap.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

inline constexpr std::uint32_t kCovMask = 0xFFFFu;
inline constexpr std::uint32_t kRelMask = 0x1FFFu;
inline constexpr int kRelShift = 16;
inline constexpr int kMetShift = 29;

// Whether the sorted certificate list `held` contains every one of `required`.
inline bool holds_all(std::span<const Index> held, std::span<const Index> required) {
    return std::includes(held.begin(), held.end(), required.begin(), required.end());
}

// A job with 8 or more must-haves passed on its count mod 8: check each
// must-have (the first must_count requirements) against the candidate's level.
inline bool all_musts_met(const JobKernelPlan& plan, const JobPlan& job,
                          std::span<const SkillEntry> levels) {
    const RequirementPlan* r = plan.reqs.data() + job.req_begin;
    for (std::uint32_t i = 0; i < job.must_count; ++i) {
        if (level_of(levels, r[i].skill) < r[i].level) return false;
    }
    return true;
}

// The preference bonus one candidate earns for a job's district and cluster
// (preference_bonus.hpp), with the candidate's lists looked up once.
struct PreferenceBonus {
    std::span<const Index> districts;  // the candidate's, sorted
    std::span<const Index> clusters;   // the candidate's, sorted
    const ScoreConfig* config = nullptr;

    std::int32_t operator()(std::uint32_t district, std::uint32_t cluster) const {
        return preference_bonus(*config, districts, clusters, district, cluster);
    }
};

// The exact path of a job that passed a regime's float bound (dense, must-key):
// the gates the packed word cannot decide (8+ must-haves, certificates), then
// the exact score offered to the heap. True when the job entered and the heap
// is full, so the caller raises its pruning bounds.
inline bool offer_exact(const JobKernelPlan& plan, Index j, std::uint32_t cov, std::uint32_t rel,
                        std::uint32_t level_sum, std::int32_t bonus,
                        std::span<const SkillEntry> levels, std::span<const Index> held,
                        std::span<HeapEntry> slots, std::uint32_t& count) {
    const JobPlan& job = plan.jobs[j];
    if (job.must_count >= 8 && !all_musts_met(plan, job, levels)) return false;
    if (job.cert_begin != job.cert_end &&
        !holds_all(held, std::span(plan.certs.data() + job.cert_begin,
                                   plan.certs.data() + job.cert_end))) {
        return false;
    }
    PairScore s;
    s.cov_num = cov;
    s.cov_den = job.cov_den;
    s.rel_num = rel;
    s.rel_den = level_sum;
    s.bonus = bonus;
    return offer(slots, count, make_entry(s, j)) && count == slots.size();
}

}  // namespace talentmatch::matcher::detail
