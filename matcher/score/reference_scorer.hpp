#pragma once
// The oracle: SPEC.md "Match semantics" written straight from the formula on
// the domain entities (string ids, maps), independent of the snapshot layout
// and the kernels. Slow on purpose; tests and benchmarks compare every fast
// path against it.
#include <optional>

#include "matcher/score/score_config.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

// The exact score of graduate g for job j, or nullopt when the pair is not
// eligible (a must-have below its level, a required certificate missing, or
// education below the job's minimum). Bonus per ScoreConfig.
std::optional<PairScore> reference_score(const Graduate& g, const Job& j,
                                         const ScoreConfig& config);

// A program as the candidate: curriculum levels, its education level and the
// certificates it prepares for; no preferences, so no bonus.
std::optional<PairScore> reference_score(const Program& p, const Job& j, const ScoreConfig& config);

}  // namespace talentmatch::matcher
