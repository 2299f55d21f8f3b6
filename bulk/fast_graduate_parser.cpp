#include "bulk/fast_graduate_parser.hpp"

#include <cstdint>
#include <limits>

#include "models/json_codec.hpp"

namespace talentmatch::bulk {

namespace {

// Length of the valid UTF-8 sequence at p (p < end), or 0.
std::size_t utf8_length_at(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = *p;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) < n || p[1] < lo || p[1] > hi) return 0;
    for (std::size_t k = 2; k < n; ++k) {
        if (p[k] < 0x80 || p[k] > 0xBF) return 0;
    }
    return n;
}

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
                const std::size_t n = utf8_length_at(p_, end_);
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
        out.clear();
        return array([&] {
            out.emplace_back();
            return string(out.back());
        });
    }

  private:
    const unsigned char* p_;
    const unsigned char* end_;
};

// Marks `bit` as seen; false if it was already (a repeated key).
bool first_time(unsigned& seen, unsigned bit) {
    if (seen & bit) return false;
    seen |= bit;
    return true;
}

bool parse_evidence(Cursor& in, Evidence& out) {
    unsigned seen = 0;
    out = Evidence{};
    const bool ok = in.object([&](std::string_view key) {
        if (key == "kind" && first_time(seen, 1)) {
            std::string_view name;
            if (!in.string_view(name)) return false;
            const auto kind = parse_evidence_kind(name);
            if (!kind) return false;
            out.kind = *kind;
            return true;
        }
        if (key == "ref" && first_time(seen, 2)) return in.string(out.ref);
        return false;
    });
    return ok && (seen & 1);
}

bool parse_skill(Cursor& in, GraduateSkill& out) {
    unsigned seen = 0;
    out.evidence.clear();
    const bool ok = in.object([&](std::string_view key) {
        if (key == "skill_id" && first_time(seen, 1)) return in.string(out.skill_id);
        if (key == "level" && first_time(seen, 2)) return in.integer(out.level);
        if (key == "evidence" && first_time(seen, 4)) {
            return in.array([&] {
                out.evidence.emplace_back();
                return parse_evidence(in, out.evidence.back());
            });
        }
        return false;
    });
    return ok && (seen & 3) == 3;
}

}  // namespace

bool parse_graduate_fast(std::string_view line, Graduate& out) {
    Cursor in(line);
    out = Graduate{};
    unsigned seen = 0;
    const bool ok = in.object([&](std::string_view key) {
        if (key == "id" && first_time(seen, 1)) return in.string(out.id);
        if (key == "institution_id" && first_time(seen, 2)) return in.string(out.institution_id);
        if (key == "program_id" && first_time(seen, 4)) return in.string(out.program_id);
        if (key == "graduation_year" && first_time(seen, 8)) return in.integer(out.graduation_year);
        if (key == "education_level" && first_time(seen, 16)) {
            std::string_view name;
            if (!in.string_view(name)) return false;
            const auto level = parse_education_level(name);
            if (!level) return false;
            out.education_level = *level;
            return true;
        }
        if (key == "skills" && first_time(seen, 32)) {
            return in.array([&] {
                out.skills.emplace_back();
                return parse_skill(in, out.skills.back());
            });
        }
        if (key == "certificates" && first_time(seen, 64)) return in.string_array(out.certificates);
        if (key == "preferred_districts" && first_time(seen, 128)) {
            return in.string_array(out.preferred_districts);
        }
        if (key == "preferred_clusters" && first_time(seen, 256)) {
            return in.string_array(out.preferred_clusters);
        }
        if (key == "seeking" && first_time(seen, 512)) return in.boolean(out.seeking);
        return false;
    });
    constexpr unsigned kRequired = 1 | 2 | 4 | 8;
    return ok && (seen & kRequired) == kRequired && in.at_end();
}

}  // namespace talentmatch::bulk
