// "Teachers <-> technical teams": top enterprise projects for a teacher and
// top teachers for a project, on the published teachers-projects snapshot
// (matcher/teacher_project_snapshot.hpp), with the same score, filters and
// explanations as graduates and jobs. Tenancy: a career office queries its
// own institution's teachers (others: 404) and sees only its own teachers in
// a project's list; an association queries the projects of its own
// employers (another association's project: 403, projects being readable by
// all who read jobs).
#include <string>

#include <nlohmann/json.hpp>

#include "api/explanation_json.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"
#include "matcher/explanation.hpp"
#include "matcher/match_query.hpp"
#include "matcher/validity.hpp"

namespace talentmatch::api {
namespace {

using matcher::CandidateKind;
using matcher::Snapshot;
using nlohmann::json;

std::shared_ptr<const Snapshot> teachers_projects_of(ApiContext& ctx) {
    return published_snapshot_of(ctx).teachers_projects;
}

// An explanation of a teacher-project pair, under the kinds' own keys.
json pair_explanation(const Snapshot& s, const matcher::Explanation& e, Lang lang) {
    json out = explanation_json(s, e, lang);
    out["teacher_id"] = out["candidate_id"];
    out["project_id"] = out["job_id"];
    out.erase("candidate_id");
    out.erase("job_id");
    return out;
}

Response projects_for_teacher(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = teachers_projects_of(ctx);
    const std::string& id = r.path_params.at("id");
    const auto teacher = s->graduates.ids.find(id);
    if (!teacher || !owns_institution(p, s->institutions[s->graduates.institution[*teacher]])) {
        throw NotFoundError("teacher", id);
    }
    const matcher::MatchFilter filter = job_filter(r, *s);
    const std::vector<std::string> ids{id};
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_jobs_for_graduates(*s, ids, k_of(ctx, r), filter, ctx.settings.score,
                                               exec(ctx));
    }();
    return match_list_response(ctx, r, *s, CandidateKind::kGraduates, "teacher_id", id,
                               MatchSide::kProjects, lists.at(0), pair_explanation);
}

Response teachers_for_project(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = teachers_projects_of(ctx);
    const std::string& id = r.path_params.at("id");
    const auto project = s->jobs.ids.find(id);
    if (!project) throw NotFoundError("project", id);
    if (p.role == Role::kAssociation &&
        s->employer_association[s->jobs.employer[*project]] != p.org) {
        throw Forbidden("an association queries teachers for its own employers' projects only");
    }
    matcher::MatchFilter f;
    f.institutions = query_list(r, "institution");
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    f.as_of = matcher::today_utc();  // a project that has ended lists no teachers
    f.include_not_seeking = query_bool(r, "include_not_available", false);
    if (p.role == Role::kCareerOffice) {
        restrict_to_own_institution(f, p);
        if (!s->institutions.find(p.org)) {
            return json_response({{"project_id", id}, {"matches", json::array()}});
        }
    }
    const std::vector<std::string> ids{id};
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_graduates_for_jobs(*s, ids, k_of(ctx, r), f, ctx.settings.score,
                                               exec(ctx));
    }();
    return match_list_response(ctx, r, *s, CandidateKind::kGraduates, "project_id", id,
                               MatchSide::kTeachers, lists.at(0), pair_explanation);
}

const QueryParam kLang = {"lang", "string",
                          "zh or en: names and sentences (default: Accept-Language, else en)"};
const QueryParam kFormat = {
    "format", "string", "json (default) or csv (UTF-8 with BOM); Accept: text/csv also gives csv"};
const QueryParam kK = {"k", "integer", "how many results, 1..1000 (default 10)"};
const QueryParam kMinCoverage = {"min_coverage", "number",
                                 "only pairs with coverage >= this, 0..1"};
const QueryParam kExplain = {"explain", "boolean",
                             "add each pair's explanation and what the teacher would need"};

}  // namespace

void add_teacher_project_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    const std::vector<int> statuses{400, 404, 422, 503};
    routes.push_back(
        {"GET",
         "/v1/teachers/{id}/projects",
         "Top enterprise projects for a teacher (projects that have ended are left out)",
         "queries",
         {Role::kAdmin, Role::kCareerOffice},
         "",
         {kK,
          {"district", "string", "only projects of employers in these districts, by id or name"},
          {"cluster", "string", "only projects of employers in these clusters, by id or name"},
          {"employer", "string", "only projects of these employers"},
          kMinCoverage,
          kExplain,
          kLang,
          kFormat},
         statuses,
         [&ctx](Request& r, const Principal& p) { return projects_for_teacher(ctx, r, p); }});
    routes.back().quick = true;
    routes.push_back(
        {"GET",
         "/v1/projects/{id}/teachers",
         "Top teachers for an enterprise project (a career office sees its own teachers only)",
         "queries",
         {Role::kAdmin, Role::kAssociation, Role::kCareerOffice},
         "",
         {kK,
          {"institution", "string", "only teachers of these institutions"},
          kMinCoverage,
          {"include_not_available", "boolean",
           "also list teachers not available for enterprise practice (default false)"},
          kExplain,
          kLang,
          kFormat},
         statuses,
         [&ctx](Request& r, const Principal& p) { return teachers_for_project(ctx, r, p); }});
}

}  // namespace talentmatch::api
