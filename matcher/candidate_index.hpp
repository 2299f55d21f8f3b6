#pragma once
// The candidate-side index of "top-k candidates for a job"
// (indexed_candidates_query.hpp): per skill, the candidate blocks
// (snapshot.hpp's layout, kBlockSize candidates each) holding it, with the
// highest level any candidate of the block has; per block, the smallest level
// sum and the highest education. These bound every candidate of a block
// (its score and its gates), so a query scores only the blocks whose bound
// can still reach its k-th best, starting from the best bounds.
//
// The bounds are as tight as blocks are homogeneous: index order is id order,
// so blocks group similar candidates when ids do (a program's graduates
// numbered together, as imports from a college usually are). Answers are
// exact for any order; only the share of blocks scored changes.
//
// Layout (read-only after build):
//  - block_min_level_sum[b], block_max_education[b];
//  - per skill s < skill_offsets.size() - 1, the blocks holding it, ascending,
//    as words block << kLevelBits | max level (1..5):
//    postings[skill_offsets[s] .. skill_offsets[s + 1]).
// Memory: 4 bytes per block row (a (block, skill) pair) + 5 bytes per block.
//
// Kept apart from snapshot.hpp so the CandidateSet can hold one; built by
// build_candidate_index (snapshot_staging.hpp) with the block layout (full
// build and graduate patches).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace talentmatch::matcher {

struct CandidateIndex {
    static constexpr unsigned kLevelBits = 3;
    static constexpr std::uint32_t kLevelMask = (1u << kLevelBits) - 1;

    std::vector<std::uint32_t> block_min_level_sum;
    std::vector<std::uint8_t> block_max_education;
    std::vector<std::uint32_t> skill_offsets;
    std::vector<std::uint32_t> postings;

    std::size_t blocks() const { return block_min_level_sum.size(); }
    // True once built (a set of zero candidates has zero blocks and is built).
    bool built() const { return !skill_offsets.empty(); }
    std::span<const std::uint32_t> postings_of(std::size_t skill) const {
        if (skill + 1 >= skill_offsets.size()) return {};
        return {postings.data() + skill_offsets[skill], postings.data() + skill_offsets[skill + 1]};
    }
    std::size_t memory_bytes() const {
        return (block_min_level_sum.capacity() + skill_offsets.capacity() + postings.capacity()) *
                   sizeof(std::uint32_t) +
               block_max_education.capacity();
    }
    bool operator==(const CandidateIndex&) const = default;
};

}  // namespace talentmatch::matcher
