// Fuzz target: the JSON entity codec (models/json_codec.hpp).
// Input: byte 0 picks the entity kind, the rest is one JSON document.
// Properties: decoding never crashes; a decoded entity round-trips
// (encode -> dump -> parse -> decode gives an equal value), and the bulk
// writer (bulk/json_line.hpp) writes exactly encode(x).dump() + '\n'.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bulk/json_line.hpp"
#include "fuzz/fuzz_check.hpp"
#include "models/json_codec.hpp"

namespace {

using namespace talentmatch;

template <class T, class Decode>
void round_trip(const nlohmann::json& doc, Decode decode) {
    std::vector<FieldError> errors;
    const auto value = decode(doc, "x", errors);
    FUZZ_CHECK(value.has_value() == errors.empty(), "nullopt iff errors");
    if (!value) return;
    const std::string dumped = encode(*value).dump();
    std::string line;
    bulk::append_json_line(line, *value);
    FUZZ_CHECK(line == dumped + "\n", "append_json_line == encode().dump()");
    const auto again_doc = nlohmann::json::parse(dumped, nullptr, false);
    FUZZ_CHECK(!again_doc.is_discarded(), "encoded entity parses");
    std::vector<FieldError> again_errors;
    const auto again = decode(again_doc, "x", again_errors);
    FUZZ_CHECK(again.has_value(), "encoded entity decodes");
    FUZZ_CHECK(*again == *value, "decode(encode(x)) == x");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const auto doc = nlohmann::json::parse(data + 1, data + size, nullptr, false);
    if (doc.is_discarded()) return 0;
    switch (data[0] % 15) {
        case 0:
            round_trip<Skill>(doc, decode_skill);
            break;
        case 1:
            round_trip<Certificate>(doc, decode_certificate);
            break;
        case 2:
            round_trip<Institution>(doc, decode_institution);
            break;
        case 3:
            round_trip<Program>(doc, decode_program);
            break;
        case 4:
            round_trip<Employer>(doc, decode_employer);
            break;
        case 5:
            round_trip<Job>(doc, decode_job);
            break;
        case 6:
            round_trip<Graduate>(doc, decode_graduate);
            break;
        case 7:
            round_trip<Placement>(doc, decode_placement);
            break;
        case 8:
            round_trip<Teacher>(doc, decode_teacher);
            break;
        case 9:
            round_trip<Project>(doc, decode_project);
            break;
        case 10:
            round_trip<InnovationDemand>(doc, decode_innovation_demand);
            break;
        case 11:
            round_trip<ResearchResult>(doc, decode_research_result);
            break;
        case 12:
            round_trip<OccupationalStandard>(doc, decode_occupational_standard);
            break;
        case 13:
            round_trip<Course>(doc, decode_course);
            break;
        default:
            round_trip<TrainingProgram>(doc, decode_training_program);
            break;
    }
    return 0;
}
