#pragma once
// Program alignment to a market segment, SPEC.md "Match semantics": how well
// a program's typical graduate (its curriculum profile c_s, certificates and
// education level) fits the openings of a segment (cluster / district /
// employer filters, segment.hpp). For program p and the segment's jobs J
// (headcount h_j):
//
//   openings          = Σ_{j∈J} h_j
//   aligned_openings  = Σ_{j∈J, p eligible for j, coverage(p,j) >= t} h_j
//   aligned_share     = aligned_openings / openings                  (0 when openings = 0)
//   mean_coverage     = Σ_{j∈J} h_j · coverage(p,j) / openings        (all jobs, eligible or not)
//   shortfall(s)      = Σ_{j∈J, s∈R(j)} h_j · w_js · max(0, r_js − c_s)
//
// and the top_skills skills with the largest shortfall > 0 (ties by skill id).
// The threshold t is rounded to basis points (1/10,000) and compared exactly
// (score_config.hpp coverage_at_least), as the top-k filters do.
//
// Exactness and determinism: counts and shortfalls are exact integer sums.
// mean_coverage is Σ h_j·⌊coverage_j·2^32⌋ in 128-bit integers, divided once:
// independent of summation order, so identical for any thread count.
//
// Batch-first: one call aligns every requested program (default all) against
// one segment. The segment's jobs are inverted by skill once
// (segment_index.hpp), so a program costs O(postings of its curriculum skills
// + segment jobs) rather than O(Σ|R(j)|); programs run in parallel (oneTBB,
// per-task scratch, each result written once to its own slot). Reads the
// Snapshot only.
//
// Errors: ValidationError for min_coverage outside [0, 1] ("min_coverage"),
// top_skills < 0 ("top_skills"), bad options.threads ("options.threads") or an
// empty filter value ("segment.cluster" ...); NotFoundError for an unknown
// program id ("program") or segment value ("cluster", "district", "employer").
#include <cstdint>
#include <string>
#include <vector>

#include "matcher/analytics/segment.hpp"
#include "matcher/analytics/supply_demand.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

struct AlignmentQuery {
    SegmentFilter segment;
    double min_coverage = 0.8;             // t in [0, 1]
    int top_skills = 10;                   // how many shortfall skills per program, >= 0
    std::vector<std::string> program_ids;  // empty = every program, in id order
};

struct SkillShortfall {
    Index skill = 0;
    std::string skill_id;
    std::uint64_t shortfall = 0;  // Σ h·w·max(0, r − c)
    std::uint64_t openings = 0;   // Σ h over segment jobs where r > c for this skill
    bool operator==(const SkillShortfall&) const = default;
};

struct ProgramAlignment {
    Index program = 0;
    std::string program_id;
    std::uint64_t openings = 0;
    std::uint64_t aligned_openings = 0;
    std::uint64_t eligible_openings = 0;  // Σ h over eligible jobs, any coverage
    double aligned_share = 0;
    double mean_coverage = 0;
    std::vector<SkillShortfall> top_shortfalls;  // shortfall desc, then skill id asc
    bool operator==(const ProgramAlignment&) const = default;
};

struct AlignmentReport {
    std::uint32_t min_coverage_bp = 0;  // the threshold as applied, in basis points
    std::uint64_t segment_jobs = 0;
    std::uint64_t segment_openings = 0;
    std::vector<ProgramAlignment> programs;  // in query order (default: id order)
};

AlignmentReport align_programs(const Snapshot& snapshot, const AlignmentQuery& query,
                               const ExecutionOptions& options = {});

// What-if (SPEC "Program alignment ... What-if"): program `program_id`'s
// alignment before and after a change to its curriculum profile, against one
// segment and threshold, computed on the snapshot as it is (nothing is
// written). `before` is exactly align_programs' answer for the program;
// `after` is exactly the answer align_programs would give on a snapshot whose
// program had the changed profile.
struct CurriculumChange {
    std::string skill_id;
    int level = 0;  // the level taught from now on, 0..5; 0 removes the skill
};
// A course added to the program: the skills it teaches, the certificates it
// prepares for.
struct CourseChange {
    std::vector<SkillLevel> skills;
    std::vector<std::string> certificates;
};
// The changed profile: the curriculum changes set levels; then each added
// course and each added certificate credits its levels by the rule of
// models/credited_levels.hpp (a level is the highest any source gives).
struct WhatIfQuery {
    std::string program_id;
    SegmentFilter segment;
    double min_coverage = 0.8;
    int top_skills = 10;
    std::vector<CurriculumChange> curriculum;   // at most one change per skill
    std::vector<std::string> add_certificates;  // certificates its graduates will hold
    std::vector<CourseChange> add_courses;
};
// The supply–demand side of a what-if (supply_demand.hpp, one group: the
// segment): a row for each skill whose level in the program's profile
// changes and that the segment's jobs demand, before and after. Only the
// projected figures can differ (the program's cohort reaches the skill at
// another level); seeking graduates are people and do not change.
struct SkillLevelChange {
    int level_before = 0, level_after = 0;  // the program's level, 0 = not taught
    SkillBalance before, after;
};
struct WhatIfReport {
    std::uint32_t min_coverage_bp = 0;
    std::uint64_t segment_jobs = 0;
    std::uint64_t segment_openings = 0;
    ProgramAlignment before, after;
    std::vector<SkillLevelChange> supply_demand;  // skill id order
};
// Errors as align_programs', and ValidationError naming "curriculum[i].skill_id"
// (unknown or repeated skill), "curriculum[i].level" (outside 0..5),
// "add_certificates[i]" (unknown certificate), "add_courses[i].skills[j]..."
// or "add_courses[i].certificates[j]".
WhatIfReport align_what_if(const Snapshot& snapshot, const WhatIfQuery& query);

}  // namespace talentmatch::matcher
