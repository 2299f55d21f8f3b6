#pragma once
// Small helpers shared by the handlers: parse a JSON body (415 unless
// application/json; models/json_parse.hpp: 400 if not JSON, 422 naming the
// field if nested too deep or holding a number out of range), read typed
// query parameters (400 with the parameter named), and build JSON responses.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/http_types.hpp"
#include "models/json_parse.hpp"

namespace talentmatch::api {

// The body as JSON; throws UnsupportedMediaType / BadRequest / ValidationError.
nlohmann::json json_body(const Request& request);

// Throws the 4xx for a JSON parse failure: BadRequest (400, "malformed JSON:
// ...") for a syntax error, ValidationError (422) for a limit, with the
// error's path.
[[noreturn]] void throw_json_error(const JsonError& error);

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
