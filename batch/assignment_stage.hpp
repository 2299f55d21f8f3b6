#pragma once
// Stage 4: the recommended assignment of SPEC.md over the snapshot: deferred
// acceptance, graduates proposing, over each seeking graduate's COMPLETE list
// of eligible jobs with coverage >= min_coverage (exact, basis points); both
// sides rank by the exact ranking score (fit + bonus), ties by id; job
// capacity = headcount. Non-seeking graduates are not assigned.
//
// Lists are never held whole: each graduate starts from its row of the top-k
// stage (list_k jobs), and one that has proposed to all of them fetches the
// rest of its list, pruned by the current floors, from the engine
// (matcher/assignment/lazy_assignment.hpp, matcher/assignment/assignment_source.hpp). The result
// equals deferred acceptance over the full lists, so it is stable by SPEC's
// untruncated rule; list_k (batch --depth) changes only memory and time.
//
// Checks reported beside it:
//  - blocking pairs by the untruncated rule, counted independently of the
//    proposal loop for `check_graduates` seeking graduates (every
//    ceil(seeking / check_graduates)-th one in id order; all of them when
//    seeking <= check_graduates: then the count is exact): each one's pairs
//    that could enter a job at all (coverage >= the minimum, score at or
//    above the job's final floor), listed by the engine, against the final
//    assignment;
//  - the gap to a maximum-weight assignment as `upper_bound - weight`, where
//    upper_bound = min(Σ over seeking graduates of their best acceptable score,
//    Σ over jobs of headcount × their best acceptable score) bounds every
//    assignment's total score from above (a bound, not the optimum).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "batch/report_data.hpp"
#include "matcher/assignment.hpp"
#include "matcher/kernels.hpp"
#include "matcher/score.hpp"

namespace talentmatch::batch {

struct StabilityCheck {
    std::uint64_t graduates_checked = 0;
    bool exact = false;  // every seeking graduate checked
    std::uint64_t blocking_pairs = 0;
    std::uint64_t graduates_in_blocking_pairs = 0;
};

struct AssignmentStage {
    std::vector<std::uint32_t> capacity;  // per job: headcount
    matcher::Assignment assignment;
    std::vector<std::uint32_t> first_choice;          // per graduate: first job proposed to
    std::vector<std::uint32_t> acceptable_proposers;  // per job: graduates that proposed to it
    std::vector<std::uint32_t> filled;                // per job
    Funnel funnel;
    std::uint64_t seeking = 0, placed = 0, with_acceptable_job = 0;
    std::uint32_t min_coverage_bp = 0;
    matcher::LazyAssignmentStats lazy;  // fetch rounds and sizes
    StabilityCheck stability;
    double weight = 0;       // Σ scores of the assigned pairs
    double upper_bound = 0;  // >= the weight of a maximum-weight assignment
};

// jobs_per_graduate rows hold each graduate's top `list_k` eligible jobs (any
// coverage), graduates_per_job rows the seeking graduates' top `job_list_k`
// pairs per job (they settle jobs whose floor rises above their last pair).
AssignmentStage assign(const matcher::Snapshot& snapshot,
                       const matcher::TopKLists& jobs_per_graduate,
                       const matcher::TopKLists& graduates_per_job, std::size_t list_k,
                       std::size_t job_list_k, double min_coverage,
                       const matcher::ScoreConfig& config, const matcher::ExecutionOptions& exec,
                       std::size_t check_graduates = 2000);

// The stability check above, alone (tests call it on other assignments).
StabilityCheck check_stability(const matcher::Snapshot& snapshot, const AssignmentStage& stage,
                               const matcher::ScoreConfig& config,
                               const matcher::ExecutionOptions& exec, std::size_t check_graduates);

}  // namespace talentmatch::batch
