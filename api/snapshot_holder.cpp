#include "api/snapshot_holder.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matcher/snapshot.hpp"
#include "models/entity_registry.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

namespace {

template <class T>
using ById = std::unordered_map<std::string, T>;

using matcher::SnapshotPart;
using matcher::SnapshotParts;

// The kinds the mirror holds whole: all but jobs, graduates and placements
// (the large kinds live in the snapshot only; placements are not scored).
struct SmallKinds {
    ById<Skill> skills;
    ById<Certificate> certificates;
    ById<Institution> institutions;
    ById<Program> programs;
    ById<Employer> employers;
    ById<Teacher> teachers;
    ById<Project> projects;
    ById<InnovationDemand> innovation_demands;
    ById<ResearchResult> research_results;
    ById<OccupationalStandard> occupational_standards;
    ById<Course> courses;
    ById<TrainingProgram> training_programs;
};

// f(the map of `kind`) for a small kind, of a const or mutable SmallKinds;
// false (f not called) for the others.
template <class Maps, class F>
bool visit_small(Maps& maps, store::EntityKind kind, F&& f) {
    switch (kind) {
        case store::EntityKind::kSkills:
            return f(maps.skills), true;
        case store::EntityKind::kCertificates:
            return f(maps.certificates), true;
        case store::EntityKind::kInstitutions:
            return f(maps.institutions), true;
        case store::EntityKind::kPrograms:
            return f(maps.programs), true;
        case store::EntityKind::kEmployers:
            return f(maps.employers), true;
        case store::EntityKind::kTeachers:
            return f(maps.teachers), true;
        case store::EntityKind::kProjects:
            return f(maps.projects), true;
        case store::EntityKind::kInnovationDemands:
            return f(maps.innovation_demands), true;
        case store::EntityKind::kResearchResults:
            return f(maps.research_results), true;
        case store::EntityKind::kOccupationalStandards:
            return f(maps.occupational_standards), true;
        case store::EntityKind::kCourses:
            return f(maps.courses), true;
        case store::EntityKind::kTrainingPrograms:
            return f(maps.training_programs), true;
        case store::EntityKind::kJobs:
        case store::EntityKind::kGraduates:
        case store::EntityKind::kPlacements:
            break;
    }
    return false;
}

// The connection snapshot that is the only user of `kind` (rebuilt from the
// mirror when it changes); nullopt for kinds the main snapshot uses.
std::optional<SnapshotPart> connection_of(store::EntityKind kind) {
    switch (kind) {
        case store::EntityKind::kTeachers:
        case store::EntityKind::kProjects:
            return SnapshotPart::kTeachersProjects;
        case store::EntityKind::kInnovationDemands:
        case store::EntityKind::kResearchResults:
            return SnapshotPart::kResearchDemands;
        case store::EntityKind::kOccupationalStandards:
            return SnapshotPart::kProgramsStandards;
        default:
            return std::nullopt;
    }
}

// The changed entities of a large kind since the published position: id ->
// its current state, or nullopt when it is gone.
template <class T>
using Delta = std::map<std::string, std::optional<T>>;

template <class T>
std::vector<std::string> ids_of(const Delta<T>& delta) {
    std::vector<std::string> ids;
    ids.reserve(delta.size());
    for (const auto& [id, value] : delta) ids.push_back(id);
    return ids;
}

template <class T>
const T* lookup(const Delta<T>& delta, const std::string& id) {
    const auto it = delta.find(id);
    return it == delta.end() || !it->second ? nullptr : &*it->second;
}

}  // namespace

// What the publication keeps between reads of the change log: the small
// kinds whole (to rebuild a connection's snapshot when one of its own kinds
// changes), and, during one read, the changed jobs and graduates. Jobs and
// graduates are held by the published snapshot only, so the server keeps no
// second copy of the large kinds.
//
// A full read (begin_full) clears it and forwards every entity to a
// SnapshotFeed, which builds every snapshot. A read of changes (begin_delta)
// collects them against the published snapshot; needs_full_read() says when
// they cannot be applied as patches: a kind the main snapshot uses, other
// than jobs and graduates, changed, or a kind came whole (the log was
// pruned, or most of a kind changed).
class SnapshotMirror final : public store::ChangeSink {
  public:
    void begin_full() {
        small_ = {};
        feed_.emplace();
        reset_delta(nullptr);
    }
    matcher::SnapshotSet finish_full() {
        matcher::SnapshotSet set = feed_->build();
        feed_.reset();
        return set;
    }
    void begin_delta(const matcher::Snapshot& base) { reset_delta(&base); }

    bool needs_full_read() const { return needs_full_read_; }
    const Delta<Job>& jobs() const { return jobs_; }
    const Delta<Graduate>& graduates() const { return graduates_; }
    // The connections whose own kinds changed in this delta.
    SnapshotParts changed_connections() const { return changed_connections_; }

    // A connection's snapshot built in full from the small kinds.
    std::shared_ptr<const matcher::Snapshot> build(SnapshotPart part) const {
        matcher::SnapshotFeed feed(matcher::only(part));
        const auto put_all = [&](const auto& map) {
            for (const auto& [id, v] : map) feed.put(v);
        };
        // kAllEntityKinds order, as the feed asks.
        put_all(small_.skills);
        put_all(small_.certificates);
        put_all(small_.institutions);
        put_all(small_.programs);
        put_all(small_.employers);
        put_all(small_.teachers);
        put_all(small_.projects);
        put_all(small_.innovation_demands);
        put_all(small_.research_results);
        put_all(small_.occupational_standards);
        put_all(small_.courses);
        put_all(small_.training_programs);
        return feed.build()[part];
    }

    // --- store::ChangeSink
    std::size_t size(store::EntityKind kind) const override {
        if (kind == store::EntityKind::kJobs) return base_ ? base_->jobs.size() : 0;
        if (kind == store::EntityKind::kGraduates) return base_ ? base_->graduates.size() : 0;
        std::size_t n = 0;
        visit_small(small_, kind, [&](const auto& map) { n = map.size(); });
        return n;
    }
    void clear(store::EntityKind kind) override {
        if (feed_ || kind == store::EntityKind::kPlacements) return;  // a full read starts empty
        needs_full_read_ = true;  // a whole kind follows: read everything instead
    }
    void put(const Skill& v) override { small(small_.skills, v); }
    void put(const Certificate& v) override { small(small_.certificates, v); }
    void put(const Institution& v) override { small(small_.institutions, v); }
    void put(const Program& v) override { small(small_.programs, v); }
    void put(const Employer& v) override { small(small_.employers, v); }
    void put(const Job& v) override { large(jobs_, v); }
    void put(const Graduate& v) override { large(graduates_, v); }
    void put(const Placement&) override {}
    void put(const Teacher& v) override { small(small_.teachers, v); }
    void put(const Project& v) override { small(small_.projects, v); }
    void put(const InnovationDemand& v) override { small(small_.innovation_demands, v); }
    void put(const ResearchResult& v) override { small(small_.research_results, v); }
    void put(const OccupationalStandard& v) override { small(small_.occupational_standards, v); }
    void put(const Course& v) override { small(small_.courses, v); }
    void put(const TrainingProgram& v) override { small(small_.training_programs, v); }
    void erase(store::EntityKind kind, const std::string& id) override {
        if (kind == store::EntityKind::kPlacements) return;
        note_changed(kind);
        if (kind == store::EntityKind::kJobs) {
            jobs_[id] = std::nullopt;
        } else if (kind == store::EntityKind::kGraduates) {
            graduates_[id] = std::nullopt;
        } else {
            visit_small(small_, kind, [&](auto& map) { map.erase(id); });
        }
    }
    // After an erasure: the graduates still stored. Those of the published
    // snapshot missing from `sorted_ids` were erased.
    void retain(store::EntityKind kind, const std::vector<std::string>& sorted_ids) override {
        if (kind == store::EntityKind::kPlacements) return;
        if (kind != store::EntityKind::kGraduates || !base_) {
            needs_full_read_ = true;
            return;
        }
        auto kept = sorted_ids.begin();
        for (const std::string& id : base_->graduates.ids.all()) {
            kept = std::lower_bound(kept, sorted_ids.end(), id);
            if (kept == sorted_ids.end() || *kept != id) graduates_[id] = std::nullopt;
        }
    }

  private:
    void reset_delta(const matcher::Snapshot* base) {
        base_ = base;
        jobs_.clear();
        graduates_.clear();
        needs_full_read_ = false;
        changed_connections_.reset();
    }
    void note_changed(store::EntityKind kind) {
        if (const auto part = connection_of(kind)) {
            changed_connections_.set(std::size_t(*part));
        } else if (kind != store::EntityKind::kJobs && kind != store::EntityKind::kGraduates) {
            needs_full_read_ = true;  // the main snapshot uses it
        }
    }
    template <class T>
    void small(ById<T>& map, const T& v) {
        if (feed_) {
            feed_->put(v);
        } else {
            note_changed(kind_of<T>());
        }
        map[v.id] = v;
    }
    template <class T>
    void large(Delta<T>& delta, const T& v) {
        if (feed_) {
            feed_->put(v);
        } else if (!needs_full_read_) {  // once a full read is due, what follows is dropped
            delta[v.id] = v;
        }
    }

    SmallKinds small_;
    std::optional<matcher::SnapshotFeed> feed_;  // during a full read
    const matcher::Snapshot* base_ = nullptr;    // during a delta: the published snapshot
    Delta<Job> jobs_;
    Delta<Graduate> graduates_;
    bool needs_full_read_ = false;
    SnapshotParts changed_connections_;
};

matcher::SnapshotSet build_snapshots(store::Store& store) {
    SnapshotMirror mirror;
    mirror.begin_full();
    store.read_changes(-1, mirror);
    return mirror.finish_full();
}

std::shared_ptr<const matcher::Snapshot> build_snapshot(store::Store& store) {
    return build_snapshots(store).main;
}

SnapshotHolder::SnapshotHolder(const std::string& db_path, SnapshotHolderOptions options,
                               Logger log_error)
    : store_(std::make_unique<store::Store>(db_path)),
      mirror_(std::make_unique<SnapshotMirror>()),
      options_(options),
      log_error_(std::move(log_error)),
      dirty_since_(std::chrono::steady_clock::now()),
      thread_([this] { run(); }) {}

SnapshotHolder::~SnapshotHolder() {
    {
        std::lock_guard lock(wake_mutex_);
        stop_ = true;
    }
    wake_cv_.notify_all();
    thread_.join();
}

PublishedSnapshot SnapshotHolder::current() const {
    std::lock_guard lock(published_mutex_);
    return published_;
}

void SnapshotHolder::notify_write() {
    {
        std::lock_guard lock(wake_mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (!dirty_since_) dirty_since_ = now;
        last_write_ = now;
    }
    wake_cv_.notify_all();
}

bool SnapshotHolder::wait_for_version(std::int64_t version,
                                      std::chrono::milliseconds timeout) const {
    std::unique_lock lock(published_mutex_);
    return published_cv_.wait_for(lock, timeout, [&] {
        return published_.snapshot != nullptr && published_.data_version >= version;
    });
}

void SnapshotHolder::run() {
    using Clock = std::chrono::steady_clock;
    auto next_poll = Clock::now() + options_.poll_interval;
    std::unique_lock lock(wake_mutex_);
    while (!stop_) {
        if (dirty_since_) {
            const auto due = std::max(
                std::min(last_write_ + options_.debounce, *dirty_since_ + options_.max_delay),
                not_before_);
            if (Clock::now() < due) {
                wake_cv_.wait_until(lock, due);
                continue;
            }
            dirty_since_.reset();
            lock.unlock();
            const auto started = Clock::now();
            rebuild();
            const auto ended = Clock::now();
            lock.lock();
            // At most half of one core under a stream of writes (bulk
            // ingest): when writes arrived during this rebuild, the next one
            // waits as long as this one took. An isolated write is not held.
            not_before_ = dirty_since_ ? ended + (ended - started) : ended;
            next_poll = Clock::now() + options_.poll_interval;
            continue;
        }
        if (wake_cv_.wait_until(lock, next_poll, [&] { return stop_ || dirty_since_; })) continue;
        next_poll = Clock::now() + options_.poll_interval;
        lock.unlock();
        std::int64_t version = -1;
        try {
            version = store_->data_version();
        } catch (const std::exception& e) {
            log_error_(std::string("snapshot poll failed: ") + e.what());
        }
        lock.lock();
        if (version >= 0 && version != current().data_version && !dirty_since_) {
            dirty_since_ = last_write_ = Clock::now() - options_.max_delay;
        }
    }
}

void SnapshotHolder::rebuild() {
    const auto start = std::chrono::steady_clock::now();
    try {
        PublishedSnapshot next = current();
        store::ChangePosition position;
        bool full_read = mirror_seq_ < 0 || !next.snapshot;
        if (!full_read) {
            mirror_->begin_delta(*next.snapshot);
            position = store_->read_changes(mirror_seq_, *mirror_);
            if (position.changed == 0 && !position.full) {
                mirror_seq_ = position.seq;
                if (position.data_version == next.data_version) return;  // nothing new
                // The version moved, no entity did: the same snapshots.
            } else {
                full_read = position.full || !apply_delta(next);
            }
        }
        if (full_read) {
            mirror_->begin_full();
            position = store_->read_changes(-1, *mirror_);
            matcher::SnapshotSet set = mirror_->finish_full();
            next.snapshot = std::move(set.main);
            next.teachers_projects = std::move(set.teachers_projects);
            next.research_demands = std::move(set.research_demands);
            next.programs_standards = std::move(set.programs_standards);
            next.training_jobs = std::move(set.training_jobs);
        }
        mirror_seq_ = position.seq;
        next.data_version = position.data_version;
        next.built_at = std::chrono::system_clock::now();
        last_build_seconds_ =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        {
            std::lock_guard lock(published_mutex_);
            std::swap(published_, next);
        }
        ++builds_;
        published_cv_.notify_all();
        // `next` now holds what was replaced: freed here, once readers see
        // the new snapshots, not while they wait on the mutex.
        next = {};
    } catch (const std::exception& e) {
        mirror_seq_ = -1;  // the mirror may hold part of a delta: read everything next time
        log_error_(std::string("snapshot build failed: ") + e.what());
    }
}

bool SnapshotHolder::apply_delta(PublishedSnapshot& next) const {
    const SnapshotMirror& delta = *mirror_;
    if (delta.needs_full_read()) return false;
    const auto job = [&](const std::string& id) { return lookup(delta.jobs(), id); };
    const auto graduate = [&](const std::string& id) { return lookup(delta.graduates(), id); };
    if (!delta.jobs().empty()) {
        if (delta.jobs().size() > next.snapshot->jobs.size() / 4 + 64) return false;
        const std::vector<std::string> ids = ids_of(delta.jobs());
        next.snapshot = matcher::patch_jobs(*next.snapshot, job, ids);
        // The training connection's demand side is the jobs themselves.
        if (next.snapshot) next.training_jobs = matcher::patch_jobs(*next.training_jobs, job, ids);
        if (!next.snapshot || !next.training_jobs) return false;
    }
    if (!delta.graduates().empty()) {
        if (delta.graduates().size() > next.snapshot->graduates.size() / 4 + 64) return false;
        next.snapshot =
            matcher::patch_graduates(*next.snapshot, graduate, ids_of(delta.graduates()));
        if (!next.snapshot) return false;
    }
    const SnapshotParts connections = delta.changed_connections();
    for (const auto& [part, slot] :
         {std::pair{SnapshotPart::kTeachersProjects, &next.teachers_projects},
          std::pair{SnapshotPart::kResearchDemands, &next.research_demands},
          std::pair{SnapshotPart::kProgramsStandards, &next.programs_standards}}) {
        if (connections.test(std::size_t(part))) *slot = delta.build(part);
    }
    return true;
}

}  // namespace talentmatch::api
