#pragma once
// The engine as a PreferenceSource (lazy_assignment.hpp): graduate g's list
// is every job eligible for g (match_query.hpp's gates, and the snapshot's
// jobs only) with coverage >= min_coverage, ranked by the exact ranking score
// (fit + bonus, score_config.hpp) descending, ties by job index.
//
// A fetch re-queries the engine (top_jobs_by_index, batch-first, rows in
// groups of at most `max_entries` heap slots) for the top m = proposed +
// max(chunk, proposed) jobs of each graduate and keeps those ranked after
// its cursor: every job ranked at or before the cursor was proposed to, so
// at least min(chunk, what is left) new jobs come back, and a row shorter
// than m means the list is complete. Pruning: jobs a pair cannot enter are
// left out through per-job coverage minimums (coverage_floor below).
//
// Thread-safety: fetch runs the engine on options.threads; one caller at a time.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/lazy_assignment.hpp"
#include "matcher/match_query.hpp"
#include "matcher/score_config.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::matcher {

// The pair's ranking score as the assignment's exact rational.
inline ExactScore exact_ranking(const PairScore& score) {
    return {score.ranking_num(), score.ranking_den()};
}

// Per job: the smallest cov_num a pair with job j needs to score >= floor[j]
// at all, using score = coverage x relevance + bonus <= coverage + max_bonus
// (relevance <= 1); 0 when the floor is 0, 65535 (above every cov_num) when
// nothing can reach it. A pair below it scores strictly below floor[j].
std::vector<std::uint16_t> coverage_floor(const Snapshot& snapshot,
                                          std::span<const ExactScore> floor,
                                          std::int32_t max_bonus);

class EngineJobSource final : public PreferenceSource {
  public:
    EngineJobSource(const Snapshot& snapshot, const ScoreConfig& config, ExecutionOptions options,
                    double min_coverage, std::size_t chunk,
                    std::size_t max_entries = std::size_t{1} << 21);
    std::vector<PreferenceChunk> fetch(std::span<const FetchRequest> requests,
                                       std::span<const ExactScore> floor) override;

  private:
    const Snapshot& snapshot_;
    ScoreConfig config_;
    ExecutionOptions options_;
    MatchFilter filter_;
    std::size_t chunk_;
    std::size_t max_entries_;
};

}  // namespace talentmatch::matcher
