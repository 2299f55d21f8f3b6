#pragma once
// Reading a candidate's level of one skill from its sorted skill row, shared
// by the analytics (explanation, alignment, supply–demand).
#include <algorithm>
#include <span>

#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

// The candidate's level of `skill` (0 when absent). `levels` is sorted by skill
// index, as CandidateSet::skills rows are. O(log n).
inline int level_of(std::span<const SkillEntry> levels, Index skill) {
    const auto it =
        std::lower_bound(levels.begin(), levels.end(), skill,
                         [](const SkillEntry& entry, Index key) { return entry.skill < key; });
    return it != levels.end() && it->skill == skill ? it->level : 0;
}

}  // namespace talentmatch::matcher
