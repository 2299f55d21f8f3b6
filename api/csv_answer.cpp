#include "api/csv_answer.hpp"

#include "api/problem.hpp"
#include "bulk/csv_reader.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

std::string cell(const json& value) {
    if (value.is_null()) return "";
    if (value.is_string()) return value.get<std::string>();
    return value.dump();
}

}  // namespace

bool wants_csv(const Request& r) {
    if (const auto format = r.query_value("format")) {
        if (*format == "csv") return true;
        if (*format == "json") return false;
        throw BadRequest("bad query parameter",
                         {{"format", "must be csv or json, got \"" + *format + "\""}});
    }
    return r.header("accept").find("text/csv") != std::string::npos;
}

Response csv_response(const std::vector<std::vector<std::string>>& rows,
                      const std::string& filename) {
    Response res;
    res.content_type = "text/csv; charset=utf-8";
    res.body = "\xEF\xBB\xBF";
    for (const auto& row : rows) bulk::append_csv_row(res.body, row);
    res.headers["Content-Disposition"] = "attachment; filename=\"" + filename + "\"";
    return res;
}

Response csv_response(const json& rows, const std::string& filename) {
    // Columns: (field, key in an object field or "").
    std::vector<std::pair<std::string, std::string>> columns;
    if (!rows.empty()) {
        for (const auto& [field, value] : rows.front().items()) {
            if (value.is_object()) {
                for (const auto& [key, inner] : value.items()) {
                    if (!inner.is_structured()) columns.emplace_back(field, key);
                }
            } else if (!value.is_array()) {
                columns.emplace_back(field, "");
            }
        }
    }
    std::vector<std::vector<std::string>> out;
    auto& header = out.emplace_back();
    for (const auto& [field, key] : columns)
        header.push_back(key.empty() ? field : field + "." + key);
    for (const auto& row : rows) {
        auto& line = out.emplace_back();
        for (const auto& [field, key] : columns) {
            const auto it = row.find(field);
            if (it == row.end()) {
                line.emplace_back();
            } else if (key.empty()) {
                line.push_back(cell(*it));
            } else {
                const auto inner = it->find(key);
                line.push_back(inner == it->end() ? "" : cell(*inner));
            }
        }
    }
    return csv_response(out, filename);
}

}  // namespace talentmatch::api
