#include "api/problem.hpp"

#include <nlohmann/json.hpp>

#include "store/store_error.hpp"

namespace talentmatch::api {

HttpError::HttpError(int status, std::string detail, std::vector<FieldError> errors)
    : std::runtime_error(std::move(detail)), status_(status), errors_(std::move(errors)) {}

std::string status_title(int status) {
    switch (status) {
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 409:
            return "Conflict";
        case 413:
            return "Content Too Large";
        case 414:
            return "URI Too Long";
        case 415:
            return "Unsupported Media Type";
        case 416:
            return "Range Not Satisfiable";
        case 422:
            return "Unprocessable Content";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return status >= 500 ? "Server Error" : "Client Error";
    }
}

Response problem_response(int status, const std::string& detail,
                          const std::vector<FieldError>& errors) {
    nlohmann::json body = {
        {"type", "about:blank"},
        {"title", status_title(status)},
        {"status", status},
        {"detail", detail},
    };
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors) list.push_back({{"path", e.path}, {"message", e.message}});
    body["errors"] = std::move(list);
    Response res;
    res.status = status;
    res.content_type = kProblemContentType;
    res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return res;
}

Response problem_from_exception(std::exception_ptr error, std::string* internal_message) {
    try {
        std::rethrow_exception(error);
    } catch (const HttpError& e) {
        return problem_response(e.status(), e.what(), e.errors());
    } catch (const ValidationError& e) {
        return problem_response(422, "the request has invalid fields", e.errors());
    } catch (const NotFoundError& e) {
        return problem_response(404, e.kind() + " '" + e.id() + "' not found");
    } catch (const store::ConflictError& e) {
        return problem_response(409, e.what());
    } catch (const nlohmann::json::parse_error& e) {
        return problem_response(400, std::string("malformed JSON: ") + e.what());
    } catch (const std::exception& e) {
        if (internal_message != nullptr) *internal_message = e.what();
    } catch (...) {
        if (internal_message != nullptr) *internal_message = "unknown exception";
    }
    return problem_response(500, "internal server error; see the server log");
}

}  // namespace talentmatch::api
