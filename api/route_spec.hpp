#pragma once
// RouteSpec: one served route with everything the server and the OpenAPI
// document need, so both are generated from the same table (routes.cpp) and
// cannot drift apart (tests/api compares them).
//
// Access: `roles` empty = public (no key); otherwise the request must carry a
// key whose role is in `roles` (401 / 403), then the handler runs with the
// caller's Principal and checks tenancy itself (404 for another tenant's data).
#include <functional>
#include <string>
#include <vector>

#include "api/auth.hpp"
#include "api/http_types.hpp"

namespace talentmatch::api {

struct QueryParam {
    std::string name;
    std::string type;  // OpenAPI scalar type: "integer", "string", "boolean", "number"
    std::string description;
};

using RouteHandler = std::function<Response(Request&, const Principal&)>;

struct RouteSpec {
    std::string method;   // "GET", "PUT", "POST", "DELETE"
    std::string pattern;  // "/v1/jobs/{id}"
    std::string summary;
    std::string tag;  // groups routes in the document ("jobs", "queries", ...)
    RoleSet roles;    // empty = public
    // Request body: "" none; else the component schema name ("Job"), or
    // "Bulk<Name>" for a JSON array / JSON Lines of <Name>.
    std::string body_schema;
    std::vector<QueryParam> query;
    std::vector<int> statuses;  // the statuses the route may answer besides 401/403/500
    RouteHandler handler;
    // A quick route: no body, bounded CPU work (a single engine query, a
    // gauge) and no waiting on I/O or on other requests. The server runs it on
    // the event thread that read it, without a hand-off to its workers; every
    // other route runs on a worker (http_server.hpp).
    bool quick = false;
};

}  // namespace talentmatch::api
