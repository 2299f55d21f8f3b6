#pragma once
// Education levels are ordered (SPEC.md): a job's minimum is met by any level
// at or above it, so the enum values compare with < and >=.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "models/entity_description.hpp"

namespace talentmatch {

enum class EducationLevel : std::uint8_t {
    kSecondaryVocational = 0,
    kHigherVocational = 1,  // associate degree
    kVocationalBachelor = 2,
    kBachelor = 3,
    kMaster = 4,
};

inline constexpr int kEducationLevelCount = 5;

template <>
struct WireNames<EducationLevel> {
    static constexpr std::array<std::string_view, kEducationLevelCount> names = {
        "secondary_vocational", "higher_vocational", "vocational_bachelor", "bachelor", "master"};
};

// Wire names: "secondary_vocational", "higher_vocational", "vocational_bachelor",
// "bachelor", "master".
std::string_view to_string(EducationLevel level);
std::optional<EducationLevel> parse_education_level(std::string_view text);

}  // namespace talentmatch
