// Program alignment: hand-checked table cases, then a brute-force comparison
// on random markets against a naive implementation written straight from
// SPEC.md over the domain entities (string ids, maps, no snapshot).
#include "matcher/analytics/alignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "models/field_error.hpp"
#include "tests/matcher/analytics_fixture.hpp"

namespace talentmatch::matcher {
namespace {

using testing::req;
using testing::skill;

// j1 C1/D1 e1 h3: s.a 3 w2 must, s.b 2 w1            (Σ w·r = 8)
// j2 C1/D2 e2 h1: s.c 4 w5, s.a 1 w1                 (Σ w·r = 21)
// j3 C2/D1 e3 h2: s.b 5 w3, needs cert.x             (Σ w·r = 15)
// p1: s.a 3, s.b 1, no certificates.   p2: s.b 5, s.c 4, cert.x.
testing::Market market() {
    testing::Market m;
    m.skills = {skill("s.a", "x"), skill("s.b", "x"), skill("s.c", "y")};
    m.certificates = {Certificate{"cert.x", "x", "x", CertificateKind::kIndustry, "", "", {}}};
    m.institutions = {{"i1", "I1", "D1", EducationLevel::kHigherVocational}};
    Program p1;
    p1.id = "p1";
    p1.institution_id = "i1";
    p1.cluster = "C1";
    p1.curriculum = {{"s.a", 3}, {"s.b", 1}};
    Program p2 = p1;
    p2.id = "p2";
    p2.cluster = "C2";
    p2.curriculum = {{"s.b", 5}, {"s.c", 4}};
    p2.certificates = {"cert.x"};
    m.programs = {p1, p2};
    m.employers = {
        {"e1", "E1", "C1", "D1", ""}, {"e2", "E2", "C1", "D2", ""}, {"e3", "E3", "C2", "D1", ""}};
    const auto job = [](std::string id, std::string emp, std::string cluster, std::string district,
                        int headcount, std::vector<Requirement> reqs) {
        Job j;
        j.id = std::move(id);
        j.employer_id = std::move(emp);
        j.cluster = std::move(cluster);
        j.district = std::move(district);
        j.headcount = headcount;
        j.requirements = std::move(reqs);
        return j;
    };
    m.jobs = {job("j1", "e1", "C1", "D1", 3, {req("s.a", 3, 2, true), req("s.b", 2, 1)}),
              job("j2", "e2", "C1", "D2", 1, {req("s.c", 4, 5), req("s.a", 1, 1)}),
              job("j3", "e3", "C2", "D1", 2, {req("s.b", 5, 3)})};
    m.jobs[2].required_certificates = {"cert.x"};
    return m;
}

class AlignmentTest : public ::testing::Test {
  protected:
    std::shared_ptr<const Snapshot> snap = testing::build(market());
};

struct Case {
    const char* name;
    SegmentFilter segment;
    double min_coverage;
    int top_skills;
    std::string program;
    std::uint64_t openings, aligned, eligible;
    double mean_coverage;
    std::vector<SkillShortfall> shortfalls;
};

TEST_F(AlignmentTest, MatchesHandCheckedTable) {
    // p1: coverages j1 7/8 (eligible), j2 1/21 (eligible), j3 3/15 (no cert.x).
    //     shortfall s.b = 3·1·(2−1) + 2·3·(5−1) = 27 over 5 openings; s.c = 1·5·4 = 20.
    // p2: coverages j1 2/8 (must-have s.a missing), j2 20/21, j3 15/15.
    //     shortfall s.a = 3·2·3 + 1·1·1 = 19 over 4 openings.
    const std::vector<Case> cases = {
        {"p1 all",
         {},
         0.5,
         10,
         "p1",
         6,
         3,
         4,
         (3 * 7.0 / 8 + 1.0 / 21 + 2 * 0.2) / 6,
         {{1, "s.b", 27, 5}, {2, "s.c", 20, 1}}},
        {"p1 top 1",
         {},
         0.5,
         1,
         "p1",
         6,
         3,
         4,
         (3 * 7.0 / 8 + 1.0 / 21 + 2 * 0.2) / 6,
         {{1, "s.b", 27, 5}}},
        {"p1 threshold equal to coverage counts",
         {},
         0.875,
         0,
         "p1",
         6,
         3,
         4,
         (3 * 7.0 / 8 + 1.0 / 21 + 2 * 0.2) / 6,
         {}},
        {"p1 threshold just above",
         {},
         0.8751,
         0,
         "p1",
         6,
         0,
         4,
         (3 * 7.0 / 8 + 1.0 / 21 + 2 * 0.2) / 6,
         {}},
        {"p1 threshold zero counts every eligible opening",
         {},
         0.0,
         0,
         "p1",
         6,
         4,
         4,
         (3 * 7.0 / 8 + 1.0 / 21 + 2 * 0.2) / 6,
         {}},
        {"p1 cluster C1",
         {"C1", {}, {}, {}},
         0.5,
         10,
         "p1",
         4,
         3,
         4,
         (3 * 7.0 / 8 + 1.0 / 21) / 4,
         {{2, "s.c", 20, 1}, {1, "s.b", 3, 3}}},
        {"p2 all",
         {},
         0.5,
         10,
         "p2",
         6,
         3,
         3,
         (3 * 0.25 + 20.0 / 21 + 2 * 1.0) / 6,
         {{0, "s.a", 19, 4}}},
        {"p2 district D1",
         {{}, "D1", {}, {}},
         0.5,
         10,
         "p2",
         5,
         2,
         2,
         (3 * 0.25 + 2 * 1.0) / 5,
         {{0, "s.a", 18, 3}}},
        {"p2 employer e3", {{}, {}, "e3", {}}, 0.9, 10, "p2", 2, 2, 2, 1.0, {}},
        {"p2 empty segment", {"C2", "D2", {}, {}}, 0.5, 10, "p2", 0, 0, 0, 0.0, {}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        AlignmentQuery q;
        q.segment = c.segment;
        q.min_coverage = c.min_coverage;
        q.top_skills = c.top_skills;
        q.program_ids = {c.program};
        const AlignmentReport report = align_programs(*snap, q);
        ASSERT_EQ(report.programs.size(), 1u);
        const ProgramAlignment& a = report.programs[0];
        EXPECT_EQ(a.program_id, c.program);
        EXPECT_EQ(report.segment_openings, c.openings);
        EXPECT_EQ(a.openings, c.openings);
        EXPECT_EQ(a.aligned_openings, c.aligned);
        EXPECT_EQ(a.eligible_openings, c.eligible);
        EXPECT_DOUBLE_EQ(a.aligned_share, c.openings ? double(c.aligned) / double(c.openings) : 0);
        EXPECT_NEAR(a.mean_coverage, c.mean_coverage, 1e-9);
        EXPECT_EQ(a.top_shortfalls, c.shortfalls);
    }
}

TEST_F(AlignmentTest, DefaultsToEveryProgramInIdOrder) {
    const AlignmentReport report = align_programs(*snap, AlignmentQuery{});
    ASSERT_EQ(report.programs.size(), 2u);
    EXPECT_EQ(report.programs[0].program_id, "p1");
    EXPECT_EQ(report.programs[1].program_id, "p2");
    EXPECT_EQ(report.min_coverage_bp, 8000u);
    EXPECT_EQ(report.segment_jobs, 3u);
}

TEST_F(AlignmentTest, InvalidCallsRaiseTypedErrors) {
    const auto field_of = [&](const AlignmentQuery& q, const ExecutionOptions& o = {}) {
        try {
            align_programs(*snap, q, o);
        } catch (const ValidationError& e) {
            return e.errors().at(0).path;
        }
        return std::string("no error");
    };
    AlignmentQuery q;
    q.min_coverage = -0.1;
    EXPECT_EQ(field_of(q), "min_coverage");
    q.min_coverage = 1.5;
    EXPECT_EQ(field_of(q), "min_coverage");
    q.min_coverage = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(field_of(q), "min_coverage");
    q = {};
    q.top_skills = -1;
    EXPECT_EQ(field_of(q), "top_skills");
    q = {};
    q.segment.cluster = "";
    EXPECT_EQ(field_of(q), "segment.cluster");
    q = {};
    EXPECT_EQ(field_of(q, ExecutionOptions{-1, Kernel::kAuto}), "options.threads");

    q = {};
    q.program_ids = {"p1", "nope"};
    EXPECT_THROW(align_programs(*snap, q), NotFoundError);
    const std::vector<std::pair<SegmentFilter, std::string>> unknown = {
        {{"C9", {}, {}, {}}, "cluster"},
        {{{}, "D9", {}, {}}, "district"},
        {{{}, {}, "e9", {}}, "employer"}};
    for (const auto& [segment, kind] : unknown) {
        q = {};
        q.segment = segment;
        try {
            align_programs(*snap, q);
            ADD_FAILURE() << "expected NotFoundError for " << kind;
        } catch (const NotFoundError& e) {
            EXPECT_EQ(e.kind(), kind);
        }
    }
}

// ---- brute force --------------------------------------------------------

struct Naive {
    std::uint64_t openings = 0, aligned = 0, eligible = 0;
    double mean_coverage = 0;
    std::map<std::string, std::pair<std::uint64_t, std::uint64_t>>
        shortfall;  // skill -> (Σ, openings)
};

Naive naive_alignment(const testing::Market& m, const Program& p, const SegmentFilter& seg,
                      double t) {
    std::map<std::string, int> c;
    for (const SkillLevel& s : p.curriculum) c[s.skill_id] = s.level;
    Naive out;
    double weighted = 0;
    for (const Job& j : m.jobs) {
        if (seg.cluster && j.cluster != *seg.cluster) continue;
        if (seg.district && j.district != *seg.district) continue;
        if (seg.employer && j.employer_id != *seg.employer) continue;
        if (seg.as_of && !j.valid_until.empty() && j.valid_until < *seg.as_of) continue;
        const std::uint64_t h = static_cast<std::uint64_t>(j.headcount);
        long num = 0, den = 0;
        bool eligible = p.education_level >= j.min_education;
        for (const std::string& cert : j.required_certificates)
            eligible =
                eligible && std::count(p.certificates.begin(), p.certificates.end(), cert) > 0;
        for (const Requirement& r : j.requirements) {
            const int level = c.count(r.skill_id) ? c[r.skill_id] : 0;
            num += r.weight * std::min(level, r.level);
            den += r.weight * r.level;
            if (r.must_have && level < r.level) eligible = false;
            if (level < r.level) {
                out.shortfall[r.skill_id].first +=
                    h * static_cast<std::uint64_t>(r.weight * (r.level - level));
                out.shortfall[r.skill_id].second += h;
            }
        }
        out.openings += h;
        weighted += double(h) * double(num) / double(den);
        if (eligible) out.eligible += h;
        // The threshold is applied in basis points (alignment.hpp).
        if (eligible && num * 10'000 >= std::lround(t * 10'000) * den) out.aligned += h;
    }
    if (out.openings) out.mean_coverage = weighted / double(out.openings);
    return out;
}

TEST(AlignmentBruteForce, AgreesWithNaiveOnRandomMarketsForOneAndTwoThreads) {
    std::uint64_t aligned = 0, not_aligned = 0;
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        testing::Market m = testing::random_market(seed);
        for (std::size_t j = 0; j < m.jobs.size(); j += 3)  // a third expire around 2026-06-15
            m.jobs[j].valid_until = j % 2 != 0 ? "2026-06-14" : "2026-06-15";
        const auto snap = testing::build(m);
        const std::vector<SegmentFilter> segments = {{},
                                                     {"C0001", {}, {}, {}},
                                                     {{}, "D0002", {}, {}},
                                                     {{}, {}, "e0003", {}},
                                                     {"C0000", "D0000", {}, {}},
                                                     {{}, {}, {}, "2026-06-15"},
                                                     {"C0001", {}, {}, "2026-06-15"}};
        for (const SegmentFilter& seg : segments) {
            AlignmentQuery q;
            q.segment = seg;
            q.min_coverage = 0.05 * (seed % 20);
            q.top_skills = 3;
            const AlignmentReport one = align_programs(*snap, q, {1, Kernel::kAuto});
            const AlignmentReport two = align_programs(*snap, q, {2, Kernel::kAuto});
            ASSERT_EQ(one.programs, two.programs);  // bit for bit, every field
            for (const ProgramAlignment& a : one.programs) {
                const Program& p =
                    *std::find_if(m.programs.begin(), m.programs.end(),
                                  [&](const Program& x) { return x.id == a.program_id; });
                const Naive n = naive_alignment(m, p, seg, q.min_coverage);
                EXPECT_EQ(a.openings, n.openings);
                EXPECT_EQ(a.aligned_openings, n.aligned) << a.program_id;
                aligned += a.aligned_openings;
                not_aligned += a.openings - a.aligned_openings;
                EXPECT_EQ(a.eligible_openings, n.eligible);
                EXPECT_NEAR(a.mean_coverage, n.mean_coverage, 1e-9);
                // Naive top 3: shortfall desc, then id asc.
                std::vector<std::tuple<std::uint64_t, std::string, std::uint64_t>> all;
                for (const auto& [id, v] : n.shortfall) all.emplace_back(v.first, id, v.second);
                std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
                    if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
                    return std::get<1>(x) < std::get<1>(y);
                });
                all.resize(std::min<std::size_t>(all.size(), 3));
                ASSERT_EQ(a.top_shortfalls.size(), all.size());
                for (std::size_t i = 0; i < all.size(); ++i) {
                    EXPECT_EQ(a.top_shortfalls[i].shortfall, std::get<0>(all[i]));
                    EXPECT_EQ(a.top_shortfalls[i].skill_id, std::get<1>(all[i]));
                    EXPECT_EQ(a.top_shortfalls[i].openings, std::get<2>(all[i]));
                }
            }
        }
    }
    EXPECT_GT(aligned, 100u);  // both outcomes exercised
    EXPECT_GT(not_aligned, 100u);
}

}  // namespace
}  // namespace talentmatch::matcher
