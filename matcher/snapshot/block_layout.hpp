#pragma once
// Candidates stored skill-major in blocks of kBlockSize (snapshot.hpp): the
// layout the batch kernels and the top-candidates queries read. Block b holds
// the candidates at positions [b*kBlockSize, (b+1)*kBlockSize) of an order
// (id order for CandidateSet::blocks, the index's own order for
// CandidateIndex::tiles) and, for each skill any of them has, one row of
// kBlockSize levels (0 where a candidate lacks the skill), rows in ascending
// skill order. Memory is O(total skill entries), never candidates x taxonomy.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace talentmatch::matcher {

using Index = std::uint32_t;
inline constexpr std::size_t kBlockSize = 32;

// Compressed rows: the items of row i are items[offsets[i] .. offsets[i+1]).
template <typename T>
struct Csr {
    std::vector<std::uint32_t> offsets{0};
    std::vector<T> items;
    std::span<const T> row(std::size_t i) const {
        return {items.data() + offsets[i], items.data() + offsets[i + 1]};
    }
    std::size_t rows() const { return offsets.size() - 1; }
    bool operator==(const Csr&) const = default;
};

struct BlockLayout {
    // Per block: its row indices (a contiguous range). Row r has skill
    // row_skill[r] and levels levels[r*kBlockSize .. +kBlockSize).
    Csr<Index> rows;
    std::vector<Index> row_skill;
    std::vector<std::uint8_t> levels;

    const std::uint8_t* levels_of(Index row) const {
        return levels.data() + std::size_t(row) * kBlockSize;
    }
    std::size_t memory_bytes() const {
        return (rows.offsets.capacity() + rows.items.capacity() + row_skill.capacity()) *
                   sizeof(Index) +
               levels.capacity();
    }
    bool operator==(const BlockLayout&) const = default;
};

}  // namespace talentmatch::matcher
