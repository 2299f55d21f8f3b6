#include "models/entity_kind.hpp"

#include <array>

#include "models/enum_names.hpp"

namespace talentmatch {

namespace {
constexpr std::array<std::string_view, kEntityKindCount> kNames = {
    "skills",    "certificates", "institutions", "programs",
    "employers", "jobs",         "graduates",    "placements"};
}

std::string_view to_string(EntityKind kind) {
    return enum_name(kNames, kind);
}

std::optional<EntityKind> parse_entity_kind(std::string_view text) {
    return enum_from_name<EntityKind>(kNames, text);
}

}  // namespace talentmatch
