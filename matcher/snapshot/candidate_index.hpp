#pragma once
// The candidate-side index of "top-k candidates for a job"
// (indexed_candidates_query.hpp): the candidates regrouped into tiles of
// similar candidates (kBlockSize each, in the block layout of
// block_layout.hpp), per skill the tiles holding it with the highest level
// any candidate of the tile has, and per tile the smallest level sum and the
// highest education. These bound every candidate of a tile (its score and
// its gates), so a query scores only the tiles whose bound can still reach
// its k-th best, starting from the best bounds.
//
// The bounds are as tight as tiles are homogeneous, so tiles do not follow
// id order (an import's numbering says nothing of who is alike): a tile holds
// candidates of one program (graduates) or one cluster (programs), the
// highest level sum first (candidate_index.cpp), so a graduate patch leaves
// other programs' tiles as they were. Answers never depend on the order
// (results carry candidate indices, whose order is id order); only the share
// of tiles scored does.
//
// Layout (read-only after build):
//  - tile_members.row(t): the candidates of tile t, lane by lane (1 to
//    kBlockSize of them);
//  - tiles: their levels, skill-major (a copy of the candidates' rows in
//    tile order, so a tile's rows are contiguous);
//  - block_min_level_sum[t], block_max_education[t];
//  - per skill s < skill_offsets.size() - 1, the tiles holding it, ascending,
//    as words tile << kLevelBits | max level (1..5):
//    postings[skill_offsets[s] .. skill_offsets[s + 1]).
// Memory: the tiles (about as much as CandidateSet::blocks), 4 bytes per
// candidate, 4 bytes per tile row + 9 bytes per tile.
//
// Kept apart from snapshot.hpp so the CandidateSet can hold one; built by
// build_candidate_index (snapshot_staging.hpp) with the block layout (full
// build and graduate patches).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/snapshot/block_layout.hpp"

namespace talentmatch::matcher {

struct CandidateIndex {
    static constexpr unsigned kLevelBits = 3;
    static constexpr std::uint32_t kLevelMask = (1u << kLevelBits) - 1;

    Csr<Index> tile_members;
    BlockLayout tiles;
    std::vector<std::uint32_t> block_min_level_sum;
    std::vector<std::uint8_t> block_max_education;
    std::vector<std::uint32_t> skill_offsets;
    std::vector<std::uint32_t> postings;

    std::size_t blocks() const { return block_min_level_sum.size(); }
    std::span<const Index> members_of(std::size_t t) const { return tile_members.row(t); }
    // True once built (a set of zero candidates has zero blocks and is built).
    bool built() const { return !skill_offsets.empty(); }
    std::span<const std::uint32_t> postings_of(std::size_t skill) const {
        if (skill + 1 >= skill_offsets.size()) return {};
        return {postings.data() + skill_offsets[skill], postings.data() + skill_offsets[skill + 1]};
    }
    std::size_t memory_bytes() const {
        return (tile_members.offsets.capacity() + tile_members.items.capacity() +
                block_min_level_sum.capacity() + skill_offsets.capacity() + postings.capacity()) *
                   sizeof(std::uint32_t) +
               block_max_education.capacity() + tiles.memory_bytes();
    }
    bool operator==(const CandidateIndex&) const = default;
};

}  // namespace talentmatch::matcher
