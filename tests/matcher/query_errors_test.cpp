// Invalid calls raise typed errors naming the field or the unknown id, and
// nothing is returned half-done.
#include <gtest/gtest.h>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/query/match_query.hpp"
#include "models/field_error.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

class QueryErrors : public ::testing::Test {
  protected:
    RandomWorld world = make_world(11, WorldShape{});
    std::shared_ptr<const Snapshot> snap = build_snapshot(world);
    ScoreConfig config;
    std::vector<std::string> one_graduate{world.graduates[0].id};
    std::vector<std::string> one_job{world.jobs[0].id};
};

std::string first_path(const ValidationError& e) {
    return e.errors().at(0).path;
}

TEST_F(QueryErrors, ZeroKIsAValidationErrorOnK) {
    try {
        top_jobs_for_graduates(*snap, one_graduate, 0, {}, config);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_EQ(first_path(e), "k");
    }
    EXPECT_THROW(top_graduates_for_jobs(*snap, one_job, 0, {}, config), ValidationError);
    EXPECT_THROW(batch_top_k(*snap, CandidateKind::kGraduates, {0, 1}, 0, 0, {}, config),
                 ValidationError);
}

TEST_F(QueryErrors, UnknownQueryIdIsNotFoundWithKindAndId) {
    const std::vector<std::string> ids = {world.graduates[0].id, "nobody"};
    try {
        top_jobs_for_graduates(*snap, ids, 3, {}, config);
        FAIL() << "no error";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.kind(), "graduate");
        EXPECT_EQ(e.id(), "nobody");
    }
    const std::vector<std::string> jobs = {"no-such-job"};
    EXPECT_THROW(top_graduates_for_jobs(*snap, jobs, 3, {}, config), NotFoundError);
    EXPECT_THROW(top_programs_for_jobs(*snap, jobs, 3, {}, config), NotFoundError);
    EXPECT_THROW(top_jobs_for_programs(*snap, jobs, 3, {}, config), NotFoundError);
}

TEST_F(QueryErrors, UnknownFilterIdNamesTheFilterField) {
    MatchFilter f;
    f.districts = {"nanshan", "atlantis"};
    try {
        top_jobs_for_graduates(*snap, one_graduate, 3, f, config);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_EQ(first_path(e), "filter.districts[1]");
    }
    MatchFilter g;
    g.employers = {"emp9999"};
    g.programs = {"prog9999"};
    try {
        top_graduates_for_jobs(*snap, one_job, 3, g, config);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 2u);
        EXPECT_EQ(e.errors()[0].path, "filter.employers[0]");
        EXPECT_EQ(e.errors()[1].path, "filter.programs[0]");
    }
}

TEST_F(QueryErrors, MinCoverageOutsideUnitIntervalIsRejected) {
    for (double bad : {-0.1, 1.5, std::nan("")}) {
        MatchFilter f;
        f.min_coverage = bad;
        try {
            top_jobs_for_graduates(*snap, one_graduate, 3, f, config);
            FAIL() << "no error for " << bad;
        } catch (const ValidationError& e) {
            EXPECT_EQ(first_path(e), "filter.min_coverage");
        }
    }
}

TEST_F(QueryErrors, BadBatchRangeAndBadOptionsAreRejected) {
    const Index n = Index(snap->graduates.size());
    EXPECT_THROW(batch_top_k(*snap, CandidateKind::kGraduates, {5, 2}, 3, 3, {}, config),
                 ValidationError);
    EXPECT_THROW(batch_top_k(*snap, CandidateKind::kGraduates, {0, n + 1}, 3, 3, {}, config),
                 ValidationError);
    ExecutionOptions bad_threads{-1, Kernel::kScalar};
    EXPECT_THROW(top_jobs_for_graduates(*snap, one_graduate, 3, {}, config, bad_threads),
                 ValidationError);
    ScoreConfig bad_config{-5, 200};
    try {
        top_jobs_for_graduates(*snap, one_graduate, 3, {}, bad_config);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_EQ(first_path(e), "district_bonus");
    }
}

TEST(QueryResults, GraduateWithNoSkillsHasFitZeroButEligibleJobsStillRank) {
    SnapshotBuilder b;
    b.add_skill({"s1", "", "", "", {}});
    b.add_employer({"e1", "", "ict", "nanshan", ""});
    Graduate g;
    g.id = "g-empty";
    g.preferred_districts = {"nanshan"};
    b.add_graduate(g);
    Job plain{"j-plain", "e1", "", "ict", "futian", 1, {}, {}, "", {{"s1", 3, 5, false}}};
    Job gated{"j-gated", "e1", "", "ict", "nanshan", 1, {}, {}, "", {{"s1", 1, 5, true}}};
    Job pref{"j-pref", "e1", "", "ict", "nanshan", 1, {}, {}, "", {{"s1", 2, 1, false}}};
    b.add_job(plain);
    b.add_job(gated);
    b.add_job(pref);
    const auto snap = b.build();
    const std::vector<std::string> ids = {"g-empty"};
    const MatchLists got = top_jobs_for_graduates(*snap, ids, 10, {}, ScoreConfig{});
    ASSERT_EQ(got[0].size(), 2u);       // the must-have job is ineligible
    EXPECT_EQ(got[0][0].id, "j-pref");  // fit 0 + district bonus 0.02
    EXPECT_DOUBLE_EQ(got[0][0].fit, 0.0);
    EXPECT_DOUBLE_EQ(got[0][0].score, 0.02);
    EXPECT_EQ(got[0][1].id, "j-plain");
    EXPECT_DOUBLE_EQ(got[0][1].coverage, 0.0);
}

TEST(QueryResults, HandCheckedScoreOfOnePair) {
    SnapshotBuilder b;
    for (const char* s : {"a", "b", "c"}) b.add_skill({s, "", "", "", {}});
    b.add_employer({"e", "", "battery", "baoan", ""});
    Graduate g;
    g.id = "g";
    g.skills = {{"a", 4, {}}, {"b", 1, {}}, {"c", 5, {}}};
    g.preferred_clusters = {"battery"};
    b.add_graduate(g);
    // cov = (3·min(4,3) + 2·min(1,2)) / (3·3 + 2·2) = 11/13; rel = (3 + 1) / 10.
    b.add_job(
        {"j", "e", "", "battery", "baoan", 1, {}, {}, "", {{"a", 3, 3, true}, {"b", 2, 2, false}}});
    const auto snap = b.build();
    const std::vector<std::string> ids = {"g"};
    const MatchLists got = top_jobs_for_graduates(*snap, ids, 1, {}, ScoreConfig{});
    ASSERT_EQ(got[0].size(), 1u);
    EXPECT_EQ(got[0][0].exact.cov_num, 11u);
    EXPECT_EQ(got[0][0].exact.cov_den, 13u);
    EXPECT_EQ(got[0][0].exact.rel_num, 4u);
    EXPECT_EQ(got[0][0].exact.rel_den, 10u);
    EXPECT_EQ(got[0][0].exact.bonus, 200);
    EXPECT_DOUBLE_EQ(got[0][0].fit, (11.0 / 13.0) * 0.4);
}

}  // namespace
}  // namespace talentmatch::matcher::testing
