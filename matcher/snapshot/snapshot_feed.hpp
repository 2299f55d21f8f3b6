#pragma once
// SnapshotFeed: every snapshot one committed state publishes, fed entity by
// entity. It states once which snapshot each kind of entity goes into: the
// main one (snapshot.hpp) and the connections' (connection_snapshot.hpp).
// Both roads from the store use it: the batch's loader
// (batch/snapshot_loader.hpp, which leaves out what has expired on its run
// date before feeding) and the API's publication (api/snapshot_holder.hpp).
//
// Order: skills, certificates, institutions, programs and employers first,
// in that order; then the other kinds in any order and interleaving (a
// store's kAllEntityKinds order, or the batch's scan order). Within a kind,
// any order. Placements are not fed (the matcher does not score them).
// Errors are the builders' (ValidationError naming the field). Not
// thread-safe: one thread feeds one SnapshotFeed.
#include <bitset>
#include <cstddef>
#include <memory>

#include "matcher/snapshot/connection_snapshot.hpp"
#include "matcher/snapshot/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

// The snapshots of one committed state.
enum class SnapshotPart : std::size_t {
    kMain,               // graduates and programs against the jobs
    kTeachersProjects,   // teachers as candidates, enterprise projects as jobs
    kResearchDemands,    // research results as candidates, innovation demands as jobs
    kProgramsStandards,  // programs against the occupational standards as jobs
    kTrainingJobs,       // practice bases' training programs as candidates, the jobs
};
inline constexpr std::size_t kSnapshotPartCount = 5;
using SnapshotParts = std::bitset<kSnapshotPartCount>;
inline SnapshotParts only(SnapshotPart part) {
    return SnapshotParts().set(std::size_t(part));
}
inline SnapshotParts all_parts() {
    return SnapshotParts().set();
}

struct SnapshotSet {
    std::shared_ptr<const Snapshot> main;
    std::shared_ptr<const Snapshot> teachers_projects;
    std::shared_ptr<const Snapshot> research_demands;
    std::shared_ptr<const Snapshot> programs_standards;
    std::shared_ptr<const Snapshot> training_jobs;

    std::shared_ptr<const Snapshot>& operator[](SnapshotPart part);
};

class SnapshotFeed {
  public:
    // Builds the snapshots in `parts` only; entities no chosen part uses are
    // dropped.
    explicit SnapshotFeed(SnapshotParts parts = all_parts());

    void put(const Skill& skill);
    void put(const Certificate& certificate);
    void put(const Institution& institution);
    void put(const Program& program);
    void put(const Employer& employer);
    void put(const Job& job);
    void put(const Graduate& graduate);
    void put(const Teacher& teacher);
    void put(const Project& project);
    void put(const InnovationDemand& demand);
    void put(const ResearchResult& result);
    void put(const OccupationalStandard& standard);
    void put(const Course& course);
    void put(const TrainingProgram& program);

    // The chosen snapshots (the others null). The feed is left empty.
    SnapshotSet build();

  private:
    bool wants(SnapshotPart part) const { return parts_.test(std::size_t(part)); }
    SnapshotParts parts_;
    SnapshotBuilder main_;
    TeacherProjectSnapshotBuilder teachers_projects_;
    ResearchDemandSnapshotBuilder research_demands_;
    ProgramStandardSnapshotBuilder programs_standards_;
    TrainingJobSnapshotBuilder training_jobs_;
};

}  // namespace talentmatch::matcher
