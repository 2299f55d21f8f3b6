#pragma once
// The validity rule of SPEC.md ("a job past valid until is not matched"), in
// one place for the batch and the API:
//   a job is valid on day D when its valid_until is empty (open-ended) or
//   D <= valid_until (the last valid day is valid_until itself).
// Dates are ISO "YYYY-MM-DD" strings (models/ validates them); the matcher
// keeps them as integer keys YYYYMMDD, which order exactly as the dates do.
//
// Where it applies: the batch leaves jobs expired on its --as-of date out of
// the snapshot it computes on (batch/snapshot_loader.hpp), so no stage sees
// them; the API's match queries pass today's date as MatchFilter::as_of,
// which resolve_filter turns into the per-job flags every query regime reads.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace talentmatch::matcher {

// The key of an open-ended job (empty valid_until): valid on every date.
inline constexpr std::int32_t kOpenEnded = std::numeric_limits<std::int32_t>::max();

// "YYYY-MM-DD" -> YYYYMMDD; "" -> kOpenEnded; nullopt when malformed (not
// ten characters of digits and dashes, month 1..12, day 1..31).
std::optional<std::int32_t> date_key(std::string_view iso);

// The rule itself.
inline bool valid_on(std::int32_t valid_until_key, std::int32_t as_of_key) {
    return as_of_key <= valid_until_key;
}

// Today's date in UTC as "YYYY-MM-DD" (the default as-of date).
std::string today_utc();

}  // namespace talentmatch::matcher
