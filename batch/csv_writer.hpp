#pragma once
// RFC 4180 CSV into a string: fields with a comma, quote, CR or LF are quoted
// (quotes doubled); rows end with "\n". Numbers are formatted locale-free so
// the bytes depend only on the values (a re-run gives identical files).
#include <cstdint>
#include <string>
#include <string_view>

namespace talentmatch::batch {

class CsvWriter {
  public:
    // Starts a row with a header or value; cells are separated automatically.
    CsvWriter& cell(std::string_view text);
    CsvWriter& cell(std::int64_t value);
    // Fixed notation with `decimals` digits after the point ("0.833333").
    CsvWriter& cell(double value, int decimals = 6);
    void end_row();

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
    bool row_open_ = false;
    void separator();
};

// `value` with `decimals` digits, locale-free; "-0.000" is printed as "0.000".
std::string format_fixed(double value, int decimals);

}  // namespace talentmatch::batch
