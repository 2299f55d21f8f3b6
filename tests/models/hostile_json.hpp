#pragma once
// Hostile JSON for the decoder tests of every layer (models' parser, bulk
// files, HTTP bodies): nesting that overflowed the stack before the bounded
// parser (models/json_parse.hpp) and an entity's wire form with one field's
// value replaced by raw JSON text.
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"

namespace talentmatch::testing {

// Depths that crashed a recursive dump of the DOM (issue 16): 1,000,000
// arrays (2 MB), 300,000 objects; 70,000 arrays (~140 KB) crashed the old
// cpp-httplib front.
inline constexpr std::size_t kCrashDepth = 1000000;
inline constexpr std::size_t kObjectDepth = 300000;
inline constexpr std::size_t kIssueDepth = 70000;

inline std::string repeat(std::string_view part, std::size_t n) {
    std::string out;
    out.reserve(part.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += part;
    return out;
}

// "[[[...]]]" `depth` deep.
inline std::string deep_arrays(std::size_t depth) {
    return repeat("[", depth) + repeat("]", depth);
}

// {"a":{"a":...1...}} `depth` deep.
inline std::string deep_objects(std::size_t depth) {
    return repeat("{\"a\":", depth) + "1" + repeat("}", depth);
}

// The wire form of `value` (encode()) with `field`'s value replaced by `raw`.
template <class T>
std::string with_field(const T& value, const std::string& field, const std::string& raw) {
    nlohmann::json json = encode(value);
    json[field] = "@@";
    std::string text = json.dump();
    text.replace(text.find("\"@@\""), 4, raw);
    return text;
}

}  // namespace talentmatch::testing
