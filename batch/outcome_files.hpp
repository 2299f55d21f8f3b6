#pragma once
// The employment outcomes of a run (matcher/analytics/outcomes.hpp) as outcomes.csv and
// outcomes.json (runfmt/outcomes_json.hpp, the form the API answers with).
// Aggregates only: no graduate id is written. Deterministic: rows in the
// report's order, fixed decimals in CSV.
//
// outcomes.csv, one row per group:
//   scope (program | institution | total), id, name, institution_id,
//   cluster, graduation_year, graduates, placed, employment_rate (4
//   decimals, empty with no graduates), placed_in_own_cluster,
//   own_cluster_aligned_share (4 decimals, empty when unknown),
//   placed_by_cluster ("cluster:count;..." count desc, then cluster).
#include "batch/run_publisher.hpp"
#include "matcher/analytics.hpp"

namespace talentmatch::batch {

// Writes outcomes.csv and outcomes.json into the publisher's staging directory.
void write_outcome_files(const matcher::OutcomeReport& report, RunPublisher& publisher);

}  // namespace talentmatch::batch
