#pragma once
// The route table: (method, pattern) -> handler. A pattern is a path whose
// segments are literals or `{name}` parameters, e.g.
// "/v1/graduates/{id}/matches" or "/v1/jobs:bulk". A parameter matches one
// non-empty segment. Literal segments win over parameters when both match.
//
// Thread-safety: build the table before serving; afterwards it is read-only
// and match() may be called from any number of threads.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/http_types.hpp"

namespace talentmatch::api {

// A route's access policy evaluated on the request line and headers alone:
// the refusal (401, 403) or nullopt when the request may proceed. The server
// asks it before reading a request body, so an unauthenticated upload is
// refused without being read; the handler applies the same policy again
// (routes.cpp states it once, in admit()).
using Admission = std::function<std::optional<Response>(const Request&)>;

struct Route {
    std::string method;   // "GET", "POST", "PUT", "DELETE"
    std::string pattern;  // "/v1/jobs/{id}"
    Handler handler;
    Admission admission;  // empty: public route
    bool quick = false;   // RouteSpec::quick
};

class Router {
  public:
    // Throws std::invalid_argument on a duplicate (method, pattern) or a bad pattern.
    void add(std::string method, std::string pattern, Handler handler, Admission admission = {},
             bool quick = false);

    struct Match {
        const Route* route = nullptr;              // null: no route for this method
        bool path_known = false;                   // some route has this path (then 405, not 404)
        std::vector<std::string> allowed_methods;  // for the Allow header
    };
    // Finds the route for `method` and `path`, filling `params` from the pattern.
    Match match(const std::string& method, const std::string& path,
                std::map<std::string, std::string>& params) const;

    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> segments_;  // per route, split pattern
};

// Splits "/a/b/c" into {"a","b","c"}; an empty path gives {}.
std::vector<std::string> split_path(const std::string& path);

}  // namespace talentmatch::api
