#include "batch/outcome_files.hpp"

#include "batch/csv_writer.hpp"

namespace talentmatch::batch {

namespace {

using nlohmann::json;

json optional_number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

std::string clusters_text(const matcher::OutcomeGroup& group) {
    std::string text;
    for (const auto& c : group.by_cluster) {
        if (!text.empty()) text += ';';
        text += c.cluster + ":" + std::to_string(c.placed);
    }
    return text;
}

void csv_row(CsvWriter& w, const char* scope, int year, const matcher::OutcomeGroup& g) {
    w.cell(std::string_view(scope)).cell(g.id).cell(g.name).cell(g.institution_id).cell(g.cluster);
    w.cell(std::int64_t{year}).cell(g.graduates).cell(g.placed);
    if (const auto rate = matcher::employment_rate(g)) {
        w.cell(*rate, 4);
    } else {
        w.cell(std::string_view());
    }
    w.cell(g.placed_in_own_cluster);
    if (g.aligned_share) {
        w.cell(*g.aligned_share, 4);
    } else {
        w.cell(std::string_view());
    }
    w.cell(clusters_text(g));
    w.end_row();
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

void write_outcome_files(const matcher::OutcomeReport& report, RunPublisher& publisher) {
    CsvWriter w;
    for (const char* h : {"scope", "id", "name", "institution_id", "cluster", "graduation_year",
                          "graduates", "placed", "employment_rate", "placed_in_own_cluster",
                          "own_cluster_aligned_share", "placed_by_cluster"}) {
        w.cell(std::string_view(h));
    }
    w.end_row();
    for (const auto& g : report.programs) csv_row(w, "program", report.graduation_year, g);
    for (const auto& g : report.institutions) csv_row(w, "institution", report.graduation_year, g);
    csv_row(w, "total", report.graduation_year, report.total);
    publisher.write_file("outcomes.csv", w.text());
    publisher.write_file("outcomes.json", outcomes_json(report).dump(1) + "\n");
}

}  // namespace talentmatch::batch
