#pragma once
// The small-group suppression rule (supply_demand.hpp, viewer role), stated
// once for both places that apply it: the live report (matcher/supply_demand)
// and a stored batch report served to a viewer (api/handlers_batch). With a
// threshold N > 1:
//  - a group whose seeking graduates number fewer than N is suppressed;
//  - a skill row is suppressed when it reveals a graduate cell of 1..N-1: the
//    counts at exactly level L below the top required level (differences of
//    the cumulative supply) and the cumulative supply at the top level.
// N of 0 or 1 suppresses nothing.
#include <cstddef>
#include <cstdint>
#include <span>

namespace talentmatch::matcher {

// Whether a group with `seeking` graduates is suppressed at threshold n.
inline bool group_suppressed(std::uint64_t seeking, std::uint64_t n) {
    return n > 1 && seeking < n;
}

// Whether a skill row reveals a small cell. at_least[i] is the number of
// seeking graduates with level >= i + 1, for the levels 1..top the row lists
// (non-increasing).
inline bool row_reveals_small_cell(std::span<const std::uint64_t> at_least, std::uint64_t n) {
    for (std::size_t i = 0; i < at_least.size(); ++i) {
        const std::uint64_t cell = at_least[i] - (i + 1 < at_least.size() ? at_least[i + 1] : 0);
        if (n > 1 && cell > 0 && cell < n) return true;
    }
    return false;
}

}  // namespace talentmatch::matcher
