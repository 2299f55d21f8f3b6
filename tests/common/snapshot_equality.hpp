#pragma once
// Two matcher snapshots equal member by member: every dictionary and name,
// every column of the candidate sets and the job side (their own column
// lists, snapshot.hpp), the block layouts and candidate indexes built from
// them, the job kernel plan's job list and skill index, and the training
// supply. Not compared: build statistics and the job side's per-date memo.
#include <gtest/gtest.h>

#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::testing {

inline void expect_same_candidates(const matcher::CandidateSet& x, const matcher::CandidateSet& y,
                                   const char* which) {
    ASSERT_EQ(x.ids.all(), y.ids.all()) << which;
    matcher::CandidateSet::columns(
        [which](const char* name, const auto& cx, const auto& cy) {
            EXPECT_TRUE(cx == cy) << which << "." << name;
        },
        x, y);
    EXPECT_TRUE(x.blocks == y.blocks) << which;
    EXPECT_TRUE(x.index == y.index) << which;
}

inline void expect_same_snapshot(const matcher::Snapshot& a, const matcher::Snapshot& b) {
    EXPECT_EQ(a.skills.all(), b.skills.all());
    EXPECT_EQ(a.skill_name_en, b.skill_name_en);
    EXPECT_EQ(a.skill_name_zh, b.skill_name_zh);
    EXPECT_EQ(a.skill_category, b.skill_category);
    EXPECT_EQ(a.certificates.all(), b.certificates.all());
    EXPECT_TRUE(a.certificate_skills == b.certificate_skills);
    EXPECT_EQ(a.institutions.all(), b.institutions.all());
    EXPECT_EQ(a.institution_district, b.institution_district);
    EXPECT_EQ(a.employers.all(), b.employers.all());
    EXPECT_EQ(a.employer_cluster, b.employer_cluster);
    EXPECT_EQ(a.employer_district, b.employer_district);
    EXPECT_EQ(a.employer_association, b.employer_association);
    EXPECT_EQ(a.institution_name, b.institution_name);
    EXPECT_EQ(a.employer_name, b.employer_name);
    EXPECT_EQ(a.program_name, b.program_name);
    EXPECT_EQ(a.districts.all(), b.districts.all());
    EXPECT_EQ(a.clusters.all(), b.clusters.all());
    expect_same_candidates(a.graduates, b.graduates, "graduates");
    expect_same_candidates(a.programs, b.programs, "programs");
    ASSERT_EQ(a.jobs.ids.all(), b.jobs.ids.all());
    matcher::JobSet::columns([](const char* name, const auto& cx,
                                const auto& cy) { EXPECT_TRUE(cx == cy) << "jobs." << name; },
                             a.jobs, b.jobs);
    EXPECT_EQ(a.job_plan.all_jobs, b.job_plan.all_jobs);
    EXPECT_EQ(a.job_plan.skill_offsets, b.job_plan.skill_offsets);
    EXPECT_EQ(a.training.ids, b.training.ids);
    EXPECT_TRUE(a.training.skills == b.training.skills);
    EXPECT_EQ(a.training.capacity, b.training.capacity);
    EXPECT_EQ(a.training.cluster, b.training.cluster);
    EXPECT_EQ(a.training.district, b.training.district);
}

}  // namespace talentmatch::testing
