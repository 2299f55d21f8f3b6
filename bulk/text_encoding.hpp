#pragma once
// The encoding of an uploaded or imported CSV text, detected and converted to
// UTF-8 before any cell is read, so a spreadsheet saved on Chinese Windows
// (GBK / GB18030, Excel's "CSV" default there) is stored with the right
// characters, never garbled:
//   - UTF-8 (a leading byte-order mark is dropped): used as is;
//   - UTF-8 with damaged bytes (after a byte-order mark, or with more
//     well-formed multi-byte sequences than bad bytes): used as is, so the
//     CSV cell check refuses each damaged row naming row and column;
//   - otherwise, text that decodes as GB18030 (a superset of GBK and GB2312)
//     is converted with glibc's iconv;
//   - a spreadsheet workbook (.xlsx / .ods: a ZIP; .xls: OLE2) sent as CSV
//     is refused whole, its message saying how to save it as CSV;
//   - anything else (UTF-16 from "Unicode text", Latin-1, binary) is refused
//     whole with an EncodingError naming the first line that is neither
//     UTF-8 nor GB18030. Nothing is ever decoded by guess into other text.
// Plain ASCII is UTF-8. Detection is deterministic: the same bytes always give
// the same text. Thread-safe (no shared state; one iconv descriptor per call).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace talentmatch::bulk {

enum class TextEncoding { kUtf8, kUtf8Bom, kGb18030 };

// "UTF-8", "UTF-8 with BOM", "GB18030".
const char* to_string(TextEncoding encoding);

struct DecodedText {
    std::string text;  // valid UTF-8, without a byte-order mark
    TextEncoding encoding = TextEncoding::kUtf8;
};

class EncodingError : public std::runtime_error {
  public:
    EncodingError(std::size_t line, const std::string& message)
        : std::runtime_error(message), line_(line) {}
    // 1-based physical line of the first bad byte; what() does not repeat it.
    std::size_t line() const { return line_; }

  private:
    std::size_t line_;
};

// True when `head` (a file's first 8 bytes or more) starts a spreadsheet
// workbook: a ZIP (.xlsx, .ods) or an OLE2 compound file (.xls).
bool starts_as_workbook(std::string_view head);

// Throws EncodingError when the bytes are neither UTF-8 nor GB18030; its
// message says what was found and what to do ("save it as CSV UTF-8").
DecodedText decode_csv_text(std::string bytes);

}  // namespace talentmatch::bulk
