#pragma once
// The kinds of entity. The values never change (the store's change log
// records a kind by its value), so a new kind is appended. Up to placements
// they are in dependency order; teachers and research results refer to
// institutions, projects and innovation demands to employers, occupational
// standards to skills, courses to programs, training programs to institutions, all listed before
// them. So an entity only refers to kinds listed before it (programs -> institutions, jobs ->
// employers, graduates -> programs, placements -> graduates, employers and jobs). The one list
// every layer uses: bulk files are named and imported in this order, the store's change log records
// a kind by its value (so the values never change; a new kind is appended), the API and the CLI
// print the plural names.
#include <cstdint>
#include <optional>
#include <string_view>

#include "models/entity_description.hpp"

namespace talentmatch {

enum class EntityKind : std::uint8_t {
    kSkills = 0,
    kCertificates = 1,
    kInstitutions = 2,
    kPrograms = 3,
    kEmployers = 4,
    kJobs = 5,
    kGraduates = 6,
    kPlacements = 7,
    kTeachers = 8,
    kProjects = 9,
    kInnovationDemands = 10,
    kResearchResults = 11,
    kOccupationalStandards = 12,
    kCourses = 13,
    kTrainingPrograms = 14,
};
inline constexpr int kEntityKindCount = 15;
inline constexpr EntityKind kAllEntityKinds[] = {EntityKind::kSkills,
                                                 EntityKind::kCertificates,
                                                 EntityKind::kInstitutions,
                                                 EntityKind::kPrograms,
                                                 EntityKind::kEmployers,
                                                 EntityKind::kJobs,
                                                 EntityKind::kGraduates,
                                                 EntityKind::kPlacements,
                                                 EntityKind::kTeachers,
                                                 EntityKind::kProjects,
                                                 EntityKind::kInnovationDemands,
                                                 EntityKind::kResearchResults,
                                                 EntityKind::kOccupationalStandards,
                                                 EntityKind::kCourses,
                                                 EntityKind::kTrainingPrograms};

// The plural names: in the API's paths, the bulk file names, the CLI, and the
// store's table names.
template <>
struct WireNames<EntityKind> {
    static constexpr std::array<std::string_view, kEntityKindCount> names = {
        "skills",
        "certificates",
        "institutions",
        "programs",
        "employers",
        "jobs",
        "graduates",
        "placements",
        "teachers",
        "projects",
        "innovation_demands",
        "research_results",
        "occupational_standards",
        "courses",
        "training_programs"};
};

inline std::string_view to_string(EntityKind kind) {
    return wire_name(kind);
}
inline std::optional<EntityKind> parse_entity_kind(std::string_view text) {
    return from_wire_name<EntityKind>(text);
}

}  // namespace talentmatch
