#pragma once
// Small helpers shared by the handlers: parse a JSON body (415 unless
// application/json, 400 if malformed), read typed query parameters (400 with
// the parameter named), and build JSON responses.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http_types.hpp"

namespace talentmatch::api {

// The body as JSON; throws UnsupportedMediaType / BadRequest.
nlohmann::json json_body(const Request& request);

// Query parameter `name` as an integer in [lo, hi], or `fallback` if absent.
std::size_t query_size(const Request& request, const std::string& name, std::size_t fallback,
                       std::size_t lo, std::size_t hi);
// As a number in [lo, hi].
double query_number(const Request& request, const std::string& name, double fallback, double lo,
                    double hi);
// "true"/"false"/"1"/"0"; absent -> fallback.
bool query_bool(const Request& request, const std::string& name, bool fallback);
// Every value of `name`, each also split on commas ("a,b" -> a, b).
std::vector<std::string> query_list(const Request& request, const std::string& name);

Response json_response(const nlohmann::json& body, int status = 200);

}  // namespace talentmatch::api
