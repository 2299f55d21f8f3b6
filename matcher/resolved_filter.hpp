#pragma once
// A MatchFilter checked against a snapshot and turned into per-entity flags,
// so the kernels test a byte instead of strings.
#include <cstdint>
#include <vector>

#include "matcher/batch_top_k.hpp"
#include "matcher/match_query.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::matcher::detail {

struct ResolvedFilter {
    std::vector<std::uint8_t> job_ok;        // per job: 1 = passes; EMPTY = every job passes
    std::vector<std::uint8_t> candidate_ok;  // per candidate: 1 = passes; EMPTY = all pass
    std::uint32_t min_coverage_bp = 0;       // coverage >= bp / 10,000
};

// Throws ValidationError naming "filter.<field>[i]" for an unknown id and
// "filter.min_coverage" outside [0, 1] (or NaN).
ResolvedFilter resolve_filter(const Snapshot& snapshot, CandidateKind kind,
                              const MatchFilter& filter);

}  // namespace talentmatch::matcher::detail
