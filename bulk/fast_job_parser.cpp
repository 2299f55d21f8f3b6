#include "bulk/fast_job_parser.hpp"

#include "bulk/json_cursor.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::bulk {

namespace {

bool parse_requirement(Cursor& in, Requirement& out) {
    unsigned seen = 0;
    const Requirement defaults;
    out.skill_id.clear();
    out.level = defaults.level;
    out.weight = defaults.weight;
    out.must_have = defaults.must_have;
    const bool ok = in.object([&](std::string_view key) {
        if (is(key, "skill_id") && first_time(seen, 1)) return in.string(out.skill_id);
        if (is(key, "level") && first_time(seen, 2)) return in.integer(out.level);
        if (is(key, "weight") && first_time(seen, 4)) return in.integer(out.weight);
        if (is(key, "must_have") && first_time(seen, 8)) return in.boolean(out.must_have);
        return false;
    });
    return ok && (seen & 3) == 3;
}

}  // namespace

bool parse_job_fast(std::string_view line, Job& out) {
    Cursor in(line);
    // Reset to the defaults but keep every buffer: callers reuse `out`.
    const Job defaults;
    out.id.clear();
    out.employer_id.clear();
    out.title.clear();
    out.cluster.clear();
    out.district.clear();
    out.headcount = defaults.headcount;
    out.min_education = defaults.min_education;
    out.required_certificates.clear();
    out.valid_until.clear();
    out.description.clear();
    std::size_t requirements = 0;
    unsigned seen = 0;
    const bool ok = in.object([&](std::string_view key) {
        if (is(key, "id") && first_time(seen, 1)) return in.string(out.id);
        if (is(key, "employer_id") && first_time(seen, 2)) return in.string(out.employer_id);
        if (is(key, "title") && first_time(seen, 4)) return in.string(out.title);
        if (is(key, "cluster") && first_time(seen, 8)) return in.string(out.cluster);
        if (is(key, "district") && first_time(seen, 16)) return in.string(out.district);
        if (is(key, "headcount") && first_time(seen, 32)) return in.integer(out.headcount);
        if (is(key, "min_education") && first_time(seen, 64)) {
            std::string_view name;
            if (!in.string_view(name)) return false;
            const auto level = parse_education_level(name);
            if (!level) return false;
            out.min_education = *level;
            return true;
        }
        if (is(key, "required_certificates") && first_time(seen, 128)) {
            return in.string_array(out.required_certificates);
        }
        if (is(key, "valid_until") && first_time(seen, 256)) return in.string(out.valid_until);
        if (is(key, "requirements") && first_time(seen, 512)) {
            return in.array(
                [&] { return parse_requirement(in, next_slot(out.requirements, requirements)); });
        }
        if (is(key, "description") && first_time(seen, 1024)) return in.string(out.description);
        return false;
    });
    out.requirements.resize(requirements);
    constexpr unsigned kRequired = 1 | 2 | 512;
    return ok && (seen & kRequired) == kRequired && in.at_end();
}

}  // namespace talentmatch::bulk
