#pragma once
// The names of a published run, stated once for its writer (batch/:
// run_publisher, result_files, nightly_batch) and its readers (the API's
// api/latest_run_results, the batch's run_diff against the previous run).
// batch/README.md "Files of a run" describes every file; the ones listed here
// are those read back, with the columns their readers rely on.
//
//   <out>/runs/run-000042/...   one directory per published run
//   <out>/latest                symlink to the latest published run directory
#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace talentmatch::runfmt {

inline constexpr const char* kRunsDir = "runs";
inline constexpr const char* kLatestLink = "latest";

// "run-000042": the directory name of a run id (sorts in run order).
inline std::string run_directory_name(std::int64_t run_id) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "run-%06lld", static_cast<long long>(run_id));
    return buf;
}

// JSON files read back.
inline constexpr const char* kRunInfoJson = "run.json";
inline constexpr const char* kSummaryJson = "summary.json";
inline constexpr const char* kAssignmentJson = "assignment.json";
inline constexpr const char* kSupplyDemandJson = "supply_demand.json";
inline constexpr const char* kProgramAlignmentJson = "program_alignment.json";
inline constexpr const char* kUnfilledOpeningsJson = "unfilled_openings.json";
inline constexpr const char* kUnplacedGraduatesJson = "unplaced_graduates.json";

// CSV files read back, each with its header (the writer's column order).
inline constexpr const char* kAssignmentCsv = "assignment.csv";
inline constexpr std::array<std::string_view, 4> kAssignmentColumns{"graduate_id", "job_id",
                                                                    "score", "coverage"};
inline constexpr const char* kAssignmentJobsCsv = "assignment_jobs.csv";
inline constexpr std::array<std::string_view, 5> kAssignmentJobsColumns{
    "job_id", "headcount", "filled", "unfilled", "acceptable_proposers"};
inline constexpr const char* kBestMatchesCsv = "best_matches.csv";
inline constexpr std::array<std::string_view, 3> kBestMatchesColumns{"graduate_id", "job_id",
                                                                     "score"};
inline constexpr const char* kSupplyDemandSkillsCsv = "supply_demand_skills.csv";
inline constexpr std::array<std::string_view, 14> kSupplyDemandSkillsColumns{
    "grouping",
    "group",
    "skill_id",
    "skill_name",
    "category",
    "demand",
    "bottleneck_level",
    "supply",
    "ratio",
    "label",
    "projected_bottleneck_level",
    "projected",
    "projected_ratio",
    "projected_label"};

}  // namespace talentmatch::runfmt
