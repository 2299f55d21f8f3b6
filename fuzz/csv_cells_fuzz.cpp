// Fuzz target: CSV cell decoders (bulk/csv_cells.hpp). Input: byte 0 picks
// the decoder, the rest is one cell.
// Properties: never crashes; a list cell decoded without errors, encoded and
// decoded again, gives an equal list.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bulk/csv_cells.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using namespace talentmatch;
using namespace talentmatch::bulk;

template <class T, class Decode, class Encode>
void list_round_trip(std::string_view cell, Decode decode, Encode encode) {
    std::vector<T> out;
    cells::Errors errors;
    decode(cell, out, "cell", errors);
    if (!errors.empty()) return;
    const std::string written = encode(out);
    std::vector<T> again;
    cells::Errors again_errors;
    decode(written, again, "cell", again_errors);
    FUZZ_CHECK(again_errors.empty(), "an encoded list decodes");
    FUZZ_CHECK(again == out, "decode(encode(x)) == x");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view cell(reinterpret_cast<const char*>(data) + 1, size - 1);
    cells::Errors errors;
    switch (data[0] % 7) {
        case 0: {
            int v = 7;
            cells::decode_int(cell, v, "cell", errors);
            if (errors.empty() && !cell.empty()) {
                int again = 0;
                cells::decode_int(std::to_string(v), again, "cell", errors);
                FUZZ_CHECK(errors.empty() && again == v, "int round trip");
            }
            break;
        }
        case 1: {
            bool v = false;
            cells::decode_bool(cell, v, "cell", errors);
            break;
        }
        case 2: {
            EducationLevel v = EducationLevel::kHigherVocational;
            cells::decode_enum(cell, v, "cell", errors);
            break;
        }
        case 3: {
            std::vector<std::string> ids;
            cells::decode_id_list(cell, ids);
            std::vector<std::string> again;
            cells::decode_id_list(cells::encode_id_list(ids), again);
            FUZZ_CHECK(again == ids, "id list round trip");
            break;
        }
        case 4:
            list_round_trip<SkillLevel>(cell, cells::decode_skill_levels,
                                        cells::encode_skill_levels);
            break;
        case 5:
            list_round_trip<GraduateSkill>(cell, cells::decode_graduate_skills,
                                           cells::encode_graduate_skills);
            break;
        default:
            list_round_trip<Requirement>(cell, cells::decode_requirements,
                                         cells::encode_requirements);
            break;
    }
    return 0;
}
