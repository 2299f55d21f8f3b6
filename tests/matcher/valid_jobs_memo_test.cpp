// ValidJobsMemo against validity.hpp's rule applied job by job.
#include "matcher/snapshot/valid_jobs_memo.hpp"

#include <gtest/gtest.h>

#include <random>

#include "matcher/snapshot/validity.hpp"

namespace talentmatch::matcher {
namespace {

std::vector<std::uint8_t> by_rule(const std::vector<std::int32_t>& keys, std::int32_t as_of) {
    std::vector<std::uint8_t> flags;
    for (std::int32_t key : keys) flags.push_back(valid_on(key, as_of) ? 1 : 0);
    return flags;
}

TEST(ValidJobsMemo, FlagsFollowTheRuleOnEveryDate) {
    std::mt19937 rng(5);
    std::vector<std::int32_t> keys;
    for (int j = 0; j < 500; ++j) {
        keys.push_back(rng() % 5 == 0 ? kOpenEnded : 20261120 + std::int32_t(rng() % 20));
    }
    const ValidJobsMemo memo;
    for (std::int32_t as_of : {20261125, 20261125, 20261101, 20261139, 20261131, 20261125}) {
        const auto flags = memo.valid_on(keys, as_of);
        const auto expected = by_rule(keys, as_of);
        if (flags == nullptr) {  // only when the rule finds every job valid
            EXPECT_EQ(expected, std::vector<std::uint8_t>(keys.size(), 1)) << as_of;
        } else {
            EXPECT_EQ(*flags, expected) << as_of;
        }
    }
}

TEST(ValidJobsMemo, NullWhenEveryJobIsValid) {
    const std::vector<std::int32_t> keys = {kOpenEnded, 20261201, 20261130};
    const ValidJobsMemo memo;
    EXPECT_EQ(memo.valid_on(keys, 20261130), nullptr);
    ASSERT_NE(memo.valid_on(keys, 20261201), nullptr);
    EXPECT_EQ(memo.valid_on(keys, 20261130), nullptr);  // back to the earlier date
}

TEST(ValidJobsMemo, ACopyForgetsItsSourcesFlags) {
    std::vector<std::int32_t> keys = {20261201, 20261203};
    const ValidJobsMemo memo;
    ASSERT_EQ(*memo.valid_on(keys, 20261202), (std::vector<std::uint8_t>{0, 1}));
    // A patched job set: copied, then a key changed before it is published.
    ValidJobsMemo copied(memo);
    keys[0] = 20261231;
    EXPECT_EQ(copied.valid_on(keys, 20261202), nullptr);
    ValidJobsMemo assigned;
    keys[0] = 20261201;
    ASSERT_NE(assigned.valid_on(keys, 20261202), nullptr);
    assigned = memo;
    keys[1] = 20261130;
    EXPECT_EQ(*assigned.valid_on(keys, 20261202), (std::vector<std::uint8_t>{0, 0}));
}

}  // namespace
}  // namespace talentmatch::matcher
