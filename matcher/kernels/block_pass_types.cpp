#include "matcher/kernels/block_pass_types.hpp"

#include <algorithm>

namespace talentmatch::matcher::detail {

std::uint32_t PassInput::lane_mask(std::size_t block) const {
    const Index first = Index(block * kBlockSize);
    std::uint32_t mask = 0;
    for (unsigned l = 0; l < kBlockSize; ++l) {
        const Index c = first + l;
        if (c < range_begin || c >= range_end) continue;
        if (!candidate_ok.empty() && !candidate_ok[c]) continue;
        if (!row_of.empty() && row_of[c - range_begin] == kNone) continue;
        mask |= 1u << l;
    }
    return mask;
}

void JobCollector::reset(std::size_t positions, std::size_t k_candidates,
                         std::span<const float> start_floor) {
    k = k_candidates;
    slots.assign(positions * k, HeapEntry{});
    counts.assign(k == 0 ? 0 : positions, 0);
    if (k != 0 && !start_floor.empty()) {
        floor.assign(start_floor.begin(), start_floor.end());
        return;
    }
    floor.assign(positions, k == 0 ? std::numeric_limits<float>::infinity()
                                   : -std::numeric_limits<float>::infinity());
}

void JobCollector::reset_for_floors(std::span<const ExactScore> pair_floor) {
    reset(pair_floor.size(), 0);
    for (std::size_t p = 0; p < pair_floor.size(); ++p) {
        floor[p] = pair_floor[p].num == 0 ? -std::numeric_limits<float>::infinity()
                                          : float(to_double(pair_floor[p]) - kPruneMargin);
    }
}

void BlockScratch::prepare(const Snapshot& snapshot) {
    row_ptr.assign(snapshot.skills.size(), zero_row);
    cert_mask.assign(snapshot.certificates.size(), 0);
    district_mask.assign(snapshot.districts.size(), 0);
    cluster_mask.assign(snapshot.clusters.size(), 0);
    tile_acc.resize(kJobTile * kBlockSize);  // new elements are zero, old ones stayed zero
    tile_reaching.resize(kJobTile);
    reached_sums.resize(kJobTile * kBlockSize);
}

void BlockScratch::load_block(const CandidateSet& cs, std::size_t block, std::uint32_t lanes) {
    const BlockLayout::Block rows = cs.blocks.block(block);
    for (std::size_t r = 0; r < rows.rows(); ++r) row_ptr[rows.skills[r]] = rows.levels_of(r);
    std::fill(std::begin(edu_at_least), std::end(edu_at_least), 0u);
    const Index first = Index(block * kBlockSize);
    for (unsigned l = 0; l < kBlockSize; ++l) {
        if (!((lanes >> l) & 1u)) continue;
        const Index c = first + l;
        const std::uint32_t bit = 1u << l;
        for (unsigned e = 0; e <= cs.education[c] && e < 8; ++e) edu_at_least[e] |= bit;
        for (Index x : cs.certificates.row(c)) cert_mask[x] |= bit;
        for (Index x : cs.preferred_districts.row(c)) district_mask[x] |= bit;
        for (Index x : cs.preferred_clusters.row(c)) cluster_mask[x] |= bit;
    }
}

void BlockScratch::unload_block(const CandidateSet& cs, std::size_t block) {
    for (const Index skill : cs.blocks.block(block).skills) row_ptr[skill] = zero_row;
    const Index first = Index(block * kBlockSize);
    const Index last = Index(std::min(cs.size(), std::size_t(first) + kBlockSize));
    for (Index c = first; c < last; ++c) {
        for (Index x : cs.certificates.row(c)) cert_mask[x] = 0;
        for (Index x : cs.preferred_districts.row(c)) district_mask[x] = 0;
        for (Index x : cs.preferred_clusters.row(c)) cluster_mask[x] = 0;
    }
}

}  // namespace talentmatch::matcher::detail
