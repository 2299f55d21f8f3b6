#include "bulk/fast_graduate_parser.hpp"

#include "bulk/json_cursor.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::bulk {

namespace {

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
