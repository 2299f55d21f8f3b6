#pragma once
// For tests: SPEC's score of a teacher (a supply profile) against an
// enterprise project (a demand profile), written plainly from the formula and
// the eligibility rules, independent of the matcher:
//   coverage = Σ w·min(a,r) / Σ w·r,  relevance = Σ min(a,r) / Σ a,  fit = product;
//   not eligible when a must-have is not met or the project ended before today.
// Ranked lists are best first: fit descending (exact), then id ascending.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::testing {

struct ReferenceScore {
    std::uint64_t num = 0, den = 1;  // fit = num / den
    double coverage = 0;
    double fit() const { return double(num) / double(den); }
};

inline std::optional<ReferenceScore> reference_score(const Teacher& t, const Project& p,
                                                     const std::string& today) {
    if (!p.end_date.empty() && p.end_date < today) return std::nullopt;
    std::map<std::string, int> levels;
    std::uint64_t cov_num = 0, cov_den = 0, rel_num = 0, rel_den = 0;
    for (const SkillLevel& s : t.expertise) {
        levels[s.skill_id] = s.level;
        rel_den += static_cast<std::uint64_t>(s.level);
    }
    for (const Requirement& r : p.requirements) {
        const auto it = levels.find(r.skill_id);
        const int a = it == levels.end() ? 0 : it->second;
        if (r.must_have && a < r.level) return std::nullopt;
        cov_num += static_cast<std::uint64_t>(r.weight * std::min(a, r.level));
        cov_den += static_cast<std::uint64_t>(r.weight * r.level);
        rel_num += static_cast<std::uint64_t>(std::min(a, r.level));
    }
    const double coverage = double(cov_num) / double(cov_den);
    if (rel_den == 0) return ReferenceScore{0, 1, coverage};
    return ReferenceScore{cov_num * rel_num, cov_den * rel_den, coverage};
}

struct RankedPair {
    std::string id;  // the other side's id
    ReferenceScore score;
};

inline void rank_best_first(std::vector<RankedPair>& list) {
    std::sort(list.begin(), list.end(), [](const RankedPair& a, const RankedPair& b) {
        // Numerators and denominators stay below 2^28 (models/limits.hpp): no overflow.
        const std::uint64_t l = a.score.num * b.score.den;
        const std::uint64_t r = b.score.num * a.score.den;
        if (l != r) return l > r;
        return a.id < b.id;
    });
}

}  // namespace talentmatch::testing
