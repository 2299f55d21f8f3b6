#pragma once
// Finding a skill from what a person typed: `/v1/skills?q=` (search_skills)
// and skill references in bulk input that are not ids (skill_references.hpp).
// The one matching rule: the text, trimmed and with English letters folded
// to lower case, is compared with a skill's id, its Chinese and English
// names and its aliases (both languages). A field equal to it is an exact
// match (rank 0), one starting with it a prefix match (1), one containing it
// a partial match (2); a skill's rank is its best field's. So "电池",
// "battery management" and "BMS" all find the battery management system
// skill. Pure functions, thread-safe.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch {

// `text` trimmed of spaces and tabs, A-Z folded to a-z (other bytes kept).
std::string fold_skill_text(std::string_view text);

// 0 exact, 1 prefix, 2 partial, 3 no match of folded `q` (fold_skill_text)
// against `skill`, as above.
int skill_match_rank(const Skill& skill, const std::string& folded_q);

// The best `limit` matches of `q` among `skills`: by rank, then id.
std::vector<Skill> search_skills(std::vector<Skill> skills, std::string_view q, std::size_t limit);

}  // namespace talentmatch
