#pragma once
// GET /v1/reports/outcomes (handlers_outcomes.cpp): employment outcomes of
// one graduation year per program and per institution (matcher/analytics/outcomes.hpp
// rules; runfmt/outcomes_json.hpp format), live: the placements as the store
// holds them now, the graduates, programs and employers of the published
// snapshot, and each program's own-cluster alignment from the latest run when
// one has published; computed once per state of those (outcome_report_cache.hpp).
//
// Every role (aggregates, no graduate id). Tenancy as
// /v1/reports/program-alignment: a career office gets only its institution's
// program and institution rows, `total` is its institution's, and the
// placement counters (over every institution) are left out. Viewer:
// the small-group rule of /v1/supply-demand (ApiSettings::viewer_min_group):
// a row of fewer graduates has its counts and rates nulled and
// "suppressed": true; a cluster cell of fewer placed graduates is left out.
#include <vector>

#include "api/api_context.hpp"
#include "api/latest_run_results.hpp"
#include "api/route_spec.hpp"

namespace talentmatch::api {

void add_outcome_routes(std::vector<RouteSpec>& routes, ApiContext& ctx, LatestRunCache& latest);

}  // namespace talentmatch::api
