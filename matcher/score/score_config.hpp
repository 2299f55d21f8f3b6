#pragma once
// The ranking score of SPEC.md "Match semantics", kept EXACT.
//
//   coverage  = cov_num / cov_den   cov_num = Σ w·min(a,r),  cov_den = Σ w·r   (per job)
//   relevance = rel_num / rel_den   rel_num = Σ min(a,r),    rel_den = Σ_s a_s (per candidate)
//   fit       = coverage · relevance = (cov_num·rel_num) / (cov_den·rel_den)
//   score     = fit + bonus / kBonusScale
//
// Every quantity is an integer sum of small integers, so a PairScore is exact
// and identical whatever the kernel, thread count or summation order. Scores
// are compared by cross-multiplication in 128-bit integers (compare_scores);
// doubles exist for display only and never decide an order.
//
// Bounds (models/limits.hpp: <= 1000 requirements, weights <= 10, levels <= 5):
// cov_num, cov_den <= 50,000; rel_num, rel_den <= 5,000 (a candidate has at
// most 1000 skills); so fit_num, fit_den < 2^28 and a cross product < 2^63.
#include <cstdint>

namespace talentmatch::matcher {

// Preference bonuses are integers in units of 1/kBonusScale of fit.
inline constexpr std::int64_t kBonusScale = 10'000;

// Configurable preference terms (SPEC: "small, documented, configurable").
// A pair earns `district_bonus` when the job's district is one of the
// graduate's preferred districts, and `cluster_bonus` when the job's cluster
// is one of the graduate's preferred clusters; both add up. Programs have no
// preferences, so program pairs never earn a bonus. The bonus applies to every
// eligible pair, including pairs with fit 0 (the rule itself:
// preference_bonus.hpp). Defaults: 0.02 each (200 units),
// small enough that a bonus only reorders jobs whose fit is within 0.04.
struct ScoreConfig {
    std::int32_t district_bonus = 200;  // units of 1/kBonusScale, 0..kBonusScale
    std::int32_t cluster_bonus = 200;   // units of 1/kBonusScale, 0..kBonusScale

    std::int32_t max_bonus() const { return district_bonus + cluster_bonus; }
    bool operator==(const ScoreConfig&) const = default;
};

// Throws ValidationError naming the field ("district_bonus", "cluster_bonus")
// when a bonus is outside 0..kBonusScale.
void validate(const ScoreConfig& config);

// The exact score of one (candidate, job) pair. An ineligible pair never gets
// a PairScore. A candidate with no skills (rel_den == 0) has fit 0.
struct PairScore {
    std::uint32_t cov_num = 0;
    std::uint32_t cov_den = 1;  // Σ w·r of the job, >= 1
    std::uint32_t rel_num = 0;
    std::uint32_t rel_den = 0;  // Σ a of the candidate; 0 means "no skills": fit 0
    std::int32_t bonus = 0;     // units of 1/kBonusScale

    std::uint64_t fit_num() const { return rel_den == 0 ? 0 : std::uint64_t{cov_num} * rel_num; }
    std::uint64_t fit_den() const { return rel_den == 0 ? 1 : std::uint64_t{cov_den} * rel_den; }
    // For display only.
    double coverage() const { return double(cov_num) / double(cov_den); }
    double relevance() const { return rel_den == 0 ? 0.0 : double(rel_num) / double(rel_den); }
    double fit() const { return double(fit_num()) / double(fit_den()); }
    double score() const { return fit() + double(bonus) / double(kBonusScale); }
    // The ranking score fit + bonus as one exact rational ranking_num / ranking_den
    // (both < 2^43), for callers that keep scores as num/den pairs.
    std::uint64_t ranking_num() const {
        return fit_num() * kBonusScale + std::uint64_t(bonus) * fit_den();
    }
    std::uint64_t ranking_den() const { return fit_den() * kBonusScale; }

    bool operator==(const PairScore&) const = default;
};

// Exact three-way compare of the ranking scores (fit + bonus): <0, 0, >0.
int compare_scores(const PairScore& a, const PairScore& b);

// Exact: coverage >= basis_points / 10,000.
inline bool coverage_at_least(const PairScore& s, std::uint32_t basis_points) {
    return std::uint64_t{s.cov_num} * 10'000 >= std::uint64_t{basis_points} * s.cov_den;
}

// The same rule as a minimum numerator for a job with coverage denominator
// cov_den: coverage_at_least(s, bp) <=> s.cov_num >= min_cov_num(cov_den, bp).
inline std::uint64_t min_cov_num(std::uint32_t cov_den, std::uint32_t basis_points) {
    return (std::uint64_t{basis_points} * cov_den + 9'999) / 10'000;
}

}  // namespace talentmatch::matcher
