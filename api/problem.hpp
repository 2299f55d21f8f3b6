#pragma once
// The one error shape of the HTTP API: RFC 9457 `application/problem+json`
//   {"type", "title", "status", "detail", "errors": [{"path", "message"}]}.
// Handlers throw typed errors (below, or the domain's ValidationError /
// NotFoundError from models/field_error.hpp); problem_from_exception() is the
// one place that maps an exception to a status. Anything it does not know is
// a server fault (500): a store failure is never reported as a 4xx.
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

#include "api/http_types.hpp"
#include "models/field_error.hpp"

namespace talentmatch::api {

inline constexpr const char* kProblemContentType = "application/problem+json";

// A client error with an explicit status; the subclasses name the common ones.
class HttpError : public std::runtime_error {
  public:
    HttpError(int status, std::string detail, std::vector<FieldError> errors = {});
    int status() const { return status_; }
    const std::vector<FieldError>& errors() const { return errors_; }

  private:
    int status_;
    std::vector<FieldError> errors_;
};

struct BadRequest : HttpError {  // 400: malformed JSON or query parameter
    explicit BadRequest(std::string detail, std::vector<FieldError> errors = {})
        : HttpError(400, std::move(detail), std::move(errors)) {}
};
struct Unauthorized : HttpError {  // 401: missing, unknown or revoked key
    explicit Unauthorized(std::string detail) : HttpError(401, std::move(detail)) {}
};
struct Forbidden : HttpError {  // 403: the key's role may not do this
    explicit Forbidden(std::string detail) : HttpError(403, std::move(detail)) {}
};
struct Conflict : HttpError {  // 409: the request contradicts stored state
    explicit Conflict(std::string detail, std::vector<FieldError> errors = {})
        : HttpError(409, std::move(detail), std::move(errors)) {}
};
struct UnsupportedMediaType : HttpError {  // 415
    explicit UnsupportedMediaType(std::string detail) : HttpError(415, std::move(detail)) {}
};
struct ServiceUnavailable : HttpError {  // 503: e.g. no snapshot loaded yet
    explicit ServiceUnavailable(std::string detail) : HttpError(503, std::move(detail)) {}
};

// The standard reason phrase for a status ("Unprocessable Content" for 422).
std::string status_title(int status);

// A problem+json response with the given status, detail and field errors.
Response problem_response(int status, const std::string& detail,
                          const std::vector<FieldError>& errors = {});

// Maps the exception `error` (from std::current_exception()) to a response:
// HttpError -> its status; ValidationError -> 422; NotFoundError -> 404;
// nlohmann::json::parse_error -> 400; anything else -> 500 with a generic
// detail (the message goes to the log via `internal_message`, never to the
// client, since it may hold SQL or paths).
Response problem_from_exception(std::exception_ptr error, std::string* internal_message);

}  // namespace talentmatch::api
