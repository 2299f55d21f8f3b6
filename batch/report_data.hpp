#pragma once
// What report.html shows, as plain values filled by the pipeline. Kept apart
// from the rendering (report_html.hpp) so the page can be tested on a
// hand-made ReportData and the pipeline on its numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace talentmatch::batch {

struct ReportCounts {
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
};

struct ShortageBar {
    std::string skill_id, label, category;
    double demand = 0;     // openings requiring the skill
    double supply = 0;     // seeking graduates at the required level
    double projected = 0;  // projected graduates per year from programs' cohorts
};

// Rows × columns of supply/demand ratios; a missing cell (no demand) is nullopt.
struct Heatmap {
    std::vector<std::string> rows, columns;
    std::vector<std::vector<std::optional<double>>> ratio;  // [row][column]
};

struct AlignmentBar {
    std::string program_id, label;
    double eligible_share = 0;  // of headcount-weighted openings in its own cluster, 0..1
    double mean_coverage = 0;   // 0..1
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
    std::vector<std::string> new_shortage_labels, resolved_shortage_labels;  // first few
};

struct ReportData {
    std::string title = "talentmatch nightly batch";
    ReportCounts counts;
    std::vector<ShortageBar> shortages;  // worst first
    Heatmap cluster_by_category;
    std::vector<AlignmentBar> alignment;  // best first
    Funnel funnel;
    RunChanges changes;
};

}  // namespace talentmatch::batch
