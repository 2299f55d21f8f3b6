#pragma once
// A market segment: the jobs a report speaks of, chosen by optional cluster,
// district and employer filters (all set filters must match) and, when
// `as_of` is set, only the jobs still valid on that date (validity.hpp: the
// API passes today; the batch's snapshot already holds only valid jobs).
// Shared by program alignment and supply–demand so both read "segment" the
// same way.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "matcher/snapshot/snapshot.hpp"
#include "matcher/snapshot/validity.hpp"

namespace talentmatch::matcher {

struct SegmentFilter {
    std::optional<std::string> cluster;
    std::optional<std::string> district;
    std::optional<std::string> employer;  // employer id
    std::optional<std::string> as_of;     // "YYYY-MM-DD"
    bool operator==(const SegmentFilter&) const = default;
};

// A filter resolved against one snapshot: dense indices, kAny when not set.
struct ResolvedSegment {
    static constexpr Index kAny = kNone;
    Index cluster = kAny;                                           // cluster dictionary index
    Index district = kAny;                                          // district dictionary index
    Index employer = kAny;                                          // employer index
    std::int32_t as_of = std::numeric_limits<std::int32_t>::min();  // date key; min = any date
    bool contains_job(const Snapshot& snapshot, Index job) const {
        const JobSet& jobs = snapshot.jobs;
        return (cluster == kAny || jobs.cluster[job] == cluster) &&
               (district == kAny || jobs.district[job] == district) &&
               (employer == kAny || jobs.employer[job] == employer) &&
               valid_on(jobs.valid_until_key[job], as_of);
    }
};

// Throws ValidationError ("<path>.cluster" ...) for an empty filter value or
// an `as_of` that is not a date, and
// NotFoundError("cluster" | "district" | "employer", value) for a value the
// snapshot does not know (a cluster or district is known when any entity names it). `path` prefixes
// field names in errors, e.g. "segment".
ResolvedSegment resolve_segment(const Snapshot& snapshot, const SegmentFilter& filter,
                                const std::string& path);

}  // namespace talentmatch::matcher
