#pragma once
// The one error vocabulary of the domain: every rule a user can break yields a
// FieldError naming the field path and the offending value, e.g.
//   {"jobs[3].requirements[2].level", "must be 1..5, got 7"}.
// The API maps ValidationError to 422 problem+json, the CLI to per-line reports.
#include <stdexcept>
#include <string>
#include <vector>

namespace talentmatch {

struct FieldError {
    std::string path;     // JSON-path-like: "requirements[2].level"; "" for the whole item
    std::string message;  // what is wrong, with the value seen
    bool operator==(const FieldError&) const = default;
};

// "path: message", the form used in logs and CLI reports.
std::string to_string(const FieldError& error);

class ValidationError : public std::runtime_error {
  public:
    explicit ValidationError(std::vector<FieldError> errors);
    const std::vector<FieldError>& errors() const { return errors_; }

  private:
    std::vector<FieldError> errors_;
};

// An id the caller referred to does not exist (unknown graduate, job, ...).
class NotFoundError : public std::runtime_error {
  public:
    NotFoundError(std::string kind, std::string id);
    const std::string& kind() const { return kind_; }
    const std::string& id() const { return id_; }

  private:
    std::string kind_;
    std::string id_;
};

}  // namespace talentmatch
