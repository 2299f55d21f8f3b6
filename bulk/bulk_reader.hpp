#pragma once
// Streaming reader for bulk files (JSON Lines and CSV; formats in
// bulk/FORMATS.md). Memory is bounded by the longest record, not the file:
// a 1M-line file is read item by item.
//
// Each record yields one BulkItem: the decoded entity, or the FieldErrors
// found on that record (JSON syntax errors too: path "", message
// "invalid JSON: ..."; JSON nested too deep or a number out of range at its
// field path (models/json_parse.hpp); a CSV row with the wrong number of
// cells ...). A CSV file that is not UTF-8 is converted from GBK/GB18030
// (bulk/text_encoding.hpp), or yields one item naming the first line that is
// neither, and nothing else. One bad record
// never stops the others. Only decoding (shape, types, enum names,
// unknown fields) is checked here; domain rules and references are the
// importer's job with models/validation.hpp.
//
// Thread-safety: free functions, no shared state; one call per file.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bulk/entity_kind.hpp"
#include "bulk/text_encoding.hpp"
#include "models/field_error.hpp"

namespace talentmatch::bulk {

struct BulkItem {
    const std::filesystem::path* source =
        nullptr;                     // the file being read; valid during the callback
    std::size_t line = 0;            // 1-based physical line where the record starts
    std::optional<Entity> entity;    // set iff `errors` is empty
    std::vector<FieldError> errors;  // paths relative to the entity: "requirements[2].level"
    // The record's id when it has one as a string, even if it failed to
    // decode ("" otherwise), so a rejected record can be named.
    std::string id;
    // True for the one item of a file no record of which can be read (an
    // unreadable encoding, an unusable CSV header): its errors are the file's.
    bool whole_file = false;
};

// "graduates.jsonl line 17: skills[2].level: expected an integer, got \"x\""
// (file name only, not the full path).
std::string describe(const BulkItem& item, const FieldError& error);

// Calls `callback` once per record (blank lines are skipped), in file order.
// The callback may move the entity out of the item. Throws std::runtime_error
// only when the file cannot be opened or read, never for bad content. A CSV
// header that is unusable (unknown, duplicate or missing required column)
// yields one item for line 1 carrying those errors, and nothing else, since
// then no row can be decoded.
using ItemCallback = std::function<void(BulkItem& item)>;
void for_each_item(const std::filesystem::path& path, EntityKind kind, FileFormat format,
                   const ItemCallback& callback);
void for_each_item(const BulkFile& file, const ItemCallback& callback);

// The same, for bytes already in memory (a request body): the same records,
// lines, errors and messages as the file. Returns the text encoding found
// (CSV: UTF-8 or GBK/GB18030 converted; JSON Lines: UTF-8).
TextEncoding for_each_item_in_bytes(std::string bytes, EntityKind kind, FileFormat format,
                                    const ItemCallback& callback);

}  // namespace talentmatch::bulk
