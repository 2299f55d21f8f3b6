#pragma once
// What report.html shows, as plain values filled by the pipeline. Kept apart
// from the rendering (report_html.hpp) so the page can be tested on a
// hand-made ReportData and the pipeline on its numbers. Language-neutral:
// every name a person reads is carried in both languages (Named), and the
// renderer picks the reader's.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace talentmatch::batch {

// An id with its Chinese and English names; either may be empty (then the
// other is shown, then the id): see report_html.hpp.
struct Named {
    std::string id, zh, en;
};

struct ReportCounts {
    std::int64_t run_id = 0;
    std::int64_t graduates = 0, seeking_graduates = 0, jobs = 0, openings = 0, programs = 0,
                 skills = 0;
    std::string data_hash, taxonomy_hash;
    // The run's date and the jobs past valid_until on it (left out of everything).
    std::string as_of;
    std::int64_t expired_jobs = 0, expired_openings = 0;
    // The assignment's checks: blocking pairs by SPEC's untruncated rule over
    // `stability_graduates` seeking graduates (all of them when exact), its
    // total score and an upper bound on a maximum-weight assignment.
    std::int64_t blocking_pairs = 0, stability_graduates = 0;
    bool stability_exact = false;
    double weight = 0, max_weight_bound = 0;
    // The parameters the terms section quotes: supply-demand labels, the
    // assignment's and the alignment's minimum coverage (0..1).
    double shortage_below = 0.8, surplus_above = 1.25;
    double assignment_min_coverage = 0.5, alignment_min_coverage = 0.8;
};

struct ShortageBar {
    Named skill;
    Named category;
    int level = 0;         // the bottleneck level
    double demand = 0;     // openings requiring the skill at >= level
    double supply = 0;     // seeking graduates at >= level
    double projected = 0;  // projected graduates per year from programs' cohorts
};

// Rows (clusters) × columns (skill categories) of supply/demand ratios; a
// missing cell (no demand) is nullopt.
struct Heatmap {
    std::vector<Named> rows, columns;
    std::vector<std::vector<std::optional<double>>> ratio;  // [row][column]
};

struct AlignmentRow {
    std::string program_id, program_name, institution_name;  // names as stored ("" if none)
    Named cluster;
    std::int64_t openings = 0;  // headcount-weighted openings of its own cluster
    double eligible_share = 0;  // of those, aligned (eligible, coverage >= min), 0..1
    double mean_coverage = 0;   // 0..1
};

// Employment outcomes of one graduation year (matcher/analytics/outcomes.hpp), per
// program in id order.
struct OutcomeRow {
    std::string program_id, program_name, institution_name;  // names as stored
    std::int64_t graduates = 0, placed = 0, placed_in_own_cluster = 0;
    std::optional<double> aligned_share;  // own cluster, 0..1
};
struct OutcomesSection {
    int graduation_year = 0;
    std::int64_t graduates = 0, placed = 0;
    std::vector<OutcomeRow> programs;
};

struct Funnel {
    std::int64_t openings = 0;
    std::int64_t eligible = 0;  // openings of jobs with at least one eligible graduate
    std::int64_t matched = 0;   // openings of jobs with an acceptable pair (>= min coverage)
    std::int64_t placed = 0;    // openings filled by the stable assignment
};

struct RunChanges {
    bool has_previous = false;
    std::int64_t new_shortages = 0, resolved_shortages = 0, best_match_changed = 0,
                 openings_filled_since = 0, openings_unfilled_since = 0;
    std::vector<Named> new_shortage_skills, resolved_shortage_skills;  // first few
};

// One of the alliance's other connections (matcher/snapshot/connection_snapshot.hpp).
struct ConnectionRow {
    int name = 0;  // a ReportText value: kConnectionTeachers, ...
    std::int64_t supplies = 0, demands = 0;
    std::int64_t answered = 0;             // demands whose best supply's coverage is >= the minimum
    std::string best_demand, best_supply;  // the best-scored pair overall ("" when none)
    double best_coverage = 0;
};

struct ReportData {
    ReportCounts counts;
    std::vector<ShortageBar> shortages;  // worst first
    Heatmap cluster_by_category;
    std::vector<AlignmentRow> programs;  // every program, best first
    OutcomesSection outcomes;
    Funnel funnel;
    RunChanges changes;
    std::vector<ConnectionRow> connections;
};

}  // namespace talentmatch::batch
