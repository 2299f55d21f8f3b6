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
#include <memory>
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

// The blocks in chunks of kChunkBlocks blocks, each chunk immutable and
// shared between the layouts that hold the same blocks at the same
// positions (a graduate patch shares every chunk whose blocks it kept in
// place, staging::lay_out_blocks). The chunking depends only on the block
// count, so two layouts of the same blocks are laid out alike.
class BlockLayout {
  public:
    static constexpr std::size_t kChunkBlocks = 1024;

    // One block: its rows in ascending skill order, row i holding skill
    // skills[i] and the levels at levels_of(i) (kBlockSize bytes).
    struct Block {
        std::span<const Index> skills;
        const std::uint8_t* levels = nullptr;
        std::size_t rows() const { return skills.size(); }
        const std::uint8_t* levels_of(std::size_t row) const { return levels + row * kBlockSize; }
    };
    // kChunkBlocks blocks (fewer in the last chunk), rows concatenated.
    struct Chunk {
        std::vector<std::uint32_t> first_row{0};  // per block, then the row count
        std::vector<Index> row_skill;
        std::vector<std::uint8_t> levels;  // kBlockSize per row
        std::size_t blocks() const { return first_row.size() - 1; }
        bool operator==(const Chunk&) const = default;
    };

    BlockLayout() = default;
    explicit BlockLayout(std::vector<std::shared_ptr<const Chunk>> chunks)
        : chunks_(std::move(chunks)) {
        for (const auto& chunk : chunks_) blocks_ += chunk->blocks();
    }

    std::size_t blocks() const { return blocks_; }
    Block block(std::size_t b) const {
        const Chunk& chunk = *chunks_[b / kChunkBlocks];
        const std::size_t local = b % kChunkBlocks;
        const std::uint32_t first = chunk.first_row[local];
        return {{chunk.row_skill.data() + first, chunk.first_row[local + 1] - first},
                chunk.levels.data() + std::size_t(first) * kBlockSize};
    }
    const std::vector<std::shared_ptr<const Chunk>>& chunks() const { return chunks_; }

    // Bytes held, shared chunks included (counted by every layout that holds
    // them).
    std::size_t memory_bytes() const {
        std::size_t n = chunks_.capacity() * sizeof(chunks_[0]);
        for (const auto& c : chunks_) {
            n += (c->first_row.capacity() + c->row_skill.capacity()) * sizeof(std::uint32_t) +
                 c->levels.capacity();
        }
        return n;
    }
    // The same blocks, row by row.
    bool operator==(const BlockLayout& other) const {
        if (chunks_.size() != other.chunks_.size()) return false;
        for (std::size_t k = 0; k < chunks_.size(); ++k) {
            if (!(*chunks_[k] == *other.chunks_[k])) return false;
        }
        return true;
    }

  private:
    std::vector<std::shared_ptr<const Chunk>> chunks_;
    std::size_t blocks_ = 0;
};

}  // namespace talentmatch::matcher
