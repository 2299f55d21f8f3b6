#pragma once
// Stage 4: the recommended assignment over the snapshot. Preference lists:
// each *seeking* graduate's best `depth` jobs (from its top-k list, computed
// with k >= depth) whose coverage is >= min_coverage (exact, basis points);
// both sides rank by the exact ranking score (fit + bonus), ties by id. Job
// capacity = headcount. Non-seeking graduates are not assigned.
//
// Note: truncating lists to `depth` makes stability relative to those lists
// (a graduate deems jobs outside its best `depth` unacceptable), which is what
// the blocking-pair check verifies.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "batch/report_data.hpp"
#include "matcher/assignment.hpp"
#include "matcher/batch_top_k.hpp"

namespace talentmatch::batch {

struct AssignmentStage {
    matcher::AssignmentInput input;  // row per graduate (empty when not seeking)
    matcher::Assignment assignment;
    std::vector<std::uint32_t> acceptable_proposers;  // per job: graduates listing it
    std::vector<std::uint32_t> filled;                // per job
    Funnel funnel;
    std::uint64_t blocking_pairs = 0;  // find_blocking_pairs over the input: 0 when stable
    std::uint64_t seeking = 0, placed = 0, with_acceptable_job = 0;
    std::uint32_t min_coverage_bp = 0;
};

AssignmentStage assign(const matcher::Snapshot& snapshot,
                       const matcher::TopKLists& jobs_per_graduate,
                       const matcher::TopKLists& graduates_per_job, std::size_t depth,
                       double min_coverage);

// A PairScore's ranking score as the assignment's exact rational.
matcher::ExactScore exact_ranking(const matcher::PairScore& score);

}  // namespace talentmatch::batch
