#include "matcher/snapshot/job_kernel_plan_builder.hpp"

#include <algorithm>
#include <bit>

namespace talentmatch::matcher {
namespace {

std::uint32_t posting_code(std::uint32_t level, std::uint32_t weight, bool must_have) {
    return level | weight << 3 | std::uint32_t(must_have) << 7;
}

// must_key_offsets / must_key_records / must_key_lanes (see the header),
// from each requirement's compact word.
void add_must_keys(JobKernelPlan& plan, std::size_t skill_count,
                   const std::vector<std::uint32_t>& compact) {
    // Bucket of each job: 5 · key skill + key level - 1, or the free bucket.
    const std::uint32_t free_bucket = std::uint32_t(5 * skill_count);
    std::vector<std::uint32_t> bucket_of(plan.jobs.size(), free_bucket);
    std::vector<std::uint32_t> offsets(5 * skill_count + 2, 0);  // records per bucket, shifted
    const auto postings = [&](const RequirementPlan& q) {
        return plan.skill_offsets[q.skill + 1] - plan.skill_offsets[q.skill];
    };
    for (const JobPlan& jp : plan.jobs) {
        const RequirementPlan* key = nullptr;
        for (std::uint32_t i = jp.req_begin; i < jp.req_end; ++i) {
            const RequirementPlan& r = plan.reqs[i];
            if (!r.must_have) continue;
            if (key == nullptr || postings(r) < postings(*key) ||
                (postings(r) == postings(*key) && r.skill < key->skill)) {
                key = &r;
            }
        }
        if (key != nullptr) bucket_of[jp.job] = 5 * key->skill + key->level - 1;
        ++offsets[bucket_of[jp.job] + 1];
    }
    for (std::size_t b = 0; b + 1 < offsets.size(); ++b) offsets[b + 1] += offsets[b];
    plan.must_key_offsets = offsets;
    // Records in bucket order (ascending job index within a bucket), then
    // their lanes in the same order.
    std::vector<std::uint32_t> order(plan.jobs.size());
    for (const JobPlan& jp : plan.jobs) order[offsets[bucket_of[jp.job]]++] = jp.job;
    plan.must_key_records.reserve(order.size());
    plan.must_key_lanes.reserve(compact.size());
    for (const std::uint32_t j : order) {
        const JobPlan& jp = plan.jobs[j];
        plan.must_key_lanes.insert(plan.must_key_lanes.end(), compact.begin() + jp.req_begin,
                                   compact.begin() + jp.req_end);
        MustKeyRecord record;
        record.job = j;
        record.lane_end = std::uint32_t(plan.must_key_lanes.size());
        record.gates = jp.must_count % 8 | std::uint32_t(jp.min_education) << 8;
        record.inv_cov_den = jp.inv_cov_den;
        record.place = plan.place.empty() ? kNoPlace : plan.place[j];
        plan.must_key_records.push_back(record);
    }
}

}  // namespace

JobKernelPlan build_job_kernel_plan(const JobSet& jobs, std::size_t skill_count) {
    JobKernelPlan plan;
    plan.jobs.reserve(jobs.size());
    plan.inv_cov_den.reserve(jobs.size());
    plan.dense_gate.reserve(jobs.size());
    plan.reqs.reserve(jobs.requirements.items.size());
    // Each requirement as skill << 8 | code, for the must-key records.
    // Lanes hold skill << 8 in 32 bits; at most 2^32 - 1 lanes in all.
    const bool keyed = skill_count < (std::size_t{1} << 24) &&
                       jobs.requirements.items.size() < (std::size_t{1} << 32) - 1;
    std::vector<std::uint32_t> compact;
    if (keyed) compact.reserve(jobs.requirements.items.size());
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
            if (keyed)
                compact.push_back(r.skill << 8 | posting_code(r.level, r.weight, r.must_have));
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
            plan.dense_postings.push_back(p.job << 8 |
                                          posting_code(p.level, p.weight, p.must_have != 0));
        }
    }
    if (keyed) add_must_keys(plan, skill_count, compact);
    return plan;
}

}  // namespace talentmatch::matcher
