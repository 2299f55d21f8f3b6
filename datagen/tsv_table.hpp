#pragma once
// A tab-separated table with a header row, as in the O*NET text edition
// (UTF-8, LF, no quoting, no tab or newline inside a cell). Loaded whole:
// the O*NET tables are a few MB.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace talentmatch::datagen {

class TsvTable {
  public:
    // Throws std::runtime_error when the file cannot be read or a row has a
    // different number of cells than the header (naming file and line).
    explicit TsvTable(const std::filesystem::path& file);

    // Column index of `name`; throws std::runtime_error naming the file when absent.
    std::size_t column(std::string_view name) const;
    std::size_t rows() const { return rows_.size(); }
    const std::string& cell(std::size_t row, std::size_t column) const {
        return rows_[row][column];
    }
    const std::filesystem::path& file() const { return file_; }

  private:
    std::filesystem::path file_;
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

// Parses a decimal number cell ("4.12", "0"); throws naming `where` when invalid.
double parse_number(const std::string& text, const std::string& where);

}  // namespace talentmatch::datagen
