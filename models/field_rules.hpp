#pragma once
// Rules on one field value, stated once for every checker: the validator
// (models/rule_checker, validation.cpp) and the snapshot's staging
// (matcher/snapshot_staging).
#include <string>
#include <string_view>

#include "models/limits.hpp"

namespace talentmatch {

// A character an id may hold: [A-Za-z0-9._-] (so ids never contain the CSV
// cell separators ':' and ';').
inline bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
}

// An id: 1..kMaxIdLength characters, each is_id_char.
inline bool is_valid_id(std::string_view value) {
    if (value.empty() || value.size() > kMaxIdLength) return false;
    for (char c : value) {
        if (!is_id_char(c)) return false;
    }
    return true;
}

// The message for a value outside min..max: "must be 1..5, got 7".
inline std::string range_message(long long min, long long max, long long value) {
    return "must be " + std::to_string(min) + ".." + std::to_string(max) + ", got " +
           std::to_string(value);
}

}  // namespace talentmatch
