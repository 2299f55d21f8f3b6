#pragma once
// The preference bonus of SPEC.md "Match semantics", stated once for every
// path (the single-candidate regimes, the few-jobs regime, the block pass and
// the explanation): a pair earns `district_bonus` when the job's district is
// one of the candidate's preferred districts and `cluster_bonus` when the
// job's cluster is one of its preferred clusters; both add up. Programs have
// no preferences (empty rows), so they never earn a bonus.
//
// The exact bonus (an integer in units of 1/kBonusScale) always comes from
// preference_bonus. The float pruning tests of the kernels take the same
// constants as fractions of fit from bonus_as_fit; they only prune, never
// decide a score.
#include <algorithm>
#include <cstdint>
#include <span>

#include "matcher/score/score_config.hpp"

namespace talentmatch::matcher {

// The bonus of a pair, given whether the job's district and cluster are
// among the candidate's preferences.
inline std::int32_t preference_bonus(const ScoreConfig& config, bool district_preferred,
                                     bool cluster_preferred) {
    return (district_preferred ? config.district_bonus : 0) +
           (cluster_preferred ? config.cluster_bonus : 0);
}

// The same from the candidate's sorted preference lists (dictionary indices)
// and the job's district and cluster indices.
inline std::int32_t preference_bonus(const ScoreConfig& config,
                                     std::span<const std::uint32_t> districts,
                                     std::span<const std::uint32_t> clusters,
                                     std::uint32_t district, std::uint32_t cluster) {
    return preference_bonus(config,
                            std::binary_search(districts.begin(), districts.end(), district),
                            std::binary_search(clusters.begin(), clusters.end(), cluster));
}

// A bonus (or a bound on bonuses, ScoreConfig::max_bonus) as a fraction of
// fit, in the float type of a pruning test.
template <typename Float>
Float bonus_as_fit(std::int32_t units) {
    return Float(units) / Float(kBonusScale);
}

}  // namespace talentmatch::matcher
