#pragma once
// An explanation as the API answers it: each requirement's contribution and
// the learning plan with skill names in the reader's language beside the ids,
// coverage_percent, and the plain sentence (plain_sentence.hpp) whose numbers
// are those fields. Thread-safe (reads the snapshot only).
#include <nlohmann/json.hpp>

#include "api/reader_language.hpp"
#include "matcher/query.hpp"

namespace talentmatch::api {

nlohmann::json explanation_json(const matcher::Snapshot& s, const matcher::Explanation& e,
                                Lang lang);

}  // namespace talentmatch::api
