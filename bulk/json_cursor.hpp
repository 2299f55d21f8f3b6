#pragma once
// A cursor over one JSON Lines record for the bulk fast-path parsers
// (fast_graduate_parser, fast_job_parser). It accepts only the common, plainly
// valid subset of JSON (no escapes in strings, no nulls, integers without
// fraction or exponent) and every method returns false on anything else, so
// the caller hands the record to the reference decoder (nlohmann +
// models/json_codec.hpp), which also writes the error messages.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "models/utf8.hpp"

namespace talentmatch::bulk {

// Cursor over one line. Every method returns false on anything outside the
// accepted subset, leaving the decision to the reference path.
class Cursor {
  public:
    explicit Cursor(std::string_view text)
        : p_(reinterpret_cast<const unsigned char*>(text.data())), end_(p_ + text.size()) {}

    void skip_ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
    }
    bool at_end() {
        skip_ws();
        return p_ == end_;
    }
    bool consume(char c) {
        skip_ws();
        if (p_ < end_ && *p_ == static_cast<unsigned char>(c)) {
            ++p_;
            return true;
        }
        return false;
    }
    bool peek_is(char c) {
        skip_ws();
        return p_ < end_ && *p_ == static_cast<unsigned char>(c);
    }

    // A string without escapes; raw view into the line.
    bool string_view(std::string_view& out) {
        if (!consume('"')) return false;
        const unsigned char* start = p_;
        while (p_ < end_) {
            skip_plain_ascii();
            if (p_ == end_) break;
            const unsigned char c = *p_;
            if (c == '"') {
                out = std::string_view(reinterpret_cast<const char*>(start),
                                       static_cast<std::size_t>(p_ - start));
                ++p_;
                return true;
            }
            if (c == '\\' || c < 0x20) return false;
            if (c < 0x80) {
                ++p_;
            } else {
                const std::size_t n = utf8_sequence_length(p_, end_);
                if (n == 0) return false;
                p_ += n;
            }
        }
        return false;
    }
    bool string(std::string& out) {
        std::string_view view;
        if (!string_view(view)) return false;
        out.assign(view);
        return true;
    }
    bool integer(int& out) {
        skip_ws();
        bool negative = false;
        if (p_ < end_ && *p_ == '-') {
            negative = true;
            ++p_;
        }
        if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
        if (*p_ == '0' && p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '9') return false;
        std::int64_t value = 0;
        int digits = 0;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
            value = value * 10 + (*p_ - '0');
            ++p_;
            if (++digits > 10) return false;
        }
        if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
        if (negative) value = -value;
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
            return false;
        }
        out = static_cast<int>(value);
        return true;
    }
    bool boolean(bool& out) {
        skip_ws();
        const auto rest = static_cast<std::size_t>(end_ - p_);
        if (rest >= 4 && std::string_view(reinterpret_cast<const char*>(p_), 4) == "true") {
            p_ += 4;
            out = true;
            return true;
        }
        if (rest >= 5 && std::string_view(reinterpret_cast<const char*>(p_), 5) == "false") {
            p_ += 5;
            out = false;
            return true;
        }
        return false;
    }
    // Calls item() for each element of an array.
    template <class Item>
    bool array(Item item) {
        if (!consume('[')) return false;
        if (consume(']')) return true;
        do {
            if (!item()) return false;
        } while (consume(','));
        return consume(']');
    }
    // Calls field(key) for each member of an object.
    template <class Field>
    bool object(Field field) {
        if (!consume('{')) return false;
        if (consume('}')) return true;
        do {
            std::string_view key;
            if (!string_view(key) || !consume(':') || !field(key)) return false;
        } while (consume(','));
        return consume('}');
    }
    bool string_array(std::vector<std::string>& out) {
        std::size_t count = 0;
        const bool ok = array([&] {
            if (count == out.size()) out.emplace_back();
            return string(out[count++]);
        });
        out.resize(count);
        return ok;
    }

  private:
    // Skips 8 bytes at a time while none is '"', '\\', a control byte or
    // non-ASCII (SWAR; a false "maybe" only hands the bytes to the exact loop).
    void skip_plain_ascii() {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
        const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
        while (end_ - p_ >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p_, 8);
            const std::uint64_t special = (w & kHigh) | has_zero(w ^ (kOnes * '"')) |
                                          has_zero(w ^ (kOnes * '\\')) |
                                          ((w - kOnes * 0x20) & ~w & kHigh);
            if (special != 0) return;
            p_ += 8;
        }
    }

    const unsigned char* p_;
    const unsigned char* end_;
};

// key == literal, with the length known at compile time so it inlines.
template <std::size_t N>
bool is(std::string_view key, const char (&literal)[N]) {
    if (key.size() != N - 1) return false;
    for (std::size_t i = 0; i < N - 1; ++i) {
        if (key[i] != literal[i]) return false;
    }
    return true;
}

// Reuses the element at `count` (keeping its buffers) or appends one.
template <class T>
T& next_slot(std::vector<T>& list, std::size_t& count) {
    if (count == list.size()) list.emplace_back();
    return list[count++];
}

// Marks `bit` as seen; false if it was already (a repeated key).
inline bool first_time(unsigned& seen, unsigned bit) {
    if (seen & bit) return false;
    seen |= bit;
    return true;
}

}  // namespace talentmatch::bulk
