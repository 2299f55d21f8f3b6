#pragma once
// The JSON of one match list, written straight into a string (bulk/json_line
// writers; a DOM of std::map objects was a visible share of the server's CPU
// under a matches load), keys sorted as nlohmann would dump them. Every
// match carries the names a person reads beside the ids, in the reader's
// language where the name has two (clusters and districts, place_names.hpp):
//   job side:       cluster, cluster_name, coverage, district, district_name,
//                   employer_id, employer_name, fit, job_id, relevance, score,
//                   title
//   graduate side:  coverage, fit, graduate_id, institution_id,
//                   institution_name, program_id, program_name, relevance,
//                   score
//   program side:   coverage, fit, institution_id, institution_name, name,
//                   program_id, relevance, score
//   project side:   as the job side, with project_id for job_id (a
//                   connection's snapshot, matcher/snapshot/connection_snapshot.hpp)
//   innovation demand side: as the job side, with innovation_demand_id
//   occupational standard side: as the job side, with
//                   occupational_standard_id; employer, cluster and district ""
//   teacher side:   coverage, fit, institution_id, institution_name,
//                   relevance, score, teacher_id
//   research result side: coverage, fit, institution_id, institution_name,
//                   relevance, research_result_id, score
// A name not given in the data is "". Thread-safe (reads the snapshot only).
#include <string>
#include <vector>

#include "api/reader_language.hpp"
#include "matcher/query.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::api {

// What the matches of a list are.
enum class MatchSide {
    kJobs,
    kGraduates,
    kPrograms,
    kProjects,
    kTeachers,
    kInnovationDemands,
    kResearchResults,
    kOccupationalStandards,
    kTrainingPrograms
};
// Are the matches demands (jobs, projects, innovation demands), the list's
// fixed side a candidate?
constexpr bool is_demand_side(MatchSide side) {
    return side == MatchSide::kJobs || side == MatchSide::kProjects ||
           side == MatchSide::kInnovationDemands || side == MatchSide::kOccupationalStandards;
}

// One match object (as above).
void append_match_json(std::string& out, const matcher::Snapshot& s, MatchSide side,
                       const matcher::Match& m, Lang lang);

// {"<top_key>": top_id, "matches": [...]}, keys sorted.
std::string match_list_json(const matcher::Snapshot& s, const std::string& top_key,
                            const std::string& top_id, MatchSide side,
                            const std::vector<matcher::Match>& list, Lang lang);

}  // namespace talentmatch::api
