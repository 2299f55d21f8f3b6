#include "batch/outcome_files.hpp"

#include "batch/csv_writer.hpp"
#include "runfmt/outcomes_json.hpp"

namespace talentmatch::batch {

namespace {

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
    publisher.write_file("outcomes.json", runfmt::outcomes_json(report).dump(1) + "\n");
}

}  // namespace talentmatch::batch
