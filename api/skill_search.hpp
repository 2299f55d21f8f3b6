#pragma once
// Skill search for people typing a name: `/v1/skills?q=`. A skill matches when
// `q` (trimmed; English letters compared case-insensitively) occurs in its id,
// its Chinese or English name, or one of its aliases (both languages), so
// "电池", "battery management" and "BMS" all find the battery management
// system skill. Results rank exact matches of a whole name, alias or id
// first, then those starting with q, then those containing it; ties by id.
// Pure function, thread-safe.
#include <cstddef>
#include <string_view>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::api {

// The best `limit` matches of `q` among `skills`, ranked as above.
std::vector<Skill> search_skills(std::vector<Skill> skills, std::string_view q, std::size_t limit);

}  // namespace talentmatch::api
