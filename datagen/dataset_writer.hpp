#pragma once
// Writes a generated data set as the bulk JSON Lines files the importer reads
// (bulk/entity_kind.hpp): `<dir>/skills.jsonl`, `certificates.jsonl`,
// `institutions.jsonl`, `programs.jsonl`, `employers.jsonl`, `jobs.jsonl`,
// `graduates.jsonl`, `placements.jsonl`, one `encode(x).dump()` line per entity
// (models/json_codec.hpp, keys sorted), then an empty `.complete` marker written by finish() last,
// so a reader can tell a finished data set from one cut short.
//
// Memory is bounded: entities go straight to buffered files. Every file is
// created (truncated) at construction, so a re-run gives identical files and
// a kind with no entities still has its (empty) file. Not thread-safe.
#include <array>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "models/entities.hpp"
#include "models/entity_kind.hpp"
#include "models/entity_registry.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::datagen {

class DatasetWriter {
  public:
    // Creates `dir` if missing and removes a stale `.complete`. Throws
    // std::runtime_error on I/O failure.
    explicit DatasetWriter(std::filesystem::path dir);
    ~DatasetWriter();
    DatasetWriter(const DatasetWriter&) = delete;
    DatasetWriter& operator=(const DatasetWriter&) = delete;

    // One entity, as `encode(value).dump()`, to `<kind>.jsonl`.
    template <Described T>
    void write(const T& value) {
        write_line(static_cast<int>(kind_of<T>()), encode(value).dump());
    }
    // A graduate already encoded as one compact JSON line (no newline), as
    // `encode(g).dump()` gives; lets callers encode in parallel.
    void write_graduate_line(const std::string& json_line);

    // Lines written so far to `<name>.jsonl` ("graduates", ...).
    std::size_t count(const std::string& name) const;
    // Flushes and closes every file, then creates `.complete`. Throws on I/O failure.
    void finish();

    const std::filesystem::path& dir() const { return dir_; }

  private:
    static constexpr int kFiles = kEntityKindCount;  // one file per kind
    void write_line(int file, const std::string& line);

    std::filesystem::path dir_;
    std::array<std::FILE*, kFiles> files_{};
    std::array<std::size_t, kFiles> counts_{};
};

}  // namespace talentmatch::datagen
