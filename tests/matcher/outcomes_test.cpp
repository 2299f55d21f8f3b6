// matcher::outcome_report against a plain count over a random market's
// domain entities: per program and institution, graduates of the year,
// placed (latest placement by date then id), clusters and own cluster.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <tuple>

#include "analytics_fixture.hpp"
#include "matcher/analytics/outcomes.hpp"

namespace talentmatch::matcher {
namespace {

TEST(Outcomes, AgreeWithAPlainCountOverARandomMarket) {
    testing::RandomSizes sizes;
    sizes.graduates = 300;
    testing::Market m = testing::random_market(7, sizes);
    for (std::size_t i = 0; i < m.graduates.size(); i += 4) m.graduates[i].graduation_year = 2025;
    const auto snapshot = testing::build(m);
    std::mt19937 rng(11);
    std::vector<Placement> placements;
    for (std::size_t i = 0; i < m.graduates.size() * 2; ++i) {
        const Graduate& g = m.graduates[rng() % m.graduates.size()];
        const Employer& e = m.employers[rng() % m.employers.size()];
        placements.push_back({"pl-" + std::to_string(1000 + i),
                              g.id,
                              e.id,
                              "",
                              "2026-0" + std::to_string(1 + rng() % 9) + "-01",
                              {}});
    }
    placements.push_back({"pl-ghost", "nobody", m.employers[0].id, "", "2026-01-01", {}});
    const int year = latest_graduation_year(*snapshot).value();

    std::map<std::string, const Placement*> latest;
    for (const auto& p : placements) {
        auto& slot = latest[p.graduate_id];
        if (!slot || std::tie(p.date, p.id) > std::tie(slot->date, slot->id)) slot = &p;
    }
    std::map<std::string, std::string> cluster_of_employer, cluster_of_program;
    for (const auto& e : m.employers) cluster_of_employer[e.id] = e.cluster;
    for (const auto& p : m.programs) cluster_of_program[p.id] = p.cluster;
    std::map<std::string, OutcomeGroup> programs, institutions;
    std::map<std::string, std::map<std::string, std::int64_t>> program_clusters;
    for (const auto& g : m.graduates) {
        if (g.graduation_year != year) continue;
        ++programs[g.program_id].graduates;
        ++institutions[g.institution_id].graduates;
        const auto it = latest.find(g.id);
        if (it == latest.end()) continue;
        ++programs[g.program_id].placed;
        ++institutions[g.institution_id].placed;
        const std::string& cluster = cluster_of_employer[it->second->employer_id];
        ++program_clusters[g.program_id][cluster];
        if (!cluster.empty() && cluster == cluster_of_program[g.program_id])
            ++programs[g.program_id].placed_in_own_cluster;
    }

    const OutcomeReport report = outcome_report(*snapshot, placements, year);
    EXPECT_EQ(report.placements_skipped, 1);
    ASSERT_EQ(report.programs.size(), programs.size());
    for (const auto& row : report.programs) {
        const auto& want = programs.at(row.id);
        EXPECT_EQ(row.graduates, want.graduates) << row.id;
        EXPECT_EQ(row.placed, want.placed) << row.id;
        EXPECT_EQ(row.placed_in_own_cluster, want.placed_in_own_cluster) << row.id;
        std::map<std::string, std::int64_t> clusters;
        for (const auto& c : row.by_cluster) clusters[c.cluster] = c.placed;
        EXPECT_EQ(clusters, program_clusters[row.id]) << row.id;
        for (std::size_t i = 1; i < row.by_cluster.size(); ++i)
            EXPECT_GE(row.by_cluster[i - 1].placed, row.by_cluster[i].placed);
    }
    ASSERT_EQ(report.institutions.size(), institutions.size());
    std::int64_t graduates = 0, placed = 0;
    for (const auto& row : report.institutions) {
        EXPECT_EQ(row.graduates, institutions.at(row.id).graduates) << row.id;
        EXPECT_EQ(row.placed, institutions.at(row.id).placed) << row.id;
        graduates += row.graduates;
        placed += row.placed;
    }
    EXPECT_EQ(report.total.graduates, graduates);
    EXPECT_EQ(report.total.placed, placed);
    EXPECT_EQ(employment_rate(report.total),
              static_cast<double>(placed) / static_cast<double>(graduates));
    EXPECT_FALSE(employment_rate(OutcomeGroup{}).has_value());
    EXPECT_TRUE(outcome_report(*snapshot, placements, year + 50).programs.empty());
}

}  // namespace
}  // namespace talentmatch::matcher
