#pragma once
// A fast path for the biggest demand file: parses one JSON Lines job straight
// into a Job, without a DOM (the bulk HTTP endpoint and `import` read 100k+
// jobs of ~15 requirements). Like parse_graduate_fast it accepts only the
// common, plainly valid case (the documented keys, each at most once, no
// nulls, no escapes in strings, integers without fraction/exponent) and
// returns false for anything else; the caller then decodes the record with
// the reference path (nlohmann + models/json_codec.hpp), which also writes
// the error messages. When it returns true, `out` equals what decode_job
// gives (tests/bulk checks both on generated and hand-written lines).
#include <string_view>

#include "models/entities.hpp"

namespace talentmatch::bulk {

// `out` may hold a previous job: its buffers are reused (every field is reset
// first).
bool parse_job_fast(std::string_view line, Job& out);

}  // namespace talentmatch::bulk
