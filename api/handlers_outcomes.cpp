#include "api/handlers_outcomes.hpp"

#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "api/outcome_report_cache.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/request_parsing.hpp"
#include "matcher/analytics.hpp"
#include "models/limits.hpp"
#include "runfmt/outcomes_json.hpp"
#include "store/store.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

// The viewer's small-group rule (see the header).
void suppress_small_group(json& row, std::int64_t n) {
    const bool hide = row.value("graduates", std::int64_t{0}) < n;
    row["suppressed"] = hide;
    if (hide) {
        for (const char* key : {"graduates", "placed", "employment_rate", "placed_in_own_cluster"})
            row[key] = nullptr;
        row["placed_by_cluster"] = json::array();
        return;
    }
    json kept = json::array();
    for (auto& cell : row["placed_by_cluster"]) {
        if (cell.value("placed", std::int64_t{0}) >= n) kept.push_back(std::move(cell));
    }
    row["placed_by_cluster"] = std::move(kept);
}

Response outcomes_report(ApiContext& ctx, LatestRunCache& latest, OutcomeReportCache& cache,
                         Request& r, const Principal& p) {
    const PublishedSnapshot published = published_snapshot_of(ctx);
    std::optional<int> year;
    if (r.query_value("graduation_year")) {
        year = static_cast<int>(
            query_size(r, "graduation_year", 0, kMinGraduationYear, kMaxGraduationYear));
    }
    const auto report = cache.get(ctx.store, published, year, latest);
    json body = runfmt::outcomes_json(*report);
    if (p.role == Role::kCareerOffice) {
        for (const char* scope : {"programs", "institutions"}) {
            json kept = json::array();
            for (auto& row : body[scope]) {
                if (row.value("institution_id", "") == p.org) kept.push_back(std::move(row));
            }
            body[scope] = std::move(kept);
        }
        matcher::OutcomeGroup own;
        own.institution_id = p.org;
        body["total"] = body["institutions"].empty() ? runfmt::outcome_group_json(own)
                                                     : body["institutions"][0];
        // Counts over every institution's placements are not its to see.
        body.erase("placements_counted");
        body.erase("placements_skipped");
    }
    const bool viewer = sees_aggregates_only(p);
    const auto n = static_cast<std::int64_t>(ctx.settings.viewer_min_group);
    for (const char* scope : {"programs", "institutions"}) {
        for (auto& row : body[scope]) {
            if (viewer) {
                suppress_small_group(row, n);
            } else {
                row["suppressed"] = false;
            }
        }
    }
    if (viewer) {
        suppress_small_group(body["total"], n);
    } else {
        body["total"]["suppressed"] = false;
    }
    body["suppression_min_group"] = viewer ? json(n) : json(nullptr);
    return json_response(body);
}

}  // namespace

void add_outcome_routes(std::vector<RouteSpec>& routes, ApiContext& ctx, LatestRunCache& latest) {
    routes.push_back(
        {"GET",
         "/v1/reports/outcomes",
         "Employment outcomes of one graduation year per program and institution: graduates, "
         "placed, employment rate, placements by the employer's cluster, beside the program's "
         "own-cluster alignment (career office: its institution; viewer and research office: "
         "groups under 5 graduates suppressed)",
         "results",
         RoleSet::all(),
         "",
         {{"graduation_year", "integer",
           "the graduates' year, 1950..2100 (default: the latest year any graduate has)"}},
         {400, 503},
         [&ctx, &latest, cache = std::make_shared<OutcomeReportCache>()](Request& r,
                                                                         const Principal& p) {
             return outcomes_report(ctx, latest, *cache, r, p);
         }});
}

}  // namespace talentmatch::api
