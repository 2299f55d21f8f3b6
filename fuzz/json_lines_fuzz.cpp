// Fuzz target: JSON Lines reading (bulk/bulk_reader.hpp, JSON Lines format,
// which runs bulk/line_reader.hpp, the fast parsers and the reference
// decoder). Input: byte 0 picks the entity kind, the rest is the file.
// Properties: never crashes; every item has an entity xor errors; the
// entities written back with bulk/json_line.hpp read back equal, in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bulk/bulk_reader.hpp"
#include "bulk/json_line.hpp"
#include "fuzz/fuzz_check.hpp"
#include "fuzz/temp_file.hpp"

namespace {

using namespace talentmatch;

std::vector<bulk::Entity> read_all(const std::filesystem::path& path, bulk::EntityKind kind) {
    std::vector<bulk::Entity> out;
    bulk::for_each_item(path, kind, bulk::FileFormat::kJsonLines, [&](bulk::BulkItem& item) {
        FUZZ_CHECK(item.entity.has_value() == item.errors.empty(), "entity xor errors");
        FUZZ_CHECK(item.line >= 1, "line numbers are 1-based");
        if (item.entity) {
            FUZZ_CHECK(bulk::kind_of(*item.entity) == kind, "entity of the file's kind");
            out.push_back(std::move(*item.entity));
        }
    });
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    static fuzz::TempFile input("in.jsonl");
    static fuzz::TempFile output("out.jsonl");
    const auto kind = static_cast<bulk::EntityKind>(data[0] % bulk::kEntityKindCount);
    const auto entities = read_all(
        input.write(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)), kind);
    std::string written;
    for (const auto& e : entities) {
        std::visit([&](const auto& x) { bulk::append_json_line(written, x); }, e);
    }
    const auto again = read_all(output.write(written), kind);
    FUZZ_CHECK(again == entities, "write -> read round trip");
    return 0;
}
