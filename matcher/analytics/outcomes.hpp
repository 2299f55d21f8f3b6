#pragma once
// Employment outcomes (SPEC "Placement outcome", "what became of last year's
// graduates"): per program and per institution, of the graduates of one
// graduation year, how many are placed and where (by the employer's cluster),
// beside the program's alignment with its own cluster.
//
// Rules (one owner: the API's /v1/reports/outcomes and the batch's
// outcomes.csv / outcomes.json both call outcome_report):
//   - a graduate counts in the year of its graduation_year, under its program
//     and its institution;
//   - it is placed when at least one placement names it (any date, any
//     source); where it is placed is its LATEST placement (date, then
//     placement id, greatest wins), so a graduate counts once, in one cluster;
//   - the cluster of a placement is its employer's cluster ("" when the
//     employer has none);
//   - placements naming a graduate or employer the snapshot does not hold
//     (written after it was built, or erased) are not counted, and counted in
//     `placements_skipped`.
// Everything is counted in integers; employment_rate() is the one division.
// Deterministic: rows in id order, clusters by count descending then name.
//
// Thread-safety: pure functions of their arguments.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "matcher/analytics/alignment.hpp"
#include "matcher/snapshot/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

struct ClusterCount {
    std::string cluster;
    std::int64_t placed = 0;
    bool operator==(const ClusterCount&) const = default;
};

// One program, one institution, or the total.
struct OutcomeGroup {
    std::string id;              // program or institution id; "" for the total
    std::string name;            // the name people read; may be ""
    std::string institution_id;  // a program's institution; an institution's own id
    std::string cluster;         // a program's cluster; "" otherwise
    std::int64_t graduates = 0;  // of the report's graduation year
    std::int64_t placed = 0;     // with at least one placement
    // Programs: placed graduates whose latest placement is in the program's
    // own cluster (0 for institutions and the total).
    std::int64_t placed_in_own_cluster = 0;
    std::vector<ClusterCount> by_cluster;  // placed per cluster, count desc then cluster asc
    // Programs: the share of its own cluster's openings its typical graduate
    // is ready for (ProgramAlignment::aligned_share), when the caller has it.
    std::optional<double> aligned_share;
    bool operator==(const OutcomeGroup&) const = default;
};

// placed / graduates; nullopt for a group with no graduates.
std::optional<double> employment_rate(const OutcomeGroup& group);

struct OutcomeReport {
    int graduation_year = 0;                 // 0 when the snapshot holds no graduate
    std::vector<OutcomeGroup> programs;      // programs with graduates of the year, id order
    std::vector<OutcomeGroup> institutions;  // institutions with graduates of the year, id order
    OutcomeGroup total;
    std::int64_t placements_counted = 0;  // placements of graduates of the year
    std::int64_t placements_skipped = 0;  // naming a graduate or employer not in the snapshot
};

// The latest graduation year any graduate of the snapshot has; nullopt when
// it holds no graduate.
std::optional<int> latest_graduation_year(const Snapshot& snapshot);

// The report for `graduation_year` (any year: one nobody graduated in gives
// empty rows). `own_cluster_alignment`, when not empty, is indexed by program
// index (align_programs against each program's own cluster, in index order)
// and fills OutcomeGroup::aligned_share of the program rows.
OutcomeReport outcome_report(const Snapshot& snapshot, std::span<const Placement> placements,
                             int graduation_year,
                             std::span<const ProgramAlignment> own_cluster_alignment = {});

}  // namespace talentmatch::matcher
