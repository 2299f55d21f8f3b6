#pragma once
// Direct JSON serialisation of entities for bulk files: append_json_line(out, x)
// appends exactly `encode(x).dump()` + '\n' (compact, keys sorted as
// nlohmann::json sorts them, same string escaping; invalid UTF-8 replaced by
// U+FFFD as dump's `replace` handler does), but without building a DOM, which
// makes writing 1M graduates several times faster. tests/bulk checks the
// bytes against the models/json_codec.hpp reference.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "models/entities.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::bulk {

// Appends `text` as a JSON string literal, byte-identical to
// nlohmann::json(text).dump() with the `replace` error handler.
void append_json_string(std::string& out, std::string_view text);

// Appends `value` as nlohmann::json(value).dump() writes a double (its own
// Grisu2 formatter; null for NaN and infinities).
void append_json_number(std::string& out, double value);

void append_json_line(std::string& out, const Skill& value);
void append_json_line(std::string& out, const Institution& value);
void append_json_line(std::string& out, const Program& value);
void append_json_line(std::string& out, const Employer& value);
void append_json_line(std::string& out, const Job& value);
void append_json_line(std::string& out, const Graduate& value);
void append_json_line(std::string& out, const Placement& value);
// Every other kind (the small ones, where speed does not matter):
// encode(value).dump() itself, so a new kind needs no writer of its own.
template <Described T>
void append_json_line(std::string& out, const T& value) {
    out += encode(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.push_back('\n');
}

}  // namespace talentmatch::bulk
