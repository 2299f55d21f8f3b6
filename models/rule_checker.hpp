#pragma once
// RuleChecker: the reusable rules behind validation.cpp (ranges, ids,
// references, lengths, duplicates, dates), each appending one FieldError
// "path: message naming the value" to a caller-owned list. Internal to
// the domain layers (models/, bulk/);
// not part of the public API. Not thread-safe; one per call.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "models/field_error.hpp"

namespace talentmatch::detail {

// A field path spelled only when a rule fails ("requirements[2].level", the
// spelling of join_path / index_path): the derived validator (validation.cpp)
// walks every field of every valid entity without making a string. A child
// refers to its parent, which must outlive it.
class LazyPath {
  public:
    explicit LazyPath(const std::string& base) : base_(&base) {}
    LazyPath field(std::string_view name) const { return LazyPath(this, name, 0, false); }
    LazyPath item(std::size_t index) const { return LazyPath(this, {}, index, true); }
    std::string str() const;

  private:
    LazyPath(const LazyPath* parent, std::string_view name, std::size_t index, bool is_item)
        : parent_(parent), name_(name), index_(index), is_item_(is_item) {}
    const std::string* base_ = nullptr;
    const LazyPath* parent_ = nullptr;
    std::string_view name_;
    std::size_t index_ = 0;
    bool is_item_ = false;
};

// The path a rule reports, given as a string or a LazyPath; spelled only on failure.
class PathArg {
  public:
    PathArg(const std::string& path) : eager_(&path) {}  // NOLINT: implicit by design
    PathArg(const LazyPath& path) : lazy_(&path) {}      // NOLINT: implicit by design
    std::string str() const { return eager_ != nullptr ? *eager_ : lazy_->str(); }

  private:
    const std::string* eager_ = nullptr;
    const LazyPath* lazy_ = nullptr;
};

class RuleChecker {
  public:
    explicit RuleChecker(std::vector<FieldError>& errors) : errors_(errors) {}

    void add(PathArg path, std::string message);

    // min <= value <= max: range_message, "must be 1..5, got 7".
    void range(PathArg path, int value, int min, int max);
    // value >= min: "must be >= 1, got 0".
    void at_least(PathArg path, int value, int min);
    // is_valid_id (models/field_rules.hpp), with a message naming what fails.
    void id(PathArg path, const std::string& value);
    // A non-empty id that is in `known`: `unknown skill "x"`.
    void reference(PathArg path, const std::string& value,
                   const std::unordered_set<std::string>& known, std::string_view what);
    // Free text: valid UTF-8 (models/utf8.hpp; every stored string passes
    // here or id(), so nothing garbled reaches the store) and at most `max`
    // Unicode code points.
    void text(PathArg path, const std::string& value, std::size_t max);
    // At least `min` items: "must not be empty" (min 1) or "must have at least ...".
    void min_items(PathArg path, std::size_t size, std::size_t min);
    void list_length(PathArg path, std::size_t size, std::size_t max);
    // Empty, or an existing calendar date "YYYY-MM-DD".
    void optional_date(PathArg path, const std::string& value);
    // A value an earlier item of the same list (at `first`) holds already:
    // `duplicate skill "x" (first at [0])`.
    void duplicate(PathArg item_path, const std::string& value, std::size_t first,
                   std::string_view what);

  private:
    std::vector<FieldError>& errors_;
};

// The quoted form of a string for messages, e.g. "\"ict.x\"" (cut at 60 bytes).
std::string quoted(const std::string& value);
// Number of Unicode code points in UTF-8 text (bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view text);
bool is_valid_date(std::string_view text);

}  // namespace talentmatch::detail
