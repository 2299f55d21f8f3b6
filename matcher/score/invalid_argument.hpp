#pragma once
// One-field ValidationError, the matcher's error for a bad call argument.
#include <string>

#include "models/field_error.hpp"

namespace talentmatch::matcher {

[[noreturn]] inline void throw_invalid(std::string path, std::string message) {
    throw ValidationError(std::vector<FieldError>{FieldError{std::move(path), std::move(message)}});
}

}  // namespace talentmatch::matcher
