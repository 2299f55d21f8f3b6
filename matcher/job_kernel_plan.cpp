#include "matcher/job_kernel_plan_builder.hpp"

#include <algorithm>

namespace talentmatch::matcher {

JobKernelPlan build_job_kernel_plan(const JobSet& jobs, std::size_t skill_count) {
    JobKernelPlan plan;
    plan.jobs.reserve(jobs.size());
    plan.inv_cov_den.reserve(jobs.size());
    plan.dense_gate.reserve(jobs.size());
    plan.reqs.reserve(jobs.requirements.items.size());
    for (Index j = 0; j < jobs.size(); ++j) {
        JobPlan jp;
        jp.job = j;
        jp.cov_den = jobs.weighted_level_sum[j];
        jp.inv_cov_den = 1.0f / float(jp.cov_den);
        std::uint32_t level_sum = 0;
        for (const RequirementEntry& r : jobs.requirements.row(j)) level_sum += r.level;
        jp.packed = jp.cov_den <= 1023 && level_sum <= 63;
        jp.req_begin = std::uint32_t(plan.reqs.size());
        for (const RequirementEntry& r : jobs.requirements.row(j)) {
            RequirementPlan rp;
            rp.skill = r.skill;
            rp.level = r.level;
            rp.must_have = r.must_have;
            if (r.must_have) ++jp.must_count;
            for (int l = 0; l < 8; ++l) {
                const int m = std::min(l, int(r.level));
                if (jp.packed) {
                    rp.lut_a[l] = std::uint16_t(r.weight * m + (m << 10));
                } else {
                    rp.lut_a[l] = std::uint16_t(r.weight * m);
                    rp.lut_b[l] = std::uint16_t(m);
                }
            }
            plan.reqs.push_back(rp);
        }
        jp.req_end = std::uint32_t(plan.reqs.size());
        jp.cert_begin = std::uint32_t(plan.certs.size());
        for (Index c : jobs.certificates.row(j)) plan.certs.push_back(c);
        jp.cert_end = std::uint32_t(plan.certs.size());
        jp.district = jobs.district[j];
        jp.cluster = jobs.cluster[j];
        jp.min_education = jobs.min_education[j];
        plan.inv_cov_den.push_back(jp.inv_cov_den);
        plan.dense_gate.push_back(std::uint8_t((jp.must_count & 7u) |
                                               (jp.must_count >= 8 ? 8u : 0u) |
                                               std::uint32_t(jp.min_education) << 4));
        plan.jobs.push_back(jp);
        plan.all_jobs.push_back(j);
    }
    plan.skill_offsets.assign(skill_count + 1, 0);
    for (const RequirementEntry& r : jobs.requirements.items) ++plan.skill_offsets[r.skill + 1];
    for (std::size_t s = 0; s < skill_count; ++s)
        plan.skill_offsets[s + 1] += plan.skill_offsets[s];
    plan.postings.resize(jobs.requirements.items.size());
    std::vector<std::uint32_t> cursor(plan.skill_offsets.begin(), plan.skill_offsets.end() - 1);
    for (Index j = 0; j < jobs.size(); ++j) {
        const auto musts = std::uint8_t(
            std::min<std::uint32_t>(plan.jobs[j].must_count, SkillPosting::kManyMusts));
        for (const RequirementEntry& r : jobs.requirements.row(j)) {
            plan.postings[cursor[r.skill]++] = {j, r.level, r.weight, r.must_have, musts};
        }
    }
    bool small_places = true;
    for (const JobPlan& jp : plan.jobs) small_places &= jp.district < 65536 && jp.cluster < 65536;
    if (small_places) {
        plan.place.reserve(plan.jobs.size());
        for (const JobPlan& jp : plan.jobs) plan.place.push_back(jp.district | jp.cluster << 16);
    }
    if (jobs.size() < JobKernelPlan::kDenseMaxJobs) {
        plan.dense_postings.reserve(plan.postings.size());
        for (const SkillPosting& p : plan.postings) {
            const std::uint32_t code =
                p.level | std::uint32_t(p.weight) << 3 | std::uint32_t(p.must_have != 0) << 7;
            plan.dense_postings.push_back(p.job << 8 | code);
        }
    }
    return plan;
}

}  // namespace talentmatch::matcher
