// The alliance's other connections, both ways, on their published snapshots
// (matcher/snapshot/connection_snapshot.hpp), with the same score, filters and
// explanations as graduates and jobs:
//   GET /v1/teachers/{id}/projects, /v1/projects/{id}/teachers
//   GET /v1/research_results/{id}/innovation_demands,
//       /v1/innovation_demands/{id}/research_results
//   GET /v1/training_programs/{id}/jobs, /v1/jobs/{id}/training_programs
// Tenancy: a supply (teacher, research result) is queried by its own
// institution's office (career office, research office; others: 404), which
// also sees only its own supplies in a demand's list; an association queries
// the demands of its own employers (another association's: 403, demands
// being readable by all who read jobs).
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "api/explanation_json.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"
#include "matcher/query.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::api {
namespace {

using matcher::CandidateKind;
using matcher::Snapshot;
using nlohmann::json;

// One connection as the API shows it.
struct Connection {
    std::shared_ptr<const Snapshot> PublishedSnapshot::*snapshot;
    const char* supply;      // "teacher": in errors and summaries
    const char* supplies;    // "teachers": in paths
    const char* supply_key;  // "teacher_id": in matches and explanations
    MatchSide supply_side;
    const char* demand;      // "project"
    const char* demands;     // "projects"
    const char* demand_key;  // "project_id"
    MatchSide demand_side;
    Role office;               // the role that owns its institution's supplies
    const char* availability;  // what a supply's `available` means
    // A query parameter giving a minimum of the supplies' year_or_cohort
    // (a research result's readiness level), with its range; none when null.
    const char* minimum = nullptr;
    int minimum_lo = 0, minimum_hi = 0;
};

constexpr Connection kTeachersProjects{&PublishedSnapshot::teachers_projects,
                                       "teacher",
                                       "teachers",
                                       "teacher_id",
                                       MatchSide::kTeachers,
                                       "enterprise project",
                                       "projects",
                                       "project_id",
                                       MatchSide::kProjects,
                                       Role::kCareerOffice,
                                       "available for enterprise practice"};
constexpr Connection kResearchDemands{&PublishedSnapshot::research_demands,
                                      "research result",
                                      "research_results",
                                      "research_result_id",
                                      MatchSide::kResearchResults,
                                      "innovation demand",
                                      "innovation_demands",
                                      "innovation_demand_id",
                                      MatchSide::kInnovationDemands,
                                      Role::kResearchOffice,
                                      "open to transfer or cooperation",
                                      "min_readiness",
                                      1,
                                      9};

constexpr Connection kTrainingJobs{&PublishedSnapshot::training_jobs,
                                   "training program",
                                   "training_programs",
                                   "training_program_id",
                                   MatchSide::kTrainingPrograms,
                                   "job",
                                   "jobs",
                                   "job_id",
                                   MatchSide::kJobs,
                                   Role::kCareerOffice,
                                   "taking trainees (capacity above 0)"};

bool owns_supply(const Connection& c, const Principal& p, const std::string& institution) {
    return p.role == Role::kAdmin || (p.role == c.office && !p.org.empty() && p.org == institution);
}

// An explanation of a supply-demand pair, under the kinds' own keys.
template <const Connection& C>
json pair_explanation(const Snapshot& s, const matcher::Explanation& e, Lang lang) {
    json out = explanation_json(s, e, lang);
    out[C.supply_key] = out["candidate_id"];
    out[C.demand_key] = out["job_id"];
    out.erase("candidate_id");
    out.erase("job_id");
    return out;
}

template <const Connection& C>
Response demands_for_supply(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = published_snapshot_of(ctx).*C.snapshot;
    const std::string& id = r.path_params.at("id");
    const auto supply = s->graduates.ids.find(id);
    if (!supply || !owns_supply(C, p, s->institutions[s->graduates.institution[*supply]])) {
        throw NotFoundError(C.supply, id);
    }
    const matcher::MatchFilter filter = job_filter(r, *s);
    const std::vector<std::string> ids{id};
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_jobs_for_graduates(*s, ids, k_of(ctx, r), filter, ctx.settings.score,
                                               exec(ctx));
    }();
    return match_list_response(ctx, r, *s, CandidateKind::kGraduates, C.supply_key, id,
                               C.demand_side, lists.at(0), pair_explanation<C>);
}

template <const Connection& C>
Response supplies_for_demand(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = published_snapshot_of(ctx).*C.snapshot;
    const std::string& id = r.path_params.at("id");
    const auto demand = s->jobs.ids.find(id);
    if (!demand) throw NotFoundError(C.demand, id);
    if (p.role == Role::kAssociation && matcher::owning_association(*s, *demand) != p.org) {
        throw Forbidden(std::string("an association queries ") + C.supplies + " for its own " +
                        "and its employers' " + C.demands + " only");
    }
    matcher::MatchFilter f;
    f.institutions = query_list(r, "institution");
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    f.as_of = matcher::today_utc();  // a demand that has ended lists nothing
    f.include_not_seeking = query_bool(r, "include_not_available", false);
    if (C.minimum != nullptr && r.query_value(C.minimum)) {
        // "At least 3.5" of whole levels is at least 4.
        f.min_year_or_cohort = static_cast<std::int32_t>(
            std::ceil(query_number(r, C.minimum, C.minimum_lo, C.minimum_lo, C.minimum_hi)));
    }
    if (p.role == C.office) {
        restrict_to_own_institution(f, p);
        if (!s->institutions.find(p.org)) {
            return json_response({{C.demand_key, id}, {"matches", json::array()}});
        }
    }
    const std::vector<std::string> ids{id};
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::top_graduates_for_jobs(*s, ids, k_of(ctx, r), f, ctx.settings.score,
                                               exec(ctx));
    }();
    return match_list_response(ctx, r, *s, CandidateKind::kGraduates, C.demand_key, id,
                               C.supply_side, lists.at(0), pair_explanation<C>);
}

template <const Connection& C>
void add_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    const std::vector<int> statuses{400, 404, 422, 503};
    const std::string supply = C.supply;
    const std::string demand = C.demand;
    routes.push_back(
        {"GET",
         std::string("/v1/") + C.supplies + "/{id}/" + C.demands,
         "Top " + demand + "s for a " + supply + " (" + demand + "s that have ended are left out)",
         "queries",
         {Role::kAdmin, C.office},
         "",
         {kKParam,
          {"district", "string",
           "only " + demand + "s of employers in these districts, by id or name"},
          {"cluster", "string", "only " + demand + "s in these clusters, by id or name"},
          {"employer", "string", "only " + demand + "s of these employers"},
          kMinCoverageParam,
          {"explain", "boolean",
           "add each pair's explanation and what the " + supply + " would need"},
          kLangParam,
          kFormatParam},
         statuses,
         [&ctx](Request& r, const Principal& p) { return demands_for_supply<C>(ctx, r, p); }});
    routes.back().quick = true;
    routes.push_back(
        {"GET",
         std::string("/v1/") + C.demands + "/{id}/" + C.supplies,
         "Top " + supply + "s for the " + demand + " (the " + std::string(to_string(C.office)) +
             " sees its own " + supply + "s only)",
         "queries",
         {Role::kAdmin, Role::kAssociation, C.office},
         "",
         {kKParam,
          {"institution", "string", "only " + supply + "s of these institutions"},
          kMinCoverageParam,
          {"include_not_available", "boolean",
           "also list " + supply + "s not " + C.availability + " (default false)"},
          {"explain", "boolean",
           "add each pair's explanation and what the " + supply + " would need"},
          kLangParam,
          kFormatParam},
         statuses,
         [&ctx](Request& r, const Principal& p) { return supplies_for_demand<C>(ctx, r, p); }});
    if (C.minimum != nullptr) {
        routes.back().query.push_back({C.minimum, "integer",
                                       "only " + supply + "s at this readiness level or above (" +
                                           std::to_string(C.minimum_lo) + ".." +
                                           std::to_string(C.minimum_hi) + ")"});
    }
}

}  // namespace

void add_connection_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    add_routes<kTeachersProjects>(routes, ctx);
    add_routes<kResearchDemands>(routes, ctx);
    add_routes<kTrainingJobs>(routes, ctx);
}

}  // namespace talentmatch::api
