#include "api/routes.hpp"

#include <variant>

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/openapi.hpp"
#include "api/problem.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

std::vector<RouteSpec> build_routes(ApiContext& ctx, const RouteGroup& extra) {
    std::vector<RouteSpec> routes;
    add_system_routes(routes, ctx);
    add_entity_routes(routes, ctx);
    add_bulk_routes(routes, ctx);
    add_query_routes(routes, ctx);
    add_connection_routes(routes, ctx);
    add_standard_routes(routes, ctx);
    add_what_if_route(routes, ctx);
    add_name_routes(routes, ctx);
    add_me_route(routes, ctx);
    add_export_routes(routes, ctx);
    add_job_search_route(routes, ctx);
    add_web_routes(routes);
    if (extra) extra(routes);
    // The document describes the table including itself.
    routes.push_back(
        {"GET", "/openapi.json", "This OpenAPI document", "system", {}, "", {}, {}, nullptr});
    auto document = std::make_shared<const std::string>(openapi_document(routes).dump(2));
    routes.back().handler = [document](Request&, const Principal&) {
        Response res;
        res.body = *document;
        return res;
    };
    return routes;
}

namespace {

// The access policy of a non-public route, stated once: a key (401, with
// WWW-Authenticate), then a role in `roles` (403). Reads headers only, so the
// server applies it before a request body is read (Route::admission) and the
// handler applies it again to get the caller's Principal.
std::variant<Principal, Response> admit(const Request& r, RoleSet roles, const KeyLookup& lookup,
                                        const std::string& what) {
    Principal principal;
    try {
        principal = authenticate(r, lookup);
    } catch (const Unauthorized& e) {
        Response res = problem_response(401, e.what());
        res.headers["WWW-Authenticate"] = "Bearer";
        return res;
    }
    try {
        authorize(principal, roles, what);
    } catch (const Forbidden& e) {
        Response res = problem_response(403, e.what());
        res.key_id = principal.key_id;
        return res;
    }
    return principal;
}

}  // namespace

Router make_router(const std::vector<RouteSpec>& routes, KeyLookup lookup) {
    Router router;
    for (const auto& spec : routes) {
        const RouteHandler handler = spec.handler;
        const RoleSet roles = spec.roles;
        if (roles.empty()) {
            router.add(
                spec.method, spec.pattern,
                [handler](Request& r) { return handler(r, Principal{}); }, {}, spec.quick);
            continue;
        }
        const std::string what = spec.method + " " + spec.pattern;
        auto handle = [handler, roles, lookup, what](Request& r) {
            auto admitted = admit(r, roles, lookup, what);
            if (auto* refusal = std::get_if<Response>(&admitted)) return std::move(*refusal);
            const Principal& principal = std::get<Principal>(admitted);
            Response res;
            try {
                res = handler(r, principal);
            } catch (...) {
                std::string internal;
                res = problem_from_exception(std::current_exception(), &internal);
                if (res.status >= 500) throw;  // the server logs the fault
            }
            res.key_id = principal.key_id;
            return res;
        };
        auto admission = [roles, lookup, what](const Request& r) -> std::optional<Response> {
            auto admitted = admit(r, roles, lookup, what);
            if (auto* refusal = std::get_if<Response>(&admitted)) return std::move(*refusal);
            return std::nullopt;
        };
        router.add(spec.method, spec.pattern, std::move(handle), std::move(admission), spec.quick);
    }
    return router;
}

KeyLookup store_key_lookup(store::Store& store) {
    return [&store](const std::string& hash) -> std::optional<Principal> {
        const auto key = store.find_api_key_by_hash(hash);
        if (!key || !key->active()) return std::nullopt;
        return Principal{key->id, key->role, key->org_id};
    };
}

}  // namespace talentmatch::api
