// Thin handlers over BatchRunner (starting runs) and LatestRunCache (the
// latest published run's files). Tenancy:
//  - graduates (assignment, unplaced diagnostics): admin, or the career office
//    of the graduate's institution; another institution's graduate is 404.
//  - jobs (assignment, unfilled diagnostics): admin, or the association of the
//    job's employer; another association's job is 404.
//  - reports and the summary are aggregates: every role (viewer, research office: supply-demand
//    groups under 5 seeking graduates suppressed, as /v1/supply-demand does).
//
// Erasure: the run's files were written before any later DELETE, so every
// graduate id is checked against the store at the moment it is served
// (store.get_graduate: present, and of the caller's institution); an erased
// graduate is skipped in lists and 404 on its own, from the instant the
// DELETE committed, without rewriting the published files. The aggregates
// hold counts only, no graduate ids.
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/handlers_batch.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "matcher/analytics.hpp"
#include "matcher/snapshot.hpp"
#include "runfmt/run_parameters.hpp"
#include "store/store.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

std::shared_ptr<const LatestRunResults> latest_or_404(LatestRunCache& latest) {
    auto results = latest.get();
    if (!results) {
        throw HttpError(404,
                        "no batch run has published results yet; start one with POST "
                        "/v1/batch-runs");
    }
    return results;
}

// --- POST /v1/batch-runs -----------------------------------------------------

BatchRunRequest parse_run_request(const Request& r) {
    BatchRunRequest out;
    if (r.body.empty()) return out;
    const json body = json_body(r);
    std::vector<FieldError> errors;
    if (!body.is_object())
        throw ValidationError(std::vector<FieldError>{{"", "must be a JSON object"}});
    for (const auto& [name, value] : body.items()) {
        if (name == "k") {
            if (!value.is_number_integer() || !runfmt::kRunK.contains(value.get<std::int64_t>())) {
                errors.push_back(
                    {"k", "must be an integer " + runfmt::kRunK.text() + ", got " + value.dump()});
            } else {
                out.k = value.get<std::size_t>();
            }
        } else if (name == "threads") {
            if (!value.is_number_integer() ||
                !runfmt::kRunThreads.contains(value.get<std::int64_t>())) {
                errors.push_back({"threads", "must be an integer " + runfmt::kRunThreads.text() +
                                                 " (0 = every core), got " + value.dump()});
            } else {
                out.threads = value.get<int>();
            }
        } else if (name == "min_coverage") {
            if (!value.is_number() || !runfmt::is_coverage_fraction(value.get<double>())) {
                errors.push_back({"min_coverage", "must be a number 0..1, got " + value.dump()});
            } else {
                out.min_coverage = value.get<double>();
            }
        } else {
            errors.push_back({name, "unknown field (allowed: k, threads, min_coverage)"});
        }
    }
    if (!errors.empty()) throw ValidationError(std::move(errors));
    return out;
}

Response start_run(BatchRunner& runner, Request& r) {
    const std::int64_t id = runner.start(parse_run_request(r));
    const std::string href = "/v1/batch-runs/" + std::to_string(id);
    Response res = json_response({{"id", id}, {"status", "queued"}, {"href", href}}, 202);
    res.headers["Location"] = href;
    return res;
}

// --- results -------------------------------------------------------------------

// The graduate as the store has it now, or 404 (erased, unknown, another tenant's).
Graduate visible_graduate(ApiContext& ctx, const Principal& p, const std::string& id) {
    auto g = ctx.store.get<Graduate>(id);
    if (!g || !owns_institution(p, g->institution_id)) throw NotFoundError("graduate", id);
    return std::move(*g);
}

bool owns_job(ApiContext& ctx, const Principal& p, const std::string& job_id) {
    const auto job = ctx.store.get<Job>(job_id);
    if (!job) return false;
    if (p.role == Role::kAdmin) return true;
    const auto employer = ctx.store.get<Employer>(job->employer_id);
    return employer && owns_association(p, employer->association_id);
}

Response graduate_assignment(ApiContext& ctx, LatestRunCache& latest, Request& r,
                             const Principal& p) {
    const std::string& id = r.path_params.at("id");
    visible_graduate(ctx, p, id);
    const auto results = latest_or_404(latest);
    json body = {{"run_id", results->run_id()}, {"graduate_id", id}};
    if (const auto* placed = results->placement(id)) {
        body["placed"] = true;
        body["job_id"] = placed->job_id;
        body["score"] = placed->score;
        body["coverage"] = placed->coverage;
    } else {
        body["placed"] = false;
        body["job_id"] = nullptr;
    }
    const auto* why = results->find_unplaced(id);
    body["diagnostic"] = why ? json::parse(why->json) : json(nullptr);
    return json_response(body);
}

Response job_assignment(ApiContext& ctx, LatestRunCache& latest, Request& r, const Principal& p) {
    const std::string& id = r.path_params.at("id");
    if (!owns_job(ctx, p, id)) throw NotFoundError("job", id);
    const auto results = latest_or_404(latest);
    json body = {{"run_id", results->run_id()}, {"job_id", id}};
    if (const auto* fill = results->job_fill(id)) {
        body["in_run"] = true;
        body["headcount"] = fill->headcount;
        body["filled"] = fill->filled;
        body["unfilled"] = fill->unfilled;
        body["acceptable_proposers"] = fill->acceptable_proposers;
        body["status"] = fill->unfilled == 0 ? "filled"
                         : fill->filled == 0 ? "unfilled"
                                             : "partly_filled";
    } else {
        body["in_run"] = false;  // created after the run, or not open then
        body["status"] = "not_in_run";
    }
    const auto* why = results->find_unfilled(id);
    body["diagnostic"] = why ? json::parse(why->json) : json(nullptr);
    return json_response(body);
}

std::shared_ptr<const matcher::Snapshot> snapshot_or_503(ApiContext& ctx) {
    auto published = ctx.snapshots.current();
    if (!published.snapshot) {
        throw ServiceUnavailable("the matching snapshot is still loading; retry shortly (/readyz)");
    }
    return std::move(published.snapshot);
}

// One page of `entries` after the cursor, keeping those `visible` accepts.
template <class Visible>
Response diagnostics_page(ApiContext& ctx, const LatestRunResults& results,
                          const std::vector<DiagnosticEntry>& entries, Request& r,
                          Visible visible) {
    const std::string cursor = r.query_value("cursor").value_or("");
    const std::size_t limit =
        query_size(r, "limit", ctx.settings.default_page, 1, ctx.settings.max_page);
    json items = json::array();
    auto it = entries_after(entries, cursor);
    for (; it != entries.end() && items.size() < limit; ++it) {
        if (visible(it->id)) items.push_back(json::parse(it->json));
    }
    const bool more = it != entries.end();
    return json_response({{"run_id", results.run_id()},
                          {"items", std::move(items)},
                          {"next_cursor", more ? json(std::prev(it)->id) : json(nullptr)}});
}

Response unfilled_openings(ApiContext& ctx, LatestRunCache& latest, Request& r,
                           const Principal& p) {
    const auto results = latest_or_404(latest);
    if (p.role == Role::kAdmin) {
        return diagnostics_page(ctx, *results, results->unfilled_openings(), r,
                                [](const std::string&) { return true; });
    }
    // An association sees its own employers' jobs (as of the current snapshot).
    const auto s = snapshot_or_503(ctx);
    return diagnostics_page(ctx, *results, results->unfilled_openings(), r,
                            [&s, &p](const std::string& job_id) {
                                const auto j = s->jobs.ids.find(job_id);
                                return j && matcher::owning_association(*s, *j) == p.org;
                            });
}

Response unplaced_graduates(ApiContext& ctx, LatestRunCache& latest, Request& r,
                            const Principal& p) {
    const auto results = latest_or_404(latest);
    // The store decides, not the matching snapshot: erasure is immediate and
    // the snapshot may lag a write by up to a second.
    return diagnostics_page(ctx, *results, results->unplaced_graduates(), r,
                            [&](const std::string& graduate_id) {
                                const auto stored = ctx.store.get<Graduate>(graduate_id);
                                return stored && owns_institution(p, stored->institution_id);
                            });
}

// Viewer: the small-group suppression rule (matcher/analytics/small_group_suppression.hpp,
// the rule the live report applies) on a stored batch report: a suppressed
// group or a skill row revealing a small cell has its supply hidden; a
// category with a hidden skill hides its supply. A row whose supply the
// report already hides stays hidden.
void suppress_small_groups(json& report, std::uint64_t n) {
    std::set<std::string> small;
    for (auto& g : report["groups"]) {
        const bool hide =
            matcher::group_suppressed(g.value("seeking_graduates", std::uint64_t{0}), n);
        g["suppressed"] = hide;
        if (hide) {
            small.insert(g.value("group", ""));
            g["seeking_graduates"] = nullptr;
        }
    }
    auto hide_supply = [](json& row) {
        row["supply"] = nullptr;
        row["ratio"] = nullptr;
        row["label"] = "suppressed";
    };
    std::set<std::pair<std::string, std::string>> hidden_categories;  // (group, category)
    for (auto& k : report["skills"]) {
        bool hide = small.count(k.value("group", "")) > 0;
        std::vector<std::uint64_t> at_least;  // supply at >= level, levels 1..top
        for (const auto& level : k["levels"]) {
            if (!level["supply"].is_number()) {
                hide = true;
                break;
            }
            at_least.push_back(level["supply"].get<std::uint64_t>());
        }
        hide = hide || matcher::row_reveals_small_cell(at_least, n);
        if (!hide) continue;
        hide_supply(k);
        k["bottleneck_level"] = 0;
        for (auto& l : k["levels"]) l["supply"] = nullptr, l["ratio"] = nullptr;
        hidden_categories.insert({k.value("group", ""), k.value("category", "")});
    }
    for (auto& c : report["categories"]) {
        if (small.count(c.value("group", "")) ||
            hidden_categories.count({c.value("group", ""), c.value("category", "")})) {
            hide_supply(c);
        }
    }
}

Response supply_demand_report(ApiContext& ctx, LatestRunCache& latest, Request& r,
                              const Principal& p) {
    const std::string group_by = r.query_value("group_by").value_or("overall");
    if (group_by != "overall" && group_by != "cluster" && group_by != "district") {
        throw BadRequest(
            "bad query parameter",
            {{"group_by", "must be overall, cluster or district, got \"" + group_by + "\""}});
    }
    const auto results = latest_or_404(latest);
    json report = results->supply_demand().value(group_by, json::object());
    if (sees_aggregates_only(p)) {
        suppress_small_groups(report, std::uint64_t{ctx.settings.viewer_min_group});
    }
    return json_response({{"run_id", results->run_id()},
                          {"group_by", group_by},
                          {"groups", report.value("groups", json::array())},
                          {"skills", report.value("skills", json::array())},
                          {"categories", report.value("categories", json::array())}});
}

// Rows name programs: a career office sees only its institution's programs,
// as GET /v1/programs/{id} would (the store decides, like unplaced_graduates);
// other roles see the whole report.
Response program_alignment_report(ApiContext& ctx, LatestRunCache& latest, Request& r,
                                  const Principal& p) {
    const auto results = latest_or_404(latest);
    auto visible = [&](const json& row) {
        if (p.role != Role::kCareerOffice) return true;
        const auto program = ctx.store.get<Program>(row.value("program_id", ""));
        return program && owns_institution(p, program->institution_id);
    };
    const std::string cursor = r.query_value("cursor").value_or("");
    const std::size_t limit =
        query_size(r, "limit", ctx.settings.default_page, 1, ctx.settings.max_page);
    const auto& all = results->program_alignment();  // sorted by program_id at load
    json items = json::array();
    std::size_t i = 0;
    while (i < all.size() && !cursor.empty() && all[i].value("program_id", "") <= cursor) ++i;
    std::size_t last = i;  // the last row returned (the cursor)
    for (; i < all.size() && items.size() < limit; ++i) {
        if (!visible(all[i])) continue;
        items.push_back(all[i]);
        last = i;
    }
    while (i < all.size() && !visible(all[i])) ++i;
    const bool more = i < all.size();
    return json_response(
        {{"run_id", results->run_id()},
         {"items", std::move(items)},
         {"next_cursor", more ? json(all[last].value("program_id", "")) : json(nullptr)}});
}

Response latest_summary(LatestRunCache& latest) {
    const auto results = latest_or_404(latest);
    return json_response({{"run_id", results->run_id()},
                          {"run", results->run_info()},
                          {"summary", results->summary()},
                          {"assignment", results->assignment()}});
}

const std::vector<QueryParam> kPage = {{"cursor", "string", "next_cursor of the previous page"},
                                       {"limit", "integer", "page size, 1..1000 (default 100)"}};

}  // namespace

void add_batch_routes(std::vector<RouteSpec>& routes, ApiContext& ctx, BatchRunner& runner,
                      LatestRunCache& latest) {
    const RoleSet graduates{Role::kAdmin, Role::kCareerOffice};
    const RoleSet jobs{Role::kAdmin, Role::kAssociation};
    routes.push_back({"POST",
                      "/v1/batch-runs",
                      "Start a batch run on the current data (202; 409 while another runs)",
                      "batch",
                      {Role::kAdmin},
                      "BatchRunRequest",
                      {},
                      {202, 400, 409, 415, 422, 503},
                      [&runner](Request& r, const Principal&) { return start_run(runner, r); }});
    routes.push_back({"GET",
                      "/v1/batch-runs/latest/summary",
                      "The latest published run: counts, timings, assignment funnel",
                      "results",
                      RoleSet::all(),
                      "",
                      {},
                      {404},
                      [&latest](Request&, const Principal&) { return latest_summary(latest); }});
    routes.push_back({"GET",
                      "/v1/assignment/graduates/{id}",
                      "A graduate's assigned job in the latest run",
                      "results",
                      graduates,
                      "",
                      {},
                      {404},
                      [&ctx, &latest](Request& r, const Principal& p) {
                          return graduate_assignment(ctx, latest, r, p);
                      }});
    routes.push_back({"GET",
                      "/v1/assignment/jobs/{id}",
                      "A job's filled and unfilled openings in the latest run",
                      "results",
                      jobs,
                      "",
                      {},
                      {404},
                      [&ctx, &latest](Request& r, const Principal& p) {
                          return job_assignment(ctx, latest, r, p);
                      }});
    routes.push_back({"GET",
                      "/v1/diagnostics/unfilled-openings",
                      "Why openings stay unfilled in the latest run (id order, cursor paging)",
                      "results",
                      jobs,
                      "",
                      kPage,
                      {400, 404, 503},
                      [&ctx, &latest](Request& r, const Principal& p) {
                          return unfilled_openings(ctx, latest, r, p);
                      }});
    routes.push_back({"GET",
                      "/v1/diagnostics/unplaced-graduates",
                      "Why seeking graduates stay unplaced in the latest run (id order, paging)",
                      "results",
                      graduates,
                      "",
                      kPage,
                      {400, 404, 503},
                      [&ctx, &latest](Request& r, const Principal& p) {
                          return unplaced_graduates(ctx, latest, r, p);
                      }});
    routes.push_back({"GET",
                      "/v1/reports/supply-demand",
                      "Supply-demand of the latest run (viewer, research office: groups under 5 "
                      "graduates suppressed)",
                      "results",
                      RoleSet::all(),
                      "",
                      {{"group_by", "string", "overall (default), cluster or district"}},
                      {400, 404},
                      [&ctx, &latest](Request& r, const Principal& p) {
                          return supply_demand_report(ctx, latest, r, p);
                      }});
    routes.push_back({"GET",
                      "/v1/reports/program-alignment",
                      "Program alignment of the latest run (program id order, cursor paging)",
                      "results",
                      RoleSet::all(),
                      "",
                      kPage,
                      {400, 404},
                      [&ctx, &latest](Request& r, const Principal& p) {
                          return program_alignment_report(ctx, latest, r, p);
                      }});
}

}  // namespace talentmatch::api
