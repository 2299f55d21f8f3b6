#pragma once
// Plain request/response values exchanged between the HTTP server
// (http_server.hpp, the only code that knows cpp-httplib) and the handlers.
// Handlers are ordinary functions of these structs, so they can be tested
// without a socket.
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace talentmatch::api {

struct Request {
    std::string method;                              // "GET", "POST", ... (HEAD is served as GET)
    std::string path;                                // decoded path, without the query string
    std::map<std::string, std::string> path_params;  // {id} of the route pattern
    std::multimap<std::string, std::string> query;   // decoded query parameters
    // Header names are case-insensitive; stored lower-cased.
    std::map<std::string, std::string> headers;
    std::string body;
    std::string request_id;  // set by the server, echoed as X-Request-Id

    // The header value, or "" when absent. `name` must be lower case.
    const std::string& header(const std::string& name) const;
    // The first value of query parameter `name`, if present.
    std::optional<std::string> query_value(const std::string& name) const;
    // The media type of Content-Type without parameters, lower-cased ("" if none).
    std::string media_type() const;
};

struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::map<std::string, std::string> headers;  // extra headers (Allow, Location, ...)
    std::string key_id;  // not sent: the caller's key id, for the request log
};

using Handler = std::function<Response(Request&)>;

}  // namespace talentmatch::api
