// POST /v1/programs/{id}/what-if: a program's alignment before and after a
// change to its curriculum (a skill added, a level raised or lowered, a
// skill dropped), certificates and courses (added), against the segment and threshold of
// GET /v1/programs/{id}/alignment (same query parameters). Nothing is
// written: the answer is computed on the published snapshot
// (matcher::align_what_if), with the projected supply–demand of each skill
// whose level changes. Tenancy as for alignment: a career office asks
// about its own institution's programs (others: 404).
#include <nlohmann/json.hpp>

#include "api/alignment_json.hpp"
#include "api/handlers.hpp"
#include "api/plain_sentence.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"
#include "matcher/analytics.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

// One added course: {"skills": [{"skill_id": "...", "level": 1..5}],
// "certificates": ["..."]}; shapes are checked here, ids and ranges by
// matcher::align_what_if.
std::optional<matcher::CourseChange> read_course(const json& c, const std::string& at,
                                                 std::vector<FieldError>& errors) {
    if (!c.is_object()) {
        errors.push_back(
            {at, "must be {\"skills\": [...], \"certificates\": [...]}, got " + c.dump()});
        return std::nullopt;
    }
    matcher::CourseChange course;
    for (const auto& [name, value] : c.items()) {
        if (name == "skills" && value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                const json& s = value[i];
                if (!s.is_object() || !s.contains("skill_id") || !s["skill_id"].is_string() ||
                    !s.contains("level") || !s["level"].is_number_integer()) {
                    errors.push_back(
                        {at + ".skills[" + std::to_string(i) + "]",
                         "must be {\"skill_id\": string, \"level\": 1..5}, got " + s.dump()});
                    continue;
                }
                const auto level = s["level"].get<std::int64_t>();
                course.skills.push_back({s["skill_id"].get<std::string>(),
                                         level < -1 || level > 6 ? -1 : static_cast<int>(level)});
            }
        } else if (name == "certificates" && value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (!value[i].is_string()) {
                    errors.push_back({at + ".certificates[" + std::to_string(i) + "]",
                                      "must be a certificate id, got " + value[i].dump()});
                    continue;
                }
                course.certificates.push_back(value[i].get<std::string>());
            }
        } else if (name == "skills" || name == "certificates") {
            errors.push_back({at + "." + name, "must be an array, got " + value.dump()});
        } else {
            errors.push_back({at + "." + name, "unknown field (allowed: skills, certificates)"});
        }
    }
    return course;
}

// The body: {"curriculum": [{"skill_id": "...", "level": 0..5}],
// "add_certificates": ["..."], "add_courses": [course, ...]}; at least one
// change.
void read_changes(const Request& r, matcher::WhatIfQuery& q) {
    const json body = json_body(r);
    if (!body.is_object())
        throw ValidationError(std::vector<FieldError>{{"", "must be a JSON object"}});
    std::vector<FieldError> errors;
    for (const auto& [name, value] : body.items()) {
        if (name == "curriculum" && value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                const json& c = value[i];
                const std::string at = "curriculum[" + std::to_string(i) + "]";
                if (!c.is_object() || !c.contains("skill_id") || !c["skill_id"].is_string() ||
                    !c.contains("level") || !c["level"].is_number_integer()) {
                    errors.push_back(
                        {at, "must be {\"skill_id\": string, \"level\": 0..5}, got " + c.dump()});
                    continue;
                }
                const auto level = c["level"].get<std::int64_t>();
                q.curriculum.push_back({c["skill_id"].get<std::string>(),
                                        level < -1 || level > 6 ? -1 : static_cast<int>(level)});
            }
        } else if (name == "add_certificates" && value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (!value[i].is_string()) {
                    errors.push_back({"add_certificates[" + std::to_string(i) + "]",
                                      "must be a certificate id, got " + value[i].dump()});
                    continue;
                }
                q.add_certificates.push_back(value[i].get<std::string>());
            }
        } else if (name == "add_courses" && value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                auto course =
                    read_course(value[i], "add_courses[" + std::to_string(i) + "]", errors);
                if (course) q.add_courses.push_back(std::move(*course));
            }
        } else if (name == "curriculum" || name == "add_certificates" || name == "add_courses") {
            errors.push_back({name, "must be an array, got " + value.dump()});
        } else {
            errors.push_back(
                {name, "unknown field (allowed: curriculum, add_certificates, add_courses)"});
        }
    }
    if (errors.empty() && q.curriculum.empty() && q.add_certificates.empty() &&
        q.add_courses.empty()) {
        errors.push_back(
            {"", "give at least one change in curriculum, add_certificates or add_courses"});
    }
    if (!errors.empty()) throw ValidationError(std::move(errors));
}

json change_json(const matcher::ProgramAlignment& before, const matcher::ProgramAlignment& after) {
    const auto delta = [](std::uint64_t a, std::uint64_t b) {
        return static_cast<std::int64_t>(b) - static_cast<std::int64_t>(a);
    };
    return {{"aligned_openings", delta(before.aligned_openings, after.aligned_openings)},
            {"eligible_openings", delta(before.eligible_openings, after.eligible_openings)},
            {"aligned_share", after.aligned_share - before.aligned_share},
            {"mean_coverage", after.mean_coverage - before.mean_coverage}};
}

// The projected side of supply–demand for each skill whose level changes:
// demand and seeking supply in the segment (unchanged), projected supply,
// ratio and label before and after.
json supply_demand_json(const matcher::Snapshot& s,
                        const std::vector<matcher::SkillLevelChange>& rows, Lang lang) {
    const auto side = [](int level, const matcher::SkillBalance& b) {
        return json{{"level_taught", level},
                    {"projected", b.projected},
                    {"projected_bottleneck_level", b.projected_bottleneck_level},
                    {"projected_ratio", b.projected_ratio},
                    {"projected_label", matcher::to_string(b.projected_label)}};
    };
    json out = json::array();
    for (const auto& row : rows) {
        const matcher::SkillBalance& b = row.before;
        out.push_back({{"skill_id", b.skill_id},
                       {"skill_name", skill_name(s, b.skill_id, lang)},
                       {"demand", b.demand},
                       {"supply", b.supply ? json(*b.supply) : json(nullptr)},
                       {"label", matcher::to_string(b.label)},
                       {"before", side(row.level_before, b)},
                       {"after", side(row.level_after, row.after)},
                       {"projected_change", static_cast<std::int64_t>(row.after.projected) -
                                                static_cast<std::int64_t>(b.projected)}});
    }
    return out;
}

Response what_if(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    const auto program = s->programs.ids.find(id);
    if (!program || !owns_institution(p, s->institutions[s->programs.institution[*program]])) {
        throw NotFoundError("program", id);
    }
    matcher::WhatIfQuery q;
    q.program_id = id;
    q.segment = segment_of(r, *s);
    q.min_coverage = query_number(r, "min_coverage", q.min_coverage, 0.0, 1.0);
    q.top_skills = static_cast<int>(query_size(r, "top_skills", 10, 0, 1000));
    read_changes(r, q);
    const auto report = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::align_what_if(*s, q);
    }();
    const Lang lang = reader_language(r);
    return json_response({{"program_id", id},
                          {"program_name", s->program_name[*program]},
                          {"lang", to_string(lang)},
                          {"min_coverage", report.min_coverage_bp / 10000.0},
                          {"segment_jobs", report.segment_jobs},
                          {"written", false},
                          {"before", alignment_json(*s, report.before, lang)},
                          {"after", alignment_json(*s, report.after, lang)},
                          {"change", change_json(report.before, report.after)},
                          {"supply_demand", supply_demand_json(*s, report.supply_demand, lang)}});
}

}  // namespace

void add_what_if_route(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    routes.push_back(
        {"POST",
         "/v1/programs/{id}/what-if",
         "What-if: a program's alignment and projected supply before and after a curriculum "
         "change (nothing written)",
         "queries",
         {Role::kAdmin, Role::kCareerOffice},
         "ProgramWhatIf",
         {{"cluster", "string", "segment: jobs of this cluster (id or name)"},
          {"district", "string", "segment: jobs of this district (id or name)"},
          {"employer", "string", "segment: jobs of this employer"},
          {"min_coverage", "number", "coverage threshold t, 0..1 (default 0.8)"},
          {"top_skills", "integer", "how many shortfall skills (default 10)"},
          {"lang", "string", "zh or en: names (default: Accept-Language, else en)"}},
         {400, 404, 422, 503},
         [&ctx](Request& r, const Principal& p) { return what_if(ctx, r, p); }});
}

}  // namespace talentmatch::api
