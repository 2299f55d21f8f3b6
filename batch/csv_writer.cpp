#include "batch/csv_writer.hpp"

#include <charconv>

namespace talentmatch::batch {

std::string format_fixed(double value, int decimals) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    std::string s(buf, r.ptr);
    if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
    return s;
}

void CsvWriter::separator() {
    if (row_open_) out_ += ',';
    row_open_ = true;
}

CsvWriter& CsvWriter::cell(std::string_view text) {
    separator();
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out_.append(text);
        return *this;
    }
    out_ += '"';
    for (char c : text) {
        if (c == '"') out_ += '"';
        out_ += c;
    }
    out_ += '"';
    return *this;
}

CsvWriter& CsvWriter::cell(std::int64_t value) {
    separator();
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, value);
    out_.append(buf, r.ptr);
    return *this;
}

CsvWriter& CsvWriter::cell(double value, int decimals) {
    separator();
    out_ += format_fixed(value, decimals);
    return *this;
}

void CsvWriter::end_row() {
    out_ += '\n';
    row_open_ = false;
}

}  // namespace talentmatch::batch
