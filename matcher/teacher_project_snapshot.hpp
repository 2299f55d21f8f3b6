#pragma once
// The snapshot of the "teachers <-> technical teams" connection (SPEC "for a
// teacher and an enterprise project"): a Snapshot whose candidates
// (graduates[]) are the teachers and whose jobs (jobs[]) are the enterprise
// projects, so both directions are scored by the same exact score and
// answered by the same calls as graduates and jobs (match_query.hpp:
// top_jobs_for_graduates is "top projects for teachers",
// top_graduates_for_jobs is "top teachers for projects"; explanation.hpp).
//
// How a teacher and a project stand in for a graduate and a job:
//  - a teacher's expertise is its skills; `available` is its "seeking" flag,
//    so a teacher not available for enterprise practice is left out of a
//    project's list unless include_not_seeking, and a teacher's own list is
//    not restricted by it; no program, certificates or preferences (so no
//    preference bonus);
//  - a project's requirements, must-haves and weights are a job's; team_size
//    is its headcount; end_date is its valid_until (a project that has ended
//    is not matched); its cluster and district are its employer's; it asks
//    for no certificate and no minimum education.
// Errors are the builder's (snapshot.hpp), with the kinds' own paths
// ("teachers[t-1].expertise", "projects[p-1].requirements[0].skill_id").
// Not thread-safe: one thread feeds one builder.
#include <memory>
#include <unordered_map>

#include "matcher/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

// The graduate and job a teacher and a project are scored as (rules above).
Graduate as_candidate(const Teacher& teacher);
Job as_demand(const Project& project, const Employer* employer);

class TeacherProjectSnapshotBuilder {
  public:
    // Order: skills, institutions and employers first, then teachers and
    // projects in any interleaving.
    void add_skill(const Skill& skill) { builder_.add_skill(skill); }
    void add_institution(const Institution& institution);
    void add_employer(const Employer& employer);
    void add_teacher(const Teacher& teacher);
    void add_project(const Project& project);
    std::shared_ptr<const Snapshot> build();

  private:
    SnapshotBuilder builder_;
    std::unordered_map<std::string, Employer> employers_;
};

}  // namespace talentmatch::matcher
