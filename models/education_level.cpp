#include "models/education_level.hpp"

namespace talentmatch {

std::string_view to_string(EducationLevel level) {
    return wire_name(level);
}

std::optional<EducationLevel> parse_education_level(std::string_view text) {
    return from_wire_name<EducationLevel>(text);
}

}  // namespace talentmatch
