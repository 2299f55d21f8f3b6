// Query handlers: they read one published Snapshot (never the store), so they
// never wait for writers. Tenancy: a career office queries its own
// institution's graduates and programs (others: 404) and sees candidates of
// its own institution only; an association asks which programs fit its own
// jobs (another association's job: 403, jobs being readable by all).
#include <string>

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "bulk/json_line.hpp"
#include "matcher/alignment.hpp"
#include "matcher/explanation.hpp"
#include "matcher/match_query.hpp"
#include "matcher/supply_demand.hpp"
#include "matcher/validity.hpp"

namespace talentmatch::api {
namespace {

using matcher::CandidateKind;
using matcher::Index;
using matcher::Snapshot;
using nlohmann::json;

std::shared_ptr<const Snapshot> snapshot_of(ApiContext& ctx) {
    auto published = ctx.snapshots.current();
    if (!published.snapshot) {
        throw ServiceUnavailable("the matching snapshot is still loading; retry shortly (/readyz)");
    }
    return std::move(published.snapshot);
}

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

std::size_t k_of(ApiContext& ctx, const Request& r) {
    return query_size(r, "k", ctx.settings.default_k, 1, ctx.settings.max_k);
}

matcher::ExecutionOptions exec(ApiContext& ctx) {
    matcher::ExecutionOptions o;
    o.threads = ctx.settings.threads_per_query;
    o.workspace = &ctx.snapshots.query_workspace();
    return o;
}

// Job-side filters (district, cluster, employer) and min_coverage.
matcher::MatchFilter job_filter(const Request& r) {
    matcher::MatchFilter f;
    f.districts = query_list(r, "district");
    f.clusters = query_list(r, "cluster");
    f.employers = query_list(r, "employer");
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    f.as_of = matcher::today_utc();  // jobs past valid_until are not matched
    return f;
}

json explanation_json(const matcher::Explanation& e) {
    json gates = json::array();
    for (const auto& g : e.failed_gates) {
        gates.push_back(
            {{"kind", matcher::to_string(g.kind)}, {"id", g.id}, {"message", g.message}});
    }
    json contributions = json::array();
    for (const auto& c : e.contributions) {
        contributions.push_back({{"skill_id", c.skill_id},
                                 {"required_level", c.required_level},
                                 {"weight", c.weight},
                                 {"must_have", c.must_have},
                                 {"has_level", c.has_level},
                                 {"contribution", c.contribution},
                                 {"maximum", c.maximum}});
    }
    json plan = json::array();
    for (const auto& g : e.learning_plan) {
        plan.push_back({{"skill_id", g.skill_id},
                        {"has_level", g.has_level},
                        {"required_level", g.required_level},
                        {"gap", g.gap},
                        {"weight", g.weight},
                        {"weighted_gap", g.weighted_gap},
                        {"must_have", g.must_have}});
    }
    return {{"candidate_id", e.candidate_id},   {"job_id", e.job_id},
            {"eligible", e.eligible},           {"coverage", e.coverage},
            {"relevance", e.relevance},         {"fit", e.fit},
            {"failed_gates", std::move(gates)}, {"contributions", std::move(contributions)},
            {"learning_plan", std::move(plan)}};
}

json job_match_json(const Snapshot& s, const matcher::Match& m) {
    return {{"job_id", m.id},
            {"title", s.jobs.title[m.index]},
            {"employer_id", s.employers[s.jobs.employer[m.index]]},
            {"cluster", s.clusters[s.jobs.cluster[m.index]]},
            {"district", s.districts[s.jobs.district[m.index]]},
            {"score", m.score},
            {"fit", m.fit},
            {"coverage", m.coverage},
            {"relevance", m.relevance}};
}

// {"<top_key>": id, "matches": [...]} exactly as json_response would dump it
// with job_match_json objects (jobs_of set) or candidate_match_json objects
// keyed `match_key`, written without the DOM (bulk/json_line.hpp's writers; a
// DOM of std::map objects was ~6 % of the server's CPU under a matches load).
Response matches_text(const std::string& top_key, const std::string& id,
                      const std::vector<matcher::Match>& list, const Snapshot* jobs_of,
                      const std::string& match_key = "") {
    std::string out;
    out.reserve(64 + list.size() * 320);
    auto top_id = [&] {
        bulk::append_json_string(out, top_key);
        out += ':';
        bulk::append_json_string(out, id);
    };
    out += '{';
    const bool id_first = top_key < "matches";  // nlohmann's objects are sorted maps
    if (id_first) {
        top_id();
        out += ',';
    }
    out += "\"matches\":[";
    auto field = [&out](std::string_view name, bool first = false) {
        if (!first) out += ',';
        out += '"';
        out += name;
        out += "\":";
    };
    for (std::size_t i = 0; i < list.size(); ++i) {
        const matcher::Match& m = list[i];
        if (i > 0) out += ',';
        out += '{';
        if (jobs_of != nullptr) {  // job_match_json's keys, sorted
            const Snapshot& s = *jobs_of;
            field("cluster", true);
            bulk::append_json_string(out, s.clusters[s.jobs.cluster[m.index]]);
            field("coverage");
            bulk::append_json_number(out, m.coverage);
            field("district");
            bulk::append_json_string(out, s.districts[s.jobs.district[m.index]]);
            field("employer_id");
            bulk::append_json_string(out, s.employers[s.jobs.employer[m.index]]);
            field("fit");
            bulk::append_json_number(out, m.fit);
            field("job_id");
            bulk::append_json_string(out, m.id);
            field("relevance");
            bulk::append_json_number(out, m.relevance);
            field("score");
            bulk::append_json_number(out, m.score);
            field("title");
            bulk::append_json_string(out, s.jobs.title[m.index]);
        } else {  // candidate_match_json's keys, sorted ("graduate_id" / "program_id")
            field("coverage", true);
            bulk::append_json_number(out, m.coverage);
            field("fit");
            bulk::append_json_number(out, m.fit);
            field(match_key);
            bulk::append_json_string(out, m.id);
            field("relevance");
            bulk::append_json_number(out, m.relevance);
            field("score");
            bulk::append_json_number(out, m.score);
        }
        out += '}';
    }
    out += ']';
    if (!id_first) {
        out += ',';
        top_id();
    }
    out += '}';
    Response res;
    res.status = 200;
    res.body = std::move(out);
    return res;
}

json candidate_match_json(const std::string& key, const matcher::Match& m) {
    return {{key, m.id},
            {"score", m.score},
            {"fit", m.fit},
            {"coverage", m.coverage},
            {"relevance", m.relevance}};
}

// Adds "explanation" to each match when explain=true (one batch call).
void attach_explanations(ApiContext& ctx, const Request& r, const Snapshot& s, CandidateKind kind,
                         json& matches, const std::string& candidate_key,
                         const std::string& fixed_candidate, const std::string& fixed_job) {
    if (!query_bool(r, "explain", false) || matches.empty()) return;
    std::vector<matcher::ExplainRequest> requests;
    for (const auto& m : matches) {
        requests.push_back(
            {kind, fixed_candidate.empty() ? m[candidate_key].get<std::string>() : fixed_candidate,
             fixed_job.empty() ? m["job_id"].get<std::string>() : fixed_job});
    }
    const auto explanations = matcher::explain_batch(s, requests, ctx.settings.score);
    for (std::size_t i = 0; i < explanations.size(); ++i) {
        matches[i]["explanation"] = explanation_json(explanations[i]);
    }
}

Response jobs_for_candidate(ApiContext& ctx, Request& r, const Principal& p, CandidateKind kind) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    own_candidate(*s, p, kind, id);
    const std::vector<std::string> ids{id};
    const std::size_t k = k_of(ctx, r);
    const matcher::MatchFilter filter = job_filter(r);
    const auto lists = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return kind == CandidateKind::kGraduates
                   ? matcher::top_jobs_for_graduates(*s, ids, k, filter, ctx.settings.score,
                                                     exec(ctx))
                   : matcher::top_jobs_for_programs(*s, ids, k, filter, ctx.settings.score,
                                                    exec(ctx));
    }();
    const std::string key = kind == CandidateKind::kGraduates ? "graduate_id" : "program_id";
    if (!query_bool(r, "explain", false)) return matches_text(key, id, lists.at(0), s.get());
    json matches = json::array();
    for (const auto& m : lists.at(0)) matches.push_back(job_match_json(*s, m));
    attach_explanations(ctx, r, *s, kind, matches, "", id, "");
    return json_response({{key, id}, {"matches", std::move(matches)}});
}

// Candidates for a job. A career office only ever sees its own institution's.
Response candidates_for_job(ApiContext& ctx, Request& r, const Principal& p, CandidateKind kind) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    const Index job = find_or_404(s->jobs.ids, "job", id);
    if (p.role == Role::kAssociation && s->employer_association[s->jobs.employer[job]] != p.org) {
        throw Forbidden("an association queries programs for its own employers' jobs only");
    }
    matcher::MatchFilter f;
    f.institutions = query_list(r, "institution");
    f.programs = query_list(r, "program");
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    f.as_of = matcher::today_utc();  // an expired job lists no candidates
    f.include_not_seeking = query_bool(r, "include_not_seeking", false);
    if (p.role == Role::kCareerOffice) {
        for (const auto& i : f.institutions) {
            if (i != p.org) {
                throw ValidationError(
                    std::vector<FieldError>{{"institution", "must be the key's own institution '" +
                                                                p.org + "', got \"" + i + "\""}});
            }
        }
        f.institutions = {p.org};
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
    const std::string key = kind == CandidateKind::kGraduates ? "graduate_id" : "program_id";
    if (!query_bool(r, "explain", false))
        return matches_text("job_id", id, lists.at(0), nullptr, key);

    json matches = json::array();
    for (const auto& m : lists.at(0)) matches.push_back(candidate_match_json(key, m));
    attach_explanations(ctx, r, *s, kind, matches, key, "", id);
    return json_response({{"job_id", id}, {"matches", std::move(matches)}});
}

Response explain_pair(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& gid = r.path_params.at("gid");
    const std::string& jid = r.path_params.at("jid");
    own_candidate(*s, p, CandidateKind::kGraduates, gid);
    find_or_404(s->jobs.ids, "job", jid);
    return json_response(explanation_json(matcher::explain(
        *s, CandidateKind::kGraduates, gid, jid, ctx.settings.score, matcher::today_utc())));
}

matcher::SegmentFilter segment_of(const Request& r) {
    matcher::SegmentFilter f;
    f.cluster = r.query_value("cluster");
    f.district = r.query_value("district");
    f.employer = r.query_value("employer");
    f.as_of = matcher::today_utc();  // jobs past valid_until are not demand
    return f;
}

Response alignment(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const std::string& id = r.path_params.at("id");
    own_candidate(*s, p, CandidateKind::kPrograms, id);
    matcher::AlignmentQuery q;
    q.segment = segment_of(r);
    q.min_coverage = query_number(r, "min_coverage", q.min_coverage, 0.0, 1.0);
    q.top_skills = static_cast<int>(query_size(r, "top_skills", 10, 0, 1000));
    q.program_ids = {id};
    const auto report = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::align_programs(*s, q, exec(ctx));
    }();
    const auto& a = report.programs.at(0);
    json shortfalls = json::array();
    for (const auto& sf : a.top_shortfalls) {
        shortfalls.push_back(
            {{"skill_id", sf.skill_id}, {"shortfall", sf.shortfall}, {"openings", sf.openings}});
    }
    return json_response({{"program_id", a.program_id},
                          {"min_coverage", report.min_coverage_bp / 10000.0},
                          {"segment_jobs", report.segment_jobs},
                          {"openings", a.openings},
                          {"aligned_openings", a.aligned_openings},
                          {"eligible_openings", a.eligible_openings},
                          {"aligned_share", a.aligned_share},
                          {"mean_coverage", a.mean_coverage},
                          {"top_shortfalls", std::move(shortfalls)}});
}

json optional_json(const auto& value) {
    return value ? json(*value) : json(nullptr);
}

Response supply_demand(ApiContext& ctx, Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    matcher::SupplyDemandQuery q;
    q.segment = segment_of(r);
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
    if (p.role == Role::kViewer) {
        q.min_group_graduates = static_cast<std::uint32_t>(ctx.settings.viewer_min_group);
    }
    const auto report = [&] {
        const QueryGate::Slot slot(ctx.query_gate);
        return matcher::supply_demand(*s, q, exec(ctx));
    }();
    json groups = json::array();
    for (const auto& g : report.groups) {
        groups.push_back({{"group", g.group},
                          {"jobs", g.jobs},
                          {"openings", g.openings},
                          {"seeking_graduates", optional_json(g.seeking_graduates)},
                          {"projected_cohort", g.projected_cohort},
                          {"suppressed", g.suppressed}});
    }
    json skills = json::array();
    for (const auto& k : report.skills) {
        skills.push_back({{"group", k.group},
                          {"skill_id", k.skill_id},
                          {"category", k.category},
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
                              {"category", c.category},
                              {"demand", c.demand},
                              {"supply", optional_json(c.supply)},
                              {"ratio", optional_json(c.ratio)},
                              {"label", matcher::to_string(c.label)},
                              {"projected", c.projected},
                              {"projected_ratio", c.projected_ratio}});
    }
    return json_response({{"group_by", group_by},
                          {"suppression_min_group", q.min_group_graduates},
                          {"groups", std::move(groups)},
                          {"skills", std::move(skills)},
                          {"categories", std::move(categories)}});
}

const std::vector<QueryParam> kJobFilters = {
    {"k", "integer", "how many results, 1..1000 (default 10)"},
    {"district", "string", "only jobs in these districts (repeat or comma-separate)"},
    {"cluster", "string", "only jobs in these clusters"},
    {"employer", "string", "only jobs of these employers"},
    {"min_coverage", "number", "only pairs with coverage >= this, 0..1"},
    {"explain", "boolean", "add each pair's explanation and learning plan"}};
const std::vector<QueryParam> kCandidateFilters = {
    {"k", "integer", "how many results, 1..1000 (default 10)"},
    {"institution", "string", "only candidates of these institutions"},
    {"program", "string", "only candidates of these programs"},
    {"min_coverage", "number", "only pairs with coverage >= this, 0..1"},
    {"include_not_seeking", "boolean", "also list graduates who are not seeking (default false)"},
    {"explain", "boolean", "add each pair's explanation and learning plan"}};
const std::vector<QueryParam> kSegment = {{"cluster", "string", "segment: jobs of this cluster"},
                                          {"district", "string", "segment: jobs of this district"},
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
                      {},
                      statuses,
                      [&ctx](Request& r, const Principal& p) { return explain_pair(ctx, r, p); }});
    std::vector<QueryParam> align_params = kSegment;
    align_params.push_back({"min_coverage", "number", "coverage threshold t, 0..1 (default 0.8)"});
    align_params.push_back({"top_skills", "integer", "how many shortfall skills (default 10)"});
    routes.push_back({"GET", "/v1/programs/{id}/alignment", "Program alignment to a market segment",
                      "queries", office, "", align_params, statuses,
                      [&ctx](Request& r, const Principal& p) { return alignment(ctx, r, p); }});
    std::vector<QueryParam> sd_params = kSegment;
    sd_params.push_back({"group_by", "string", "overall (default), cluster or district"});
    routes.push_back({"GET", "/v1/supply-demand",
                      "Skill supply-demand balance (viewer: groups under 5 graduates suppressed)",
                      "queries", RoleSet::all(), "", sd_params, statuses,
                      [&ctx](Request& r, const Principal& p) { return supply_demand(ctx, r, p); }});
}

}  // namespace talentmatch::api
