#pragma once
// The complete route table of the API and the server assembled from it.
//
// build_routes() lists every served route (entities, bulk, queries, system,
// and /openapi.json, whose document is generated from this same list).
// make_router() wraps each handler with its access policy: public routes run
// as is; the others authenticate (401), check the role (403), then run with
// the caller's Principal; a thrown error becomes problem+json. The same
// policy is each route's Route::admission, which the server asks on the
// headers before it reads a request body.
#include <functional>
#include <vector>

#include "api/api_context.hpp"
#include "api/auth.hpp"
#include "api/route_spec.hpp"
#include "api/router.hpp"

namespace talentmatch::api {

// `extra` appends more route groups (the server's batch routes) before
// /openapi.json, so the document lists them too.
using RouteGroup = std::function<void(std::vector<RouteSpec>&)>;
std::vector<RouteSpec> build_routes(ApiContext& ctx, const RouteGroup& extra = {});
Router make_router(const std::vector<RouteSpec>& routes, KeyLookup lookup);
// A KeyLookup reading the store on every call (revocation is immediate).
KeyLookup store_key_lookup(store::Store& store);

}  // namespace talentmatch::api
