#pragma once
// Fixed-capacity top-k selection over exact scores: the collector between the
// kernels and the results. The order is total (score descending, then index
// ascending), so the selected set and its order are unique: independent of
// insertion order, thread count and kernel.
//
// A heap lives in caller-owned storage (`slots`, capacity k) with its size in
// `count`; the worst kept entry is at slots[0]. Not thread-safe: one heap is
// written by one task at a time.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// `approx` caches score.score() (fit + bonus as a double, error < 1e-15;
// make_entry sets it):
// when two approximations differ by more than kApproxSlack the order is
// certain and the exact 128-bit compare is skipped.
struct HeapEntry {
    PairScore score;
    Index index = 0;
    double approx = 0;
};

inline constexpr double kApproxSlack = 1e-12;

inline HeapEntry make_entry(const PairScore& score, Index index) {
    return HeapEntry{score, index, score.score()};
}

// True when a ranks before b: higher score, or equal score and lower index.
inline bool ranks_before(const HeapEntry& a, const HeapEntry& b) {
    if (a.approx > b.approx + kApproxSlack) return true;
    if (a.approx < b.approx - kApproxSlack) return false;
    const int c = compare_scores(a.score, b.score);
    return c > 0 || (c == 0 && a.index < b.index);
}

// ranks_before as a function object, so std's heap algorithms inline it.
struct RanksBefore {
    bool operator()(const HeapEntry& a, const HeapEntry& b) const { return ranks_before(a, b); }
};

// Offers `e` to the heap; returns true when it was kept.
inline bool offer(std::span<HeapEntry> slots, std::uint32_t& count, const HeapEntry& e) {
    // std heap with "less" = ranks_before puts the WORST entry at the front.
    if (count < slots.size()) {
        slots[count++] = e;
        std::push_heap(slots.begin(), slots.begin() + count, RanksBefore{});
        return true;
    }
    if (slots.empty() || !ranks_before(e, slots[0])) return false;
    // Replace the worst entry and sift it down: one pass, where a pop and a
    // push would walk the heap twice.
    std::size_t hole = 0;
    for (;;) {
        const std::size_t left = 2 * hole + 1;
        if (left >= count) break;
        std::size_t worse = left;
        if (left + 1 < count && ranks_before(slots[left], slots[left + 1])) worse = left + 1;
        if (!ranks_before(e, slots[worse])) break;
        slots[hole] = slots[worse];
        hole = worse;
    }
    slots[hole] = e;
    return true;
}

// Sorts the kept entries best first (destroys the heap property).
inline void sort_best_first(std::span<HeapEntry> slots, std::uint32_t count) {
    std::sort(slots.begin(), slots.begin() + count, RanksBefore{});
}

// Fit + bonus of the worst kept entry as a double, for pruning only (never
// for ordering): callers prune with a safety margin.
inline double worst_score(std::span<const HeapEntry> slots) {
    return slots[0].approx;
}

}  // namespace talentmatch::matcher::detail
