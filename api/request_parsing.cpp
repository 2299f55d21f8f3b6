#include "api/request_parsing.hpp"

#include <charconv>

#include "api/problem.hpp"

namespace talentmatch::api {

nlohmann::json json_body(const Request& request) {
    const std::string type = request.media_type();
    if (type != "application/json") {
        throw UnsupportedMediaType("Content-Type must be application/json, got '" +
                                   request.header("content-type") + "'");
    }
    nlohmann::json body;
    if (const auto error = parse_json(request.body, body)) throw_json_error(*error);
    return body;
}

void throw_json_error(const JsonError& error) {
    if (error.kind == JsonError::Kind::kSyntax) {
        throw BadRequest("malformed JSON: " + error.error.message, {error.error});
    }
    throw ValidationError({error.error});
}

std::size_t query_size(const Request& request, const std::string& name, std::size_t fallback,
                       std::size_t lo, std::size_t hi) {
    const auto text = request.query_value(name);
    if (!text) return fallback;
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < lo || value > hi) {
        throw BadRequest("bad query parameter",
                         {{name, "must be an integer " + std::to_string(lo) + ".." +
                                     std::to_string(hi) + ", got \"" + *text + "\""}});
    }
    return value;
}

double query_number(const Request& request, const std::string& name, double fallback, double lo,
                    double hi) {
    const auto text = request.query_value(name);
    if (!text) return fallback;
    double value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || !(value >= lo && value <= hi)) {
        throw BadRequest("bad query parameter",
                         {{name, "must be a number in [" + std::to_string(lo) + ", " +
                                     std::to_string(hi) + "], got \"" + *text + "\""}});
    }
    return value;
}

bool query_bool(const Request& request, const std::string& name, bool fallback) {
    const auto text = request.query_value(name);
    if (!text) return fallback;
    if (*text == "true" || *text == "1") return true;
    if (*text == "false" || *text == "0") return false;
    throw BadRequest("bad query parameter",
                     {{name, "must be true or false, got \"" + *text + "\""}});
}

std::vector<std::string> query_list(const Request& request, const std::string& name) {
    std::vector<std::string> out;
    const auto [first, last] = request.query.equal_range(name);
    for (auto it = first; it != last; ++it) {
        std::size_t start = 0;
        while (start <= it->second.size()) {
            const auto comma = it->second.find(',', start);
            const auto part = it->second.substr(
                start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!part.empty()) out.push_back(part);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

Response json_response(const nlohmann::json& body, int status) {
    Response res;
    res.status = status;
    res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return res;
}

}  // namespace talentmatch::api
