#pragma once
// Inputs, per-task scratch and per-task job collectors of the block pass
// (block_pass.hpp). Ownership: PassInput only points at caller-owned data that
// outlives the pass; a BlockScratch and a JobCollector belong to one task
// (thread) at a time.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <new>
#include <span>
#include <vector>

#include "matcher/assignment/assignment.hpp"
#include "matcher/kernels/tile_index.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/score/top_k_heap.hpp"
#include "matcher/snapshot/job_kernel_plan.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// Pairs whose approximate score is below the k-th best by more than this are
// pruned; the float error on fit + bonus is < 1e-6, so no pair that could
// enter a heap is lost.
inline constexpr double kPruneMargin = 1e-5;

// Jobs per tile. Each (block, tile) pays fixed costs: loading the block's
// masks, one postings lookup per block row (a block has ~750 distinct skills),
// clearing the accumulators. With 256 jobs a row met only ~2 postings per
// tile, so those costs dominated; 2048 amortizes them while the tile's
// postings (~600 KB at 15 requirements per job) and accumulators (128 KB) stay
// in a 1 MB L2; larger tiles spill it (bench/matcher_bench measures the
// tile sizes on the province shape).
inline constexpr std::size_t kJobTile = 2048;

// The large-batch regime (tile index) pays off from this many blocks per pass;
// below it (single queries, small batches) requirements are scored directly.
inline constexpr std::size_t kTileIndexMinBlocks = 64;

// The preference bonus of each lane for the current job, for the pruning test.
struct LaneBonus {
    std::uint32_t district_lanes;  // lanes preferring the job's district
    std::uint32_t cluster_lanes;   // lanes preferring the job's cluster
    float district_bonus;          // as a fraction of fit
    float cluster_bonus;
};

// The lanes a kernel's pruning test keeps for one job, per heap: `candidate`
// lanes scored at least their candidate floor, `job` lanes at least the job
// floor. Each heap is offered only its own lanes.
struct LaneSurvivors {
    std::uint32_t candidate = 0;
    std::uint32_t job = 0;
};

struct PassInput {
    const Snapshot* snapshot = nullptr;
    const CandidateSet* candidates = nullptr;
    const ScoreConfig* config = nullptr;
    // Candidates scored: those in [range_begin, range_end) with
    // candidate_ok[c] != 0 (empty = all) and, when `row_of` is not empty,
    // row_of[c - range_begin] != kNone.
    Index range_begin = 0, range_end = 0;
    std::span<const std::uint8_t> candidate_ok;
    // Of those, the ones that may enter the per-job lists: listed[c] != 0
    // (empty = all). Per-candidate lists are not restricted by it.
    std::span<const std::uint8_t> listed;
    std::span<const Index> row_of;  // (c - range_begin) -> heap row; empty = c - range_begin
    // Jobs scored, in collector order: position p is job job_list[p].
    std::span<const Index> job_list;
    std::span<const std::uint16_t> cov_min;  // per position: cov_num >= cov_min[p]
    // The large-batch regime: job_list inverted per tile of kJobTile (null =
    // score every requirement of every job directly, the small-batch regime).
    const TileIndex* tiles = nullptr;
    // Where run_parallel_pass builds that index: storage the caller keeps
    // between passes (tile_index.hpp), or null for a pass's own.
    TileIndex* tile_storage = nullptr;
    std::size_t k_jobs = 0;        // 0 = no per-candidate lists
    std::size_t k_candidates = 0;  // 0 = no per-job lists
    // The floor regime (k_candidates 0): per position, only pairs with
    // cov_num >= cov_min[p] whose ranking score (fit + bonus) is at least
    // pair_floor[p], compared exactly, are kept: in the candidate heaps when
    // k_jobs > 0, else all of them in the task's JobCollector::found.
    // Empty = not this regime.
    std::span<const ExactScore> pair_floor;
    // Per position, a floor the per-job heaps start from (empty = none):
    // pairs scoring below it may be left out of that job's heap. The caller
    // checks that each final list still reaches it (job_floor_guess.hpp).
    std::span<const float> job_floor_start;
    // Per-candidate heaps: row r owns slots [r*k_jobs, (r+1)*k_jobs) and counts[r].
    HeapEntry* candidate_slots = nullptr;
    std::uint32_t* candidate_counts = nullptr;

    Index row(Index c) const { return row_of.empty() ? c - range_begin : row_of[c - range_begin]; }
    std::uint32_t lane_mask(std::size_t block) const;
};

// A pair kept in the floor regime without heaps: the candidate's row, the job.
struct FoundPair {
    Index row = 0;
    Index job = 0;
    PairScore score;
};

// Per-job top-k heaps of one task, indexed by job position (and, in the
// complete-list regime, the pairs it found).
struct JobCollector {
    std::size_t k = 0;
    std::vector<HeapEntry> slots;
    std::vector<std::uint32_t> counts;
    // Prune below this score: the k-th best once a heap is full; in the
    // floor regime pair_floor - kPruneMargin; else +inf when k == 0.
    std::vector<float> floor;
    std::vector<FoundPair> found;

    // Floors start at -inf, or at start_floor[p] when it is not empty.
    void reset(std::size_t positions, std::size_t k_candidates,
               std::span<const float> start_floor = {});
    // The floor regime: floors from PassInput::pair_floor.
    void reset_for_floors(std::span<const ExactScore> pair_floor);
    void offer(std::size_t position, const HeapEntry& e) {
        std::span<HeapEntry> heap(slots.data() + position * k, k);
        std::uint32_t& count = counts[position];
        if (detail::offer(heap, count, e) && count == k) {
            floor[position] = std::max(floor[position], float(worst_score(heap) - kPruneMargin));
        }
    }
};

// 64-byte aligned storage for vectors the kernels load whole.
template <typename T>
struct AlignedAllocator {
    using value_type = T;
    AlignedAllocator() = default;
    template <typename U>
    AlignedAllocator(const AlignedAllocator<U>&) {}
    T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{64}));
    }
    void deallocate(T* p, std::size_t) { ::operator delete (p, std::align_val_t{64}); }
    bool operator==(const AlignedAllocator&) const = default;
};

// Per-block lookup tables, rebuilt for each (block, job tile).
struct BlockScratch {
    alignas(64) std::uint8_t zero_row[64] = {};
    std::vector<const std::uint8_t*> row_ptr;  // skill -> the block's level row (or zero_row)
    std::vector<std::uint32_t> cert_mask;      // certificate -> lanes holding it
    std::vector<std::uint32_t> district_mask;  // district -> lanes preferring it
    std::vector<std::uint32_t> cluster_mask;   // cluster -> lanes preferring it
    std::uint32_t edu_at_least[8] = {};        // education level -> lanes at or above it
    // Per tile position: kBlockSize 16-bit sums (large-batch regime), 64-byte
    // aligned; all zero between blocks (the pass over the tile clears them).
    std::vector<std::uint16_t, AlignedAllocator<std::uint16_t>> tile_acc;
    // The tile positions (job) where some lane may pass the pruning test,
    // and their sums in the same order.
    std::vector<std::uint16_t> tile_reaching;
    std::vector<std::uint16_t, AlignedAllocator<std::uint16_t>> reached_sums;

    void prepare(const Snapshot& snapshot);
    void load_block(const CandidateSet& cs, std::size_t block, std::uint32_t lanes);
    void unload_block(const CandidateSet& cs, std::size_t block);
};

}  // namespace talentmatch::matcher::detail
