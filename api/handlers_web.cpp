// The web app (web/, compiled in by cmake/embed_files.cmake): GET / is the
// page, GET /app/{file} its scripts and style. Public (the page asks for a
// key and sends it with each API call); no file is read from disk and
// nothing is fetched from elsewhere, so it works with no internet.
#include <string>

#include "api/embedded_files.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"

namespace talentmatch::api {
namespace {

const char* content_type_of(const std::string& name) {
    if (name.ends_with(".html")) return "text/html; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    if (name.ends_with(".json")) return "application/json; charset=utf-8";
    if (name.ends_with(".svg")) return "image/svg+xml";
    if (name.ends_with(".md")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

Response serve_file(const std::string& name) {
    const auto bytes = embedded_file("web/" + name);
    if (!bytes) throw NotFoundError("file", name);
    Response res;
    res.content_type = content_type_of(name);
    res.body = std::string(*bytes);
    // The files change with the binary only; revalidate so an upgrade shows.
    res.headers["Cache-Control"] = "no-cache";
    res.headers["X-Content-Type-Options"] = "nosniff";
    res.headers["Content-Security-Policy"] =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'";
    return res;
}

}  // namespace

void add_web_routes(std::vector<RouteSpec>& routes) {
    routes.push_back({"GET",
                      "/",
                      "The web app (career office, association, operator pages)",
                      "web",
                      {},
                      "",
                      {},
                      {404},
                      [](Request&, const Principal&) { return serve_file("index.html"); }});
    // Browsers ask for /favicon.ico on any page of the origin.
    routes.push_back({"GET",
                      "/favicon.ico",
                      "The web app's icon (SVG)",
                      "web",
                      {},
                      "",
                      {},
                      {},
                      [](Request&, const Principal&) { return serve_file("favicon.svg"); }});
    routes.push_back(
        {"GET",
         "/app/{file}",
         "The web app's scripts and style",
         "web",
         {},
         "",
         {},
         {404},
         [](Request& r, const Principal&) { return serve_file(r.path_params.at("file")); }});
    routes.push_back({"GET",
                      "/app/vendor/{file}",
                      "The web app's vendored libraries and their licences (web/vendor/)",
                      "web",
                      {},
                      "",
                      {},
                      {404},
                      [](Request& r, const Principal&) {
                          return serve_file("vendor/" + r.path_params.at("file"));
                      }});
}

}  // namespace talentmatch::api
