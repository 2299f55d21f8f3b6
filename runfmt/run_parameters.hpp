#pragma once
// The ranges of what a caller may choose for one batch run, stated once for
// every entry point: POST /v1/batch-runs (api/handlers_batch.cpp) and its
// OpenAPI schema (api/openapi_schemas.cpp), and the batch's own option check
// (batch/nightly_batch.cpp validate, behind `talentmatch batch` and the MPI
// batch).
#include <cstdint>
#include <string>

namespace talentmatch::runfmt {

// An inclusive integer range; text() is "1..1000" for messages.
struct IntRange {
    std::int64_t min;
    std::int64_t max;

    bool contains(std::int64_t value) const { return value >= min && value <= max; }
    std::string text() const { return std::to_string(min) + ".." + std::to_string(max); }
};

inline constexpr IntRange kRunK{1, 1000};                // top-k in every direction
inline constexpr IntRange kRunThreads{0, 256};           // 0 = every core
inline constexpr IntRange kRunAssignmentDepth{1, 1000};  // jobs per graduate's list

// Coverage minima (assignment, alignment) are fractions 0..1; false for NaN.
inline bool is_coverage_fraction(double value) {
    return value >= 0 && value <= 1;
}

}  // namespace talentmatch::runfmt
