#include "models/education_level.hpp"

#include <array>

namespace talentmatch {
namespace {
constexpr std::array<std::string_view, kEducationLevelCount> kNames = {
    "secondary_vocational", "higher_vocational", "vocational_bachelor", "bachelor", "master"};
}

std::string_view to_string(EducationLevel level) {
    return kNames.at(static_cast<std::size_t>(level));
}

std::optional<EducationLevel> parse_education_level(std::string_view text) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == text) return static_cast<EducationLevel>(i);
    }
    return std::nullopt;
}

}  // namespace talentmatch
