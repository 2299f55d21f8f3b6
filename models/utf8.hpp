#pragma once
// The one UTF-8 validator of the project: well-formed per RFC 3629 (no
// overlong forms, no surrogates U+D800..U+DFFF, nothing above U+10FFFF, no
// stray continuation or truncated sequences). Every path that can store a
// string uses it: the bulk fast-path parsers (bulk/json_cursor.hpp), CSV
// cells (bulk/csv_formats.cpp, refused with row and column), the domain
// rules every store write runs (models/rule_checker.hpp: every free-text
// field), and error messages that quote input (models/json_parse.hpp).
// nlohmann's lexer applies the same rule to JSON strings on its own.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace talentmatch {

// Length (1..4) of the valid UTF-8 sequence starting at p, or 0 if the bytes
// in [p, end) do not start one. Requires p < end.
inline std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = *p;
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;  // no overlongs
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;  // no overlongs
        if (c == 0xF4) hi = 0x8F;  // <= U+10FFFF
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) < n || p[1] < lo || p[1] > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if (p[k] < 0x80 || p[k] > 0xBF) return 0;
    }
    return n;
}

// Byte offset of the first byte that does not start a valid sequence, or
// std::string_view::npos when all of `text` is valid UTF-8.
inline std::size_t first_invalid_utf8(std::string_view text) {
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    const auto* p = begin;
    while (p < end) {
        // ASCII runs 8 bytes at a time.
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            p += 8;
        }
        if (p == end) break;
        const std::size_t n = utf8_sequence_length(p, end);
        if (n == 0) return static_cast<std::size_t>(p - begin);
        p += n;
    }
    return std::string_view::npos;
}

inline bool is_valid_utf8(std::string_view text) {
    return first_invalid_utf8(text) == std::string_view::npos;
}

// `text` with every byte that is not part of a valid sequence written as
// "\xNN" (so a message may quote input and stay valid UTF-8 and readable).
inline std::string escape_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    for (const auto* p = begin; p < end;) {
        const std::size_t n = utf8_sequence_length(p, end);
        if (n == 0) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out.push_back(kHex[*p >> 4]);
            out.push_back(kHex[*p & 0xF]);
            ++p;
        } else {
            out.append(reinterpret_cast<const char*>(p), n);
            p += n;
        }
    }
    return out;
}

// The message for a string that is not valid UTF-8 (FieldError vocabulary):
// "must be valid UTF-8 (invalid byte 0xC0 at offset 3)".
inline std::string invalid_utf8_message(std::string_view text, std::size_t offset) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(text[offset]);
    std::string out = "must be valid UTF-8 (invalid byte 0x";
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
    return out + " at offset " + std::to_string(offset) + ")";
}

}  // namespace talentmatch
