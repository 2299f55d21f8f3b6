// Explanations on small hand-checked markets: every number below is worked
// out by hand from SPEC.md's formulas (see the comments next to each case).
#include "matcher/query/explanation.hpp"

#include <gtest/gtest.h>

#include "matcher/score/reference_scorer.hpp"
#include "models/field_error.hpp"
#include "tests/matcher/analytics_fixture.hpp"

namespace talentmatch::matcher {
namespace {

using testing::req;
using testing::skill;

// Skills s.a, s.b, s.c, s.d; certificate cert.x; one program, four graduates,
// two jobs. job1 needs s.a 4 (w5, must), s.b 2 (w3), s.c 3 (w2); Σ w·r = 32;
// cert.x; higher vocational. job2 needs s.b 2 (w2), s.a 1 (w4); Σ w·r = 8.
testing::Market market() {
    testing::Market m;
    m.skills = {skill("s.a", "cat1"), skill("s.b", "cat1"), skill("s.c", "cat2"),
                skill("s.d", "cat2")};
    m.certificates = {Certificate{"cert.x", "x", "x", CertificateKind::kIndustry, "", "", {}}};
    m.institutions = {{"inst1", "Institute", "D1", EducationLevel::kHigherVocational}};
    Program p;
    p.id = "prog1";
    p.institution_id = "inst1";
    p.cluster = "C1";
    p.cohort_size = 40;
    p.curriculum = {{"s.a", 3}, {"s.b", 1}};
    p.certificates = {"cert.x"};
    m.programs = {p};
    m.employers = {{"emp1", "Employer", "C1", "D1", ""}};
    Graduate g1;
    g1.id = "g1";
    g1.institution_id = "inst1";
    g1.program_id = "prog1";
    g1.education_level = EducationLevel::kSecondaryVocational;
    g1.skills = {{"s.a", 2, {}}, {"s.b", 2, {}}, {"s.d", 4, {}}};
    g1.preferred_districts = {"D1"};
    Graduate g0 = g1;
    g0.id = "g0";
    g0.skills.clear();
    g0.preferred_districts.clear();
    Graduate g2 = g1;
    g2.id = "g2";
    g2.education_level = EducationLevel::kBachelor;
    g2.skills = {{"s.a", 5, {}}, {"s.b", 3, {}}, {"s.c", 3, {}}};
    g2.certificates = {"cert.x"};
    g2.preferred_districts.clear();
    g2.preferred_clusters = {"C1"};
    m.graduates = {g0, g1, g2};
    Job j1;
    j1.id = "job1";
    j1.employer_id = "emp1";
    j1.cluster = "C1";
    j1.district = "D1";
    j1.headcount = 2;
    j1.min_education = EducationLevel::kHigherVocational;
    j1.required_certificates = {"cert.x"};
    j1.requirements = {req("s.c", 3, 2), req("s.b", 2, 3), req("s.a", 4, 5, true)};
    Job j2 = j1;
    j2.id = "job2";
    j2.min_education = EducationLevel::kSecondaryVocational;
    j2.required_certificates.clear();
    j2.requirements = {req("s.b", 2, 2), req("s.a", 1, 4)};
    j1.valid_until = "2026-06-30";  // the last valid day; job2 is open-ended
    m.jobs = {j1, j2};
    return m;
}

class ExplanationTest : public ::testing::Test {
  protected:
    std::shared_ptr<const Snapshot> snap = testing::build(market());
};

TEST_F(ExplanationTest, ListsContributionsScoreAndEveryFailedGate) {
    // g1 (a: s.a 2, s.b 2, s.d 4) vs job1:
    //   s.a must 4 w5: 5·min(2,4) = 10 of 20;  s.b 2 w3: 6 of 6;  s.c 3 w2: 0 of 6
    //   coverage 16/32; relevance (2+2+0)/(2+2+4) = 4/8; fit 1/4; district bonus 200.
    const Explanation e = explain(*snap, CandidateKind::kGraduates, "g1", "job1");
    EXPECT_EQ(e.candidate_id, "g1");
    EXPECT_EQ(e.job_id, "job1");
    EXPECT_EQ(e.score.cov_num, 16u);
    EXPECT_EQ(e.score.cov_den, 32u);
    EXPECT_EQ(e.score.rel_num, 4u);
    EXPECT_EQ(e.score.rel_den, 8u);
    EXPECT_EQ(e.score.bonus, 200);
    EXPECT_DOUBLE_EQ(e.coverage, 0.5);
    EXPECT_DOUBLE_EQ(e.relevance, 0.5);
    EXPECT_DOUBLE_EQ(e.fit, 0.25);
    EXPECT_FALSE(e.eligible);

    // Must-haves first, then skill id order.
    const std::vector<RequirementContribution> expected = {
        {0, "s.a", 4, 5, true, 2, 10, 20, {}},
        {1, "s.b", 2, 3, false, 2, 6, 6, {}},
        {2, "s.c", 3, 2, false, 0, 0, 6, {}},
    };
    EXPECT_EQ(e.contributions, expected);

    ASSERT_EQ(e.failed_gates.size(), 3u);
    EXPECT_EQ(e.failed_gates[0].kind, GateKind::kMustHaveSkill);
    EXPECT_EQ(e.failed_gates[0].id, "s.a");
    EXPECT_EQ(e.failed_gates[0].has, 2);
    EXPECT_EQ(e.failed_gates[0].needs, 4);
    EXPECT_EQ(e.failed_gates[0].message, "must-have skill 's.a': has 2, needs 4");
    EXPECT_EQ(e.failed_gates[1].kind, GateKind::kMissingCertificate);
    EXPECT_EQ(e.failed_gates[1].message, "missing certificate 'cert.x'");
    EXPECT_STREQ(to_string(e.failed_gates[1].kind), "missing_certificate");
    EXPECT_EQ(e.failed_gates[2].kind, GateKind::kEducationBelowMinimum);
    EXPECT_EQ(e.failed_gates[2].has, 0);
    EXPECT_EQ(e.failed_gates[2].needs, 1);
    EXPECT_EQ(e.failed_gates[2].message,
              "education below minimum: has secondary_vocational, needs higher_vocational");

    // Gaps: s.a 2 (w5 → 10), s.c 3 (w2 → 6); s.b has no gap.
    const std::vector<SkillGap> plan = {{0, "s.a", 2, 4, 2, 5, 10, true},
                                        {2, "s.c", 0, 3, 3, 2, 6, false}};
    EXPECT_EQ(e.learning_plan, plan);
}

TEST_F(ExplanationTest, ProgramUsesCurriculumCertificatesAndNoBonus) {
    // prog1 (s.a 3, s.b 1; cert.x; higher vocational) vs job1:
    //   s.a 15 of 20, s.b 3 of 6, s.c 0 of 6 → coverage 18/32 = 0.5625;
    //   relevance (3+1)/4 = 1; fit 0.5625. Only the must-have gate fails.
    //   Gaps by weighted gap: s.c 2·3 = 6, s.a 5·1 = 5, s.b 3·1 = 3.
    const Explanation e = explain(*snap, CandidateKind::kPrograms, "prog1", "job1");
    EXPECT_EQ(e.kind, CandidateKind::kPrograms);
    EXPECT_EQ(e.score.cov_num, 18u);
    EXPECT_EQ(e.score.rel_num, 4u);
    EXPECT_EQ(e.score.rel_den, 4u);
    EXPECT_EQ(e.score.bonus, 0);
    EXPECT_DOUBLE_EQ(e.fit, 0.5625);
    ASSERT_EQ(e.failed_gates.size(), 1u);
    EXPECT_EQ(e.failed_gates[0].kind, GateKind::kMustHaveSkill);
    EXPECT_EQ(e.failed_gates[0].has, 3);
    ASSERT_EQ(e.learning_plan.size(), 3u);
    EXPECT_EQ(e.learning_plan[0].skill_id, "s.c");
    EXPECT_EQ(e.learning_plan[0].weighted_gap, 6u);
    EXPECT_EQ(e.learning_plan[1].skill_id, "s.a");
    EXPECT_EQ(e.learning_plan[1].weighted_gap, 5u);
    EXPECT_EQ(e.learning_plan[2].skill_id, "s.b");
    EXPECT_EQ(e.learning_plan[2].weighted_gap, 3u);
}

TEST_F(ExplanationTest, EligiblePairHasNoGatesAndNoPlan) {
    // g2 (s.a 5, s.b 3, s.c 3; cert.x; bachelor) vs job1: coverage 32/32,
    // relevance (4+2+3)/(5+3+3) = 9/11; cluster bonus 200.
    const Explanation e = explain(*snap, CandidateKind::kGraduates, "g2", "job1");
    EXPECT_TRUE(e.eligible);
    EXPECT_TRUE(e.failed_gates.empty());
    EXPECT_TRUE(e.learning_plan.empty());
    EXPECT_EQ(e.score.cov_num, 32u);
    EXPECT_EQ(e.score.rel_num, 9u);
    EXPECT_EQ(e.score.rel_den, 11u);
    EXPECT_EQ(e.score.bonus, 200);
    EXPECT_DOUBLE_EQ(e.relevance, 9.0 / 11.0);
}

TEST_F(ExplanationTest, AJobPastValidUntilOnTheAsOfDateFailsTheExpiryGate) {
    // g2 meets every gate of job1, which is valid through 2026-06-30.
    EXPECT_TRUE(explain(*snap, CandidateKind::kGraduates, "g2", "job1", {}, "2026-06-30").eligible);
    const Explanation e = explain(*snap, CandidateKind::kGraduates, "g2", "job1", {}, "2026-07-01");
    EXPECT_FALSE(e.eligible);
    ASSERT_EQ(e.failed_gates.size(), 1u);
    EXPECT_EQ(e.failed_gates[0].kind, GateKind::kJobExpired);
    EXPECT_EQ(e.failed_gates[0].id, "2026-06-30");
    EXPECT_EQ(e.failed_gates[0].message, "job expired: valid until 2026-06-30, as of 2026-07-01");
    EXPECT_EQ(e.score.cov_num, 32u);  // the score is still what the pair would score
    EXPECT_TRUE(explain(*snap, CandidateKind::kGraduates, "g2", "job2", {}, "2999-01-01")
                    .failed_gates.empty());  // open-ended
    EXPECT_THROW(explain(*snap, CandidateKind::kGraduates, "g2", "job1", {}, "July"),
                 ValidationError);
}

TEST_F(ExplanationTest, GraduateWithNoSkillsHasFitZeroAndEqualGapsBreakById) {
    // g0 has nothing; job2: s.a 1 w4 → gap 4, s.b 2 w2 → gap 4: tie, id order.
    const Explanation e = explain(*snap, CandidateKind::kGraduates, "g0", "job2");
    EXPECT_TRUE(e.eligible);  // no must-haves, no certificates, no minimum above secondary
    EXPECT_EQ(e.score.cov_num, 0u);
    EXPECT_EQ(e.score.cov_den, 8u);
    EXPECT_EQ(e.score.rel_den, 0u);
    EXPECT_EQ(e.fit, 0.0);
    ASSERT_EQ(e.learning_plan.size(), 2u);
    EXPECT_EQ(e.learning_plan[0].skill_id, "s.a");
    EXPECT_EQ(e.learning_plan[1].skill_id, "s.b");
    EXPECT_EQ(e.learning_plan[0].weighted_gap, e.learning_plan[1].weighted_gap);
}

TEST_F(ExplanationTest, BatchReturnsRequestOrderAndMatchesSingleCalls) {
    const std::vector<ExplainRequest> requests = {
        {CandidateKind::kPrograms, "prog1", "job2"},
        {CandidateKind::kGraduates, "g1", "job1"},
        {CandidateKind::kGraduates, "g2", "job2"},
    };
    const std::vector<Explanation> batch = explain_batch(*snap, requests);
    ASSERT_EQ(batch.size(), 3u);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const Explanation one =
            explain(*snap, requests[i].kind, requests[i].candidate_id, requests[i].job_id);
        EXPECT_EQ(batch[i].candidate_id, one.candidate_id);
        EXPECT_EQ(batch[i].job_id, one.job_id);
        EXPECT_EQ(batch[i].score, one.score);
        EXPECT_EQ(batch[i].contributions, one.contributions);
        EXPECT_EQ(batch[i].learning_plan, one.learning_plan);
    }
}

TEST_F(ExplanationTest, UnknownIdsAndBadIndicesRaiseTypedErrors) {
    try {
        explain(*snap, CandidateKind::kGraduates, "nobody", "job1");
        FAIL() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.kind(), "graduate");
        EXPECT_EQ(e.id(), "nobody");
    }
    try {
        explain(*snap, CandidateKind::kPrograms, "prog1", "nojob");
        FAIL() << "expected NotFoundError";
    } catch (const NotFoundError& e) {
        EXPECT_EQ(e.kind(), "job");
    }
    // A graduate id is not a program id.
    EXPECT_THROW(explain(*snap, CandidateKind::kPrograms, "g1", "job1"), NotFoundError);
    const std::vector<ExplainRequest> bad = {{CandidateKind::kGraduates, "g1", "job1"},
                                             {CandidateKind::kGraduates, "g1", "nojob"}};
    EXPECT_THROW(explain_batch(*snap, bad), NotFoundError);
    EXPECT_THROW(explain_indices(*snap, CandidateKind::kGraduates, 3, 0), ValidationError);
    EXPECT_THROW(explain_indices(*snap, CandidateKind::kGraduates, 0, 2), ValidationError);
    ScoreConfig config;
    config.district_bonus = -1;
    EXPECT_THROW(explain(*snap, CandidateKind::kGraduates, "g1", "job1", config), ValidationError);
}

// The explanation's score and eligibility agree with the matcher's oracle
// (reference_scorer.hpp, written from SPEC on the entities) on every pair of
// random markets, both candidate kinds; contributions sum to the score.
TEST(ExplanationOracle, AgreesWithReferenceScoreOnEveryRandomPair) {
    std::size_t eligible = 0, ineligible = 0;
    for (std::uint32_t seed = 1; seed <= 4; ++seed) {
        const testing::Market m = testing::random_market(seed * 31);
        const auto snap = testing::build(m);
        const ScoreConfig config{150, 70};
        const auto check = [&](CandidateKind kind, const std::string& id,
                               const std::optional<PairScore>& expected, const Job& j) {
            const Explanation e = explain(*snap, kind, id, j.id, config);
            std::uint32_t num = 0, den = 0;
            for (const RequirementContribution& c : e.contributions) {
                num += c.contribution;
                den += c.maximum;
            }
            EXPECT_EQ(num, e.score.cov_num);
            EXPECT_EQ(den, e.score.cov_den);
            EXPECT_EQ(e.eligible, expected.has_value()) << id << " / " << j.id;
            EXPECT_EQ(e.failed_gates.empty(), e.eligible);
            if (expected) {
                EXPECT_EQ(e.score, *expected) << id << " / " << j.id;
                ++eligible;
            } else {
                ++ineligible;
            }
            for (std::size_t i = 1; i < e.learning_plan.size(); ++i) {
                const SkillGap& a = e.learning_plan[i - 1];
                const SkillGap& b = e.learning_plan[i];
                EXPECT_TRUE(a.weighted_gap > b.weighted_gap ||
                            (a.weighted_gap == b.weighted_gap && a.skill_id < b.skill_id));
            }
        };
        for (const Job& j : m.jobs) {
            for (const Graduate& g : m.graduates)
                check(CandidateKind::kGraduates, g.id, reference_score(g, j, config), j);
            for (const Program& p : m.programs)
                check(CandidateKind::kPrograms, p.id, reference_score(p, j, config), j);
        }
    }
    EXPECT_GT(eligible, 100u);  // the random markets exercise both outcomes
    EXPECT_GT(ineligible, 100u);
}

}  // namespace
}  // namespace talentmatch::matcher
