// Query handlers: they read one published Snapshot (never the store), so they
// never wait for writers. Tenancy: a career office queries its own
// institution's graduates and programs (others: 404) and sees candidates of
// its own institution only; an association asks which programs fit its own
// jobs (another association's job: 403, jobs being readable by all).
#include <string>

#include <nlohmann/json.hpp>

#include "api/alignment_json.hpp"
#include "api/csv_answer.hpp"
#include "api/explanation_json.hpp"
#include "api/handlers.hpp"
#include "api/match_json.hpp"
#include "api/place_names.hpp"
#include "api/plain_sentence.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"
#include "matcher/analytics.hpp"
#include "matcher/query.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::api {
namespace {

using matcher::CandidateKind;
using matcher::Index;
using matcher::Snapshot;
using nlohmann::json;

Index find_or_404(const matcher::SortedIds& ids, const std::string& kind, const std::string& id) {
    const auto index = ids.find(id);
    if (!index) throw NotFoundError(kind, id);
    return *index;
}

// The candidate's institution id (graduates and programs alike).
const std::string& institution_of(const Snapshot& s, const matcher::CandidateSet& set, Index i) {
    return s.institutions[set.institution[i]];
}

// 404 unless `p` may query this graduate / program.
Index own_candidate(const Snapshot& s, const Principal& p, CandidateKind kind,
                    const std::string& id) {
    const bool graduates = kind == CandidateKind::kGraduates;
    const auto& set = graduates ? s.graduates : s.programs;
    const std::string name = graduates ? "graduate" : "program";
    const Index i = find_or_404(set.ids, name, id);
    if (!owns_institution(p, institution_of(s, set, i))) throw NotFoundError(name, id);
    return i;
}

Response jobs_for_candidate(ApiContext& ctx, Request& r, const Principal& p, CandidateKind kind) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    own_candidate(*s, p, kind, id);
    const std::vector<std::string> ids{id};
    const std::size_t k = k_of(ctx, r);
    const matcher::MatchFilter filter = job_filter(r, *s);
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return kind == CandidateKind::kGraduates
                   ? matcher::top_jobs_for_graduates(*s, ids, k, filter, ctx.settings.score,
                                                     exec(ctx))
                   : matcher::top_jobs_for_programs(*s, ids, k, filter, ctx.settings.score,
                                                    exec(ctx));
    }();
    const std::string key = kind == CandidateKind::kGraduates ? "graduate_id" : "program_id";
    return match_list_response(ctx, r, *s, kind, key, id, MatchSide::kJobs, lists.at(0));
}

// Candidates for a job. A career office only ever sees its own institution's.
Response candidates_for_job(ApiContext& ctx, Request& r, const Principal& p, CandidateKind kind) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    const Index job = find_or_404(s->jobs.ids, "job", id);
    if (p.role == Role::kAssociation && matcher::owning_association(*s, job) != p.org) {
        throw Forbidden("an association queries programs for its own employers' jobs only");
    }
    matcher::MatchFilter f;
    f.institutions = query_list(r, "institution");
    f.programs = query_list(r, "program");
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    f.as_of = matcher::today_utc();  // an expired job lists no candidates
    f.include_not_seeking = query_bool(r, "include_not_seeking", false);
    if (p.role == Role::kCareerOffice) {
        restrict_to_own_institution(f, p);
        if (!s->institutions.find(p.org))
            return json_response({{"job_id", id}, {"matches", json::array()}});
    }
    const std::vector<std::string> ids{id};
    const std::size_t k = k_of(ctx, r);
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return kind == CandidateKind::kGraduates
                   ? matcher::top_graduates_for_jobs(*s, ids, k, f, ctx.settings.score, exec(ctx))
                   : matcher::top_programs_for_jobs(*s, ids, k, f, ctx.settings.score, exec(ctx));
    }();
    const MatchSide side =
        kind == CandidateKind::kGraduates ? MatchSide::kGraduates : MatchSide::kPrograms;
    return match_list_response(ctx, r, *s, kind, "job_id", id, side, lists.at(0));
}

Response explain_pair(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& gid = r.path_params.at("gid");
    const std::string& jid = r.path_params.at("jid");
    own_candidate(*s, p, CandidateKind::kGraduates, gid);
    find_or_404(s->jobs.ids, "job", jid);
    const Lang lang = reader_language(r);
    return json_response(
        explanation_json(*s,
                         matcher::explain(*s, CandidateKind::kGraduates, gid, jid,
                                          ctx.settings.score, matcher::today_utc()),
                         lang));
}

// A graduate's near misses (matcher/query/near_misses.hpp states which jobs and
// the rule): each as a job match object marked "eligible": false, with the
// levels to learn ("gap"), how many must-haves fail, and the explanation
// (failed gates, learning plan, sentence) in the reader's language.
Response near_misses(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    own_candidate(*s, p, CandidateKind::kGraduates, id);
    const Lang lang = reader_language(r);
    const std::string as_of = matcher::today_utc();
    const auto max_gap = query_size(r, "max_gap", 0, 0, 100);
    const auto found =
        matcher::near_misses(*s, {id, as_of, k_of(ctx, r), static_cast<std::uint32_t>(max_gap)});
    std::vector<matcher::ExplainRequest> requests;
    for (const auto& m : found)
        requests.push_back({CandidateKind::kGraduates, id, s->jobs.ids[m.job]});
    const auto explanations = matcher::explain_batch(*s, requests, ctx.settings.score);
    json items = json::array();
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto& e = explanations[i];
        const matcher::Match m{e.job_id,   found[i].job, e.score,        e.fit,
                               e.coverage, e.relevance,  e.score.score()};
        std::string one;
        append_match_json(one, *s, MatchSide::kJobs, m, lang);
        json item = json::parse(one);
        item["eligible"] = false;
        item["gap"] = found[i].gap;
        item["failed_must_haves"] = found[i].failed_must_haves;
        item["explanation"] = explanation_json(*s, e, lang);
        items.push_back(std::move(item));
    }
    json body = {{"graduate_id", id},
                 {"as_of", as_of},
                 {"rule",
                  "jobs valid today that only must-have skills keep closed (certificates held, "
                  "education met): fewest levels to learn (gap) first, then higher coverage now, "
                  "then job id"},
                 {"near_misses", std::move(items)}};
    if (wants_csv(r)) return csv_response(body["near_misses"], id + "-near-misses.csv");
    return json_response(body);
}

Response alignment(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    own_candidate(*s, p, CandidateKind::kPrograms, id);
    matcher::AlignmentQuery q;
    q.segment = segment_of(r, *s);
    q.min_coverage = query_number(r, "min_coverage", q.min_coverage, 0.0, 1.0);
    q.top_skills = static_cast<int>(query_size(r, "top_skills", 10, 0, 1000));
    q.program_ids = {id};
    const auto report = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::align_programs(*s, q, exec(ctx));
    }();
    const auto& a = report.programs.at(0);
    const Lang lang = reader_language(r);
    const auto program = s->programs.ids.find(a.program_id);
    json out = {{"program_id", a.program_id},
                {"program_name", program ? s->program_name[*program] : ""},
                {"lang", to_string(lang)},
                {"min_coverage", report.min_coverage_bp / 10000.0},
                {"segment_jobs", report.segment_jobs}};
    out.update(alignment_json(*s, a, lang));
    return json_response(out);
}

json optional_json(const auto& value) {
    return value ? json(*value) : json(nullptr);
}

Response supply_demand(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    matcher::SupplyDemandQuery q;
    q.segment = segment_of(r, *s);
    const std::string group_by = r.query_value("group_by").value_or("overall");
    if (group_by == "overall") {
        q.group_by = matcher::BalanceGrouping::kOverall;
    } else if (group_by == "cluster") {
        q.group_by = matcher::BalanceGrouping::kCluster;
    } else if (group_by == "district") {
        q.group_by = matcher::BalanceGrouping::kDistrict;
    } else {
        throw BadRequest(
            "bad query parameter",
            {{"group_by", "must be overall, cluster or district, got \"" + group_by + "\""}});
    }
    if (sees_aggregates_only(p)) {
        q.min_group_graduates = static_cast<std::uint32_t>(ctx.settings.viewer_min_group);
    }
    const auto report = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::supply_demand(*s, q, exec(ctx));
    }();
    const Lang lang = reader_language(r);
    // A cluster's or district's name in the reader's language ("" overall).
    auto group_name = [&](const std::string& group) -> std::string {
        if (q.group_by == matcher::BalanceGrouping::kOverall) return "";
        return place_name(q.group_by == matcher::BalanceGrouping::kCluster ? PlaceKind::kCluster
                                                                           : PlaceKind::kDistrict,
                          group, lang);
    };
    json groups = json::array();
    for (const auto& g : report.groups) {
        groups.push_back({{"group", g.group},
                          {"group_name", group_name(g.group)},
                          {"jobs", g.jobs},
                          {"openings", g.openings},
                          {"seeking_graduates", optional_json(g.seeking_graduates)},
                          {"projected_cohort", g.projected_cohort},
                          {"projected_training", g.projected_training},
                          {"suppressed", g.suppressed}});
    }
    json skills = json::array();
    for (const auto& k : report.skills) {
        skills.push_back({{"group", k.group},
                          {"group_name", group_name(k.group)},
                          {"skill_id", k.skill_id},
                          {"skill_name", skill_name(*s, k.skill_id, lang)},
                          {"category", k.category},
                          {"category_name", place_name(PlaceKind::kCategory, k.category, lang)},
                          {"demand", k.demand},
                          {"bottleneck_level", k.bottleneck_level},
                          {"supply", optional_json(k.supply)},
                          {"ratio", optional_json(k.ratio)},
                          {"label", matcher::to_string(k.label)},
                          {"projected", k.projected},
                          {"projected_ratio", k.projected_ratio},
                          {"projected_label", matcher::to_string(k.projected_label)}});
    }
    json categories = json::array();
    for (const auto& c : report.categories) {
        categories.push_back({{"group", c.group},
                              {"group_name", group_name(c.group)},
                              {"category", c.category},
                              {"category_name", place_name(PlaceKind::kCategory, c.category, lang)},
                              {"demand", c.demand},
                              {"supply", optional_json(c.supply)},
                              {"ratio", optional_json(c.ratio)},
                              {"label", matcher::to_string(c.label)},
                              {"projected", c.projected},
                              {"projected_ratio", c.projected_ratio}});
    }
    return json_response({{"group_by", group_by},
                          {"lang", to_string(lang)},
                          {"suppression_min_group", q.min_group_graduates},
                          {"groups", std::move(groups)},
                          {"skills", std::move(skills)},
                          {"categories", std::move(categories)}});
}

const std::vector<QueryParam> kJobFilters = {
    kKParam,
    {"district", "string",
     "only jobs in these districts, by id or name (南山区, Nanshan; repeat or comma-separate)"},
    {"cluster", "string", "only jobs in these clusters, by id or name"},
    {"employer", "string", "only jobs of these employers"},
    kMinCoverageParam,
    {"explain", "boolean", "add each pair's explanation and learning plan"},
    kLangParam,
    kFormatParam};
const std::vector<QueryParam> kCandidateFilters = {
    kKParam,
    {"institution", "string", "only candidates of these institutions"},
    {"program", "string", "only candidates of these programs"},
    kMinCoverageParam,
    {"include_not_seeking", "boolean", "also list graduates who are not seeking (default false)"},
    {"explain", "boolean", "add each pair's explanation and learning plan"},
    kLangParam,
    kFormatParam};
const std::vector<QueryParam> kSegment = {
    {"cluster", "string", "segment: jobs of this cluster (id or name)"},
    {"district", "string", "segment: jobs of this district (id or name, e.g. 南山区)"},
    {"employer", "string", "segment: jobs of this employer"}};

}  // namespace

void add_query_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    const RoleSet office{Role::kAdmin, Role::kCareerOffice};
    const std::vector<int> statuses{400, 404, 422, 503};
    routes.push_back({"GET", "/v1/graduates/{id}/matches", "Top jobs for a graduate (fit ranks)",
                      "queries", office, "", kJobFilters, statuses,
                      [&ctx](Request& r, const Principal& p) {
                          return jobs_for_candidate(ctx, r, p, CandidateKind::kGraduates);
                      }});
    routes.back().quick = true;  // one engine query; so are the program matches and explain
    routes.push_back({"GET", "/v1/jobs/{id}/candidates", "Top graduates for a job", "queries",
                      office, "", kCandidateFilters, statuses,
                      [&ctx](Request& r, const Principal& p) {
                          return candidates_for_job(ctx, r, p, CandidateKind::kGraduates);
                      }});
    routes.push_back({"GET", "/v1/programs/{id}/matches",
                      "Top jobs for a program's curriculum profile", "queries", office, "",
                      kJobFilters, statuses, [&ctx](Request& r, const Principal& p) {
                          return jobs_for_candidate(ctx, r, p, CandidateKind::kPrograms);
                      }});
    routes.back().quick = true;
    routes.push_back({"GET",
                      "/v1/jobs/{id}/programs",
                      "Top programs for a job",
                      "queries",
                      {Role::kAdmin, Role::kAssociation, Role::kCareerOffice},
                      "",
                      kCandidateFilters,
                      statuses,
                      [&ctx](Request& r, const Principal& p) {
                          return candidates_for_job(ctx, r, p, CandidateKind::kPrograms);
                      }});
    routes.push_back({"GET",
                      "/v1/graduates/{gid}/explain/{jid}",
                      "Explain one graduate-job pair: contributions, failed gates, learning plan",
                      "queries",
                      office,
                      "",
                      {kLangParam},
                      statuses,
                      [&ctx](Request& r, const Principal& p) { return explain_pair(ctx, r, p); }});
    routes.back().quick = true;
    routes.push_back({"GET",
                      "/v1/graduates/{id}/near-misses",
                      "Jobs a graduate is not yet eligible for only through must-have skills, "
                      "fewest levels to learn first, with the failed gates and the learning plan",
                      "queries",
                      office,
                      "",
                      {{"k", "integer", "how many results, 1..1000 (default 10)"},
                       {"max_gap", "integer",
                        "only jobs needing at most this many levels in total (0: any; 0..100)"},
                       kLangParam,
                       kFormatParam},
                      statuses,
                      [&ctx](Request& r, const Principal& p) { return near_misses(ctx, r, p); }});
    std::vector<QueryParam> align_params = kSegment;
    align_params.push_back({"min_coverage", "number", "coverage threshold t, 0..1 (default 0.8)"});
    align_params.push_back({"top_skills", "integer", "how many shortfall skills (default 10)"});
    align_params.push_back(kLangParam);
    routes.push_back({"GET", "/v1/programs/{id}/alignment", "Program alignment to a market segment",
                      "queries", office, "", align_params, statuses,
                      [&ctx](Request& r, const Principal& p) { return alignment(ctx, r, p); }});
    std::vector<QueryParam> sd_params = kSegment;
    sd_params.push_back({"group_by", "string", "overall (default), cluster or district"});
    sd_params.push_back(kLangParam);
    routes.push_back({"GET", "/v1/supply-demand",
                      "Skill supply-demand balance (viewer, research office: groups under 5 "
                      "graduates suppressed)",
                      "queries", RoleSet::all(), "", sd_params, statuses,
                      [&ctx](Request& r, const Principal& p) { return supply_demand(ctx, r, p); }});
}

}  // namespace talentmatch::api
