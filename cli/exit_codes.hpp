#pragma once
// Process exit codes scripts can rely on (README lists them).
namespace talentmatch::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // an unexpected fault (I/O, store, bug)
inline constexpr int kExitUsage = 2;    // bad command line (CLI11 also uses 2 here... see main.cpp)
inline constexpr int kExitInvalidData =
    3;  // some input items were rejected; the valid ones were applied
inline constexpr int kExitNothingApplied = 4;  // --all-or-nothing and some item was invalid

}  // namespace talentmatch::cli
