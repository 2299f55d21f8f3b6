#pragma once
// Stage 7: diagnostics in domain terms.
//
// For every job with unfilled openings after the assignment, why:
//   no_eligible_graduate    nobody passes its gates; `detail` names a must-have
//                           skill (or certificate / education) no seeking graduate
//                           meets at all, when there is one;
//   coverage_below_minimum  eligible graduates exist but none covers enough;
//   taken_by_higher_scorers graduates listed it but all were placed at jobs they
//                           rank higher (stability guarantees that);
// and, for the `relaxation_job_limit` jobs with the most unfilled openings
// (ties by id), what lowering ONE must-have requirement by one level would add:
// the number of seeking graduates who become eligible (exact count).
//
// For every unplaced seeking graduate: the nearest job and what unlocks it:
//   no_eligible_job         nearest = among its program's top-k jobs, the one
//                           with the fewest failed gates (then smallest skill gap,
//                           higher coverage, id); unlock = its largest failed gate;
//   coverage_below_minimum  nearest = its best eligible job; unlock = the first
//                           step of that pair's learning plan;
//   outranked               nearest = its best acceptable job; unlock = likewise.
//
// Parallel over jobs / graduates (oneTBB, each result in its own slot), so the
// result does not depend on the thread count.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "batch/assignment_stage.hpp"
#include "matcher/kernels.hpp"
#include "matcher/score.hpp"

namespace talentmatch::batch {

struct Relaxation {
    std::string skill_id;
    int from_level = 0, to_level = 0;
    std::uint64_t added_graduates = 0;
};

struct UnfilledJob {
    matcher::Index job = 0;
    std::uint32_t unfilled = 0;
    std::string reason;
    std::string detail;
    std::uint32_t acceptable_proposers = 0;
    bool relaxation_analysed = false;
    std::uint64_t eligible_seeking = 0;   // when analysed: seeking graduates passing every gate
    std::vector<Relaxation> relaxations;  // when analysed: one per must-have, best first
};

struct UnplacedGraduate {
    matcher::Index graduate = 0;
    std::string reason;
    matcher::Index nearest_job = matcher::kNone;
    double nearest_coverage = 0;
    std::uint32_t failed_gates = 0;
    std::string unlock_kind;  // "skill", "certificate", "education", "" when none
    std::string unlock_id;
    int has = 0, needs = 0;
};

struct Diagnostics {
    std::vector<UnfilledJob> unfilled_jobs;            // job index order
    std::vector<UnplacedGraduate> unplaced_graduates;  // graduate index order
    std::uint64_t relaxation_jobs_analysed = 0;
};

Diagnostics diagnose(const matcher::Snapshot& snapshot, const AssignmentStage& assignment,
                     const matcher::TopKLists& jobs_per_graduate,
                     const matcher::TopKLists& graduates_per_job,
                     const matcher::TopKLists& jobs_per_program, const matcher::ScoreConfig& config,
                     std::size_t relaxation_job_limit, int threads);

}  // namespace talentmatch::batch
