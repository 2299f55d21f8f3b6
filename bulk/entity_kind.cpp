#include "bulk/entity_kind.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <system_error>

#include "bulk/csv_formats.hpp"

namespace talentmatch::bulk {

EntityKind kind_of(const Entity& entity) {
    return static_cast<EntityKind>(entity.index());
}

const std::string& id_of(const Entity& entity) {
    return std::visit([](const auto& value) -> const std::string& { return value.id; }, entity);
}

std::optional<BulkFile> classify_bulk_file(const std::filesystem::path& path) {
    const auto kind = parse_entity_kind(path.stem().string());
    if (!kind) return std::nullopt;
    const std::string extension = path.extension().string();
    if (extension == ".jsonl") return BulkFile{path, *kind, FileFormat::kJsonLines};
    if (extension == ".csv" && has_csv_format(*kind))
        return BulkFile{path, *kind, FileFormat::kCsv};
    return std::nullopt;
}

std::vector<BulkFile> list_bulk_files(const std::filesystem::path& dir) {
    std::error_code error;
    std::filesystem::directory_iterator it(dir, error);
    if (error) throw std::runtime_error("cannot list " + dir.string() + ": " + error.message());
    std::vector<BulkFile> files;
    for (const auto& entry : it) {
        if (!entry.is_regular_file()) continue;
        if (auto file = classify_bulk_file(entry.path())) files.push_back(std::move(*file));
    }
    std::sort(files.begin(), files.end(), [](const BulkFile& a, const BulkFile& b) {
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.path.filename() < b.path.filename();
    });
    return files;
}

}  // namespace talentmatch::bulk
