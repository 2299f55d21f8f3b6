#pragma once
// LineReader: splits a file into lines (LF or CRLF; a UTF-8 BOM at the start
// is skipped) reading 1 MiB chunks, so memory is bounded by the chunk plus
// the longest line. Internal to bulk/. Not thread-safe.
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace talentmatch::bulk {

class LineReader {
  public:
    // Throws std::runtime_error if `path` cannot be opened.
    explicit LineReader(const std::filesystem::path& path);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

    // The next line without its terminator (valid until the next call), or
    // false at end of file. Throws std::runtime_error on a read error.
    bool next(std::string_view& line);
    std::size_t line_number() const { return line_number_; }  // of the last line returned

  private:
    bool fill();

    std::FILE* file_ = nullptr;
    std::string path_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::string carry_;  // a line that straddles two chunks
    std::size_t line_number_ = 0;
    bool at_start_ = true;
};

}  // namespace talentmatch::bulk
