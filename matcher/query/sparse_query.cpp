#include "matcher/query/sparse_query.hpp"

#include <algorithm>

#include "matcher/query/job_checks.hpp"

namespace talentmatch::matcher::detail {

void sparse_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                     const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                     const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                     SparseScratch& sc) {
    const JobSet& jobs = snapshot.jobs;
    const JobKernelPlan& plan = snapshot.job_plan;
    const std::size_t n = jobs.size();
    if (sc.sums.size() != n) sc.sums.assign(n, JobSums{});
    count = 0;
    if (!filter.candidate_ok.empty() && !filter.candidate_ok[c]) return;
    sc.touched.clear();
    JobSums* sums = sc.sums.data();
    for (const SkillEntry& e : cs.skills.row(c)) {
        const SkillPosting* p = plan.postings.data() + plan.skill_offsets[e.skill];
        const SkillPosting* end = plan.postings.data() + plan.skill_offsets[e.skill + 1];
        for (; p != end; ++p) {
            JobSums& s = sums[p->job];
            if (s.rel == 0) {  // first touch: every must-have still unmet
                sc.touched.push_back(p->job);
                s.musts_unmet = p->job_must_count < SkillPosting::kManyMusts
                                    ? p->job_must_count
                                    : std::uint16_t(plan.jobs[p->job].must_count);
            }
            const std::uint32_t m = std::min(e.level, p->level);
            s.cov += p->weight * m;
            s.rel = std::uint16_t(s.rel + m);
            s.musts_unmet = std::uint16_t(s.musts_unmet - (p->must_have && e.level >= p->level));
        }
    }
    const std::span<const Index> held = cs.certificates.row(c);
    const auto districts = cs.preferred_districts.row(c);
    const auto clusters = cs.preferred_clusters.row(c);
    const std::uint8_t education = cs.education[c];
    const std::uint32_t level_sum = cs.level_sum[c];
    auto bonus_of = [&](const JobPlan& job) {
        return preference_bonus(config, districts, clusters, job.district, job.cluster);
    };
    // Gates and score read the job's JobPlan (one cache line holding its
    // education minimum, certificate range, district, cluster and cov_den)
    // rather than JobSet's separate arrays: touched jobs come in random
    // order, so each separate array would cost its own cache miss.
    auto consider = [&](Index j, std::uint32_t cov, std::uint32_t rel) {
        if (!filter.job_ok.empty() && !filter.job_ok[j]) return;
        const JobPlan& job = plan.jobs[j];
        if (education < job.min_education) return;
        if (!cov_min_by_job.empty() && cov < cov_min_by_job[j]) return;
        if (job.cert_begin != job.cert_end &&
            !holds_all(held, std::span(plan.certs.data() + job.cert_begin,
                                       plan.certs.data() + job.cert_end))) {
            return;
        }
        PairScore s;
        s.cov_num = cov;
        s.cov_den = job.cov_den;
        s.rel_num = rel;
        s.rel_den = level_sum;
        s.bonus = bonus_of(job);
        offer(slots, count, make_entry(s, j));
    };
    // Jobs sharing a skill: eligible when every must-have is met.
    for (Index j : sc.touched) {
        if (sums[j].musts_unmet == 0) consider(j, sums[j].cov, sums[j].rel);
    }
    // Jobs sharing none have fit 0: they matter only while one could still
    // enter (score = bonus <= max_bonus).
    const double max_bonus = bonus_as_fit<double>(config.max_bonus());
    if (count < slots.size() || worst_score(slots) <= max_bonus + kApproxSlack) {
        for (Index j = 0; j < n; ++j) {
            if (plan.jobs[j].must_count != 0) continue;  // an unmet must-have
            if (sums[j].rel != 0) continue;              // touched: considered above
            consider(j, 0, 0);
        }
    }
    for (Index j : sc.touched) sums[j] = JobSums{};
}

}  // namespace talentmatch::matcher::detail
