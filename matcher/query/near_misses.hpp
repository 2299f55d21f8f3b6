#pragma once
// Near misses of one graduate (SPEC "Eligibility": a graduate-facing list may
// also show near misses, marked ineligible with the failed gate and the gap,
// ranked by a documented rule).
//
// A near miss is a job, valid on the query's date, that the graduate is NOT
// eligible for only because of must-have skills: every required certificate
// is held and the minimum education is met, and at least one must-have is
// below its level. It is within reach by learning alone. Its gap is
// Σ (r − a) over the must-haves not met (levels to learn before it opens).
//
// The rule, stated once here: fewest levels to learn first (gap ascending),
// then the coverage the graduate has now, descending (compared exactly as
// the fractions covered / total, total = Σ w·r), then job id ascending. The
// first `k` are returned. Jobs needing more than `max_gap` levels are left
// out (0: no limit).
//
// Exact integer arithmetic, deterministic; one pass over the jobs (O(total
// requirements)). Reads the Snapshot only; thread-safe.
// Errors: NotFoundError("graduate", id) for an unknown graduate;
// ValidationError("as_of") when `as_of` is not a date.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

struct NearMiss {
    Index job = 0;
    std::uint32_t gap = 0;                // Σ (r − a) over the must-haves not met
    std::uint32_t failed_must_haves = 0;  // how many must-haves are not met
    std::uint32_t covered = 0;            // Σ w·min(a, r)
    std::uint32_t total = 0;              // Σ w·r (coverage = covered / total)
    bool operator==(const NearMiss&) const = default;
};

struct NearMissQuery {
    std::string graduate_id;
    std::string as_of;  // "YYYY-MM-DD"; "" = every job valid
    std::size_t k = 10;
    std::uint32_t max_gap = 0;  // 0: no limit
};

std::vector<NearMiss> near_misses(const Snapshot& snapshot, const NearMissQuery& query);

// Whether `a` ranks before `b` by the rule above (a total order on jobs).
bool near_miss_before(const Snapshot& snapshot, const NearMiss& a, const NearMiss& b);

}  // namespace talentmatch::matcher
