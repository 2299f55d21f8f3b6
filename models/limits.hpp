#pragma once
// Domain limits from SPEC.md "Data model". One place, so validation, codecs,
// the generator and the matcher agree on them.
#include <cstddef>
#include <cstdint>

namespace talentmatch {

inline constexpr int kMinLevel = 0;          // 0 none
inline constexpr int kMaxLevel = 5;          // 5 expert
inline constexpr int kMinRequiredLevel = 1;  // a requirement asks for at least "aware"
inline constexpr int kMinWeight = 1;         // 1 nice to have
inline constexpr int kMaxWeight = 10;        // 10 essential
inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::size_t kMaxNameLength = 200;
inline constexpr std::size_t kMaxTextLength = 2000;
inline constexpr std::size_t kMaxListLength = 1000;  // skills, requirements, aliases per entity
inline constexpr int kMinGraduationYear = 1950;      // a sane window for graduation_year
inline constexpr int kMaxGraduationYear = 2100;
// Arrays/objects nested in one JSON document (request body, bulk record). An
// entity needs 4 (a bulk array of graduates: 5); the bound keeps every
// recursive walk of a DOM (dump, copy, compare) far from the stack's end.
inline constexpr std::size_t kMaxJsonDepth = 64;

}  // namespace talentmatch
