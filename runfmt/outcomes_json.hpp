#pragma once
// The JSON form of the employment outcomes report (matcher/analytics/outcomes.hpp):
// the run's outcomes.json (batch/outcome_files) and the body of the API's
// GET /v1/reports/outcomes before the viewer's scoping, one serializer for
// both. Aggregates only: no graduate id.
#include <nlohmann/json.hpp>

#include "matcher/analytics.hpp"

namespace talentmatch::runfmt {

// One group: {id, name, institution_id, cluster, graduates, placed,
// employment_rate (null with no graduates), placed_in_own_cluster,
// own_cluster_aligned_share (null when unknown), placed_by_cluster
// [{cluster, placed}]}.
nlohmann::json outcome_group_json(const matcher::OutcomeGroup& group);

// {graduation_year, programs: [...], institutions: [...], total: {...},
//  placements_counted, placements_skipped}.
nlohmann::json outcomes_json(const matcher::OutcomeReport& report);

}  // namespace talentmatch::runfmt
