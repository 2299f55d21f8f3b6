#pragma once
// Batch runs and the latest run's results over HTTP (handlers_batch.cpp):
//   POST /v1/batch-runs                      start a run (admin; 202, 409 while one runs)
//   GET  /v1/batch-runs/latest/summary       counts, timings, assignment funnel (all roles)
//   GET  /v1/assignment/graduates/{id}       a graduate's assigned job (admin, own career office)
//   GET  /v1/assignment/jobs/{id}            a job's fill (admin, the job's association)
//   GET  /v1/diagnostics/unfilled-openings   why openings stay unfilled (paged; tenancy)
//   GET  /v1/diagnostics/unplaced-graduates  why graduates stay unplaced (paged; tenancy)
//   GET  /v1/reports/supply-demand           supply-demand (viewer: small groups suppressed)
//   GET  /v1/reports/program-alignment       program alignment ranking (paged)
// GET /v1/batch-runs and /v1/batch-runs/{id} (history, status, progress) are
// in handlers_system.cpp.
#include <vector>

#include "api/api_context.hpp"
#include "api/batch_runner.hpp"
#include "api/latest_run_results.hpp"
#include "api/route_spec.hpp"

namespace talentmatch::api {

void add_batch_routes(std::vector<RouteSpec>& routes, ApiContext& ctx, BatchRunner& runner,
                      LatestRunCache& latest);

}  // namespace talentmatch::api
