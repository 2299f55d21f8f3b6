#pragma once
// Builds the OpenAPI 3.1 document served at /openapi.json from the route
// table itself (RouteSpec), so it lists exactly the served routes: one
// operation per (method, pattern), its path and query parameters, request
// body schema, responses (every error is application/problem+json) and
// security (bearer key unless the route is public).
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "api/route_spec.hpp"

namespace talentmatch::api {

nlohmann::json openapi_document(const std::vector<RouteSpec>& routes);

}  // namespace talentmatch::api
