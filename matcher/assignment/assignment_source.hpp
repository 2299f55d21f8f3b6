#pragma once
// The engine as a PreferenceSource (lazy_assignment.hpp): graduate g's list
// is every job eligible for g (match_query.hpp's gates, and the snapshot's
// jobs only) with coverage >= min_coverage, ranked by the exact ranking score
// (fit + bonus, score_config.hpp) descending, ties by job index.
//
// A fetch returns the rest of each graduate's list, pruned by the floors it
// is given: jobs ranked after its cursor whose pair scores at least
// floor[job] (jobs_above_floor.hpp; exact). Floors never decrease in
// deferred acceptance, so a pruned job would be rejected whenever proposed
// to. A graduate's first fetch returns the best few such jobs; its second
// the COMPLETE rest, so it is fetched at most twice. The
// requested graduates are packed into blocks of their own by their cursor's
// score, and each band of blocks is scored only against the jobs whose floor
// that score can reach. At most `max_requests` graduates per fetch (memory is
// the pairs of one fetch; later fetches see higher floors). With known job
// lists, jobs settled by their row are left out of the pass and their pairs
// with the requested graduates taken from the rows.
//
// Thread-safety: fetch runs the engine on options.threads; one caller at a time.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/assignment/lazy_assignment.hpp"
#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/jobs_above_floor.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

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

// Each job's best seeking graduates, as the batch's top-k pass found them:
// rows per job index, best first, at most k long (a shorter row holds every
// eligible seeking graduate). A job whose k-th pair ranks below its floor is
// settled by its row alone: no graduate outside the row can enter it.
struct KnownJobLists {
    const TopKLists* rows = nullptr;
    std::size_t k = 0;
};

class EngineJobSource final : public PreferenceSource {
  public:
    // Small fetches raise the floors between them (measured on the province
    // shape: bench/assignment_bench.sh); 64+ blocks keep the pass tiled.
    static constexpr std::size_t kDefaultMaxRequests = std::size_t{1} << 12;
    EngineJobSource(const Snapshot& snapshot, const ScoreConfig& config, ExecutionOptions options,
                    double min_coverage, std::size_t max_requests = kDefaultMaxRequests,
                    KnownJobLists known = {});
    std::vector<PreferenceChunk> fetch(std::span<const FetchRequest> requests,
                                       std::span<const ExactScore> floor) override;
    std::size_t max_requests() const override { return max_requests_; }

  private:
    // What a fetch prunes with, from the floors it is given.
    struct Pruning {
        detail::ResolvedFilter filter;
        std::vector<std::uint16_t> cov_by_job;  // coverage minimum per job
        std::vector<std::uint8_t> settled;      // per job: its known row holds every entrant
    };
    // Fills out[i] for i in `which`: at most `at_most` jobs each (0: all).
    void fetch_some(std::span<const FetchRequest> requests, std::span<const std::size_t> which,
                    std::span<const ExactScore> floor, const Pruning& pruning, std::size_t at_most,
                    std::vector<PreferenceChunk>& out);

    const Snapshot& snapshot_;
    ScoreConfig config_;
    ExecutionOptions options_;
    MatchFilter filter_;
    std::size_t max_requests_;
    KnownJobLists known_;
    // From known_: per graduate, its pairs in the job rows (job, score).
    Csr<AssignmentCandidate> known_of_graduate_;
    std::vector<std::uint8_t> fetched_;  // per graduate: fetched before
    FloorPassMemory pass_memory_;        // reused by every fetch's passes
    // Blocks per band: fewer bands pay the pass's fixed costs less often,
    // more follow the caps more closely.
    static constexpr std::size_t kBandBlocks = 256;
    // A first fetch lists a graduate's best few jobs: most are placed among
    // them, and a bounded row prunes the pass as it fills.
    static constexpr std::size_t kFirstFetchJobs = 16;
};

}  // namespace talentmatch::matcher
