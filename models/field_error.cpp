#include "models/field_error.hpp"

namespace talentmatch {

std::string to_string(const FieldError& error) {
    return error.path.empty() ? error.message : error.path + ": " + error.message;
}

namespace {
std::string summarize(const std::vector<FieldError>& errors) {
    if (errors.empty()) return "validation failed";
    std::string text = to_string(errors.front());
    if (errors.size() > 1) text += " (and " + std::to_string(errors.size() - 1) + " more)";
    return text;
}
}  // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : std::runtime_error(summarize(errors)), errors_(std::move(errors)) {}

NotFoundError::NotFoundError(std::string kind, std::string id)
    : std::runtime_error(kind + " '" + id + "' not found"),
      kind_(std::move(kind)),
      id_(std::move(id)) {}

}  // namespace talentmatch
