// Fuzz target: the fast JSON Lines job parser (bulk/fast_job_parser.hpp)
// against the reference decoder, plus the write -> parse round trip
// (fuzz/fast_parser_check.hpp). Input: one line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bulk/fast_job_parser.hpp"
#include "fuzz/fast_parser_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    talentmatch::fuzz::check_fast_parser<talentmatch::Job>(line, talentmatch::bulk::parse_job_fast,
                                                           talentmatch::decode_job);
    return 0;
}
