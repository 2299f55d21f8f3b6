#include "models/education_level.hpp"

#include <array>

#include "models/enum_names.hpp"

namespace talentmatch {
namespace {
constexpr std::array<std::string_view, kEducationLevelCount> kNames = {
    "secondary_vocational", "higher_vocational", "vocational_bachelor", "bachelor", "master"};
}

std::string_view to_string(EducationLevel level) {
    return enum_name(kNames, level);
}

std::optional<EducationLevel> parse_education_level(std::string_view text) {
    return enum_from_name<EducationLevel>(kNames, text);
}

}  // namespace talentmatch
