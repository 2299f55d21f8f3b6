#pragma once
// Compressed rows (block_layout.hpp's Csr) held in chunks of kChunkRows rows,
// each full chunk an immutable Csr shared between the sets that hold the same
// rows at the same positions. A graduate patch (snapshot_patch.hpp) appends
// the unchanged rows of the set it patches: every full chunk it leaves where
// it was is shared, not copied, so a write of one graduate copies about one
// chunk of the candidates' skills instead of all of them.
//
// Layout: rows [k*kChunkRows, (k+1)*kChunkRows) are chunk k; the rows after
// the last full chunk (fewer than kChunkRows) are the tail, held by value.
// The chunking depends only on the row count, so two sets of the same rows
// have the same layout however they were built.
//
// Thread-safety: a finished ChunkedCsr is read-only; shared chunks are never
// written. Appending is for the one thread that builds the set.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "matcher/snapshot/block_layout.hpp"

namespace talentmatch::matcher {

template <typename T>
class ChunkedCsr {
  public:
    static constexpr std::size_t kChunkRows = 4096;

    ChunkedCsr() = default;
    // The rows of `flat`, chunked (a copy).
    explicit ChunkedCsr(const Csr<T>& flat) {
        for (std::size_t r = 0; r < flat.rows();) r += copy_rows(flat, r, flat.rows() - r);
    }

    std::span<const T> row(std::size_t i) const {
        const std::size_t chunk = i / kChunkRows;
        return chunk < chunks_.size() ? chunks_[chunk]->row(i % kChunkRows)
                                      : tail_.row(i % kChunkRows);
    }
    std::size_t rows() const { return rows_; }
    // The full chunks (the tail is not among them).
    const std::vector<std::shared_ptr<const Csr<T>>>& chunks() const { return chunks_; }

    void append_row(std::span<const T> row) {
        tail_.items.insert(tail_.items.end(), row.begin(), row.end());
        tail_.offsets.push_back(std::uint32_t(tail_.items.size()));
        ++rows_;
        if (tail_.rows() == kChunkRows) seal_tail();
    }
    // Rows [begin, end) of `from` appended. Where they land at the positions
    // they have in `from` (rows() == begin), `from`'s full chunks among them
    // are shared instead of copied; the other rows are copied a run at a time.
    void append_rows(const ChunkedCsr& from, std::size_t begin, std::size_t end) {
        while (begin < end) {
            const std::size_t chunk = begin / kChunkRows, local = begin % kChunkRows;
            if (rows_ == begin && tail_.rows() == 0 && local == 0 && chunk < from.chunks_.size() &&
                begin + kChunkRows <= end) {
                chunks_.push_back(from.chunks_[chunk]);
                rows_ += kChunkRows;
                begin += kChunkRows;
                continue;
            }
            const Csr<T>& in = chunk < from.chunks_.size() ? *from.chunks_[chunk] : from.tail_;
            begin += copy_rows(in, local, std::min(end - begin, in.rows() - local));
        }
    }

    // Bytes held, shared chunks included (they are counted by every set
    // that holds them).
    std::size_t memory_bytes() const {
        std::size_t n = bytes(tail_) + chunks_.capacity() * sizeof(chunks_[0]);
        for (const auto& chunk : chunks_) n += bytes(*chunk);
        return n;
    }
    // The same rows, row by row.
    bool operator==(const ChunkedCsr& other) const {
        if (rows_ != other.rows_) return false;
        for (std::size_t r = 0; r < rows_; ++r) {
            const auto a = row(r), b = other.row(r);
            if (!std::equal(a.begin(), a.end(), b.begin(), b.end())) return false;
        }
        return true;
    }

  private:
    // Copies rows [first_row, first_row + n) of `in` into the tail, as many
    // as fit in it; returns how many.
    std::size_t copy_rows(const Csr<T>& in, std::size_t first_row, std::size_t n) {
        n = std::min(n, kChunkRows - tail_.rows());
        const std::uint32_t first = in.offsets[first_row];
        const std::uint32_t base = std::uint32_t(tail_.items.size());
        tail_.items.insert(tail_.items.end(), in.items.begin() + first,
                           in.items.begin() + in.offsets[first_row + n]);
        for (std::size_t r = first_row + 1; r <= first_row + n; ++r) {
            tail_.offsets.push_back(in.offsets[r] - first + base);
        }
        rows_ += n;
        if (tail_.rows() == kChunkRows) seal_tail();
        return n;
    }
    // The full tail becomes a chunk, no larger than its rows.
    void seal_tail() {
        tail_.items.shrink_to_fit();
        tail_.offsets.shrink_to_fit();
        chunks_.push_back(std::make_shared<const Csr<T>>(std::move(tail_)));
        tail_ = {};
    }
    static std::size_t bytes(const Csr<T>& c) {
        return c.offsets.capacity() * sizeof(std::uint32_t) + c.items.capacity() * sizeof(T);
    }
    std::vector<std::shared_ptr<const Csr<T>>> chunks_;  // full, kChunkRows rows each
    Csr<T> tail_;                                        // the rows after them
    std::size_t rows_ = 0;
};

}  // namespace talentmatch::matcher
