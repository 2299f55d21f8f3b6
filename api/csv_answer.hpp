#pragma once
// Lists as CSV for a spreadsheet, the one rule for every list endpoint that
// offers it: asked for by `format=csv` (or `format=json`, the default) or by
// an Accept header naming text/csv; written as UTF-8 with a byte-order mark
// (so Excel on Chinese Windows opens it right), RFC 4180 quoting
// (bulk/csv_reader.hpp), served as an attachment named `filename`.
#include <string>

#include <nlohmann/json.hpp>

#include "api/http_types.hpp"

namespace talentmatch::api {

// True for format=csv or Accept: text/csv; a format other than csv / json is
// a 400 naming it.
bool wants_csv(const Request& r);

// `rows` (an array of objects) as CSV: one column per scalar field of the
// first row, in its key order, and one per scalar field of an object-valued
// field as "field.key" ("explanation.sentence"); arrays are left out. A
// missing or null cell is empty.
Response csv_response(const nlohmann::json& rows, const std::string& filename);

// A CSV answer from ready rows (the header first).
Response csv_response(const std::vector<std::vector<std::string>>& rows,
                      const std::string& filename);

}  // namespace talentmatch::api
