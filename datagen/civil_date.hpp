#pragma once
// Proleptic Gregorian dates as day counts, so generators can add days to a
// fixed base date without the clock or time zones (H. Hinnant's algorithms).
#include <string>

namespace talentmatch::datagen {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
};

long days_from_civil(CivilDate date);  // days since 1970-01-01
CivilDate civil_from_days(long days);
std::string iso_date(CivilDate date);  // "YYYY-MM-DD"
// `date` plus `days` as "YYYY-MM-DD".
std::string iso_date_plus(CivilDate date, long days);

}  // namespace talentmatch::datagen
