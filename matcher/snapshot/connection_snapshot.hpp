#pragma once
// The snapshots of the alliance's other connections (SPEC "for a teacher and
// an enterprise project", "for an innovation demand"): a Snapshot whose
// candidates (graduates[]) are the supply side and whose jobs (jobs[]) are
// the demand side, so both directions are scored by the same exact score and
// answered by the same calls as graduates and jobs (match_query.hpp:
// top_jobs_for_graduates is "top demands for a supply", top_graduates_for_jobs
// "top supplies for a demand"; explanation.hpp).
//
//   connection                      supply (candidate)   demand (job)
//   teachers <-> technical teams    Teacher              Project
//   achievement transformation      ResearchResult       InnovationDemand
//   practical training <-> jobs     TrainingProgram      Job
//
// How a supply stands in for a graduate (as_candidate):
//  - its profile (a teacher's expertise, a result's profile) is its skills;
//    `available` is its "seeking" flag, so a supply not available (for
//    enterprise practice, for transfer) is left out of a demand's list unless
//    include_not_seeking, and its own list is not restricted by it; no
//    program, certificates or preferences (so no preference bonus); a
//    research result's readiness level is its year_or_cohort (a demand's list
//    may ask for a minimum: MatchFilter::min_year_or_cohort);
//  - a training program's skills are its profile, the certificates it
//    prepares for its certificates, a capacity above 0 its "seeking"; a job's
//    minimum education is not applied to it (that is the trainees' own).
// How a demand stands in for a job (as_demand):
//  - its requirements, must-haves and weights are a job's; a project's
//    team_size is its headcount (a demand's is 1); its end (a project's
//    end_date, a demand's valid_until) is its valid_until, so a demand that
//    has ended is not matched; its cluster is its own when it states one
//    (innovation demands) and else its employer's, its district the
//    employer's; it asks for no certificate and no minimum education.
//  - a job is its own demand (valid_until, certificates and all).
// Errors are the builder's (snapshot.hpp), with the kinds' own paths
// ("teachers[t-1].expertise", "innovation_demands[d-1].requirements[0].skill_id").
// Not thread-safe: one thread feeds one builder.
#include <memory>
#include <unordered_map>

#include "matcher/snapshot/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

// The graduate and job a supply and a demand are scored as (rules above).
Graduate as_candidate(const Teacher& teacher);
Graduate as_candidate(const ResearchResult& result);
Graduate as_candidate(const TrainingProgram& program);
Job as_demand(const Project& project, const Employer* employer);
Job as_demand(const InnovationDemand& demand, const Employer* employer);

template <class Supply, class Demand>
class ConnectionSnapshotBuilder {
  public:
    // Order: skills, certificates, institutions and employers first, then
    // supplies and demands in any interleaving.
    void add_skill(const Skill& skill) { builder_.add_skill(skill); }
    void add_certificate(const Certificate& certificate);
    void add_institution(const Institution& institution);
    void add_employer(const Employer& employer);
    void add_supply(const Supply& supply);
    void add_demand(const Demand& demand);
    std::shared_ptr<const Snapshot> build();

  private:
    SnapshotBuilder builder_;
    std::unordered_map<std::string, Employer> employers_;
};

using TeacherProjectSnapshotBuilder = ConnectionSnapshotBuilder<Teacher, Project>;
using ResearchDemandSnapshotBuilder = ConnectionSnapshotBuilder<ResearchResult, InnovationDemand>;
using TrainingJobSnapshotBuilder = ConnectionSnapshotBuilder<TrainingProgram, Job>;

// "Curriculum standards <-> professional standards": the programs
// (CandidateKind::kPrograms, their curriculum as their profile, as in the
// main snapshot) against the occupational standards as jobs
// (top_jobs_for_programs is "standards a program covers", top_programs_for_jobs
// "programs that cover a standard"). A standard stands in for a job with its
// requirements, no employer, cluster or district, headcount 1, no end, no
// certificate and no minimum education; its title is its Chinese name, else
// its English one. Errors name "occupational_standards[<id>]...".
Job as_demand(const OccupationalStandard& standard);

class ProgramStandardSnapshotBuilder {
  public:
    // Order: skills, certificates and institutions first, then programs,
    // their courses and standards in any interleaving.
    void add_skill(const Skill& skill) { builder_.add_skill(skill); }
    void add_certificate(const Certificate& certificate) { builder_.add_certificate(certificate); }
    void add_institution(const Institution& institution) { builder_.add_institution(institution); }
    void add_program(const Program& program) { builder_.add_program(program); }
    void add_course(const Course& course) { builder_.add_course(course); }
    void add_standard(const OccupationalStandard& standard);
    std::shared_ptr<const Snapshot> build() { return builder_.build(); }

  private:
    SnapshotBuilder builder_;
};

}  // namespace talentmatch::matcher
