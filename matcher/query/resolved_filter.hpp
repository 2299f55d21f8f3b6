#pragma once
// A MatchFilter checked against a snapshot and turned into per-entity flags,
// so the kernels test a byte instead of strings.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// The flags are views: of the snapshot's own arrays (valid jobs of the day,
// seeking graduates) or of arrays held by `held`, so a copy or move of the
// filter keeps them valid; they must not outlive the snapshot.
struct ResolvedFilter {
    std::span<const std::uint8_t> job_ok;        // per job: 1 = passes; EMPTY = every job passes
    std::span<const std::uint8_t> candidate_ok;  // per candidate: 1 = passes; EMPTY = all pass
    // Per candidate: 1 = may appear in a job's candidate list (seeking, or
    // include_not_seeking); EMPTY = all. Applies on top of candidate_ok, and
    // only to the candidates-for-jobs direction.
    std::span<const std::uint8_t> candidate_listed;
    std::uint32_t min_coverage_bp = 0;  // coverage >= bp / 10,000
    std::vector<std::shared_ptr<const std::vector<std::uint8_t>>> held;

    // Points `view` at `flags`, which the filter then holds.
    void hold(std::span<const std::uint8_t>& view, std::vector<std::uint8_t> flags);
};

// Throws ValidationError naming "filter.<field>[i]" for an unknown id and
// "filter.min_coverage" outside [0, 1] (or NaN), "filter.as_of" when not a date.
ResolvedFilter resolve_filter(const Snapshot& snapshot, CandidateKind kind,
                              const MatchFilter& filter);

}  // namespace talentmatch::matcher::detail
