// The top-k heap (matcher/score/top_k_heap.hpp) against a plain reference:
// every offered entry sorted by exact score (cross-multiplied in 128 bits,
// not compare_scores) then index, cut at k. Scores are drawn from a small
// range so that equal scores, and equal approximations of unequal scores,
// are common.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "matcher/score/top_k_heap.hpp"

namespace talentmatch::matcher {
namespace {

__extension__ using Wide = unsigned __int128;

// a before b: higher fit + bonus, then lower index (the heap's total order).
bool reference_before(const detail::HeapEntry& a, const detail::HeapEntry& b) {
    const Wide left = Wide{a.score.ranking_num()} * b.score.ranking_den();
    const Wide right = Wide{b.score.ranking_num()} * a.score.ranking_den();
    if (left != right) return left > right;
    return a.index < b.index;
}

PairScore random_score(std::mt19937& rng) {
    PairScore s;
    s.cov_den = 1 + rng() % 6;
    s.cov_num = rng() % (s.cov_den + 1);
    s.rel_den = rng() % 5;  // 0 = a candidate without skills: fit 0
    s.rel_num = s.rel_den == 0 ? 0 : rng() % (s.rel_den + 1);
    s.bonus = std::int32_t(rng() % 3) * 200;
    return s;
}

TEST(TopKHeap, KeepsTheReferenceTopKWhateverTheOfferOrder) {
    std::mt19937 rng(20261207);
    for (const std::size_t k : {1u, 2u, 3u, 10u, 50u}) {
        for (int round = 0; round < 200; ++round) {
            const std::size_t offered = rng() % (3 * k + 20);
            std::vector<detail::HeapEntry> all;
            std::vector<detail::HeapEntry> slots(k);
            std::uint32_t count = 0;
            for (std::size_t i = 0; i < offered; ++i) {
                // Each index is offered once per heap, as the kernels do.
                const detail::HeapEntry e = detail::make_entry(random_score(rng), Index(i));
                all.push_back(e);
                const bool kept = detail::offer(slots, count, e);
                std::vector<detail::HeapEntry> sorted(all);
                std::sort(sorted.begin(), sorted.end(), reference_before);
                const auto rank = std::find_if(sorted.begin(), sorted.end(),
                                               [&](const auto& x) { return x.index == e.index; }) -
                                  sorted.begin();
                EXPECT_EQ(kept, std::size_t(rank) < k) << "k " << k << ", offer " << i;
                if (count == k) {
                    // The worst kept entry sits in front.
                    EXPECT_EQ(slots[0].index, sorted[k - 1].index) << "k " << k << ", offer " << i;
                    EXPECT_EQ(detail::worst_score(slots), sorted[k - 1].score.score());
                }
            }
            std::sort(all.begin(), all.end(), reference_before);
            all.resize(std::min(all.size(), k));
            detail::sort_best_first(slots, count);
            ASSERT_EQ(count, all.size()) << "k " << k << ", round " << round;
            for (std::size_t i = 0; i < all.size(); ++i) {
                EXPECT_EQ(slots[i].index, all[i].index) << "k " << k << ", rank " << i;
                EXPECT_EQ(slots[i].score, all[i].score) << "k " << k << ", rank " << i;
            }
        }
    }
}

TEST(TopKHeap, RejectsAnEntryThatRanksAfterAFullHeapsWorst) {
    std::vector<detail::HeapEntry> slots(2);
    std::uint32_t count = 0;
    PairScore high;
    high.cov_num = 1;
    high.rel_num = 1;
    high.rel_den = 1;  // fit 1
    PairScore low = high;
    low.cov_num = 0;  // fit 0
    EXPECT_TRUE(detail::offer(slots, count, detail::make_entry(high, 7)));
    EXPECT_TRUE(detail::offer(slots, count, detail::make_entry(high, 9)));
    // A lower score, and an equal score with a higher index, both rank after
    // the worst kept entry (high, 9).
    EXPECT_FALSE(detail::offer(slots, count, detail::make_entry(low, 1)));
    EXPECT_FALSE(detail::offer(slots, count, detail::make_entry(high, 10)));
    // An equal score with a lower index ranks before it and replaces it.
    EXPECT_TRUE(detail::offer(slots, count, detail::make_entry(high, 8)));
    detail::sort_best_first(slots, count);
    EXPECT_EQ(slots[0].index, 7u);
    EXPECT_EQ(slots[1].index, 8u);
}

}  // namespace
}  // namespace talentmatch::matcher
