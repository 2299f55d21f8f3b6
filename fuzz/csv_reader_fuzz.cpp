// Fuzz target: the CSV reader (bulk/csv_reader.hpp) and the CSV entity
// decoder (bulk/csv_formats.hpp). Input: byte 0 picks programs, jobs or
// graduates, the rest is the file.
// Properties: never crashes; well-formed records written back with
// append_csv_row read back with the same fields; rows decoded against the
// first record as header give entities whose to_csv_row re-decodes equal.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "bulk/csv_formats.hpp"
#include "bulk/csv_reader.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using namespace talentmatch;

std::vector<bulk::CsvRecord> read_records(const std::string& text) {
    std::istringstream in(text);
    bulk::CsvReader reader(in);
    std::vector<bulk::CsvRecord> out;
    bulk::CsvRecord record;
    std::size_t last_line = 0;
    while (reader.next(record)) {
        FUZZ_CHECK(record.line > last_line, "record lines increase");
        last_line = record.line;
        out.push_back(record);
    }
    return out;
}

// A record that writes as a blank line ("" alone) is skipped on reading, by
// the format's rule; everything else must come back.
bool writes_blank(const bulk::CsvRecord& r) {
    return r.fields.size() == 1 && r.fields[0].empty();
}

void check_entities(bulk::EntityKind kind, const std::vector<bulk::CsvRecord>& records) {
    if (records.empty() || !records[0].error.empty()) return;
    const bulk::CsvDecoder decoder(kind, records[0].fields);
    if (!decoder.header_errors().empty()) return;
    const bulk::CsvDecoder canonical(kind, bulk::csv_header(kind));
    FUZZ_CHECK(canonical.header_errors().empty(), "csv_header() is a valid header");
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (!records[i].error.empty()) continue;
        std::vector<FieldError> errors;
        const auto entity = decoder.decode(records[i].fields, errors);
        FUZZ_CHECK(entity.has_value() == errors.empty(), "entity xor errors");
        if (!entity) continue;
        FUZZ_CHECK(bulk::kind_of(*entity) == kind, "entity of the file's kind");
        const auto row = std::visit(
            [](const auto& x) -> std::vector<std::string> {
                if constexpr (requires { bulk::to_csv_row(x); }) {
                    return bulk::to_csv_row(x);
                } else {
                    std::abort();
                }
            },
            *entity);
        std::vector<FieldError> again_errors;
        const auto again = canonical.decode(row, again_errors);
        FUZZ_CHECK(again.has_value() && *again == *entity, "to_csv_row -> decode round trip");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static constexpr bulk::EntityKind kKinds[] = {
        bulk::EntityKind::kPrograms, bulk::EntityKind::kJobs, bulk::EntityKind::kGraduates};
    const auto kind = kKinds[data[0] % 3];
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto records = read_records(text);
    std::string written;
    std::vector<std::vector<std::string>> want;
    for (const auto& r : records) {
        if (!r.error.empty() || writes_blank(r)) continue;
        bulk::append_csv_row(written, r.fields);
        want.push_back(r.fields);
    }
    // A leading BOM would be skipped on reading: a first field starting with
    // one cannot round-trip verbatim, so such inputs only check "no crash".
    if (written.rfind("\xEF\xBB\xBF", 0) != 0) {
        const auto again = read_records(written);
        FUZZ_CHECK(again.size() == want.size(), "write -> read keeps the record count");
        for (std::size_t i = 0; i < want.size(); ++i) {
            FUZZ_CHECK(again[i].error.empty(), "written records are well-formed");
            FUZZ_CHECK(again[i].fields == want[i], "write -> read round trip");
        }
    }
    check_entities(kind, records);
    return 0;
}
