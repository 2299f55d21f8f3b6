#include "runfmt/outcomes_json.hpp"

namespace talentmatch::runfmt {
namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

}  // namespace

json outcome_group_json(const matcher::OutcomeGroup& group) {
    json clusters = json::array();
    for (const auto& c : group.by_cluster)
        clusters.push_back({{"cluster", c.cluster}, {"placed", c.placed}});
    return {{"id", group.id},
            {"name", group.name},
            {"institution_id", group.institution_id},
            {"cluster", group.cluster},
            {"graduates", group.graduates},
            {"placed", group.placed},
            {"employment_rate", optional_number(matcher::employment_rate(group))},
            {"placed_in_own_cluster", group.placed_in_own_cluster},
            {"own_cluster_aligned_share", optional_number(group.aligned_share)},
            {"placed_by_cluster", std::move(clusters)}};
}

json outcomes_json(const matcher::OutcomeReport& report) {
    json programs = json::array();
    for (const auto& g : report.programs) programs.push_back(outcome_group_json(g));
    json institutions = json::array();
    for (const auto& g : report.institutions) institutions.push_back(outcome_group_json(g));
    return {{"graduation_year", report.graduation_year},
            {"programs", std::move(programs)},
            {"institutions", std::move(institutions)},
            {"total", outcome_group_json(report.total)},
            {"placements_counted", report.placements_counted},
            {"placements_skipped", report.placements_skipped}};
}

}  // namespace talentmatch::runfmt
