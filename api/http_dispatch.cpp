// HttpServer::dispatch: routing, the handler, and exceptions mapped to
// problem+json, without a socket (http_server.hpp states the contract).
#include "api/http_server.hpp"
#include "api/problem.hpp"

namespace talentmatch::api {

Response HttpServer::dispatch(Request& request, std::string& route_pattern) const {
    try {
        const auto match = router_.match(request.method, request.path, request.path_params);
        if (match.route == nullptr) {
            if (!match.path_known) {
                return problem_response(404, "no route for " + request.path);
            }
            std::string allow;
            for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
            Response res = problem_response(
                405, "method " + request.method + " is not allowed on " + request.path);
            res.headers["Allow"] = allow;
            return res;
        }
        route_pattern = match.route->pattern;
        return match.route->handler(request);
    } catch (...) {
        std::string message;
        Response res = problem_from_exception(std::current_exception(), &message);
        // 503 (snapshot still loading: /readyz polls it at start) is expected,
        // not a fault.
        if (res.status >= 500 && res.status != 503 && fault_logger_) {
            fault_logger_(request.request_id, message);
        }
        return res;
    }
}

}  // namespace talentmatch::api
