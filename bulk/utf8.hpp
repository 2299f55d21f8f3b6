#pragma once
// UTF-8 well-formedness (RFC 3629: no overlongs, no surrogates, <= U+10FFFF),
// shared by the JSON Lines writer and the graduate fast-path parser.
#include <cstddef>

namespace talentmatch::bulk {

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

}  // namespace talentmatch::bulk
