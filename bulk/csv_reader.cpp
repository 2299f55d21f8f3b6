#include "bulk/csv_reader.hpp"

#include <stdexcept>

namespace talentmatch::bulk {

namespace {
constexpr std::size_t kChunk = 256 * 1024;
}

CsvReader::CsvReader(std::istream& in) : in_(in) {
    buffer_.resize(kChunk);
}

bool CsvReader::fill() {
    if (in_.eof()) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (in_.bad()) throw std::runtime_error("CSV: read error");
    pos_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    return end_ > 0;
}

inline int CsvReader::peek() {
    if (pos_ == end_ && !fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
}

inline int CsvReader::get() {
    const int c = peek();
    if (c >= 0) ++pos_;
    return c;
}

bool CsvReader::next(CsvRecord& record) {
    if (!started_) {
        started_ = true;
        static constexpr unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
        if (peek() == kBom[0]) {
            // A BOM is 3 bytes; only skip it if all three match.
            if (end_ - pos_ >= 3 && static_cast<unsigned char>(buffer_[pos_ + 1]) == kBom[1] &&
                static_cast<unsigned char>(buffer_[pos_ + 2]) == kBom[2]) {
                pos_ += 3;
            }
        }
    }
    // Skip blank lines.
    for (;;) {
        const int c = peek();
        if (c == -1) return false;
        if (c == '\n') {
            ++pos_;
            ++line_;
        } else if (c == '\r') {
            ++pos_;
            if (peek() == '\n') ++pos_;
            ++line_;
        } else {
            break;
        }
    }
    record.line = line_;
    record.error.clear();
    std::size_t count = 0;
    auto next_field = [&]() -> std::string& {
        if (record.fields.size() <= count) record.fields.emplace_back();
        std::string& field = record.fields[count++];
        field.clear();
        return field;
    };
    std::string* field = &next_field();
    for (;;) {
        int c = get();
        if (c == '"' && field->empty()) {
            // Quoted field: runs to the closing quote; '""' is one quote.
            const std::size_t opened_at = line_;
            for (;;) {
                c = get();
                if (c == -1) {
                    record.error = "unterminated quoted field (opened on line " +
                                   std::to_string(opened_at) + ")";
                    record.fields.resize(count);
                    return true;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        ++pos_;
                        field->push_back('"');
                        continue;
                    }
                    break;
                }
                if (c == '\n') ++line_;
                field->push_back(static_cast<char>(c));
            }
            c = get();
            if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                if (record.error.empty()) {
                    record.error = "unexpected character after a closing quote in field " +
                                   std::to_string(count);
                }
                // Keep the stray text so nothing is silently dropped, then continue.
                field->push_back(static_cast<char>(c));
                continue;
            }
        }
        if (c == ',') {
            field = &next_field();
        } else if (c == '\n' || c == '\r' || c == -1) {
            if (c == '\r' && peek() == '\n') ++pos_;
            if (c != -1) ++line_;
            record.fields.resize(count);
            return true;
        } else {
            field->push_back(static_cast<char>(c));
            // Fast path: copy the rest of an unquoted field in one go.
            std::size_t stop = pos_;
            while (stop < end_) {
                const char d = buffer_[stop];
                if (d == ',' || d == '\n' || d == '\r' || d == '"') break;
                ++stop;
            }
            field->append(buffer_, pos_, stop - pos_);
            pos_ = stop;
        }
    }
}

void append_csv_field(std::string& out, std::string_view field) {
    bool quote = !field.empty() && (field.front() == ' ' || field.back() == ' ');
    for (char c : field) quote = quote || c == ',' || c == '"' || c == '\n' || c == '\r';
    if (!quote) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out.push_back(',');
        append_csv_field(out, fields[i]);
    }
    out.push_back('\n');
}

}  // namespace talentmatch::bulk
