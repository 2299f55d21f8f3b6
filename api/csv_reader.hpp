#pragma once
// A small RFC 4180 CSV reader for the batch's result files (batch/csv_writer
// writes them): comma-separated, fields with commas, quotes or line breaks are
// quoted and inner quotes doubled, rows end with "\n" (a "\r\n" is accepted).
// Pure function of the text; no I/O.
#include <string>
#include <string_view>
#include <vector>

namespace talentmatch::api {

using CsvRow = std::vector<std::string>;

// Every row of `text`, the header included. Throws std::runtime_error on an
// unterminated quoted field.
std::vector<CsvRow> parse_csv(std::string_view text);

// The index of column `name` in `header`; throws std::runtime_error naming
// the column and `file` when it is missing.
std::size_t csv_column(const CsvRow& header, std::string_view name, std::string_view file);

}  // namespace talentmatch::api
