#include "bulk/fast_graduate_parser.hpp"

#include <cstdint>
#include <cstring>
#include <limits>

#include "bulk/utf8.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::bulk {

namespace {

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
bool first_time(unsigned& seen, unsigned bit) {
    if (seen & bit) return false;
    seen |= bit;
    return true;
}

bool parse_evidence(Cursor& in, Evidence& out) {
    unsigned seen = 0;
    out.kind = EvidenceKind::kCourse;
    out.ref.clear();
    const bool ok = in.object([&](std::string_view key) {
        if (is(key, "kind") && first_time(seen, 1)) {
            std::string_view name;
            if (!in.string_view(name)) return false;
            const auto kind = parse_evidence_kind(name);
            if (!kind) return false;
            out.kind = *kind;
            return true;
        }
        if (is(key, "ref") && first_time(seen, 2)) return in.string(out.ref);
        return false;
    });
    return ok && (seen & 1);
}

bool parse_skill(Cursor& in, GraduateSkill& out) {
    unsigned seen = 0;
    std::size_t evidence = 0;
    const bool ok = in.object([&](std::string_view key) {
        if (is(key, "skill_id") && first_time(seen, 1)) return in.string(out.skill_id);
        if (is(key, "level") && first_time(seen, 2)) return in.integer(out.level);
        if (is(key, "evidence") && first_time(seen, 4)) {
            return in.array([&] { return parse_evidence(in, next_slot(out.evidence, evidence)); });
        }
        return false;
    });
    out.evidence.resize(evidence);
    return ok && (seen & 3) == 3;
}

}  // namespace

bool parse_graduate_fast(std::string_view line, Graduate& out) {
    Cursor in(line);
    // Reset to the defaults but keep every buffer: callers reuse `out`.
    out.id.clear();
    out.institution_id.clear();
    out.program_id.clear();
    out.graduation_year = 0;
    out.education_level = Graduate{}.education_level;
    out.certificates.clear();
    out.preferred_districts.clear();
    out.preferred_clusters.clear();
    out.seeking = true;
    std::size_t skills = 0;
    unsigned seen = 0;
    const bool ok = in.object([&](std::string_view key) {
        if (is(key, "id") && first_time(seen, 1)) return in.string(out.id);
        if (is(key, "institution_id") && first_time(seen, 2)) return in.string(out.institution_id);
        if (is(key, "program_id") && first_time(seen, 4)) return in.string(out.program_id);
        if (is(key, "graduation_year") && first_time(seen, 8))
            return in.integer(out.graduation_year);
        if (is(key, "education_level") && first_time(seen, 16)) {
            std::string_view name;
            if (!in.string_view(name)) return false;
            const auto level = parse_education_level(name);
            if (!level) return false;
            out.education_level = *level;
            return true;
        }
        if (is(key, "skills") && first_time(seen, 32)) {
            return in.array([&] { return parse_skill(in, next_slot(out.skills, skills)); });
        }
        if (is(key, "certificates") && first_time(seen, 64))
            return in.string_array(out.certificates);
        if (is(key, "preferred_districts") && first_time(seen, 128)) {
            return in.string_array(out.preferred_districts);
        }
        if (is(key, "preferred_clusters") && first_time(seen, 256)) {
            return in.string_array(out.preferred_clusters);
        }
        if (is(key, "seeking") && first_time(seen, 512)) return in.boolean(out.seeking);
        return false;
    });
    out.skills.resize(skills);
    constexpr unsigned kRequired = 1 | 2 | 4 | 8;
    return ok && (seen & kRequired) == kRequired && in.at_end();
}

}  // namespace talentmatch::bulk
