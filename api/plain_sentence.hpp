#pragma once
// The one plain-language sentence of an explanation (SPEC "Match semantics"),
// in the reader's language, whose numbers are the explanation's fields:
// the coverage as `coverage_percent` (coverage × 100 rounded half away from
// zero), and for the first three learning-plan steps the skill's name and
// `required_level`; more steps are counted ("and 2 more skills"). An
// ineligible pair's sentence starts with its failed gates.
//   en: "Covers 82 % of what BMS test engineer asks; learn Virtualization to
//        level 3 and Problem solving to level 2."
//   zh: "满足「电池管理系统工程师」要求的 82%；还需将 虚拟化 提升到 3 级、问题解决 提升到 2 级。"
// Thread-safe (reads the snapshot only).
#include <string>

#include "api/reader_language.hpp"
#include "matcher/query.hpp"

namespace talentmatch::api {

int coverage_percent(double coverage);

// The skill's name in `lang` (the other language, then the id, when empty).
const std::string& skill_name(const matcher::Snapshot& s, const std::string& skill_id, Lang lang);

std::string plain_sentence(const matcher::Snapshot& s, const matcher::Explanation& e, Lang lang);

}  // namespace talentmatch::api
