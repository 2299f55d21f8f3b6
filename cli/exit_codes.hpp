#pragma once
// Process exit codes scripts can rely on (README lists them).
namespace talentmatch::cli {

inline constexpr int kExitOk = 0;
// An unexpected fault: I/O, the store, a bug.
inline constexpr int kExitFailure = 1;
// A bad command line; main.cpp maps every CLI11 parse error to this.
inline constexpr int kExitUsage = 2;
// --db is not an existing talentmatch store (missing without --create,
// another kind of file, or corrupt): a bad path, so the usage code.
inline constexpr int kExitNotAStore = kExitUsage;
// Some input items were rejected; the valid ones were applied.
inline constexpr int kExitInvalidData = 3;
// --all-or-nothing and some item was invalid: nothing was applied.
inline constexpr int kExitNothingApplied = 4;

}  // namespace talentmatch::cli
