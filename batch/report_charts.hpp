#pragma once
// The inline SVG charts of report.html, drawn from labels already in the
// reader's language (report_html.cpp picks them) and plain numbers. Label
// columns are sized from the labels' estimated width (text_width), so no
// label is cut; each chart is wrapped in a <div class="chart"> that scrolls
// sideways when wider than the page. Labels are escaped here.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace talentmatch::batch {

// An upper estimate of the width in px of UTF-8 `text` at `font_px`: Latin
// characters 0.62 em, anything else (CJK) 1 em.
double text_width(std::string_view text, double font_px);

struct BarRow {
    std::string label;
    std::array<double, 3> values{};  // demand, supply, projected
};
// Grouped horizontal bars per row, "demand / supply" written beside them.
std::string shortage_svg(const std::vector<BarRow>& rows, const std::array<std::string, 3>& legend);

// Rows × columns of supply/demand ratios, red (shortage) .. white .. blue.
// legend: shortage, balanced, surplus, no demand.
std::string heatmap_svg(const std::vector<std::string>& rows,
                        const std::vector<std::string>& columns,
                        const std::vector<std::vector<std::optional<double>>>& ratio,
                        const std::array<std::string, 4>& legend);

struct ShareRow {
    std::string label;
    double share = 0, mean = 0;  // 0..1: bar, mark
};
std::string alignment_svg(const std::vector<ShareRow>& rows, const std::string& axis);

// Labelled horizontal bars, widths relative to the largest value; `colors`
// one per row (a funnel when centred).
struct CountRow {
    std::string label;
    double value = 0;
    const char* color = "#1f3a5f";
};
std::string funnel_svg(const std::vector<CountRow>& steps);
std::string count_bars_svg(const std::vector<CountRow>& rows);

}  // namespace talentmatch::batch
