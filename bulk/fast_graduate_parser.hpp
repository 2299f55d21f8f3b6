#pragma once
// A fast path for the biggest bulk file: parses one JSON Lines graduate
// straight into a Graduate, without a DOM. It accepts only the common,
// plainly valid case (the documented keys, each at most once, no nulls, no
// escapes in strings, integers without fraction/exponent) and returns false
// for anything else; the caller then decodes the line with the reference
// path (nlohmann + models/json_codec.hpp), which also writes the error
// messages. When it returns true, `out` equals what the reference decoder
// gives (tests/bulk checks both on generated and hand-written lines).
#include <string_view>

#include "models/entities.hpp"

namespace talentmatch::bulk {

// `out` may hold a previous graduate: its buffers are reused (every field is
// reset first), which keeps a 1M-line read nearly allocation-free.
bool parse_graduate_fast(std::string_view line, Graduate& out);

}  // namespace talentmatch::bulk
