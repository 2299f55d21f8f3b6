#pragma once
// report.html: self-contained pages (inline CSS and inline SVG charts made
// here, no script, no network) from a ReportData, one per reader language:
// report.html in English and report.zh.html in Chinese, each linking to the
// other (a plain relative link, so the switch works offline and without
// script). Every name is shown in the page's language (the other language
// when that one is missing, then the id); every string that is not data is
// batch/report_strings.hpp. Labels are never cut: label columns are as wide
// as their longest label, and a chart wider than the screen scrolls
// sideways inside its section. Deterministic: the same data and language
// give the same bytes (no clock, no locale).
#include <string>
#include <string_view>

#include "batch/report_data.hpp"
#include "models/place_names.hpp"

namespace talentmatch::batch {

// "report.html" (en) or "report.zh.html" (zh): the run folder's file names.
const char* report_file_name(models::Lang lang);

std::string render_report_html(const ReportData& data, models::Lang lang);

// The name of `n` in `lang`: that language's name, else the other's, else the id.
const std::string& pick(const Named& n, models::Lang lang);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace talentmatch::batch
