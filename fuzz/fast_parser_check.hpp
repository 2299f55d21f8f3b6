#pragma once
// Shared property of the fast JSON Lines parsers (bulk/fast_*_parser.hpp):
// on any line the fast parser either declines (false) or gives exactly what
// the reference path (nlohmann + models/json_codec.hpp) gives; and an entity
// the reference decodes, written back by bulk/json_line.hpp, decodes again
// to an equal value by the reference path, and by the fast path if it
// accepts the written line.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "bulk/json_line.hpp"
#include "fuzz/fuzz_check.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::fuzz {

template <class T, class Fast, class Decode>
void check_fast_parser(std::string_view line, Fast fast, Decode decode) {
    T previous;  // a non-empty previous value: the parser must reset every field
    previous.id = "previous";
    T got = previous;
    const bool accepted = fast(line, got);
    const auto doc = nlohmann::json::parse(line, nullptr, false);
    std::vector<FieldError> errors;
    std::optional<T> want;
    if (!doc.is_discarded()) want = decode(doc, "", errors);
    if (accepted) {
        FUZZ_CHECK(want.has_value(), "fast parser accepted what the reference rejects");
        FUZZ_CHECK(got == *want, "fast parser differs from the reference decoder");
    }
    if (!want) return;
    std::string written;
    bulk::append_json_line(written, *want);
    written.pop_back();  // '\n'
    const auto again_doc = nlohmann::json::parse(written, nullptr, false);
    FUZZ_CHECK(!again_doc.is_discarded(), "written line parses");
    std::vector<FieldError> again_errors;
    const auto again = decode(again_doc, "", again_errors);
    FUZZ_CHECK(again.has_value() && *again == *want, "write -> reference decode round trip");
    T fast_again;
    if (fast(written, fast_again)) {
        FUZZ_CHECK(fast_again == *want, "write -> fast parse round trip");
    }
}

}  // namespace talentmatch::fuzz
