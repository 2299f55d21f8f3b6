#include "models/rule_checker.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "models/field_rules.hpp"
#include "models/limits.hpp"
#include "models/utf8.hpp"
#include "models/validation.hpp"

namespace talentmatch::detail {

std::string quoted(const std::string& value) {
    constexpr std::size_t kMax = 60;
    const bool cut = value.size() > kMax;
    const std::string shown = nlohmann::json(cut ? value.substr(0, kMax) : value)
                                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return cut ? shown + "..." : shown;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

bool is_valid_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9') return false;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const int year = parts[0], month = parts[1], day = parts[2];
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

std::string LazyPath::str() const {
    if (base_ != nullptr) return *base_;
    const std::string parent = parent_->str();
    return is_item_ ? index_path(parent, index_) : join_path(parent, std::string(name_));
}

void RuleChecker::add(PathArg path, std::string message) {
    errors_.push_back({path.str(), std::move(message)});
}

void RuleChecker::range(PathArg path, int value, int min, int max) {
    if (value < min || value > max) {
        add(path, range_message(min, max, value));
    }
}

void RuleChecker::at_least(PathArg path, int value, int min) {
    if (value < min) {
        add(path, "must be >= " + std::to_string(min) + ", got " + std::to_string(value));
    }
}

void RuleChecker::id(PathArg path, const std::string& value) {
    if (value.empty()) return add(path, "must not be empty");
    if (value.size() > kMaxIdLength) {
        return add(path, "must be at most " + std::to_string(kMaxIdLength) + " characters, got " +
                             std::to_string(value.size()) + " (" + quoted(value) + ")");
    }
    if (!std::all_of(value.begin(), value.end(), is_id_char)) {
        add(path, "may contain only letters, digits, '.', '_' and '-', got " + quoted(value));
    }
}

void RuleChecker::reference(PathArg path, const std::string& value,
                            const std::unordered_set<std::string>& known, std::string_view what) {
    if (value.empty()) return add(path, "must not be empty");
    if (!known.contains(value)) add(path, "unknown " + std::string(what) + " " + quoted(value));
}

void RuleChecker::text(PathArg path, const std::string& value, std::size_t max) {
    if (const std::size_t bad = first_invalid_utf8(value); bad != std::string::npos) {
        return add(path, invalid_utf8_message(value, bad));
    }
    if (value.size() <= max) return;  // fast path: bytes >= code points
    const std::size_t n = utf8_length(value);
    if (n > max) {
        add(path,
            "must be at most " + std::to_string(max) + " characters, got " + std::to_string(n));
    }
}

void RuleChecker::min_items(PathArg path, std::size_t size, std::size_t min) {
    if (size >= min) return;
    if (min == 1) return add(path, "must not be empty");
    add(path, "must have at least " + std::to_string(min) + " items, got " + std::to_string(size));
}

void RuleChecker::list_length(PathArg path, std::size_t size, std::size_t max) {
    if (size > max) {
        add(path,
            "must have at most " + std::to_string(max) + " items, got " + std::to_string(size));
    }
}

void RuleChecker::optional_date(PathArg path, const std::string& value) {
    if (!value.empty() && !is_valid_date(value)) {
        add(path, "must be a date YYYY-MM-DD, got " + quoted(value));
    }
}

void RuleChecker::duplicate(PathArg item_path, const std::string& value, std::size_t first,
                            std::string_view what) {
    add(item_path, "duplicate " + std::string(what) + " " + quoted(value) + " (first at [" +
                       std::to_string(first) + "])");
}

}  // namespace talentmatch::detail
