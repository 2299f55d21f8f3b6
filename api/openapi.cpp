#include "api/openapi.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "api/openapi_schemas.hpp"
#include "api/problem.hpp"
#include "api/router.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// "GET /v1/graduates/{id}/matches" -> "get_v1_graduates_id_matches".
std::string operation_id(const RouteSpec& route) {
    std::string out = lower(route.method);
    for (char c : route.pattern) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            out.push_back(c);
        } else if (c == '/' || c == ':' || c == '-') {
            if (out.back() != '_') out.push_back('_');
        }
    }
    while (out.back() == '_') out.pop_back();
    return out;
}

json problem_response_ref(int status) {
    return {{"description", status_title(status)},
            {"content",
             {{kProblemContentType, {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}

// The web app's files (handlers_web.cpp): the page, its icon, or any of its
// scripts, style and dictionary.
json web_content(const std::string& pattern) {
    const json text = {{"schema", {{"type", "string"}}}};
    if (pattern == "/") return {{"text/html", text}};
    if (pattern == "/favicon.ico") return {{"image/svg+xml", text}};
    return {{"text/javascript", text},
            {"text/css", text},
            {"application/json", text},
            {"image/svg+xml", text}};
}

json operation(const RouteSpec& route) {
    json op = {
        {"operationId", operation_id(route)}, {"summary", route.summary}, {"tags", {route.tag}}};
    json parameters = json::array();
    for (const auto& segment : split_path(route.pattern)) {
        if (segment.size() > 2 && segment.front() == '{') {
            parameters.push_back({{"name", segment.substr(1, segment.size() - 2)},
                                  {"in", "path"},
                                  {"required", true},
                                  {"schema", {{"type", "string"}}}});
        }
    }
    for (const auto& q : route.query) {
        parameters.push_back({{"name", q.name},
                              {"in", "query"},
                              {"required", false},
                              {"description", q.description},
                              {"schema", {{"type", q.type}}}});
    }
    if (!parameters.empty()) op["parameters"] = std::move(parameters);

    if (!route.body_schema.empty()) {
        const bool bulk = route.body_schema.rfind("Bulk", 0) == 0;
        const std::string item = bulk ? route.body_schema.substr(4) : route.body_schema;
        const json item_ref = {{"$ref", "#/components/schemas/" + item}};
        json content;
        if (bulk) {
            content["application/json"] = {{"schema", {{"type", "array"}, {"items", item_ref}}}};
            content["application/x-ndjson"] = {
                {"schema",
                 {{"type", "string"},
                  {"description", "JSON Lines: one " + item + " object per line"}}}};
            content["text/csv"] = {
                {"schema",
                 {{"type", "string"},
                  {"description", "CSV with a header row (bulk/FORMATS.md), UTF-8 or GBK"}}}};
        } else {
            content["application/json"] = {{"schema", item_ref}};
        }
        op["requestBody"] = {{"required", true}, {"content", std::move(content)}};
    }

    json responses;
    const bool is_metrics = route.pattern == "/metrics";
    const bool is_web = route.tag == "web";
    // A 2xx listed in route.statuses (e.g. 202 Accepted) replaces the default success.
    int ok = route.method == "DELETE" ? 204 : 200;
    for (int s : route.statuses) {
        if (s >= 200 && s < 300) ok = s;
    }
    if (ok == 204) {
        responses["204"] = {{"description", "deleted"}};
    } else {
        const std::string success_schema =
            route.body_schema.rfind("Bulk", 0) == 0 ? "BulkResult" : "Object";
        responses[std::to_string(ok)] = {
            {"description", "success"},
            {"content",
             is_metrics ? json{{"text/plain", {{"schema", {{"type", "string"}}}}}}
             : is_web
                 ? web_content(route.pattern)
                 : json{{"application/json",
                         {{"schema", {{"$ref", "#/components/schemas/" + success_schema}}}}}}}};
        const bool has_format = std::any_of(route.query.begin(), route.query.end(),
                                            [](const QueryParam& q) { return q.name == "format"; });
        if (has_format) {
            responses[std::to_string(ok)]["content"]["text/csv"] = {
                {"schema", {{"type", "string"}}}};
        }
    }
    if (route.method == "PUT")
        responses["201"] = {
            {"description", "created"},
            {"content",
             {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Object"}}}}}}}};
    std::vector<int> statuses;
    for (int s : route.statuses) {
        if (s >= 300) statuses.push_back(s);
    }
    if (!route.roles.empty()) {
        statuses.push_back(401);
        statuses.push_back(403);
    }
    // Any route can answer 400 to a malformed HTTP request (the HTTP library's parser).
    if (std::none_of(statuses.begin(), statuses.end(), [](int s) { return s >= 400 && s < 500; })) {
        statuses.push_back(400);
    }
    statuses.push_back(500);
    for (int status : statuses) responses[std::to_string(status)] = problem_response_ref(status);
    op["responses"] = std::move(responses);
    op["security"] =
        route.roles.empty() ? json::array() : json::array({{{"bearerKey", json::array()}}});
    return op;
}

}  // namespace

json openapi_document(const std::vector<RouteSpec>& routes) {
    json paths = json::object();
    for (const auto& route : routes) paths[route.pattern][lower(route.method)] = operation(route);
    json tags = json::array();
    std::vector<std::string> seen;
    for (const auto& route : routes) {
        if (std::find(seen.begin(), seen.end(), route.tag) != seen.end()) continue;
        seen.push_back(route.tag);
        tags.push_back({{"name", route.tag}, {"description", "talentmatch " + route.tag}});
    }
    return {{"openapi", "3.1.0"},
            {"info",
             {{"title", "talentmatch API"},
              {"version", "1.0.0"},
              {"summary", "Talent supply-demand matching for an industry-education alliance"},
              {"description",
               "Associations submit job demand, career offices maintain programs and graduates and "
               "query matches; every error is application/problem+json."},
              {"license",
               {{"name", "Proprietary"}, {"url", "https://example.org/talentmatch/license"}}}}},
            {"servers", {{{"url", "http://127.0.0.1:8080"}}}},
            {"tags", std::move(tags)},
            {"paths", std::move(paths)},
            {"components",
             {{"schemas", openapi_component_schemas()},
              {"securitySchemes",
               {{"bearerKey",
                 {{"type", "http"},
                  {"scheme", "bearer"},
                  {"description", "an API key made by `talentmatch keys create`"}}}}}}}};
}

}  // namespace talentmatch::api
