#pragma once
// report.html: one self-contained page (inline CSS and inline SVG charts made
// here, no script, no network) from a ReportData. Deterministic: the same
// data gives the same bytes (no clock, no locale).
#include <string>
#include <string_view>

#include "batch/report_data.hpp"

namespace talentmatch::batch {

std::string render_report_html(const ReportData& data);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace talentmatch::batch
