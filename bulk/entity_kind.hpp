#pragma once
// The entities of a bulk data set (kinds: models/entity_kind.hpp, in
// dependency order, so importing files in that order lets every reference
// resolve within one batch).
//
// A bulk file's kind comes from its file-name stem, its format from the
// extension: `<kind>.jsonl` (JSON Lines, every kind) or `<kind>.csv`
// (graduates, jobs, programs, employers, placements, teachers, projects,
// innovation_demands, research_results, occupational_standards), e.g.
// `jobs.jsonl`, `graduates.csv`.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "models/entity_registry.hpp"

namespace talentmatch::bulk {

using ::talentmatch::EntityKind;
using ::talentmatch::kEntityKindCount;
using ::talentmatch::parse_entity_kind;
using ::talentmatch::to_string;

enum class FileFormat : std::uint8_t { kJsonLines, kCsv };

// One decoded entity; the alternative's index equals its EntityKind value
// (models/entity_registry.hpp).
using Entity = AnyEntity;
using ::talentmatch::kind_of;
EntityKind kind_of(const Entity& entity);
const std::string& id_of(const Entity& entity);

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
