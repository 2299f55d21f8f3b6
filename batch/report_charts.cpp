#include "batch/report_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "batch/csv_writer.hpp"
#include "batch/progress.hpp"
#include "batch/report_html.hpp"

namespace talentmatch::batch {
namespace {

constexpr double kFont = 12;  // svg text size, px (report_html.cpp's style)

std::string num(double v, int decimals = 1) {
    return format_fixed(v, decimals);
}

std::string i2s(double v) {
    return std::to_string(static_cast<long long>(std::ceil(v)));
}

double widest(const std::vector<std::string>& labels) {
    double w = 0;
    for (const auto& l : labels) w = std::max(w, text_width(l, kFont));
    return w;
}

std::string open_svg(const char* aria, double w, double h) {
    return "<div class=\"chart\"><svg role=\"img\" aria-label=\"" + std::string(aria) +
           "\" width=\"" + i2s(w) + "\" height=\"" + i2s(h) + "\" viewBox=\"0 0 " + i2s(w) + " " +
           i2s(h) + "\">";
}

std::string text_at(double x, double y, const std::string& body, const char* anchor = nullptr) {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" +
           (anchor ? std::string(" text-anchor=\"") + anchor + "\"" : std::string()) + ">" + body +
           "</text>";
}

std::string rect(double x, double y, double w, double h, const std::string& fill) {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
           num(h) + "\" fill=\"" + fill + "\"/>";
}

std::string legend_item(const std::string& color, const std::string& label, bool border = false) {
    return "<span style=\"background:" + color + (border ? ";border:1px solid #ccc" : "") +
           "\"></span>" + html_escape(label);
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

}  // namespace

double text_width(std::string_view text, double font_px) {
    double w = 0;
    for (unsigned char c : text) {
        if (c < 0x80) {
            w += 0.62 * font_px;
        } else if ((c & 0xC0) != 0x80) {
            w += 1.0 * font_px;  // the lead byte of a multi-byte character
        }
    }
    return w;
}

std::string shortage_svg(const std::vector<BarRow>& rows,
                         const std::array<std::string, 3>& legend) {
    std::vector<std::string> labels;
    for (const auto& r : rows) labels.push_back(r.label);
    const double label_w = widest(labels) + 12, plot_w = 380, value_w = 110, row_h = 30, top = 6;
    double max_v = 1;
    for (const auto& r : rows) max_v = std::max({max_v, r.values[0], r.values[1], r.values[2]});
    const double h = top + row_h * double(rows.size()) + 6;
    std::string s = open_svg("shortage skills", label_w + plot_w + value_w, h);
    const char* colors[3] = {"#d1495b", "#2e86ab", "#a0c4e2"};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = top + row_h * double(i);
        s += text_at(label_w - 6, y + 16, html_escape(rows[i].label), "end");
        for (int k = 0; k < 3; ++k) {
            const double w = plot_w * rows[i].values[k] / max_v;
            s += rect(label_w, y + 2 + 8 * k, w, 7, colors[k]);
            if (k == 0) {
                s += text_at(
                    label_w + w + 4, y + 11,
                    format_count(rows[i].values[0]) + " / " + format_count(rows[i].values[1]));
            }
        }
    }
    s += "<line class=\"axis\" x1=\"" + num(label_w) + "\" y1=\"" + num(top) + "\" x2=\"" +
         num(label_w) + "\" y2=\"" + num(h - 6) + "\"/></svg></div>";
    s += "<div class=\"legend\">" + legend_item(colors[0], legend[0]) +
         legend_item(colors[1], legend[1]) + legend_item(colors[2], legend[2]) + "</div>";
    return s;
}

std::string heatmap_svg(const std::vector<std::string>& rows,
                        const std::vector<std::string>& columns,
                        const std::vector<std::vector<std::optional<double>>>& ratio,
                        const std::array<std::string, 4>& legend) {
    const double label_w = widest(rows) + 12, cell_w = 48, cell_h = 24;
    // Column heads are rotated 45°: they rise up and to the right of their cell.
    const double head = widest(columns) * std::sqrt(0.5) + kFont + 8;
    const double w = label_w + cell_w * double(columns.size()) + head;
    const double h = head + cell_h * double(rows.size()) + 6;
    std::string s = open_svg("supply-demand heatmap", w, h);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const double x = label_w + cell_w * double(c) + cell_w / 2;
        s += "<text transform=\"translate(" + num(x) + "," + num(head - 6) + ") rotate(-45)\">" +
             html_escape(columns[c]) + "</text>";
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const double y = head + cell_h * double(r);
        s += text_at(label_w - 6, y + 16, html_escape(rows[r]), "end");
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double x = label_w + cell_w * double(c);
            const auto& v = ratio[r][c];
            s += rect(x, y, cell_w - 2, cell_h - 2, v ? ratio_color(*v) : std::string("#eceff3"));
            if (v) s += text_at(x + cell_w / 2 - 1, y + 15, num(*v, 2), "middle");
        }
    }
    s += "</svg></div><div class=\"legend\">" + legend_item(ratio_color(0.125), legend[0]) +
         legend_item("#ffffff", legend[1], true) + legend_item(ratio_color(8), legend[2]) +
         legend_item("#eceff3", legend[3]) + "</div>";
    return s;
}

std::string alignment_svg(const std::vector<ShareRow>& rows, const std::string& axis) {
    std::vector<std::string> labels;
    for (const auto& r : rows) labels.push_back(r.label);
    const double label_w = widest(labels) + 12, plot_w = 360, row_h = 22, top = 22;
    const double w = label_w + std::max(plot_w + 110, text_width(axis, kFont) + 10);
    const double h = top + row_h * double(rows.size()) + 6;
    std::string s = open_svg("program alignment", w, h) + text_at(label_w, 14, html_escape(axis));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const double y = top + row_h * double(i);
        s += text_at(label_w - 6, y + 14, html_escape(r.label), "end");
        s += rect(label_w, y + 3, plot_w * r.share, 14, "#3c9d74");
        s += rect(label_w + plot_w * r.mean - 1.5, y + 1, 3, 18, "#1d2330");
        s += text_at(label_w + plot_w + 8, y + 14,
                     num(100 * r.share) + "% · " + num(100 * r.mean) + "%");
    }
    return s + "</svg></div>";
}

std::string funnel_svg(const std::vector<CountRow>& steps) {
    std::vector<std::string> labels;
    for (const auto& r : steps) labels.push_back(r.label);
    const double label_w = widest(labels) + 14, plot_w = 520, row_h = 40;
    double max_v = 1;
    for (const auto& r : steps) max_v = std::max(max_v, r.value);
    std::string s =
        open_svg("assignment funnel", label_w + plot_w + 10, row_h * double(steps.size()) + 6);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const double w = plot_w * steps[i].value / max_v;
        const double y = row_h * double(i) + 4;
        const double pct = 100.0 * steps[i].value / max_v;
        s += text_at(label_w - 8, y + 21, html_escape(steps[i].label), "end");
        s += "<rect x=\"" + num(label_w + (plot_w - w) / 2) + "\" y=\"" + num(y) + "\" width=\"" +
             num(w) + "\" height=\"32\" rx=\"3\" fill=\"" + steps[i].color + "\"/>";
        s += "<text x=\"" + num(label_w + plot_w / 2) + "\" y=\"" + num(y + 21) +
             "\" text-anchor=\"middle\" style=\"fill:" + (pct > 25 ? "#fff" : "#1d2330") +
             ";font-weight:600\">" + format_count(steps[i].value) + " (" + num(pct) + "%)</text>";
    }
    return s + "</svg></div>";
}

std::string count_bars_svg(const std::vector<CountRow>& rows) {
    std::vector<std::string> labels;
    for (const auto& r : rows) labels.push_back(r.label);
    const double label_w = widest(labels) + 12, plot_w = 360, row_h = 26;
    double max_v = 1;
    for (const auto& r : rows) max_v = std::max(max_v, r.value);
    std::string s =
        open_svg("run-over-run changes", label_w + plot_w + 90, row_h * double(rows.size()) + 6);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = row_h * double(i) + 4;
        const double w = plot_w * rows[i].value / max_v;
        s += text_at(label_w - 6, y + 14, html_escape(rows[i].label), "end");
        s += rect(label_w, y + 2, w, 16, rows[i].color);
        s += text_at(label_w + w + 4, y + 14, format_count(rows[i].value));
    }
    return s + "</svg></div>";
}

}  // namespace talentmatch::batch
