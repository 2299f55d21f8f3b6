#pragma once
// RFC 4180 CSV, streaming: fields separated by ',', records by CRLF or LF (a
// bare CR also ends a record); a field may be quoted with '"', and then holds
// commas, CR/LF newlines and '""' (one quote). A UTF-8 byte-order mark at
// the start is skipped. Blank lines between records are skipped.
//
// Memory is bounded by the longest record (the input is read in 256 KiB
// chunks). A malformed record does not end the stream: CsvRecord::error
// says what is wrong (text after a closing quote; an unterminated quote,
// which runs to the end of input and so is always the last record) and the
// reader resumes at the next record. Not thread-safe; one reader per stream.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace talentmatch::bulk {

struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;  // 1-based physical line where the record starts
    std::string error;     // empty when well-formed; otherwise "unterminated quoted field ..."
};

class CsvReader {
  public:
    // Reads from `in`, which must outlive the reader.
    explicit CsvReader(std::istream& in);

    // Reads the next record into `record` (reusing its buffers); false at end
    // of input. Throws std::runtime_error if the stream fails (I/O error).
    bool next(CsvRecord& record);

  private:
    bool fill();  // refills the buffer; false at end of input
    int get();    // next byte or -1 at end
    int peek();

    std::istream& in_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::size_t line_ = 1;  // physical line of the next unread byte
    bool started_ = false;  // BOM checked
};

// Appends `field` to `out`, quoted (with '""' escapes) when it holds ',',
// '"', CR or LF, or starts/ends with a space; otherwise verbatim.
void append_csv_field(std::string& out, std::string_view field);
// Appends the fields separated by ',' and a terminating "\n".
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

}  // namespace talentmatch::bulk
