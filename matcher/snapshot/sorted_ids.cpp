#include <algorithm>

#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

SortedIds::SortedIds(std::vector<std::string> sorted_unique) : ids_(std::move(sorted_unique)) {}

std::optional<Index> SortedIds::find(std::string_view id) const {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id,
                               [](const std::string& a, std::string_view b) { return a < b; });
    if (it == ids_.end() || *it != id) return std::nullopt;
    return Index(it - ids_.begin());
}

}  // namespace talentmatch::matcher
