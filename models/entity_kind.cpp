#include "models/entity_kind.hpp"

#include <array>

namespace talentmatch {

namespace {
constexpr std::array<std::string_view, kEntityKindCount> kNames = {
    "skills", "certificates", "institutions", "programs", "employers", "jobs", "graduates"};
}

std::string_view to_string(EntityKind kind) {
    return kNames.at(static_cast<std::size_t>(kind));
}

std::optional<EntityKind> parse_entity_kind(std::string_view text) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == text) return static_cast<EntityKind>(i);
    }
    return std::nullopt;
}

}  // namespace talentmatch
