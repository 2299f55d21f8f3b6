#include "batch/report_html.hpp"

#include <algorithm>
#include <cmath>

#include "batch/csv_writer.hpp"
#include "batch/progress.hpp"

namespace talentmatch::batch {
namespace {

std::string num(double v, int decimals = 1) {
    return format_fixed(v, decimals);
}

const char* kStyle = R"(<style>
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1f3a5f;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.8;font-size:13px}
main{max-width:1100px;margin:0 auto;padding:16px 28px}
section{background:#fff;border:1px solid #e1e4ea;border-radius:8px;padding:14px 18px;margin:14px 0}
h2{font-size:17px;margin:0 0 8px}p.note{color:#5a6375;font-size:13px;margin:0 0 10px}
.kpis{display:flex;flex-wrap:wrap;gap:10px}.kpi{flex:1;min-width:120px;background:#eef2f8;border-radius:6px;padding:8px 12px}
.kpi b{display:block;font-size:20px}.kpi span{font-size:12px;color:#5a6375}
svg text{font-size:11px;fill:#1d2330}svg .axis{stroke:#9aa3b2;stroke-width:1}
table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px;border-bottom:1px solid #eef0f3;text-align:left}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
</style>)";

std::string kpi(const std::string& label, double value) {
    return "<div class=\"kpi\"><b>" + format_count(value) + "</b><span>" + html_escape(label) +
           "</span></div>";
}

// Horizontal grouped bars: demand, supply, projected per skill.
std::string shortage_chart(const std::vector<ShortageBar>& bars) {
    if (bars.empty()) return "<p class=\"note\">No skill is in shortage.</p>";
    const int label_w = 240, plot_w = 560, row_h = 30, top = 10;
    double max_v = 1;
    for (const auto& b : bars) max_v = std::max({max_v, b.demand, b.supply, b.projected});
    const int h = top + row_h * static_cast<int>(bars.size()) + 20;
    std::string s = "<svg role=\"img\" aria-label=\"shortage skills\" width=\"" +
                    std::to_string(label_w + plot_w + 80) + "\" height=\"" + std::to_string(h) +
                    "\">";
    const char* colors[3] = {"#d1495b", "#2e86ab", "#a0c4e2"};
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const int y = top + row_h * static_cast<int>(i);
        s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 16) +
             "\" text-anchor=\"end\">" + html_escape(b.label) + "</text>";
        const double vals[3] = {b.demand, b.supply, b.projected};
        for (int k = 0; k < 3; ++k) {
            const double w = (plot_w - 110) * vals[k] / max_v;  // room for the label
            const int by = y + 2 + 8 * k;
            s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(by) +
                 "\" width=\"" + num(w) + "\" height=\"7\" fill=\"" + colors[k] + "\"/>";
            if (k == 0) {
                s += "<text x=\"" + num(label_w + w + 4) + "\" y=\"" + std::to_string(by + 7) +
                     "\">" + format_count(vals[0]) + " / " + format_count(vals[1]) + "</text>";
            }
        }
    }
    s += "<line class=\"axis\" x1=\"" + std::to_string(label_w) + "\" y1=\"" + std::to_string(top) +
         "\" x2=\"" + std::to_string(label_w) + "\" y2=\"" + std::to_string(h - 20) + "\"/></svg>";
    s += "<div class=\"legend\"><span style=\"background:#d1495b\"></span>demand (openings)"
         "<span style=\"background:#2e86ab\"></span>supply (seeking graduates at level)"
         "<span style=\"background:#a0c4e2\"></span>projected (cohorts / year)</div>";
    return s;
}

// Ratio supply/demand mapped to red (shortage) .. white (1) .. blue (surplus).
std::string ratio_color(double r) {
    const double t = std::clamp(std::log2(std::max(r, 1e-3)) / 3.0, -1.0, 1.0);
    int red, green, blue;
    if (t < 0) {
        red = 255, green = static_cast<int>(255 + 160 * t), blue = static_cast<int>(255 + 170 * t);
    } else {
        red = static_cast<int>(255 - 200 * t), green = static_cast<int>(255 - 110 * t), blue = 255;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", red, green, blue);
    return buf;
}

std::string heatmap_chart(const Heatmap& hm) {
    if (hm.rows.empty() || hm.columns.empty()) return "<p class=\"note\">No demand recorded.</p>";
    const int label_w = 170, cell_w = 58, cell_h = 24, head_h = 110;
    const int w = label_w + cell_w * static_cast<int>(hm.columns.size()) + 10;
    const int h = head_h + cell_h * static_cast<int>(hm.rows.size()) + 10;
    std::string s = "<svg role=\"img\" aria-label=\"supply-demand heatmap\" width=\"" +
                    std::to_string(w) + "\" height=\"" + std::to_string(h) + "\">";
    for (std::size_t c = 0; c < hm.columns.size(); ++c) {
        const int x = label_w + cell_w * static_cast<int>(c) + cell_w / 2;
        s += "<text transform=\"translate(" + std::to_string(x) + "," + std::to_string(head_h - 6) +
             ") rotate(-45)\">" + html_escape(hm.columns[c]) + "</text>";
    }
    for (std::size_t r = 0; r < hm.rows.size(); ++r) {
        const int y = head_h + cell_h * static_cast<int>(r);
        s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 16) +
             "\" text-anchor=\"end\">" + html_escape(hm.rows[r]) + "</text>";
        for (std::size_t c = 0; c < hm.columns.size(); ++c) {
            const int x = label_w + cell_w * static_cast<int>(c);
            const auto& v = hm.ratio[r][c];
            s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                 std::to_string(cell_w - 2) + "\" height=\"" + std::to_string(cell_h - 2) +
                 "\" fill=\"" + (v ? ratio_color(*v) : std::string("#eceff3")) + "\"/>";
            if (v) {
                s += "<text x=\"" + std::to_string(x + cell_w / 2 - 1) + "\" y=\"" +
                     std::to_string(y + 15) + "\" text-anchor=\"middle\">" + num(*v, 2) + "</text>";
            }
        }
    }
    s += "</svg><div class=\"legend\"><span style=\"background:" + ratio_color(0.125) +
         "\"></span>shortage (supply/demand &lt; 1)<span style=\"background:#ffffff;border:1px "
         "solid #ccc\"></span>balanced<span style=\"background:" +
         ratio_color(8) +
         "\"></span>surplus<span style=\"background:#eceff3\"></span>no demand</div>";
    return s;
}

std::string alignment_chart(const std::vector<AlignmentBar>& bars) {
    if (bars.empty()) return "<p class=\"note\">No programs.</p>";
    const int label_w = 280, plot_w = 460, row_h = 20, top = 18;
    const int h = top + row_h * static_cast<int>(bars.size()) + 8;
    std::string s = "<svg role=\"img\" aria-label=\"program alignment\" width=\"" +
                    std::to_string(label_w + plot_w + 120) + "\" height=\"" + std::to_string(h) +
                    "\"><text x=\"" + std::to_string(label_w) +
                    "\" y=\"11\">share of own-cluster openings eligible (bar) · mean coverage "
                    "(mark)</text>";
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const auto& b = bars[i];
        const int y = top + row_h * static_cast<int>(i);
        s += "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" + std::to_string(y + 13) +
             "\" text-anchor=\"end\">" + html_escape(b.label) + "</text>";
        s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) +
             "\" width=\"" + num(plot_w * b.eligible_share) + "\" height=\"13\" fill=\"#3c9d74\"/>";
        const double mx = label_w + plot_w * b.mean_coverage;
        s += "<rect x=\"" + num(mx - 1.5) + "\" y=\"" + std::to_string(y + 1) +
             "\" width=\"3\" height=\"17\" fill=\"#1d2330\"/>";
        s += "<text x=\"" + std::to_string(label_w + plot_w + 8) + "\" y=\"" +
             std::to_string(y + 13) + "\">" + num(100 * b.eligible_share) + "% · " +
             num(100 * b.mean_coverage) + "%</text>";
    }
    return s + "</svg>";
}

// One plain paragraph: expired jobs, blocking pairs (how counted), score vs bound.
std::string assignment_checks(const ReportCounts& c) {
    std::string s =
        "Jobs past their valid-until date on " + html_escape(c.as_of) + ": " +
        format_count(double(c.expired_jobs)) + " (" + format_count(double(c.expired_openings)) +
        " openings), left out of every figure. Blocking pairs over every eligible "
        "pair above the minimum coverage: " +
        format_count(double(c.blocking_pairs)) +
        (c.stability_exact ? " (every seeking graduate checked)"
                           : " (a sample of " + format_count(double(c.stability_graduates)) +
                                 " seeking graduates checked)") +
        ". Total score " + format_count(c.weight) +
        "; a maximum-weight assignment scores at most " + format_count(c.max_weight_bound) +
        " (an upper bound, not the optimum).";
    return s;
}

std::string funnel_chart(const Funnel& f) {
    const std::pair<const char*, std::int64_t> steps[4] = {{"openings", f.openings},
                                                           {"eligible", f.eligible},
                                                           {"matched", f.matched},
                                                           {"placed", f.placed}};
    const int plot_w = 640, row_h = 40, label_w = 90;
    const double max_v = std::max<std::int64_t>(1, f.openings);
    std::string s = "<svg role=\"img\" aria-label=\"assignment funnel\" width=\"" +
                    std::to_string(label_w + plot_w + 20) + "\" height=\"" +
                    std::to_string(row_h * 4 + 6) + "\">";
    const char* colors[4] = {"#1f3a5f", "#2e86ab", "#3c9d74", "#f0a202"};
    for (int i = 0; i < 4; ++i) {
        const double w = plot_w * double(steps[i].second) / max_v;
        const double x = label_w + (plot_w - w) / 2;
        const int y = row_h * i + 4;
        s += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 22) +
             "\" text-anchor=\"end\">" + steps[i].first + "</text>";
        s += "<rect x=\"" + num(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + num(w) +
             "\" height=\"32\" rx=\"3\" fill=\"" + colors[i] + "\"/>";
        const double pct = 100.0 * double(steps[i].second) / max_v;
        s += "<text x=\"" + std::to_string(label_w + plot_w / 2) + "\" y=\"" +
             std::to_string(y + 21) +
             "\" text-anchor=\"middle\" style=\"fill:" + (pct > 25 ? "#fff" : "#1d2330") +
             ";font-weight:600\">" + format_count(double(steps[i].second)) + " (" + num(pct) +
             "%)</text>";
    }
    return s + "</svg>";
}

std::string changes_section(const RunChanges& c) {
    if (!c.has_previous) return "<p class=\"note\">First run: nothing to compare with.</p>";
    const std::pair<const char*, std::int64_t> rows[5] = {
        {"new shortages", c.new_shortages},
        {"resolved shortages", c.resolved_shortages},
        {"graduates whose best match changed", c.best_match_changed},
        {"openings filled since", c.openings_filled_since},
        {"openings unfilled since", c.openings_unfilled_since}};
    std::int64_t max_v = 1;
    for (const auto& r : rows) max_v = std::max(max_v, r.second);
    std::string s =
        "<svg role=\"img\" aria-label=\"run-over-run changes\" width=\"760\" height=\"" +
        std::to_string(5 * 26 + 6) + "\">";
    for (int i = 0; i < 5; ++i) {
        const int y = 26 * i + 4;
        s += "<text x=\"250\" y=\"" + std::to_string(y + 14) + "\" text-anchor=\"end\">" +
             rows[i].first + "</text><rect x=\"258\" y=\"" + std::to_string(y + 2) + "\" width=\"" +
             num(400.0 * double(rows[i].second) / double(max_v)) + "\" height=\"16\" fill=\"" +
             (i == 1 || i == 3 ? "#3c9d74" : "#d1495b") + "\"/><text x=\"" +
             num(262 + 400.0 * double(rows[i].second) / double(max_v)) + "\" y=\"" +
             std::to_string(y + 14) + "\">" + format_count(double(rows[i].second)) + "</text>";
    }
    s += "</svg>";
    auto list = [](const char* title, const std::vector<std::string>& items) {
        if (items.empty()) return std::string();
        std::string t = "<p class=\"note\"><b>" + std::string(title) + ":</b> ";
        for (std::size_t i = 0; i < items.size(); ++i) t += (i ? ", " : "") + html_escape(items[i]);
        return t + "</p>";
    };
    return s + list("new shortages", c.new_shortage_labels) +
           list("resolved", c.resolved_shortage_labels);
}

}  // namespace

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

std::string render_report_html(const ReportData& d) {
    std::string s = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                    html_escape(d.title) + "</title>" + kStyle + "</head><body>\n<header><h1>" +
                    html_escape(d.title) + "</h1><p>data " + html_escape(d.counts.data_hash) +
                    " · taxonomy " + html_escape(d.counts.taxonomy_hash) +
                    " · timings in run.json</p></header><main>\n";
    s += "<section><h2>At a glance</h2><div class=\"kpis\">" +
         kpi("graduates", double(d.counts.graduates)) +
         kpi("seeking", double(d.counts.seeking_graduates)) + kpi("jobs", double(d.counts.jobs)) +
         kpi("openings", double(d.counts.openings)) + kpi("programs", double(d.counts.programs)) +
         kpi("placed", double(d.funnel.placed)) + "</div></section>\n";
    s += "<section><h2>Shortage skills</h2><p class=\"note\">Skills labelled shortage with the "
         "most openings left unserved: openings requiring the skill at its bottleneck level "
         "versus seeking graduates at that level.</p>" +
         shortage_chart(d.shortages) + "</section>\n";
    s += "<section><h2>Supply–demand by cluster × skill category</h2><p class=\"note\">Cell = "
         "supply / demand over the openings of the cluster that require a skill of the "
         "category.</p>" +
         heatmap_chart(d.cluster_by_category) + "</section>\n";
    s += "<section><h2>Program alignment ranking</h2><p class=\"note\">Each program's typical "
         "graduate (its curriculum profile) against the openings of its own cluster.</p>" +
         alignment_chart(d.alignment) + "</section>\n";
    s += "<section><h2>Assignment funnel</h2><p class=\"note\">Openings → openings with an "
         "eligible graduate → with an acceptable pair (coverage above the minimum) → filled by "
         "the stable assignment over every eligible pair.</p>" +
         funnel_chart(d.funnel) + "<p class=\"note\">" + assignment_checks(d.counts) +
         "</p></section>\n";
    s += "<section><h2>Changes since the previous run</h2>" + changes_section(d.changes) +
         "</section>\n";
    s += "</main></body></html>\n";
    return s;
}

}  // namespace talentmatch::batch
