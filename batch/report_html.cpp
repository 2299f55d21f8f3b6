#include "batch/report_html.hpp"

#include <algorithm>

#include "batch/csv_writer.hpp"
#include "batch/progress.hpp"
#include "batch/report_charts.hpp"
#include "batch/report_strings.hpp"

namespace talentmatch::batch {
namespace {

using T = ReportText;

// The report shows at most this many programs in its chart (the best and the
// worst); the table beside it lists every program.
constexpr std::size_t kChartBest = 15, kChartWorst = 10;

const char* kStyle = R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1f3a5f;color:#fff;padding:16px 28px}
header h1{margin:0;font-size:22px}header p{margin:4px 0 0;font-size:14px}header p.hash{opacity:.75;font-size:12px;overflow-wrap:anywhere}
header a{color:#fff}
main{max-width:1100px;margin:0 auto;padding:12px 28px}
section{background:#fff;border:1px solid #e1e4ea;border-radius:8px;padding:14px 18px;margin:14px 0}
h2{font-size:17px;margin:0 0 8px}p.note{color:#4a5366;font-size:13px;margin:0 0 10px}
.kpis{display:flex;flex-wrap:wrap;gap:10px}.kpi{flex:1;min-width:120px;background:#eef2f8;border-radius:6px;padding:8px 12px}
.kpi b{display:block;font-size:20px}.kpi span{font-size:12px;color:#4a5366}
.chart{overflow-x:auto;max-width:100%}
svg text{font-size:12px;fill:#1d2330}svg .axis{stroke:#9aa3b2;stroke-width:1}
.table{max-height:460px;overflow:auto;border:1px solid #eef0f3;margin-top:10px}
table{border-collapse:collapse;font-size:13px;width:100%}td,th{padding:4px 10px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
th{position:sticky;top:0;background:#f3f5f8}td.n{text-align:right;white-space:nowrap}
.legend{font-size:13px}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
dl{margin:0;font-size:14px}dt{font-weight:600;margin-top:8px}dd{margin:2px 0 0 0;color:#333a48}
@media (max-width:860px){header{padding:14px 16px}main{padding:8px 10px}section{padding:12px 12px}}
</style>)";

class Page {
  public:
    explicit Page(Lang lang) : lang_(lang) {}
    std::string t(T key) const { return std::string(report_text(key, lang_)); }
    // A text with placeholders filled, escaped for HTML.
    std::string tf(T key, std::initializer_list<std::pair<std::string_view, std::string>> v) const {
        return html_escape(fill(report_text(key, lang_), v));
    }
    std::string e(T key) const { return html_escape(report_text(key, lang_)); }
    const std::string& name(const Named& n) const { return pick(n, lang_); }
    Lang lang() const { return lang_; }

  private:
    Lang lang_;
};

std::string pct(double share) {
    return format_fixed(100 * share, 1) + "%";
}

std::string kpi(const std::string& label, double value) {
    return "<div class=\"kpi\"><b>" + format_count(value) + "</b><span>" + html_escape(label) +
           "</span></div>";
}

std::string header(const Page& p, const ReportData& d) {
    const Lang other = p.lang() == Lang::kZh ? Lang::kEn : Lang::kZh;
    return "<header><h1>" + p.e(T::kTitle) + "</h1><p>" +
           p.tf(T::kHeaderRun,
                {{"run", std::to_string(d.counts.run_id)}, {"date", d.counts.as_of}}) +
           " · <a href=\"" + report_file_name(other) + "\" hreflang=\"" + models::to_string(other) +
           "\">" + p.e(T::kOtherLanguage) + "</a></p><p class=\"hash\">" +
           p.tf(T::kHeaderHashes,
                {{"data", d.counts.data_hash}, {"taxonomy", d.counts.taxonomy_hash}}) +
           "</p></header>\n";
}

std::string shortages(const Page& p, const ReportData& d) {
    std::string s = "<section><h2>" + p.e(T::kShortageHeading) + "</h2><p class=\"note\">" +
                    p.e(T::kShortageNote) + "</p>";
    if (d.shortages.empty())
        return s + "<p class=\"note\">" + p.e(T::kShortageNone) + "</p></section>\n";
    std::vector<BarRow> rows;
    for (const auto& b : d.shortages) {
        rows.push_back({fill(report_text(T::kShortageLabel, p.lang()),
                             {{"skill", p.name(b.skill)}, {"level", std::to_string(b.level)}}),
                        {b.demand, b.supply, b.projected}});
    }
    return s +
           shortage_svg(rows,
                        {p.t(T::kLegendDemand), p.t(T::kLegendSupply), p.t(T::kLegendProjected)}) +
           "</section>\n";
}

std::string heatmap(const Page& p, const Heatmap& hm) {
    std::string s = "<section><h2>" + p.e(T::kHeatmapHeading) + "</h2><p class=\"note\">" +
                    p.e(T::kHeatmapNote) + "</p>";
    if (hm.rows.empty() || hm.columns.empty())
        return s + "<p class=\"note\">" + p.e(T::kHeatmapNone) + "</p></section>\n";
    std::vector<std::string> rows, columns;
    for (const auto& r : hm.rows) rows.push_back(p.name(r));
    for (const auto& c : hm.columns) columns.push_back(p.name(c));
    return s +
           heatmap_svg(rows, columns, hm.ratio,
                       {p.t(T::kLegendShortage), p.t(T::kLegendBalanced), p.t(T::kLegendSurplus),
                        p.t(T::kLegendNoDemand)}) +
           "</section>\n";
}

std::string program_label(const AlignmentRow& a) {
    std::string label = a.program_name.empty() ? a.program_id : a.program_name;
    if (!a.institution_name.empty()) label += " · " + a.institution_name;
    return label;
}

std::string programs(const Page& p, const ReportData& d) {
    const auto& all = d.programs;
    std::string s = "<section><h2>" + p.e(T::kAlignmentHeading) + "</h2><p class=\"note\">" +
                    p.e(T::kAlignmentNote) + " ";
    if (all.empty())
        return s + "</p><p class=\"note\">" + p.e(T::kAlignmentNone) + "</p></section>\n";
    std::vector<ShareRow> rows;
    const bool some = all.size() > kChartBest + kChartWorst;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (some && i >= kChartBest && i < all.size() - kChartWorst) continue;
        rows.push_back({program_label(all[i]), all[i].eligible_share, all[i].mean_coverage});
    }
    const std::string n = std::to_string(all.size());
    s += (some ? p.tf(T::kAlignmentSome, {{"best", std::to_string(kChartBest)},
                                          {"worst", std::to_string(kChartWorst)},
                                          {"n", n}})
               : p.tf(T::kAlignmentAll, {{"n", n}})) +
         "</p>" + alignment_svg(rows, p.t(T::kAlignmentAxis));
    s += "<div class=\"table\"><table><thead><tr><th>" + p.e(T::kTableRank) + "</th><th>" +
         p.e(T::kTableProgram) + "</th><th>" + p.e(T::kTableInstitution) + "</th><th>" +
         p.e(T::kTableCluster) + "</th><th>" + p.e(T::kTableOpenings) + "</th><th>" +
         p.e(T::kTableAligned) + "</th><th>" + p.e(T::kTableCoverage) + "</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto& a = all[i];
        s += "<tr><td class=\"n\">" + std::to_string(i + 1) + "</td><td>" +
             html_escape(a.program_name.empty() ? a.program_id : a.program_name) + "</td><td>" +
             html_escape(a.institution_name) + "</td><td>" + html_escape(p.name(a.cluster)) +
             "</td><td class=\"n\">" + format_count(double(a.openings)) + "</td><td class=\"n\">" +
             pct(a.eligible_share) + "</td><td class=\"n\">" + pct(a.mean_coverage) + "</td></tr>";
    }
    return s + "</tbody></table></div></section>\n";
}

std::string share(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? std::string("–") : pct(double(part) / double(whole));
}

std::string outcomes(const Page& p, const OutcomesSection& o) {
    std::string s = "<section><h2>" +
                    p.tf(T::kOutcomesHeading, {{"year", std::to_string(o.graduation_year)}}) +
                    "</h2><p class=\"note\">";
    if (o.placed == 0) return s + p.e(T::kOutcomesNone) + "</p></section>\n";
    s += p.tf(T::kOutcomesNote, {{"graduates", format_count(double(o.graduates))},
                                 {"placed", format_count(double(o.placed))},
                                 {"rate", share(o.placed, o.graduates)}}) +
         "</p>";
    s += "<div class=\"table\"><table><thead><tr><th>" + p.e(T::kTableProgram) + "</th><th>" +
         p.e(T::kTableInstitution) + "</th><th>" + p.e(T::kTableGraduates) + "</th><th>" +
         p.e(T::kTablePlaced) + "</th><th>" + p.e(T::kTableEmploymentRate) + "</th><th>" +
         p.e(T::kTableOwnCluster) + "</th><th>" + p.e(T::kTableAligned) +
         "</th></tr></thead><tbody>";
    for (const auto& r : o.programs) {
        s += "<tr><td>" + html_escape(r.program_name.empty() ? r.program_id : r.program_name) +
             "</td><td>" + html_escape(r.institution_name) + "</td><td class=\"n\">" +
             format_count(double(r.graduates)) + "</td><td class=\"n\">" +
             format_count(double(r.placed)) + "</td><td class=\"n\">" +
             share(r.placed, r.graduates) + "</td><td class=\"n\">" +
             share(r.placed_in_own_cluster, r.placed) + "</td><td class=\"n\">" +
             (r.aligned_share ? pct(*r.aligned_share) : std::string("–")) + "</td></tr>";
    }
    return s + "</tbody></table></div></section>\n";
}

std::string funnel(const Page& p, const ReportData& d) {
    const auto& f = d.funnel;
    const auto& c = d.counts;
    const std::string checked = c.stability_exact
                                    ? p.t(T::kChecksExact)
                                    : fill(report_text(T::kChecksSample, p.lang()),
                                           {{"n", format_count(double(c.stability_graduates))}});
    return "<section><h2>" + p.e(T::kFunnelHeading) + "</h2><p class=\"note\">" +
           p.e(T::kFunnelNote) + "</p>" +
           funnel_svg({{p.t(T::kFunnelOpenings), double(f.openings), "#1f3a5f"},
                       {p.t(T::kFunnelEligible), double(f.eligible), "#2e86ab"},
                       {p.t(T::kFunnelMatched), double(f.matched), "#3c9d74"},
                       {p.t(T::kFunnelPlaced), double(f.placed), "#f0a202"}}) +
           "<p class=\"note\">" +
           p.tf(T::kChecks, {{"date", c.as_of},
                             {"expired_jobs", format_count(double(c.expired_jobs))},
                             {"expired_openings", format_count(double(c.expired_openings))},
                             {"blocking", format_count(double(c.blocking_pairs))},
                             {"checked", checked},
                             {"weight", format_count(c.weight)},
                             {"bound", format_count(c.max_weight_bound)}}) +
           "</p></section>\n";
}

std::string changes(const Page& p, const RunChanges& c) {
    std::string s = "<section><h2>" + p.e(T::kChangesHeading) + "</h2>";
    if (!c.has_previous)
        return s + "<p class=\"note\">" + p.e(T::kChangesFirst) + "</p></section>\n";
    const char* bad = "#d1495b";
    const char* good = "#3c9d74";
    s += count_bars_svg({{p.t(T::kChangesNew), double(c.new_shortages), bad},
                         {p.t(T::kChangesResolved), double(c.resolved_shortages), good},
                         {p.t(T::kChangesBestMatch), double(c.best_match_changed), bad},
                         {p.t(T::kChangesFilled), double(c.openings_filled_since), good},
                         {p.t(T::kChangesUnfilled), double(c.openings_unfilled_since), bad}});
    auto list = [&](T title, const std::vector<Named>& skills) {
        if (skills.empty()) return std::string();
        std::string out = "<p class=\"note\"><b>" + p.e(title) + ":</b> ";
        for (std::size_t i = 0; i < skills.size(); ++i)
            out += (i ? ", " : "") + html_escape(p.name(skills[i]));
        return out + "</p>";
    };
    return s + list(T::kChangesNew, c.new_shortage_skills) +
           list(T::kChangesResolved, c.resolved_shortage_skills) + "</section>\n";
}

std::string connections(const Page& p, const std::vector<ConnectionRow>& rows) {
    std::string s = "<section><h2>" + p.e(T::kConnectionsHeading) + "</h2><p class=\"note\">" +
                    p.e(T::kConnectionsNote) + "</p><div class=\"table\"><table><thead><tr><th>" +
                    p.e(T::kTableConnection) + "</th><th>" + p.e(T::kTableSupplies) + "</th><th>" +
                    p.e(T::kTableDemands) + "</th><th>" + p.e(T::kTableAnswered) + "</th><th>" +
                    p.e(T::kTableBestPair) + "</th></tr></thead><tbody>";
    for (const ConnectionRow& r : rows) {
        const std::string best = r.best_supply.empty() ? p.e(T::kConnectionsNone)
                                                       : html_escape(r.best_demand) + " ← " +
                                                             html_escape(r.best_supply) + " (" +
                                                             pct(r.best_coverage) + ")";
        s += "<tr><td>" + p.e(ReportText(r.name)) + "</td><td class=\"n\">" +
             format_count(double(r.supplies)) + "</td><td class=\"n\">" +
             format_count(double(r.demands)) + "</td><td class=\"n\">" +
             format_count(double(r.answered)) + " (" + share(r.answered, r.demands) + ")</td><td>" +
             best + "</td></tr>";
    }
    return s + "</tbody></table></div></section>\n";
}

std::string terms(const Page& p, const ReportCounts& c) {
    std::string s = "<section id=\"terms\"><h2>" + p.e(T::kTermsHeading) + "</h2><dl>";
    auto term = [&](T name, const std::string& text) {
        s += "<dt>" + p.e(name) + "</dt><dd>" + text + "</dd>";
    };
    term(T::kTermBottleneck, p.e(T::kTermBottleneckText));
    term(T::kTermDemand, p.e(T::kTermDemandText));
    term(T::kTermSupply, p.e(T::kTermSupplyText));
    term(T::kTermProjected, p.e(T::kTermProjectedText));
    term(T::kTermRatio, p.tf(T::kTermRatioText, {{"shortage", format_fixed(c.shortage_below, 2)},
                                                 {"surplus", format_fixed(c.surplus_above, 2)}}));
    term(T::kTermCoverage, p.e(T::kTermCoverageText));
    term(T::kTermEligible, p.e(T::kTermEligibleText));
    term(T::kTermAligned, p.tf(T::kTermAlignedText, {{"min", pct(c.alignment_min_coverage)}}));
    term(T::kTermAssignment,
         p.tf(T::kTermAssignmentText, {{"min", pct(c.assignment_min_coverage)}}));
    term(T::kTermBlocking, p.e(T::kTermBlockingText));
    term(T::kTermBound, p.e(T::kTermBoundText));
    return s + "</dl></section>\n";
}

}  // namespace

const char* report_file_name(Lang lang) {
    return lang == Lang::kZh ? "report.zh.html" : "report.html";
}

const std::string& pick(const Named& n, Lang lang) {
    const std::string& first = lang == Lang::kZh ? n.zh : n.en;
    if (!first.empty()) return first;
    const std::string& second = lang == Lang::kZh ? n.en : n.zh;
    return second.empty() ? n.id : second;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string render_report_html(const ReportData& d, Lang lang) {
    const Page p(lang);
    const auto& c = d.counts;
    std::string s = std::string("<!DOCTYPE html>\n<html lang=\"") +
                    (lang == Lang::kZh ? "zh-CN" : "en") +
                    "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                    "content=\"width=device-width, initial-scale=1\"><title>" +
                    p.e(T::kTitle) + " · " +
                    p.tf(T::kHeaderRun, {{"run", std::to_string(c.run_id)}, {"date", c.as_of}}) +
                    "</title>" + kStyle + "</head><body>\n" + header(p, d) + "<main>\n";
    s += "<section><h2>" + p.e(T::kAtAGlance) + "</h2><div class=\"kpis\">" +
         kpi(p.t(T::kKpiGraduates), double(c.graduates)) +
         kpi(p.t(T::kKpiSeeking), double(c.seeking_graduates)) +
         kpi(p.t(T::kKpiJobs), double(c.jobs)) + kpi(p.t(T::kKpiOpenings), double(c.openings)) +
         kpi(p.t(T::kKpiPrograms), double(c.programs)) +
         kpi(p.t(T::kKpiPlaced), double(d.funnel.placed)) + "</div></section>\n";
    s += shortages(p, d) + heatmap(p, d.cluster_by_category) + programs(p, d) +
         outcomes(p, d.outcomes) + funnel(p, d) + connections(p, d.connections) +
         changes(p, d.changes) + terms(p, c);
    return s + "</main></body></html>\n";
}

}  // namespace talentmatch::batch
