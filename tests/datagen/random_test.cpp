#include <array>
#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "datagen/random.hpp"

namespace talentmatch::datagen {
namespace {

TEST(Rng, SameSeedGivesSameSequence) {
    Rng a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        differs = differs || x != c.next();
    }
    EXPECT_TRUE(differs);
}

TEST(Rng, FirstOutputsAreFixedAcrossPlatforms) {
    // Pinned values: a change here changes every generated data set.
    Rng rng(1);
    const std::uint64_t first = rng.next();
    Rng again(1);
    EXPECT_EQ(first, again.next());
    std::uint64_t state = 0;
    EXPECT_EQ(splitmix64(state), 0xe220a8397b1dcdafULL);  // SplitMix64 reference value for seed 0
}

TEST(Rng, UniformIntStaysInRangeAndCoversIt) {
    Rng rng(7);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 2000; ++i) {
        const auto x = rng.uniform_int(-3, 4);
        ASSERT_GE(x, -3);
        ASSERT_LE(x, 4);
        seen.insert(x);
    }
    EXPECT_EQ(seen.size(), 8u);
}

TEST(Rng, NormalHasMeanZeroAndUnitSpread) {
    Rng rng(11);
    double sum = 0, squares = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const double x = rng.normal();
        sum += x;
        squares += x * x;
    }
    EXPECT_NEAR(sum / n, 0.0, 0.03);
    EXPECT_NEAR(std::sqrt(squares / n), 1.0, 0.03);
}

TEST(WeightedIndex, DrawsInProportionToWeights) {
    const std::array<double, 3> weights = {1.0, 2.0, 7.0};
    const WeightedIndex pick(weights);
    Rng rng(3);
    std::array<int, 3> counts{};
    const int n = 30000;
    for (int i = 0; i < n; ++i) ++counts[pick.draw(rng)];
    EXPECT_NEAR(counts[0] / double(n), 0.1, 0.01);
    EXPECT_NEAR(counts[1] / double(n), 0.2, 0.01);
    EXPECT_NEAR(counts[2] / double(n), 0.7, 0.01);
}

TEST(WeightedIndex, ZipfHeadIsHeavierThanTail) {
    const WeightedIndex pick = zipf(100);
    Rng rng(5);
    int head = 0, tail = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto k = pick.draw(rng);
        head += k < 10 ? 1 : 0;
        tail += k >= 90 ? 1 : 0;
    }
    EXPECT_GT(head, 5 * tail);
}

TEST(SampleWithoutReplacement, GivesDistinctIndices) {
    Rng rng(9);
    const auto s = sample_without_replacement(rng, 50, 20);
    EXPECT_EQ(s.size(), 20u);
    EXPECT_EQ(std::set<std::size_t>(s.begin(), s.end()).size(), 20u);
    for (auto i : s) EXPECT_LT(i, 50u);
}

}  // namespace
}  // namespace talentmatch::datagen
