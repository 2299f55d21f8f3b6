#pragma once
// The entities of a bulk data set (kinds: models/entity_kind.hpp, in
// dependency order, so importing files in that order lets every reference
// resolve within one batch).
//
// A bulk file's kind comes from its file-name stem, its format from the
// extension: `<kind>.jsonl` (JSON Lines, every kind) or `<kind>.csv`
// (graduates, jobs, programs, employers, placements only), e.g. `jobs.jsonl`, `graduates.csv`.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "models/entities.hpp"
#include "models/entity_kind.hpp"

namespace talentmatch::bulk {

using ::talentmatch::EntityKind;
using ::talentmatch::kEntityKindCount;
using ::talentmatch::parse_entity_kind;
using ::talentmatch::to_string;

enum class FileFormat : std::uint8_t { kJsonLines, kCsv };

// One decoded entity; the alternative's index equals its EntityKind value.
using Entity =
    std::variant<Skill, Certificate, Institution, Program, Employer, Job, Graduate, Placement>;
EntityKind kind_of(const Entity& entity);
const std::string& id_of(const Entity& entity);

namespace detail {
template <class T, class V>
struct IndexIn;
template <class T, class... Ts>
struct IndexIn<T, std::variant<Ts...>> {
    static constexpr std::size_t value = [] {
        constexpr bool same[] = {std::is_same_v<T, Ts>...};
        std::size_t i = 0;
        while (i < sizeof...(Ts) && !same[i]) ++i;
        return i;
    }();
    static_assert(value < sizeof...(Ts), "not an entity type");
};
}  // namespace detail

// The kind of an entity type at compile time: kind_of<Job>() == EntityKind::kJobs.
template <class T>
constexpr EntityKind kind_of() {
    return static_cast<EntityKind>(detail::IndexIn<T, Entity>::value);
}

struct BulkFile {
    std::filesystem::path path;
    EntityKind kind = EntityKind::kSkills;
    FileFormat format = FileFormat::kJsonLines;
};

// Classifies `path` by its name: "jobs.jsonl" -> {jobs, JSON Lines}. nullopt
// for any other name, and for CSV of a kind that has no CSV format.
std::optional<BulkFile> classify_bulk_file(const std::filesystem::path& path);

// The bulk files directly in `dir` (other files are ignored), sorted in
// dependency order (kind, then file name). Throws std::runtime_error when
// `dir` cannot be listed.
std::vector<BulkFile> list_bulk_files(const std::filesystem::path& dir);

}  // namespace talentmatch::bulk
