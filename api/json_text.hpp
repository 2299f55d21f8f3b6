#pragma once
// JSON text written directly, for the hot query answers. A match list is
// ~2.7 KB; building it as an nlohmann DOM (std::map objects) and dumping it
// was ~6 % of the server's CPU under a matches load. The output is
// byte-identical to nlohmann::json::dump() (tests/api/json_text_test.cpp):
// numbers through nlohmann's own Grisu2 formatter, the same escapes, and keys
// in the order the caller writes them (callers write them sorted, the order
// nlohmann's std::map gives).
#include <string>
#include <string_view>

namespace talentmatch::api {

// `text` as a JSON string literal, quotes included. Invalid UTF-8 becomes
// U+FFFD, as dump() with error_handler_t::replace does.
void append_json_string(std::string& out, std::string_view text);

// `value` as dump() writes a double (null for NaN and infinities).
void append_json_number(std::string& out, double value);

}  // namespace talentmatch::api
