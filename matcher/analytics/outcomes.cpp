#include "matcher/analytics/outcomes.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace talentmatch::matcher {

namespace {

struct Latest {
    const Placement* placement = nullptr;
    Index employer = kNone;
};

bool later(const Placement& a, const Placement& b) {
    return std::tie(a.date, a.id) > std::tie(b.date, b.id);
}

// Counts one graduate into a group.
struct Tally {
    OutcomeGroup group;
    std::map<std::string, std::int64_t> clusters;

    void add(bool placed, const std::string& cluster, bool own_cluster) {
        ++group.graduates;
        if (!placed) return;
        ++group.placed;
        ++clusters[cluster];
        if (own_cluster) ++group.placed_in_own_cluster;
    }
    OutcomeGroup finish() && {
        for (const auto& [cluster, placed] : clusters)
            group.by_cluster.push_back({cluster, placed});
        std::stable_sort(group.by_cluster.begin(), group.by_cluster.end(),
                         [](const ClusterCount& a, const ClusterCount& b) {
                             return a.placed > b.placed;  // map order breaks ties by name
                         });
        return std::move(group);
    }
};

std::string name_at(const std::vector<std::string>& names, Index i) {
    return i < names.size() ? names[i] : std::string();
}

}  // namespace

std::optional<double> employment_rate(const OutcomeGroup& group) {
    if (group.graduates == 0) return std::nullopt;
    return static_cast<double>(group.placed) / static_cast<double>(group.graduates);
}

std::optional<int> latest_graduation_year(const Snapshot& snapshot) {
    const auto& years = snapshot.graduates.year_or_cohort;
    if (years.empty()) return std::nullopt;
    return *std::max_element(years.begin(), years.end());
}

OutcomeReport outcome_report(const Snapshot& snapshot, std::span<const Placement> placements,
                             int graduation_year,
                             std::span<const ProgramAlignment> own_cluster_alignment) {
    const CandidateSet& graduates = snapshot.graduates;
    const CandidateSet& programs = snapshot.programs;
    OutcomeReport report;
    report.graduation_year = graduation_year;

    // The latest placement of each graduate of the year.
    std::vector<Latest> latest(graduates.size());
    for (const Placement& p : placements) {
        const auto g = graduates.ids.find(p.graduate_id);
        const auto e = snapshot.employers.find(p.employer_id);
        if (!g || !e) {
            ++report.placements_skipped;
            continue;
        }
        if (graduates.year_or_cohort[*g] != graduation_year) continue;
        ++report.placements_counted;
        Latest& slot = latest[*g];
        if (slot.placement == nullptr || later(p, *slot.placement)) slot = {&p, *e};
    }

    std::map<Index, Tally> by_program;
    std::map<Index, Tally> by_institution;
    Tally total;
    for (Index g = 0; g < graduates.size(); ++g) {
        if (graduates.year_or_cohort[g] != graduation_year) continue;
        const Latest& slot = latest[g];
        const bool placed = slot.placement != nullptr;
        const Index cluster_index = placed ? snapshot.employer_cluster[slot.employer] : kNone;
        const std::string cluster =
            cluster_index == kNone ? std::string() : snapshot.clusters[cluster_index];
        const Index program = graduates.program[g];
        const Index institution = graduates.institution[g];
        const bool own = placed && !cluster.empty() && program < programs.size() &&
                         programs.cluster[program] == cluster_index;
        if (program < programs.size()) by_program[program].add(placed, cluster, own);
        by_institution[institution].add(placed, cluster, false);
        total.add(placed, cluster, false);
    }

    for (auto& [p, tally] : by_program) {
        OutcomeGroup& group = tally.group;
        group.id = programs.ids[p];
        group.name = name_at(snapshot.program_name, p);
        group.institution_id = snapshot.institutions[programs.institution[p]];
        const Index c = programs.cluster[p];
        group.cluster = c == kNone ? std::string() : snapshot.clusters[c];
        if (p < own_cluster_alignment.size())
            group.aligned_share = own_cluster_alignment[p].aligned_share;
        report.programs.push_back(std::move(tally).finish());
    }
    for (auto& [i, tally] : by_institution) {
        tally.group.id = snapshot.institutions[i];
        tally.group.name = name_at(snapshot.institution_name, i);
        tally.group.institution_id = tally.group.id;
        report.institutions.push_back(std::move(tally).finish());
    }
    report.total = std::move(total).finish();
    return report;
}

}  // namespace talentmatch::matcher
