#include "bulk/json_line.hpp"

#include <array>
#include <cmath>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include "models/utf8.hpp"

namespace talentmatch::bulk {

void append_json_string(std::string& out, std::string_view text) {
    // Invalid UTF-8 is rare: leave it to nlohmann's own `replace` handling so
    // the bytes stay identical to the reference.
    if (!is_valid_utf8(text)) {
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out.push_back('"');
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    static constexpr char kHex[] = "0123456789abcdef";
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0xF]);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // The formatter dump() itself uses (nlohmann's serializer::dump_float).
    std::array<char, 64> buffer{};
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

namespace {

// Writes `"key":` with a leading ',' unless it opens the object.
void key(std::string& out, std::string_view name, bool first) {
    if (!first) out.push_back(',');
    out.push_back('"');
    out += name;
    out += "\":";
}

template <Described T>
void append_object(std::string& out, const T& value);

template <class V>
void append_value(std::string& out, const V& value) {
    if constexpr (std::is_same_v<V, std::string>) {
        append_json_string(out, value);
    } else if constexpr (std::is_same_v<V, int>) {
        out += std::to_string(value);
    } else if constexpr (std::is_same_v<V, bool>) {
        out += value ? "true" : "false";
    } else if constexpr (WireEnum<V>) {
        append_json_string(out, wire_name(value));
    } else {
        out.push_back('[');
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (i > 0) out.push_back(',');
            if constexpr (Described<typename V::value_type>) {
                append_object(out, value[i]);
            } else {
                append_json_string(out, value[i]);
            }
        }
        out.push_back(']');
    }
}

template <class T>
using FieldWriter = void (*)(std::string& out, const T& value, bool first);

template <class T, std::size_t I>
void write_field(std::string& out, const T& value, bool first) {
    key(out, kField<T, I>.name, first);
    append_value(out, value.*kField<T, I>.member);
}

// T's field writers with the keys in sorted (byte) order, as nlohmann::json's
// std::map keeps them.
template <class T, std::size_t... I>
constexpr std::array<FieldWriter<T>, sizeof...(I)> writers_in_name_order(
    std::index_sequence<I...>) {
    constexpr std::array<FieldWriter<T>, sizeof...(I)> in_wire_order = {&write_field<T, I>...};
    constexpr auto order = fields_in_name_order<T>();
    return {in_wire_order[order[I]]...};
}

template <Described T>
void append_object(std::string& out, const T& value) {
    static constexpr auto kWriters =
        writers_in_name_order<T>(std::make_index_sequence<kFieldCount<T>>{});
    out.push_back('{');
    for (std::size_t i = 0; i < kWriters.size(); ++i) kWriters[i](out, value, i == 0);
    out.push_back('}');
}

template <Described T>
void append_line(std::string& out, const T& value) {
    append_object(out, value);
    out.push_back('\n');
}

}  // namespace

void append_json_line(std::string& out, const Skill& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Certificate& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Institution& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Program& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Employer& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Job& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Graduate& value) {
    append_line(out, value);
}
void append_json_line(std::string& out, const Placement& value) {
    append_line(out, value);
}

}  // namespace talentmatch::bulk
