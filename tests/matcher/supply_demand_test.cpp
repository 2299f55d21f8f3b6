// Supply–demand balance: hand-checked table cases, then a brute-force
// comparison on random markets against a naive implementation written from
// the definitions in supply_demand.hpp over the domain entities.
#include "matcher/analytics/supply_demand.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>

#include "models/field_error.hpp"
#include "tests/matcher/analytics_fixture.hpp"

namespace talentmatch::matcher {
namespace {

using testing::req;
using testing::skill;

// Jobs:  j1 C1/D1 e1 h3: s.a 2, s.b 1.   j2 C1/D2 e2 h2: s.a 4.   j3 C2/D1 e3 h1: s.c 3.
// Graduates (seeking unless said): g1 s.a 4, s.b 1 (no preferences);
//   g2 s.a 2 (C1); g3 s.a 5, s.c 3 (C2); g4 s.a 5 (not seeking); g5 s.a 1, s.c 5 (C1, D2).
// Programs: p1 C1 at i1 (D1), cohort 30: s.a 3, s.b 2.  p2 C2 at i2 (D2), cohort 10: s.a 4, s.c 3.
testing::Market market() {
    testing::Market m;
    m.skills = {skill("s.a", "x"), skill("s.b", "x"), skill("s.c", "y")};
    m.institutions = {{"i1", "I1", "D1", EducationLevel::kHigherVocational},
                      {"i2", "I2", "D2", EducationLevel::kHigherVocational}};
    Program p1;
    p1.id = "p1";
    p1.institution_id = "i1";
    p1.cluster = "C1";
    p1.cohort_size = 30;
    p1.curriculum = {{"s.a", 3}, {"s.b", 2}};
    Program p2;
    p2.id = "p2";
    p2.institution_id = "i2";
    p2.cluster = "C2";
    p2.cohort_size = 10;
    p2.curriculum = {{"s.a", 4}, {"s.c", 3}};
    m.programs = {p1, p2};
    m.employers = {
        {"e1", "E1", "C1", "D1", ""}, {"e2", "E2", "C1", "D2", ""}, {"e3", "E3", "C2", "D1", ""}};
    const auto grad = [](std::string id, std::vector<GraduateSkill> skills,
                         std::vector<std::string> clusters, std::vector<std::string> districts,
                         bool seeking = true) {
        Graduate g;
        g.id = std::move(id);
        g.institution_id = "i1";
        g.program_id = "p1";
        g.skills = std::move(skills);
        g.preferred_clusters = std::move(clusters);
        g.preferred_districts = std::move(districts);
        g.seeking = seeking;
        return g;
    };
    m.graduates = {grad("g1", {{"s.a", 4, {}}, {"s.b", 1, {}}}, {}, {}),
                   grad("g2", {{"s.a", 2, {}}}, {"C1"}, {}),
                   grad("g3", {{"s.a", 5, {}}, {"s.c", 3, {}}}, {"C2"}, {}),
                   grad("g4", {{"s.a", 5, {}}}, {}, {}, false),
                   grad("g5", {{"s.a", 1, {}}, {"s.c", 5, {}}}, {"C1"}, {"D2"})};
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
    m.jobs = {job("j1", "e1", "C1", "D1", 3, {req("s.a", 2, 1), req("s.b", 1, 1)}),
              job("j2", "e2", "C1", "D2", 2, {req("s.a", 4, 1)}),
              job("j3", "e3", "C2", "D1", 1, {req("s.c", 3, 1)})};
    return m;
}

class SupplyDemandTest : public ::testing::Test {
  protected:
    std::shared_ptr<const Snapshot> snap = testing::build(market());
    SupplyDemandReport run(SupplyDemandQuery q) { return supply_demand(*snap, q); }
};

const SkillBalance& row(const SupplyDemandReport& r, const std::string& group,
                        const std::string& skill) {
    for (const SkillBalance& s : r.skills)
        if (s.group == group && s.skill_id == skill) return s;
    throw std::runtime_error("no row " + group + "/" + skill);
}

// A compact, comparable summary of a skill row:
// demand, bottleneck, supply (-1 hidden), ratio (-1 hidden), label, projected bottleneck,
// projected, projected ratio, projected label.
struct RowSummary {
    std::uint64_t demand;
    int bottleneck;
    long supply;
    double ratio;
    BalanceLabel label;
    int projected_bottleneck;
    std::uint64_t projected;
    double projected_ratio;
    BalanceLabel projected_label;
    bool operator==(const RowSummary&) const = default;
};
std::ostream& operator<<(std::ostream& os, const RowSummary& s) {
    return os << "{demand " << s.demand << ", bottleneck " << s.bottleneck << ", supply "
              << s.supply << ", ratio " << s.ratio << ", " << to_string(s.label)
              << ", projected bottleneck " << s.projected_bottleneck << ", projected "
              << s.projected << ", projected ratio " << s.projected_ratio << ", "
              << to_string(s.projected_label) << "}";
}
RowSummary summary(const SkillBalance& s) {
    return {s.demand,
            s.bottleneck_level,
            s.supply ? static_cast<long>(*s.supply) : -1,
            s.ratio ? *s.ratio : -1.0,
            s.label,
            s.projected_bottleneck_level,
            s.projected,
            s.projected_ratio,
            s.projected_label};
}

constexpr auto kShort = BalanceLabel::kShortage;
constexpr auto kEven = BalanceLabel::kBalanced;
constexpr auto kSurplus = BalanceLabel::kSurplus;
constexpr auto kHidden = BalanceLabel::kSuppressed;

TEST_F(SupplyDemandTest, OverallLevelsAreCumulativeAndBottleneckIsTheSmallestRatio) {
    const SupplyDemandReport r = run({});
    // s.a: demand at 2: 3, at 4: 2 → at least 1..4: 5, 5, 2, 2.
    //   seeking levels 4, 2, 5, 1 → supply ≥1..4: 4, 3, 2, 2; ratios .8 .6 1 1 → bottleneck 2.
    //   projected ≥1..4: 40, 40, 40, 10 → ratios 8 8 20 5 → bottleneck 4.
    const SkillBalance& a = row(r, "", "s.a");
    const std::vector<LevelBalance> levels = {
        {1, 0, 5, 4, 40, 0.8, 8.0},
        {2, 3, 5, 3, 40, 0.6, 8.0},
        {3, 0, 2, 2, 40, 1.0, 20.0},
        {4, 2, 2, 2, 10, 1.0, 5.0},
    };
    EXPECT_EQ(a.levels, levels);
    EXPECT_EQ(a.category, "x");
    EXPECT_EQ(summary(a), (RowSummary{5, 2, 3, 0.6, kShort, 4, 10, 5.0, kSurplus}));
    // s.b: 3 openings at 1; only g1 → 1/3; p1 → 30/3.
    EXPECT_EQ(summary(row(r, "", "s.b")),
              (RowSummary{3, 1, 1, 1.0 / 3, kShort, 1, 30, 10.0, kSurplus}));
    // s.c: 1 opening at 3; g3 (3) and g5 (5) → 2 at every level; ties → lowest level.
    EXPECT_EQ(summary(row(r, "", "s.c")),
              (RowSummary{1, 1, 2, 2.0, kSurplus, 1, 10, 10.0, kSurplus}));
    EXPECT_EQ(r.skills.size(), 3u);

    ASSERT_EQ(r.groups.size(), 1u);
    EXPECT_EQ(r.groups[0], (GroupBalance{"", 3, 6, 4, 40, false}));

    ASSERT_EQ(r.categories.size(), 2u);
    const CategoryBalance& x = r.categories[0];  // s.a + s.b
    EXPECT_EQ(x.category, "x");
    EXPECT_EQ(x.demand, 8u);
    EXPECT_EQ(x.supply, 4u);
    EXPECT_EQ(x.ratio, 0.5);
    EXPECT_EQ(x.label, kShort);
    EXPECT_EQ(x.projected, 40u);
    EXPECT_EQ(x.projected_label, kSurplus);
    EXPECT_EQ(x.shortage_skills, 2u);
    const CategoryBalance& y = r.categories[1];
    EXPECT_EQ(y.category, "y");
    EXPECT_EQ(y.supply, 2u);
    EXPECT_EQ(y.label, kSurplus);
    EXPECT_EQ(y.surplus_skills, 1u);
}

struct GroupCase {
    const char* name;
    SupplyDemandQuery query;
    std::vector<GroupBalance> groups;
    std::vector<std::tuple<std::string, std::string, RowSummary>> rows;  // group, skill, summary
};

TEST_F(SupplyDemandTest, MatchesHandCheckedTableByGroupAndSegment) {
    SupplyDemandQuery by_cluster;
    by_cluster.group_by = BalanceGrouping::kCluster;
    SupplyDemandQuery by_district;
    by_district.group_by = BalanceGrouping::kDistrict;
    SupplyDemandQuery in_d1;
    in_d1.segment.district = "D1";
    SupplyDemandQuery for_e2;
    for_e2.segment.employer = "e2";
    SupplyDemandQuery strict;
    strict.thresholds = {0.2, 0.5};
    const std::vector<GroupCase> cases = {
        // C1: g1 (open), g2, g5; p1. C2: g1 (open), g3; p2.
        {"by cluster",
         by_cluster,
         {{"C1", 2, 5, 3, 30, false}, {"C2", 1, 1, 2, 10, false}},
         {{"C1", "s.a", {5, 2, 2, 0.4, kShort, 4, 0, 0.0, kShort}},
          {"C1", "s.b", {3, 1, 1, 1.0 / 3, kShort, 1, 30, 10.0, kSurplus}},
          {"C2", "s.c", {1, 1, 1, 1.0, kEven, 1, 10, 10.0, kSurplus}}}},
        // D1 (j1, j3): g1, g2, g3 (g5 wants D2 only); p1. D2 (j2): all four; p2.
        {"by district",
         by_district,
         {{"D1", 2, 4, 3, 30, false}, {"D2", 1, 2, 4, 10, false}},
         {{"D1", "s.a", {3, 1, 3, 1.0, kEven, 1, 30, 10.0, kSurplus}},
          {"D1", "s.b", {3, 1, 1, 1.0 / 3, kShort, 1, 30, 10.0, kSurplus}},
          {"D1", "s.c", {1, 1, 1, 1.0, kEven, 1, 0, 0.0, kShort}},
          {"D2", "s.a", {2, 3, 2, 1.0, kEven, 1, 10, 5.0, kSurplus}}}},
        // The district filter restricts supply like the district group does.
        {"segment district D1",
         in_d1,
         {{"", 2, 4, 3, 30, false}},
         {{"", "s.a", {3, 1, 3, 1.0, kEven, 1, 30, 10.0, kSurplus}},
          {"", "s.c", {1, 1, 1, 1.0, kEven, 1, 0, 0.0, kShort}}}},
        // The employer filter restricts demand only.
        {"segment employer e2",
         for_e2,
         {{"", 1, 2, 4, 40, false}},
         {{"", "s.a", {2, 3, 2, 1.0, kEven, 4, 10, 5.0, kSurplus}}}},
        // Thresholds 0.2 / 0.5 move labels: s.a .6 > .5 → surplus; s.b 1/3 → balanced.
        {"custom thresholds",
         strict,
         {{"", 3, 6, 4, 40, false}},
         {{"", "s.a", {5, 2, 3, 0.6, kSurplus, 4, 10, 5.0, kSurplus}},
          {"", "s.b", {3, 1, 1, 1.0 / 3, kEven, 1, 30, 10.0, kSurplus}}}},
    };
    for (const GroupCase& c : cases) {
        SCOPED_TRACE(c.name);
        const SupplyDemandReport r = run(c.query);
        EXPECT_EQ(r.groups, c.groups);
        for (const auto& [group, skill_id, expected] : c.rows)
            EXPECT_EQ(summary(row(r, group, skill_id)), expected) << group << "/" << skill_id;
    }
}

TEST_F(SupplyDemandTest, SuppressesSmallGroupsAndSmallCells) {
    SupplyDemandQuery q;
    q.min_group_graduates = 2;
    SupplyDemandReport r = run(q);
    // s.a: one graduate at exactly level 1 (g5) → hidden. s.b: supply 1 → hidden.
    // s.c: exact counts below level 3 are 0 and ≥3 is 2 → shown.
    EXPECT_EQ(summary(row(r, "", "s.a")),
              (RowSummary{5, 0, -1, -1.0, kHidden, 4, 10, 5.0, kSurplus}));
    EXPECT_EQ(row(r, "", "s.a").levels[0].supply, std::nullopt);
    EXPECT_EQ(row(r, "", "s.a").levels[3].projected, 10u);  // cohorts are never hidden
    EXPECT_EQ(summary(row(r, "", "s.b")).supply, -1);
    EXPECT_EQ(summary(row(r, "", "s.c")),
              (RowSummary{1, 1, 2, 2.0, kSurplus, 1, 10, 10.0, kSurplus}));
    EXPECT_EQ(r.categories[0].supply, std::nullopt);
    EXPECT_EQ(r.categories[0].label, kHidden);
    EXPECT_EQ(r.categories[0].suppressed_skills, 2u);
    EXPECT_EQ(r.categories[1].supply, 2u);
    EXPECT_EQ(r.groups[0].seeking_graduates, 4u);

    q.min_group_graduates = 5;  // 4 seeking graduates: the whole group is hidden
    r = run(q);
    EXPECT_TRUE(r.groups[0].suppressed);
    EXPECT_EQ(r.groups[0].seeking_graduates, std::nullopt);
    for (const SkillBalance& s : r.skills) {
        EXPECT_EQ(s.supply, std::nullopt);
        EXPECT_EQ(s.label, kHidden);
        for (const LevelBalance& l : s.levels) EXPECT_EQ(l.ratio, std::nullopt);
    }

    q.min_group_graduates = 1;  // 0 and 1 mean "no suppression"
    EXPECT_EQ(run(q).skills, run({}).skills);
}

TEST(SupplyDemandNames, GroupingsAndLabelsRoundTripTheirWireNames) {
    for (BalanceGrouping g :
         {BalanceGrouping::kOverall, BalanceGrouping::kCluster, BalanceGrouping::kDistrict})
        EXPECT_EQ(parse_balance_grouping(to_string(g)), g);
    EXPECT_EQ(parse_balance_grouping("region"), std::nullopt);
    EXPECT_STREQ(to_string(BalanceLabel::kShortage), "shortage");
    EXPECT_STREQ(to_string(BalanceLabel::kSuppressed), "suppressed");
}

TEST_F(SupplyDemandTest, InvalidCallsRaiseTypedErrors) {
    const auto field_of = [&](const SupplyDemandQuery& q, const ExecutionOptions& o = {}) {
        try {
            supply_demand(*snap, q, o);
        } catch (const ValidationError& e) {
            return e.errors().at(0).path;
        }
        return std::string("no error");
    };
    SupplyDemandQuery q;
    q.thresholds.shortage_below = -1;
    EXPECT_EQ(field_of(q), "thresholds.shortage_below");
    q.thresholds.shortage_below = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(field_of(q), "thresholds.shortage_below");
    q.thresholds = {1.5, 1.2};
    EXPECT_EQ(field_of(q), "thresholds.surplus_above");
    q.thresholds = {0.8, std::numeric_limits<double>::infinity()};
    EXPECT_EQ(field_of(q), "thresholds.surplus_above");
    q = {};
    q.segment.district = "";
    EXPECT_EQ(field_of(q), "segment.district");
    EXPECT_EQ(field_of({}, ExecutionOptions{300, Kernel::kAuto}), "options.threads");
    q = {};
    q.segment.district = "D9";
    EXPECT_THROW(supply_demand(*snap, q), NotFoundError);
    q = {};
    q.segment.employer = "e9";
    EXPECT_THROW(supply_demand(*snap, q), NotFoundError);
}

// ---- brute force --------------------------------------------------------

bool open_to(const std::vector<std::string>& prefs, const std::optional<std::string>& v) {
    return !v || prefs.empty() || std::count(prefs.begin(), prefs.end(), *v) > 0;
}

// Naive rows keyed by (group, skill id), straight from the definitions.
std::map<std::pair<std::string, std::string>, SkillBalance> naive(const testing::Market& m,
                                                                  const SupplyDemandQuery& q) {
    std::map<std::string, std::string> inst_district, category;
    for (const Institution& i : m.institutions) inst_district[i.id] = i.district;
    for (const Skill& s : m.skills) category[s.id] = s.category;
    const SegmentFilter& seg = q.segment;
    const auto in_segment = [&](const Job& j) {
        return (!seg.cluster || j.cluster == *seg.cluster) &&
               (!seg.district || j.district == *seg.district) &&
               (!seg.employer || j.employer_id == *seg.employer) &&
               (!seg.as_of || j.valid_until.empty() || *seg.as_of <= j.valid_until);
    };
    const auto group_of = [&](const std::string& cluster, const std::string& district) {
        if (q.group_by == BalanceGrouping::kCluster) return cluster;
        if (q.group_by == BalanceGrouping::kDistrict) return district;
        return std::string();
    };
    std::map<std::string, bool> groups;
    for (const Job& j : m.jobs)
        if (in_segment(j)) groups[group_of(j.cluster, j.district)] = true;
    const std::uint64_t n = q.min_group_graduates;

    std::map<std::pair<std::string, std::string>, SkillBalance> out;
    for (const auto& [group, unused] : groups) {
        const auto graduate_in = [&](const Graduate& g) {
            if (!g.seeking || !open_to(g.preferred_clusters, seg.cluster) ||
                !open_to(g.preferred_districts, seg.district))
                return false;
            if (q.group_by == BalanceGrouping::kCluster)
                return open_to(g.preferred_clusters, group);
            if (q.group_by == BalanceGrouping::kDistrict)
                return open_to(g.preferred_districts, group);
            return true;
        };
        const auto program_in = [&](const Program& p) {
            const std::string& d = inst_district[p.institution_id];
            return (!seg.cluster || p.cluster == *seg.cluster) &&
                   (!seg.district || d == *seg.district) && group_of(p.cluster, d) == group;
        };
        std::uint64_t graduates = 0;
        for (const Graduate& g : m.graduates) graduates += graduate_in(g);
        for (const Skill& sk : m.skills) {
            std::uint64_t demand[6] = {}, d_at[7] = {}, s_at[7] = {}, p_at[7] = {}, exact[6] = {};
            int top = 0;
            for (const Job& j : m.jobs)
                for (const Requirement& r : j.requirements)
                    if (in_segment(j) && group_of(j.cluster, j.district) == group &&
                        r.skill_id == sk.id) {
                        demand[r.level] += static_cast<std::uint64_t>(j.headcount);
                        top = std::max(top, r.level);
                    }
            if (top == 0) continue;
            for (int l = 1; l <= 5; ++l) {
                for (int k = l; k <= 5; ++k) d_at[l] += demand[k];
                for (const Graduate& g : m.graduates)
                    for (const GraduateSkill& s : g.skills)
                        if (graduate_in(g) && s.skill_id == sk.id) {
                            s_at[l] += s.level >= l;
                            exact[l] += s.level == l;
                        }
                for (const Program& p : m.programs)
                    for (const SkillLevel& s : p.curriculum)
                        if (program_in(p) && s.skill_id == sk.id && s.level >= l)
                            p_at[l] += static_cast<std::uint64_t>(p.cohort_size);
            }
            bool hidden = n > 1 && graduates < n;
            const auto small = [&](std::uint64_t c) { return n > 1 && c > 0 && c < n; };
            for (int l = 1; l < top; ++l) hidden = hidden || small(exact[l]);
            hidden = hidden || small(s_at[top]);

            SkillBalance b;
            b.group = group;
            b.skill_id = sk.id;
            b.category = category[sk.id];
            b.demand = d_at[1];
            int best = 0, pbest = 0;
            for (int l = 1; l <= top; ++l) {
                const double ratio = double(s_at[l]) / double(d_at[l]);
                const double pratio = double(p_at[l]) / double(d_at[l]);
                if (best == 0 || ratio < double(s_at[best]) / double(d_at[best])) best = l;
                if (pbest == 0 || pratio < double(p_at[pbest]) / double(d_at[pbest])) pbest = l;
                LevelBalance lb{l, demand[l], d_at[l], std::nullopt, p_at[l], std::nullopt, pratio};
                if (!hidden) lb.supply = s_at[l], lb.ratio = ratio;
                b.levels.push_back(lb);
            }
            const auto label = [&](double r) {
                return r < q.thresholds.shortage_below  ? kShort
                       : r > q.thresholds.surplus_above ? kSurplus
                                                        : kEven;
            };
            if (!hidden) {
                b.bottleneck_level = best;
                b.supply = s_at[best];
                b.ratio = double(s_at[best]) / double(d_at[best]);
                b.label = label(*b.ratio);
            }
            b.projected_bottleneck_level = pbest;
            b.projected = p_at[pbest];
            b.projected_ratio = double(p_at[pbest]) / double(d_at[pbest]);
            b.projected_label = label(b.projected_ratio);
            out[{group, sk.id}] = b;
        }
    }
    return out;
}

TEST(SupplyDemandBruteForce, AgreesWithNaiveOnRandomMarketsForOneAndTwoThreads) {
    std::size_t hidden = 0, shown = 0;
    for (std::uint32_t seed = 1; seed <= 10; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        testing::Market m = testing::random_market(seed * 7919);
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
        for (const SegmentFilter& seg : segments)
            for (BalanceGrouping by :
                 {BalanceGrouping::kOverall, BalanceGrouping::kCluster, BalanceGrouping::kDistrict})
                for (std::uint32_t n : {0u, 3u, 20u}) {
                    SupplyDemandQuery q;
                    q.segment = seg;
                    q.group_by = by;
                    q.min_group_graduates = n;
                    const SupplyDemandReport one = supply_demand(*snap, q, {1, Kernel::kAuto});
                    const SupplyDemandReport two = supply_demand(*snap, q, {2, Kernel::kAuto});
                    ASSERT_EQ(one.skills, two.skills);
                    ASSERT_EQ(one.groups, two.groups);
                    ASSERT_EQ(one.categories, two.categories);
                    const auto expected = naive(m, q);
                    ASSERT_EQ(one.skills.size(), expected.size());
                    for (SkillBalance got : one.skills) {
                        SkillBalance want = expected.at({got.group, got.skill_id});
                        want.skill = got.skill;  // the naive side has no indices
                        EXPECT_EQ(got, want) << got.group << "/" << got.skill_id;
                        ++(got.supply ? shown : hidden);
                    }
                }
    }
    EXPECT_GT(hidden, 50u);  // suppression and plain rows both exercised
    EXPECT_GT(shown, 500u);
}

}  // namespace
}  // namespace talentmatch::matcher
