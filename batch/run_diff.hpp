#pragma once
// Stage 8: what changed since the previous published run, read back from its
// files (supply_demand_skills.csv, best_matches.csv, assignment_jobs.csv), so
// the diff needs nothing but the previous run directory:
//   shortages  overall skill rows labelled "shortage" now vs then: new, resolved;
//   best match graduates whose top-1 job differs (or appeared / disappeared);
//   openings   per job, filled now vs then: openings filled since (more filled
//              now) and unfilled since (fewer filled now; jobs gone count as 0);
//   placed     per program, placed graduates of the current outcomes year now
//              vs then (outcomes.csv; compared only when the previous run
//              reported the same year): placed since = the sum of the rises.
// Lists are in id order. A missing or unreadable previous file counts as "no
// previous run" for that part, never as an error.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace talentmatch::batch {

// The current run's side of the comparison, keyed by id.
struct DiffInputs {
    std::vector<std::string> shortage_skills;                // sorted
    std::map<std::string, std::string> best_match;           // graduate id -> job id
    std::map<std::string, std::int64_t> job_filled;          // job id -> filled openings
    int outcomes_year = 0;                                   // matcher::OutcomeReport's
    std::map<std::string, std::int64_t> placed_per_program;  // program id -> placed graduates
};

struct BestMatchChange {
    std::string graduate_id, previous_job_id, current_job_id;  // "" = none
};
struct OpeningChange {
    std::string job_id;
    std::int64_t previous_filled = 0, current_filled = 0;
};
struct PlacedChange {
    std::string program_id;
    std::int64_t previous_placed = 0, current_placed = 0;
};

struct RunDiff {
    bool has_previous = false;
    std::vector<std::string> new_shortages, resolved_shortages;
    std::vector<BestMatchChange> best_match_changes;
    std::vector<OpeningChange> opening_changes;
    std::int64_t openings_filled_since = 0, openings_unfilled_since = 0;
    bool placements_compared = false;  // the previous run reported the same outcomes year
    std::vector<PlacedChange> placed_changes;
    std::int64_t placed_since = 0;
};

RunDiff diff_against(const std::optional<std::filesystem::path>& previous_run_dir,
                     const DiffInputs& current);

// Splits RFC 4180 CSV text into rows of fields (quoted fields, doubled quotes,
// embedded newlines). The first row is the header.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

}  // namespace talentmatch::batch
