#include <gtest/gtest.h>

#include "datagen/civil_date.hpp"

namespace talentmatch::datagen {
namespace {

TEST(CivilDate, EpochIsDayZero) {
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(iso_date(civil_from_days(0)), "1970-01-01");
}

TEST(CivilDate, AddsDaysAcrossMonthsAndLeapDays) {
    EXPECT_EQ(iso_date_plus({2026, 6, 30}, 14), "2026-07-14");
    EXPECT_EQ(iso_date_plus({2024, 2, 28}, 1), "2024-02-29");
    EXPECT_EQ(iso_date_plus({2026, 2, 28}, 1), "2026-03-01");
    EXPECT_EQ(iso_date_plus({2026, 12, 31}, 1), "2027-01-01");
}

TEST(CivilDate, RoundTripsEveryDayOfAFewYears) {
    for (long d = days_from_civil({2023, 1, 1}); d < days_from_civil({2029, 1, 1}); ++d) {
        ASSERT_EQ(days_from_civil(civil_from_days(d)), d);
    }
}

}  // namespace
}  // namespace talentmatch::datagen
