#pragma once
// RuleChecker: the reusable rules behind validation.cpp (ranges, ids,
// references, lengths, duplicates, dates), each appending one FieldError
// "path: message naming the value" to a caller-owned list. Internal to
// the domain layers (models/, bulk/);
// not part of the public API. Not thread-safe; one per call.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "models/field_error.hpp"

namespace talentmatch::detail {

class RuleChecker {
  public:
    explicit RuleChecker(std::vector<FieldError>& errors) : errors_(errors) {}

    void add(const std::string& path, std::string message);

    // min <= value <= max: range_message, "must be 1..5, got 7".
    void range(const std::string& path, int value, int min, int max);
    // value >= min: "must be >= 1, got 0".
    void at_least(const std::string& path, int value, int min);
    // is_valid_id (models/field_rules.hpp), with a message naming what fails.
    void id(const std::string& path, const std::string& value);
    // A non-empty id that is in `known`: `unknown skill "x"`.
    void reference(const std::string& path, const std::string& value,
                   const std::unordered_set<std::string>& known, std::string_view what);
    // Free text: valid UTF-8 (models/utf8.hpp; every stored string passes
    // here or id(), so nothing garbled reaches the store) and at most `max`
    // Unicode code points.
    void text(const std::string& path, const std::string& value, std::size_t max);
    void list_length(const std::string& path, std::size_t size, std::size_t max);
    // Empty, or an existing calendar date "YYYY-MM-DD".
    void optional_date(const std::string& path, const std::string& value);
    // Each id once per list; reports the repeat with the index of the first.
    void unique(const std::string& item_path, const std::string& value, std::size_t index,
                std::unordered_map<std::string, std::size_t>& seen, std::string_view what);

  private:
    std::vector<FieldError>& errors_;
};

// The quoted form of a string for messages, e.g. "\"ict.x\"" (cut at 60 bytes).
std::string quoted(const std::string& value);
// Number of Unicode code points in UTF-8 text (bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view text);
bool is_valid_date(std::string_view text);

}  // namespace talentmatch::detail
