#pragma once
// BulkWriter appends entities to `<dir>/<kind>.jsonl`, one compact JSON
// object per line with keys in sorted order (byte-identical to
// `encode(x).dump()` of models/json_codec.hpp, written without building a
// DOM). Used by `talentmatch generate` and `talentmatch export`.
//
// Files are opened lazily on the first entity of a kind. With
// WriteMode::kTruncate (default) a file this writer opens starts empty, so
// re-running a generator gives identical files; kAppend keeps what is there.
// Output is buffered; close() (or the destructor) flushes. Memory is
// bounded (one buffer per kind). Not thread-safe: one writer per thread.
#include <array>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "bulk/entity_kind.hpp"
#include "bulk/json_line.hpp"

namespace talentmatch::bulk {

enum class WriteMode : std::uint8_t { kTruncate, kAppend };

class BulkWriter {
  public:
    // Creates `dir` if missing. Throws std::runtime_error on I/O failure.
    explicit BulkWriter(std::filesystem::path dir, WriteMode mode = WriteMode::kTruncate);
    ~BulkWriter();  // flushes; errors at this point are swallowed: call close() to see them
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    // One entity, to `<kind>.jsonl` (json_line.hpp's writer of its type).
    template <Described T>
    void write(const T& value) {
        append_json_line(buffer(kind_of<T>()), value);
        wrote(kind_of<T>());
    }
    void write(const Entity& value);

    // Entities written so far of one kind.
    std::size_t count(EntityKind kind) const;
    // Flushes and closes every file; throws std::runtime_error on I/O failure.
    // Writing afterwards reopens the files in append mode.
    void close();

  private:
    struct Output;
    Output& output(EntityKind kind);
    std::string& buffer(EntityKind kind);  // the kind's pending bytes
    void wrote(EntityKind kind);           // counts one entity; flushes a full buffer

    std::filesystem::path dir_;
    WriteMode mode_;
    std::array<std::unique_ptr<Output>, kEntityKindCount> outputs_;
    std::array<std::size_t, kEntityKindCount> counts_{};
};

}  // namespace talentmatch::bulk
