#include "api/csv_reader.hpp"

#include <stdexcept>

namespace talentmatch::api {

std::vector<CsvRow> parse_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool quoted = false;
    bool row_open = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.push_back(c);
            }
            continue;
        }
        row_open = true;
        if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            row_open = false;
        } else {
            field.push_back(c);
        }
    }
    if (quoted) throw std::runtime_error("CSV: unterminated quoted field");
    if (row_open) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::size_t csv_column(const CsvRow& header, std::string_view name, std::string_view file) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return i;
    }
    throw std::runtime_error(std::string(file) + ": no column '" + std::string(name) + "'");
}

}  // namespace talentmatch::api
