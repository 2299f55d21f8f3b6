#include "matcher/kernels/candidate_subset.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "matcher/snapshot/snapshot_staging.hpp"

namespace talentmatch::matcher {
namespace {

template <typename T>
Csr<T> pick_rows(const Csr<T>& from, std::span<const Index> order) {
    Csr<T> out;
    out.offsets.reserve(order.size() + 1);
    for (Index c : order) {
        const auto row = from.row(c);
        out.items.insert(out.items.end(), row.begin(), row.end());
        out.offsets.push_back(std::uint32_t(out.items.size()));
    }
    return out;
}

}  // namespace

CandidateSet pack_candidates(const CandidateSet& from, std::span<const Index> order) {
    CandidateSet out;
    std::vector<std::string> ids;
    ids.reserve(order.size());
    char buffer[24];
    for (std::size_t i = 0; i < order.size(); ++i) {
        std::snprintf(buffer, sizeof buffer, "%010zu", i);
        ids.emplace_back(buffer);
    }
    out.ids = SortedIds(std::move(ids));
    for (Index c : order) out.skills.append_row(from.skills.row(c));
    out.certificates = pick_rows(from.certificates, order);
    out.preferred_districts = pick_rows(from.preferred_districts, order);
    out.preferred_clusters = pick_rows(from.preferred_clusters, order);
    out.level_sum.reserve(order.size());
    out.education.reserve(order.size());
    for (Index c : order) {
        out.level_sum.push_back(from.level_sum[c]);
        out.education.push_back(from.education[c]);
    }
    out.blocks = staging::lay_out_blocks(out, staging::id_order_blocks(out.size()));
    return out;
}

}  // namespace talentmatch::matcher
