// The must-key regime (must_key_query.hpp): the plan's key lists hold every
// job with a must-have exactly once, under one of its own must-haves, by
// level; a world where most jobs have must-haves really takes the regime
// through the public API, and its answers equal the reference scorer's
// (every filter, graduates and programs, ties, k above the eligible count,
// 1 and 2 threads, both kernels). The regime is also in dense_query_test.cpp's
// sweep.
#include <gtest/gtest.h>

#include <bit>
#include <span>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/query/must_key_query.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

// Many skills, most jobs with one or two must-haves (some with none, some
// with every requirement a must-have), graduates with many skills.
RandomWorld must_world(unsigned seed, bool extreme, std::size_t skills = 150) {
    WorldShape shape;
    shape.skills = skills;
    shape.jobs = 3000;
    shape.graduates = 40;
    shape.max_requirements = 36;  // records of 1, 2 and 3 rows
    shape.max_skills = 40;
    shape.extreme = extreme;
    RandomWorld w = make_world(seed, shape);
    for (std::size_t j = 0; j < w.jobs.size(); ++j) {
        auto& reqs = w.jobs[j].requirements;
        for (std::size_t i = 0; i < reqs.size(); ++i) {
            reqs[i].must_have = j % 13 == 0 ? true : j % 29 == 0 ? false : i < 1 + j % 2;
        }
    }
    for (std::size_t g = 0; g < w.graduates.size(); g += 11) w.graduates[g].skills.clear();
    return w;
}

detail::DenseScan machine_kernel() {
    return detail::cpu_has_avx512bw() ? detail::DenseScan::kAvx512 : detail::DenseScan::kScalar;
}

// Graduates' share taking the must-key regime through the public API.
double must_key_share(const RandomWorld& w) {
    const auto snap = build_snapshot(w);
    int must_key = 0;
    for (Index c = 0; c < snap->graduates.size(); ++c) {
        must_key += detail::prefers_must_key(snap->job_plan, snap->graduates, c, machine_kernel());
    }
    return double(must_key) / double(snap->graduates.size());
}

TEST(MustKeyRegime, RecordsHoldEveryJobOnceKeyedOnItsOwnMustHave) {
    const RandomWorld w = must_world(41, false);
    const auto snap = build_snapshot(w);
    const JobKernelPlan& plan = snap->job_plan;
    const std::size_t skills = snap->skills.size();
    ASSERT_EQ(plan.must_key_offsets.size(), 5 * skills + 2);
    ASSERT_EQ(plan.must_key_offsets.back(), plan.must_key_records.size());
    ASSERT_EQ(plan.must_key_records.size(), snap->jobs.size());
    ASSERT_EQ(plan.must_key_lanes.size(), plan.reqs.size());
    std::vector<int> seen(snap->jobs.size(), 0);
    std::size_t long_records = 0;
    // Each record repeats its job's plan: requirements in order, gates, place.
    auto check_record = [&](std::uint32_t i) {
        const MustKeyRecord& record = plan.must_key_records[i];
        const Index j = record.job;
        ASSERT_LT(j, snap->jobs.size());
        ++seen[j];
        const JobPlan& job = plan.jobs[j];
        const std::uint32_t begin = detail::lane_begin(plan, i);
        ASSERT_EQ(record.lane_end - begin, job.req_end - job.req_begin) << "job " << j;
        long_records += record.lane_end - begin > 16;
        EXPECT_EQ(record.gates & 0xFFu, job.must_count % 8);
        EXPECT_EQ(record.gates >> 8, job.min_education);
        EXPECT_EQ(record.inv_cov_den, job.inv_cov_den);
        EXPECT_EQ(record.place, plan.place.empty() ? kNoPlace : plan.place[j]);
        for (std::uint32_t q = 0; q < job.req_end - job.req_begin; ++q) {
            const std::uint32_t lane = plan.must_key_lanes[begin + q];
            const RequirementPlan& r = plan.reqs[job.req_begin + q];
            EXPECT_EQ(lane >> 8, r.skill);
            EXPECT_EQ(lane & 7u, r.level);
            EXPECT_EQ((lane >> 7) & 1u, r.must_have);
        }
    };
    for (std::size_t b = 0; b + 1 < plan.must_key_offsets.size(); ++b) {
        const bool free_bucket = b == 5 * skills;
        for (std::uint32_t i = plan.must_key_offsets[b]; i < plan.must_key_offsets[b + 1]; ++i) {
            const Index j = plan.must_key_records[i].job;
            const JobPlan& job = plan.jobs[j];
            if (free_bucket) {
                EXPECT_EQ(job.must_count, 0u) << "job " << j;
            } else {
                bool own_must = false;
                for (std::uint32_t q = job.req_begin; q < job.req_end; ++q) {
                    own_must |= plan.reqs[q].must_have && plan.reqs[q].skill == b / 5 &&
                                plan.reqs[q].level == b % 5 + 1;
                }
                EXPECT_TRUE(own_must) << "job " << j << " keyed on a requirement it lacks";
            }
            if (i > plan.must_key_offsets[b]) {
                EXPECT_LT(plan.must_key_records[i - 1].job, j) << "bucket not in job order";
            }
            check_record(i);
        }
    }
    for (Index j = 0; j < snap->jobs.size(); ++j) EXPECT_EQ(seen[j], 1) << "job " << j;
    EXPECT_GT(long_records, 0u) << "no record of more than 16 requirements";
}

template <typename Candidate>
void check_public_api(const RandomWorld& w, const std::vector<Candidate>& candidates,
                      CandidateKind kind, std::size_t k, const ScoreConfig& cfg) {
    const auto snap = build_snapshot(w);
    std::vector<std::string> ids;
    for (const Candidate& c : candidates) ids.push_back(c.id);
    QueryWorkspace workspace;
    for (const MatchFilter& f : all_filters()) {
        for (const auto& [threads, kernel] :
             {std::pair{1, Kernel::kAuto}, {2, Kernel::kAuto}, {1, Kernel::kScalar}}) {
            ExecutionOptions ex;
            ex.threads = threads;
            ex.kernel = kernel;
            ex.workspace = &workspace;
            for (std::size_t q = 0; q < ids.size(); ++q) {
                const std::string one[1] = {ids[q]};
                const MatchLists got = kind == CandidateKind::kGraduates
                                           ? top_jobs_for_graduates(*snap, one, k, f, cfg, ex)
                                           : top_jobs_for_programs(*snap, one, k, f, cfg, ex);
                const auto want = oracle_jobs_for(candidates[q], w.jobs, k, f, cfg);
                ASSERT_EQ(got[0].size(), want.size()) << ids[q];
                for (std::size_t i = 0; i < want.size(); ++i) {
                    EXPECT_EQ(got[0][i].id, want[i].id) << ids[q] << " rank " << i;
                    EXPECT_EQ(got[0][i].exact, want[i].score) << ids[q] << " rank " << i;
                }
            }
        }
    }
}

TEST(MustKeyRegime, PublicApiTakesTheRegimeAndMatchesReference) {
    const RandomWorld w = must_world(42, false);
    ASSERT_GT(must_key_share(w), 0.25);  // the rest take dense or sparse: both compared
    check_public_api(w, w.graduates, CandidateKind::kGraduates, 8, ScoreConfig{});
    check_public_api(w, w.graduates, CandidateKind::kGraduates, 1, ScoreConfig{150, 75});
    check_public_api(w, w.programs, CandidateKind::kPrograms, 5, ScoreConfig{});
}

// Over 512 skills the AVX-512 kernel gathers levels instead of permuting
// bytes in registers.
TEST(MustKeyRegime, LargeTaxonomyMatchesReference) {
    RandomWorld w = must_world(44, false, 700);
    // A job of 300 must-haves (level 1) that graduate 1 meets with all 300
    // skills at level 5: its best match (fit 0.2; the others' <= 36 · 5 /
    // 1,500), found only if a must count above 255 is gated exactly.
    Job& many = w.jobs[1];
    many.requirements.clear();
    w.graduates[1].skills.clear();
    for (std::size_t s = 0; s < 300; ++s) {
        many.requirements.push_back({w.skills[s].id, 1, 1, true});
        w.graduates[1].skills.push_back({w.skills[s].id, 5, {}});
    }
    many.required_certificates.clear();
    many.min_education = EducationLevel::kSecondaryVocational;
    ASSERT_GT(must_key_share(w), 0.25);
    check_public_api(w, w.graduates, CandidateKind::kGraduates, 8, ScoreConfig{});
}

TEST(MustKeyRegime, TiesAndKAboveEligibleCountMatchReference) {
    const RandomWorld w = must_world(43, true);  // every level 5, weight 10: many ties
    check_public_api(w, w.graduates, CandidateKind::kGraduates, 6, ScoreConfig{});
    check_public_api(w, w.graduates, CandidateKind::kGraduates, 1000, ScoreConfig{});
}

}  // namespace
}  // namespace talentmatch::matcher::testing
