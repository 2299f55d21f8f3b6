#pragma once
// For tests: SPEC's score of a supply profile (a teacher's expertise, a
// research result's profile) against a demand profile (an enterprise
// project's, an innovation demand's requirements), written plainly from the
// formula and the eligibility rules, independent of the matcher (a program's
// curriculum against an occupational standard likewise):
//   coverage = Σ w·min(a,r) / Σ w·r,  relevance = Σ min(a,r) / Σ a,  fit = product;
//   not eligible when a must-have is not met or the demand ended before today
//   (a project's end_date, a demand's valid_until).
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

inline std::optional<ReferenceScore> reference_score(const std::vector<SkillLevel>& profile,
                                                     const std::vector<Requirement>& requirements,
                                                     const std::string& ends,
                                                     const std::string& today) {
    if (!ends.empty() && ends < today) return std::nullopt;
    std::map<std::string, int> levels;
    std::uint64_t cov_num = 0, cov_den = 0, rel_num = 0, rel_den = 0;
    for (const SkillLevel& s : profile) {
        levels[s.skill_id] = s.level;
        rel_den += static_cast<std::uint64_t>(s.level);
    }
    for (const Requirement& r : requirements) {
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

inline std::optional<ReferenceScore> reference_score(const Teacher& t, const Project& p,
                                                     const std::string& today) {
    return reference_score(t.expertise, p.requirements, p.end_date, today);
}

inline std::optional<ReferenceScore> reference_score(const ResearchResult& r,
                                                     const InnovationDemand& d,
                                                     const std::string& today) {
    return reference_score(r.profile, d.requirements, d.valid_until, today);
}

inline std::optional<ReferenceScore> reference_score(const Program& p,
                                                     const OccupationalStandard& s,
                                                     const std::string& today) {
    return reference_score(p.curriculum, s.requirements, "", today);
}

// A training program against a job: its skills (credited by the caller:
// credited_profile_reference.hpp) against the job's requirements; every
// certificate the job requires is one it prepares for; the job's minimum
// education is not applied (it is the trainees').
inline std::optional<ReferenceScore> reference_score(const TrainingProgram& t, const Job& j,
                                                     const std::string& today) {
    for (const std::string& c : j.required_certificates) {
        if (std::find(t.certificates.begin(), t.certificates.end(), c) == t.certificates.end())
            return std::nullopt;
    }
    return reference_score(t.skills, j.requirements, j.valid_until, today);
}

// Is a supply offered on a demand's list (a teacher available for practice, a
// result open to transfer, a training program taking trainees)? A program
// always is.
template <class Supply>
bool offered(const Supply& v) {
    if constexpr (requires { v.available; }) {
        return v.available;
    } else if constexpr (requires { v.capacity; }) {
        return v.capacity > 0;
    } else {
        return true;
    }
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
