#include "matcher/sparse_query.hpp"

#include <algorithm>

namespace talentmatch::matcher::detail {
namespace {

bool holds_all(std::span<const Index> held, std::span<const Index> required) {
    return std::includes(held.begin(), held.end(), required.begin(), required.end());
}

}  // namespace

void sparse_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                     const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                     const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                     SparseScratch& sc) {
    const JobSet& jobs = snapshot.jobs;
    const JobKernelPlan& plan = snapshot.job_plan;
    const std::size_t n = jobs.size();
    if (sc.cov.size() != n) {
        sc.cov.assign(n, 0);
        sc.rel.assign(n, 0);
        sc.musts.assign(n, 0);
    }
    count = 0;
    if (!filter.candidate_ok.empty() && !filter.candidate_ok[c]) return;
    sc.touched.clear();
    for (const SkillEntry& e : cs.skills.row(c)) {
        const SkillPosting* p = plan.postings.data() + plan.skill_offsets[e.skill];
        const SkillPosting* end = plan.postings.data() + plan.skill_offsets[e.skill + 1];
        for (; p != end; ++p) {
            const std::uint32_t m = std::min(e.level, p->level);
            if (sc.cov[p->job] == 0 && sc.rel[p->job] == 0 && sc.musts[p->job] == 0) {
                sc.touched.push_back(p->job);
            }
            sc.cov[p->job] += p->weight * m;
            sc.rel[p->job] = std::uint16_t(sc.rel[p->job] + m);
            sc.musts[p->job] =
                std::uint16_t(sc.musts[p->job] + (p->must_have && e.level >= p->level));
        }
    }
    const std::span<const Index> held = cs.certificates.row(c);
    const auto districts = cs.preferred_districts.row(c);
    const auto clusters = cs.preferred_clusters.row(c);
    auto bonus_of = [&](Index j) {
        std::int32_t b = 0;
        if (std::binary_search(districts.begin(), districts.end(), jobs.district[j])) {
            b += config.district_bonus;
        }
        if (std::binary_search(clusters.begin(), clusters.end(), jobs.cluster[j])) {
            b += config.cluster_bonus;
        }
        return b;
    };
    auto consider = [&](Index j, std::uint32_t cov, std::uint32_t rel) {
        if (!filter.job_ok.empty() && !filter.job_ok[j]) return;
        if (cs.education[c] < jobs.min_education[j]) return;
        if (!cov_min_by_job.empty() && cov < cov_min_by_job[j]) return;
        if (!holds_all(held, jobs.certificates.row(j))) return;
        PairScore s;
        s.cov_num = cov;
        s.cov_den = jobs.weighted_level_sum[j];
        s.rel_num = rel;
        s.rel_den = cs.level_sum[c];
        s.bonus = bonus_of(j);
        offer(slots, count, make_entry(s, j));
    };
    // Jobs sharing a skill: eligible when every must-have is met.
    for (Index j : sc.touched) {
        if (sc.musts[j] == plan.jobs[j].must_count) consider(j, sc.cov[j], sc.rel[j]);
    }
    // Jobs sharing none have fit 0: they matter only while one could still
    // enter (score = bonus <= max_bonus).
    const double max_bonus = double(config.max_bonus()) / double(kBonusScale);
    if (count < slots.size() || worst_score(slots) <= max_bonus + kApproxSlack) {
        for (Index j = 0; j < n; ++j) {
            if (plan.jobs[j].must_count != 0) continue;  // an unmet must-have
            if (sc.cov[j] != 0 || sc.rel[j] != 0 || sc.musts[j] != 0) continue;
            consider(j, 0, 0);
        }
    }
    for (Index j : sc.touched) {
        sc.cov[j] = 0;
        sc.rel[j] = 0;
        sc.musts[j] = 0;
    }
}

}  // namespace talentmatch::matcher::detail
