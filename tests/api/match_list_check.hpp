#pragma once
// For API tests: a match list answer against a reference ranking
// (tests/common/connection_reference.hpp): the same ids in the same order,
// with the reference's coverage and fit.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/common/connection_reference.hpp"

namespace talentmatch::api::testing {

inline void expect_match_list(const nlohmann::json& got,
                              const std::vector<talentmatch::testing::RankedPair>& want,
                              const std::string& id_key, const std::string& context) {
    ASSERT_EQ(got.size(), want.size()) << context;
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(got[i][id_key], want[i].id) << context << " #" << i;
        EXPECT_NEAR(got[i]["coverage"].get<double>(), want[i].score.coverage, 1e-12) << context;
        EXPECT_NEAR(got[i]["fit"].get<double>(), want[i].score.fit(), 1e-12) << context;
    }
}

}  // namespace talentmatch::api::testing
