// "Curriculum standards <-> professional standards": how well each program's
// curriculum covers an occupational standard, both ways, on the published
// programs-standards snapshot (matcher/snapshot/connection_snapshot.hpp), with the
// same score and explanations as programs against jobs:
//   GET /v1/programs/{id}/standards                    standards a program covers best
//   GET /v1/occupational_standards/{id}/programs       programs that cover a standard best
// With explain=true (or standard=ID to answer for one chosen standard) each
// pair carries its coverage, the skills to add and the sentence.
// Tenancy: a career office queries its own programs (others: 404) and sees
// only its own programs in a standard's list; standards are public.
#include <string>

#include <nlohmann/json.hpp>

#include "api/explanation_json.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/request_parsing.hpp"
#include "matcher/query.hpp"

namespace talentmatch::api {
namespace {

using matcher::CandidateKind;
using matcher::Snapshot;
using nlohmann::json;

std::shared_ptr<const Snapshot> standards_of(ApiContext& ctx) {
    return published_snapshot_of(ctx).programs_standards;
}

// An explanation of a program-standard pair, under the kinds' own keys.
json pair_explanation(const Snapshot& s, const matcher::Explanation& e, Lang lang) {
    json out = explanation_json(s, e, lang);
    out["program_id"] = out["candidate_id"];
    out["occupational_standard_id"] = out["job_id"];
    out.erase("candidate_id");
    out.erase("job_id");
    return out;
}

matcher::MatchFilter coverage_filter(const Request& r) {
    matcher::MatchFilter f;
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    return f;
}

Response standards_for_program(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = standards_of(ctx);
    const std::string& id = r.path_params.at("id");
    const auto program = s->programs.ids.find(id);
    if (!program || !owns_institution(p, s->institutions[s->programs.institution[*program]])) {
        throw NotFoundError("program", id);
    }
    const std::string chosen = r.query_value("standard").value_or("");
    if (!chosen.empty()) {
        // One chosen standard: the pair itself, eligible or not.
        const auto standard = s->jobs.ids.find(chosen);
        if (!standard) {
            throw ValidationError(std::vector<FieldError>{
                {"standard", "no occupational standard \"" + chosen + "\""}});
        }
        const std::vector<matcher::ExplainRequest> pair{{CandidateKind::kPrograms, id, chosen}};
        const auto explanations = matcher::explain_batch(*s, pair, ctx.settings.score);
        json body = {{"program_id", id},
                     {"occupational_standard_id", chosen},
                     {"title", s->jobs.title[*standard]},
                     {"explanation", pair_explanation(*s, explanations.at(0), reader_language(r))}};
        return json_response(body);
    }
    const std::vector<std::string> ids{id};
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_jobs_for_programs(*s, ids, k_of(ctx, r), coverage_filter(r),
                                              ctx.settings.score, exec(ctx));
    }();
    return match_list_response(ctx, r, *s, CandidateKind::kPrograms, "program_id", id,
                               MatchSide::kOccupationalStandards, lists.at(0), pair_explanation);
}

Response programs_for_standard(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = standards_of(ctx);
    const std::string& id = r.path_params.at("id");
    if (!s->jobs.ids.find(id)) throw NotFoundError("occupational standard", id);
    matcher::MatchFilter f = coverage_filter(r);
    f.institutions = query_list(r, "institution");
    if (p.role == Role::kCareerOffice) {
        restrict_to_own_institution(f, p);
        if (!s->institutions.find(p.org)) {
            return json_response({{"occupational_standard_id", id}, {"matches", json::array()}});
        }
    }
    const std::vector<std::string> ids{id};
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_programs_for_jobs(*s, ids, k_of(ctx, r), f, ctx.settings.score,
                                              exec(ctx));
    }();
    return match_list_response(ctx, r, *s, CandidateKind::kPrograms, "occupational_standard_id", id,
                               MatchSide::kPrograms, lists.at(0), pair_explanation);
}

const QueryParam kExplain = {"explain", "boolean",
                             "add each pair's coverage of the standard and the skills to add"};

}  // namespace

void add_standard_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    const std::vector<int> statuses{400, 404, 422, 503};
    routes.push_back(
        {"GET",
         "/v1/programs/{id}/standards",
         "The occupational standards a program's curriculum covers best, or its alignment with "
         "one chosen standard (standard=ID)",
         "queries",
         {Role::kAdmin, Role::kCareerOffice},
         "",
         {kKParam,
          {"standard", "string",
           "one occupational standard's id: the pair's explanation (coverage, skills to add)"},
          kMinCoverageParam,
          kExplain,
          kLangParam,
          kFormatParam},
         statuses,
         [&ctx](Request& r, const Principal& p) { return standards_for_program(ctx, r, p); }});
    routes.back().quick = true;
    routes.push_back(
        {"GET",
         "/v1/occupational_standards/{id}/programs",
         "The programs whose curriculum covers an occupational standard best (a career office "
         "sees its own programs only)",
         "queries",
         {Role::kAdmin, Role::kAssociation, Role::kCareerOffice},
         "",
         {kKParam,
          {"institution", "string", "only programs of these institutions"},
          kMinCoverageParam,
          kExplain,
          kLangParam,
          kFormatParam},
         statuses,
         [&ctx](Request& r, const Principal& p) { return programs_for_standard(ctx, r, p); }});
}

}  // namespace talentmatch::api
