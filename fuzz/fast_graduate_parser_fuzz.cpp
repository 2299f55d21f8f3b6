// Fuzz target: the fast JSON Lines graduate parser
// (bulk/fast_graduate_parser.hpp) against the reference decoder, plus the
// write -> parse round trip (fuzz/fast_parser_check.hpp). Input: one line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bulk/fast_graduate_parser.hpp"
#include "fuzz/fast_parser_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    talentmatch::fuzz::check_fast_parser<talentmatch::Graduate>(
        line, talentmatch::bulk::parse_graduate_fast, talentmatch::decode_graduate);
    return 0;
}
