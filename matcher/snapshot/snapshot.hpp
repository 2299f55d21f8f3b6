#pragma once
// The immutable in-memory snapshot the matcher scores against.
//
// Built once (SnapshotBuilder, streaming: entities are copied into compact
// arrays as they arrive, so the caller never needs all Graduate objects in
// memory), then shared read-only as std::shared_ptr<const Snapshot> by any
// number of threads: nothing in it changes after build(), so concurrent reads
// need no lock.
//
// Indices are dense (0..n-1) and, for every entity kind, in ascending id order
// (byte-wise std::string compare). So "ties break by id ascending" is "ties
// break by index ascending", and an id is found by binary search.
//
// Graduates and programs are both *candidates* (SPEC: a program is matched
// with its curriculum profile as the "graduate"), stored in the same
// CandidateSet layout. Each candidate set is also stored skill-major in blocks
// of kBlockSize candidates in id order for the batch kernels
// (block_layout.hpp).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "matcher/snapshot/block_layout.hpp"
#include "matcher/snapshot/candidate_index.hpp"
#include "matcher/snapshot/chunked_csr.hpp"
#include "matcher/snapshot/job_kernel_plan.hpp"
#include "matcher/snapshot/valid_jobs_memo.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher {

// Sorted unique strings; index = position. Used for entity ids and for the
// free-text dictionaries (districts, clusters).
class SortedIds {
  public:
    SortedIds() = default;
    explicit SortedIds(std::vector<std::string> sorted_unique);
    std::size_t size() const { return ids_.size(); }
    const std::string& operator[](Index i) const { return ids_[i]; }
    std::optional<Index> find(std::string_view id) const;
    const std::vector<std::string>& all() const { return ids_; }

  private:
    std::vector<std::string> ids_;
};

struct SkillEntry {
    Index skill;         // skill index
    std::uint8_t level;  // 1..5 (level-0 entries are dropped at build)
    bool operator==(const SkillEntry&) const = default;
};

// Graduates or programs. Per-candidate arrays are indexed by candidate index.
// The columns (one entry or row per candidate) are listed once, in columns();
// copying a row, comparing and sizing sets derive from that list.
struct CandidateSet {
    SortedIds ids;
    ChunkedCsr<SkillEntry> skills;             // sorted by skill index; chunks shared by patches
    std::vector<std::uint32_t> level_sum;      // Σ levels = relevance denominator
    std::vector<std::uint8_t> education;       // EducationLevel as integer
    Csr<Index> certificates;                   // sorted certificate indices
    Csr<Index> preferred_districts;            // sorted district dictionary indices (graduates)
    Csr<Index> preferred_clusters;             // sorted cluster dictionary indices (graduates)
    std::vector<Index> institution;            // institution index
    std::vector<Index> program;                // program index (programs: themselves)
    std::vector<Index> cluster;                // cluster dictionary index (programs), else kNone
    std::vector<std::uint8_t> seeking;         // graduates: 1 if seeking; programs: 1
    std::vector<std::int32_t> year_or_cohort;  // graduates: graduation year; programs: cohort size

    // Skill-major blocks in id order: block b holds candidates
    // [b*kBlockSize, (b+1)*kBlockSize) (block_layout.hpp).
    BlockLayout blocks;
    // Tiles of similar candidates and their per-skill maxima, for top-k
    // candidates of a job (candidate_index.hpp); not built for sets packed
    // for the assignment (candidate_subset.hpp).
    CandidateIndex index;

    std::size_t size() const { return ids.size(); }
    std::size_t block_count() const { return (size() + kBlockSize - 1) / kBlockSize; }

    // f(name, set.column...) for every column, the sets side by side (ids,
    // blocks and index are built from the columns, not columns themselves).
    template <class F, class... Sets>
    static void columns(F&& f, Sets&... sets) {
        f("skills", sets.skills...);
        f("level_sum", sets.level_sum...);
        f("education", sets.education...);
        f("certificates", sets.certificates...);
        f("preferred_districts", sets.preferred_districts...);
        f("preferred_clusters", sets.preferred_clusters...);
        f("institution", sets.institution...);
        f("program", sets.program...);
        f("cluster", sets.cluster...);
        f("seeking", sets.seeking...);
        f("year_or_cohort", sets.year_or_cohort...);
    }
};

inline constexpr Index kNone = 0xFFFF'FFFFu;

struct RequirementEntry {
    Index skill;
    std::uint8_t level;   // 1..5
    std::uint8_t weight;  // 1..10
    std::uint8_t must_have;
    bool operator==(const RequirementEntry&) const = default;
};

// Jobs; per-job arrays are indexed by job index. The columns are listed once,
// in columns(), as for CandidateSet.
struct JobSet {
    SortedIds ids;
    Csr<RequirementEntry> requirements;             // must-haves first, then by skill index
    std::vector<std::uint32_t> weighted_level_sum;  // Σ w·r = coverage denominator
    std::vector<Index> employer;
    std::vector<Index> cluster;   // cluster dictionary index
    std::vector<Index> district;  // district dictionary index
    std::vector<std::int32_t> headcount;
    std::vector<std::uint8_t> min_education;
    Csr<Index> certificates;  // required, sorted certificate indices
    std::vector<std::string> title;
    std::vector<std::string> valid_until;
    std::vector<std::int32_t> valid_until_key;  // validity.hpp: YYYYMMDD, kOpenEnded if empty
    // A demand with no employer (an association's own innovation demand): the
    // association that submitted it; "" otherwise (owning_association()).
    std::vector<std::string> association;
    ValidJobsMemo valid_jobs;  // not a column: flags derived from valid_until_key, per date

    std::size_t size() const { return ids.size(); }

    // f(name, set.column...) for every column, the sets side by side.
    template <class F, class... Sets>
    static void columns(F&& f, Sets&... sets) {
        f("requirements", sets.requirements...);
        f("weighted_level_sum", sets.weighted_level_sum...);
        f("employer", sets.employer...);
        f("cluster", sets.cluster...);
        f("district", sets.district...);
        f("headcount", sets.headcount...);
        f("min_education", sets.min_education...);
        f("certificates", sets.certificates...);
        f("title", sets.title...);
        f("valid_until", sets.valid_until...);
        f("valid_until_key", sets.valid_until_key...);
        f("association", sets.association...);
    }
};

// Practice bases' training programs as projected supply (supply_demand.hpp):
// per training program, its credited skills (sorted by skill index), its
// yearly capacity, cluster and district (dictionary indices), in id order.
// They are matched against jobs in their own snapshot
// (connection_snapshot.hpp).
struct TrainingSupply {
    std::vector<std::string> ids;
    Csr<SkillEntry> skills;
    std::vector<std::uint32_t> capacity;
    std::vector<Index> cluster, district;
    std::size_t size() const { return capacity.size(); }
};

struct SnapshotStats {
    double build_seconds = 0;      // SnapshotBuilder::build() wall time
    std::size_t memory_bytes = 0;  // bytes held by the snapshot's arrays (approximate for strings)
};

// Everything in a snapshot but its two large parts: the dictionaries, the
// names people read, the programs and the training supply (all small next to
// the graduates and the jobs). A patch (snapshot_patch.hpp) copies them whole.
struct SnapshotDictionaries {
    SortedIds skills;
    std::vector<std::string> skill_name_en, skill_name_zh, skill_category;
    SortedIds certificates;
    // Per certificate index: the skills it evidences, sorted by skill index
    // (credited to the candidates that hold it: models/credited_levels.hpp).
    Csr<SkillEntry> certificate_skills;
    SortedIds institutions;
    std::vector<Index> institution_district;  // district dictionary index
    SortedIds employers;
    std::vector<Index> employer_cluster, employer_district;
    std::vector<std::string> employer_association;
    // Names people read (answers and exports), by index; "" when none given.
    std::vector<std::string> institution_name, employer_name, program_name;
    SortedIds districts;  // dictionary of every district string seen
    SortedIds clusters;   // dictionary of every cluster string seen

    CandidateSet programs;
    TrainingSupply training;
};

// The job side: the jobs and their layout for the batch kernels (derived from
// them), one immutable part.
struct JobSide {
    JobSet jobs;
    JobKernelPlan plan;
};

// Read-only after build. All members are plain data for the kernels and the
// analytics; hold it as std::shared_ptr<const Snapshot>.
//
// The graduates and the job side are immutable parts held by shared_ptr: a
// snapshot patched for a job write shares its base's graduates, one patched
// for graduate writes shares its base's job side (snapshot_patch.hpp), so a
// publication copies only the part that changed. `graduates`, `jobs` and
// `job_plan` name the parts' contents; a copy of a Snapshot refers to the
// same parts.
struct Snapshot : SnapshotDictionaries {
    Snapshot(SnapshotDictionaries dictionaries, std::shared_ptr<const CandidateSet> graduates,
             std::shared_ptr<const JobSide> job_side)
        : SnapshotDictionaries(std::move(dictionaries)),
          graduates_part(std::move(graduates)),
          job_side(std::move(job_side)) {}
    Snapshot(const Snapshot&) = default;
    Snapshot& operator=(const Snapshot&) = delete;

    std::shared_ptr<const CandidateSet> graduates_part;  // never null
    std::shared_ptr<const JobSide> job_side;             // never null
    const CandidateSet& graduates = *graduates_part;
    const JobSet& jobs = job_side->jobs;
    const JobKernelPlan& job_plan = job_side->plan;  // jobs laid out for the batch kernels

    SnapshotStats stats;
};

// The association a job (or demand) row belongs to for tenancy: its
// employer's, or the one that submitted it with no employer; "" for none.
inline const std::string& owning_association(const Snapshot& s, Index job) {
    const Index employer = s.jobs.employer[job];
    return employer == kNone ? s.jobs.association[job] : s.employer_association[employer];
}

// Streams entities into a Snapshot. Order: skills and certificates first,
// then institutions, programs, employers, then graduates, jobs and courses
// in any interleaving (a reference to something not yet added is an error;
// a course's program is checked at build()). A candidate's skills are its
// credited levels (models/credited_levels.hpp): a graduate's own and its
// certificates' evidence; a program's curriculum, its courses' skills and
// the evidence of the certificates it and its courses prepare for. Each
// add_* validates what the matcher relies on and throws ValidationError
// naming the field ("graduates[g-17].skills[3].skill_id: unknown skill \"x\"")
// on bad input, leaving the builder unchanged. Duplicate ids are errors.
// Not thread-safe: one thread feeds one builder.
class SnapshotBuilder {
  public:
    SnapshotBuilder();
    ~SnapshotBuilder();
    SnapshotBuilder(SnapshotBuilder&&) noexcept;
    SnapshotBuilder& operator=(SnapshotBuilder&&) noexcept;

    void add_skill(const Skill& skill);
    void add_certificate(const Certificate& certificate);
    void add_institution(const Institution& institution);
    void add_program(const Program& program);
    void add_employer(const Employer& employer);
    void add_graduate(const Graduate& graduate);
    // `association`: a demand with no employer submitted by that association.
    void add_job(const Job& job, const std::string& association = {});
    void add_course(const Course& course);
    // As projected supply only (after skills and certificates).
    void add_training_program(const TrainingProgram& program);

    // Sorts every kind by id, lays out the blocks, fills stats. The builder is
    // left empty. Throws ValidationError if an id was added twice.
    std::shared_ptr<const Snapshot> build();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace talentmatch::matcher
