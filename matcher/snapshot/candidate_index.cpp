// build_candidate_index (snapshot_staging.hpp): the tiles, postings and
// per-tile bounds of candidate_index.hpp, from a CandidateSet's rows. The
// order is a total order, tiles are laid out and bounded in parallel and
// postings scattered in tile order, so the index does not depend on the
// thread count.
#include <algorithm>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include "matcher/snapshot/snapshot.hpp"
#include "matcher/snapshot/snapshot_staging.hpp"

namespace talentmatch::matcher::staging {
namespace {

// The group a tile keeps to: a graduate's program (a program teaches one
// profile), a program's cluster (programs have no program of their own).
Index tile_group(const CandidateSet& set, Index c) {
    return set.cluster[c] != kNone ? set.cluster[c] : set.program[c];
}

// The tile order: a group's candidates together, within it the highest level
// sum first, so the candidates a job's top k come from share tiles with each
// other rather than with the weakest; then by index, so the order is total.
bool tile_order_before(const CandidateSet& set, Index a, Index b) {
    const Index group_a = tile_group(set, a), group_b = tile_group(set, b);
    if (group_a != group_b) return group_a < group_b;
    if (set.level_sum[a] != set.level_sum[b]) return set.level_sum[a] > set.level_sum[b];
    return a < b;
}

// The candidates in tile order, cut into tiles of kBlockSize that never
// span two groups, so a patch that changes one group's candidates leaves
// every other group's tiles as they were. With `previous` (see
// build_candidate_index), its order minus the changed candidates is merged
// with the changed ones instead of sorting everything again: the kept
// candidates' keys are as before (a graduate patch changes no program, and
// their indices shift in order), so their previous order is still sorted.
Csr<Index> tile_members(const CandidateSet& set, const CandidateIndex* previous,
                        std::span<const Index> from_old) {
    const auto before = [&set](Index a, Index b) { return tile_order_before(set, a, b); };
    Csr<Index> out;
    if (previous == nullptr) {
        out.items.resize(set.size());
        std::iota(out.items.begin(), out.items.end(), Index{0});
        tbb::parallel_sort(out.items.begin(), out.items.end(), before);
    } else {
        std::vector<Index> new_of_old(previous->tile_members.items.size(), kNone);
        std::vector<Index> fresh;
        for (Index c = 0; c < set.size(); ++c) {
            if (from_old[c] == kNone) {
                fresh.push_back(c);
            } else {
                new_of_old[from_old[c]] = c;
            }
        }
        std::sort(fresh.begin(), fresh.end(), before);
        std::vector<Index> kept;
        kept.reserve(set.size());
        for (const Index old : previous->tile_members.items) {
            if (new_of_old[old] != kNone) kept.push_back(new_of_old[old]);
        }
        out.items.resize(set.size());
        std::merge(kept.begin(), kept.end(), fresh.begin(), fresh.end(), out.items.begin(), before);
    }
    for (std::size_t p = 0, first = 0; p < out.items.size(); ++p) {
        const bool last = p + 1 == out.items.size() || p + 1 - first == kBlockSize ||
                          tile_group(set, out.items[p + 1]) != tile_group(set, out.items[p]);
        if (last) {
            out.offsets.push_back(std::uint32_t(p + 1));
            first = p + 1;
        }
    }
    return out;
}

}  // namespace

CandidateIndex build_candidate_index(const CandidateSet& set, const CandidateIndex* previous,
                                     std::span<const Index> from_old) {
    if (previous != nullptr && !previous->built()) previous = nullptr;
    CandidateIndex out;
    out.tile_members = tile_members(set, previous, from_old);
    out.tiles =
        previous == nullptr
            ? lay_out_blocks(set, out.tile_members)
            : lay_out_blocks(set, out.tile_members, &previous->tiles,
                             unchanged_blocks(out.tile_members, previous->tile_members, from_old));
    const BlockLayout& tiles = out.tiles;
    const std::size_t blocks = tiles.blocks();
    // Each tile's first row in one numbering of all the tiles' rows; the
    // rows per skill (counted at skill + 1, summed into offsets below).
    std::vector<std::size_t> first_row(blocks + 1, 0);
    for (std::size_t t = 0; t < blocks; ++t) {
        const std::span<const Index> skills = tiles.block(t).skills;
        first_row[t + 1] = first_row[t] + skills.size();
        for (const Index s : skills) {
            if (s + 2 > out.skill_offsets.size()) out.skill_offsets.resize(s + 2, 0);
            ++out.skill_offsets[s + 1];
        }
    }
    if (out.skill_offsets.empty()) out.skill_offsets.assign(1, 0);
    const std::size_t rows = first_row[blocks];
    out.block_min_level_sum.assign(blocks, 0);
    out.block_max_education.assign(blocks, 0);
    std::vector<std::uint8_t> row_max(rows, 0);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 256), [&](const auto& range) {
        for (std::size_t t = range.begin(); t != range.end(); ++t) {
            const BlockLayout::Block tile = tiles.block(t);
            for (std::size_t r = 0; r < tile.rows(); ++r) {
                const std::uint8_t* levels = tile.levels_of(r);
                std::uint8_t m = 0;
                for (std::size_t l = 0; l < kBlockSize; ++l) m = std::max(m, levels[l]);
                row_max[first_row[t] + r] = m;
            }
            std::uint32_t min_sum = 0xFFFF'FFFFu;
            std::uint8_t max_edu = 0;
            for (const Index c : out.members_of(t)) {
                min_sum = std::min(min_sum, set.level_sum[c]);
                max_edu = std::max(max_edu, set.education[c]);
            }
            out.block_min_level_sum[t] = min_sum;
            out.block_max_education[t] = max_edu;
        }
    });
    std::partial_sum(out.skill_offsets.begin(), out.skill_offsets.end(), out.skill_offsets.begin());
    out.postings.resize(rows);
    std::vector<std::uint32_t> fill(out.skill_offsets.begin(), out.skill_offsets.end() - 1);
    for (std::size_t t = 0; t < blocks; ++t) {
        const std::span<const Index> skills = tiles.block(t).skills;
        for (std::size_t r = 0; r < skills.size(); ++r) {
            out.postings[fill[skills[r]]++] =
                std::uint32_t(t) << CandidateIndex::kLevelBits | row_max[first_row[t] + r];
        }
    }
    return out;
}

}  // namespace talentmatch::matcher::staging
