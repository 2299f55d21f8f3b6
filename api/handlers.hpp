#pragma once
// Route groups. Each appends its RouteSpecs (with handlers bound to `ctx`) to
// `routes`; routes.cpp assembles the whole table. Handlers are thin: parse ->
// check access -> call the store or the matcher -> serialize; they throw
// typed errors (problem.hpp) and never catch them.
#include <vector>

#include "api/api_context.hpp"
#include "api/route_spec.hpp"

namespace talentmatch::api {

// CRUD + cursor lists for every kind (handlers_entities.cpp).
void add_entity_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// POST /v1/{kind}:bulk for the kinds people upload (handlers_bulk.cpp).
void add_bulk_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// Matches, candidates, explanations, alignment, supply-demand (handlers_queries.cpp).
void add_query_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// The other connections both ways: projects for a teacher and teachers for a
// project, innovation demands for a research result and results for a demand
// (handlers_connections.cpp).
void add_connection_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// Occupational standards a program covers, programs that cover a standard
// (handlers_standards.cpp).
void add_standard_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// POST /v1/programs/{id}/what-if (handlers_what_if.cpp).
void add_what_if_route(std::vector<RouteSpec>& routes, ApiContext& ctx);
// GET /v1/clusters, /v1/districts with names (handlers_names.cpp).
void add_name_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// GET /v1/institutions/{id}/graduate-matches: a career office's export
// (handlers_export.cpp).
void add_export_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);
// GET /v1/job-search: open jobs by title / employer name (handlers_job_search.cpp).
void add_job_search_route(std::vector<RouteSpec>& routes, ApiContext& ctx);
// GET /v1/me: the calling key's role and organisation (handlers_me.cpp).
void add_me_route(std::vector<RouteSpec>& routes, ApiContext& ctx);
// The web app at / and /app/{file} (handlers_web.cpp), public.
void add_web_routes(std::vector<RouteSpec>& routes);
// /healthz, /readyz, /metrics (handlers_system.cpp); /openapi.json is added by
// routes.cpp once the table is complete.
void add_system_routes(std::vector<RouteSpec>& routes, ApiContext& ctx);

}  // namespace talentmatch::api
