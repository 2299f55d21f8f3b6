#include "models/education_level.hpp"

#include <gtest/gtest.h>

namespace talentmatch {
namespace {

TEST(EducationLevel, IsOrderedFromSecondaryVocationalToMaster) {
    EXPECT_LT(EducationLevel::kSecondaryVocational, EducationLevel::kHigherVocational);
    EXPECT_LT(EducationLevel::kHigherVocational, EducationLevel::kVocationalBachelor);
    EXPECT_LT(EducationLevel::kVocationalBachelor, EducationLevel::kBachelor);
    EXPECT_LT(EducationLevel::kBachelor, EducationLevel::kMaster);
}

TEST(EducationLevel, WireNamesRoundTrip) {
    for (int i = 0; i < kEducationLevelCount; ++i) {
        const auto level = static_cast<EducationLevel>(i);
        EXPECT_EQ(parse_education_level(to_string(level)), level);
    }
    EXPECT_FALSE(parse_education_level("phd").has_value());
    EXPECT_FALSE(parse_education_level("").has_value());
}

}  // namespace
}  // namespace talentmatch
