#include "api/snapshot_holder.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "matcher/connection_snapshot.hpp"
#include "matcher/snapshot_patch.hpp"
#include "models/entity_registry.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

namespace {

template <class T>
using ById = std::unordered_map<std::string, T>;

struct EntityMaps {
    ById<Skill> skills;
    ById<Certificate> certificates;
    ById<Institution> institutions;
    ById<Program> programs;
    ById<Employer> employers;
    ById<Job> jobs;
    ById<Graduate> graduates;
    ById<Teacher> teachers;
    ById<Project> projects;
    ById<InnovationDemand> innovation_demands;
    ById<ResearchResult> research_results;
    ById<OccupationalStandard> occupational_standards;
    ById<Course> courses;
    ById<TrainingProgram> training_programs;
};

// The connections published beside the main snapshot (connection_snapshot.hpp),
// and the kinds only they use.
enum Connection : std::size_t {
    kTeachersProjects,
    kResearchDemands,
    kProgramsStandards,
    kTrainingJobs,
    kConnectionCount
};
std::optional<Connection> connection_of(store::EntityKind kind) {
    switch (kind) {
        case store::EntityKind::kTeachers:
        case store::EntityKind::kProjects:
            return kTeachersProjects;
        case store::EntityKind::kInnovationDemands:
        case store::EntityKind::kResearchResults:
            return kResearchDemands;
        case store::EntityKind::kOccupationalStandards:
            return kProgramsStandards;
        default:
            return std::nullopt;
    }
}

// f(the map of `kind`), for a const or mutable EntityMaps.
template <class Maps, class F>
decltype(auto) visit_kind(Maps& maps, store::EntityKind kind, F&& f) {
    switch (kind) {
        case store::EntityKind::kSkills:
            return f(maps.skills);
        case store::EntityKind::kCertificates:
            return f(maps.certificates);
        case store::EntityKind::kInstitutions:
            return f(maps.institutions);
        case store::EntityKind::kPrograms:
            return f(maps.programs);
        case store::EntityKind::kEmployers:
            return f(maps.employers);
        case store::EntityKind::kJobs:
            return f(maps.jobs);
        case store::EntityKind::kGraduates:
            break;
        case store::EntityKind::kPlacements:
            throw std::logic_error("placements are not mirrored");
        case store::EntityKind::kTeachers:
            return f(maps.teachers);
        case store::EntityKind::kProjects:
            return f(maps.projects);
        case store::EntityKind::kInnovationDemands:
            return f(maps.innovation_demands);
        case store::EntityKind::kResearchResults:
            return f(maps.research_results);
        case store::EntityKind::kOccupationalStandards:
            return f(maps.occupational_standards);
        case store::EntityKind::kCourses:
            return f(maps.courses);
        case store::EntityKind::kTrainingPrograms:
            return f(maps.training_programs);
    }
    return f(maps.graduates);
}

}  // namespace

// Every entity the matcher uses, keyed by id, as of one change-log position.
// Iteration order does not matter: the builder sorts every kind by id.
// Placements are not held (the matcher does not score them; the outcomes
// report reads them from the store): their changes are dropped here.
class SnapshotMirror final : public store::ChangeSink {
  public:
    std::size_t size(store::EntityKind kind) const override {
        if (kind == store::EntityKind::kPlacements) return 0;
        return visit_kind(maps_, kind, [](const auto& map) { return map.size(); });
    }
    void clear(store::EntityKind kind) override {
        if (kind == store::EntityKind::kPlacements) return;
        note_reload(kind);
        visit_kind(maps_, kind, [](auto& map) { map.clear(); });
    }
    void put(const Skill& v) override { other(maps_.skills, v); }
    void put(const Certificate& v) override { other(maps_.certificates, v); }
    void put(const Institution& v) override { other(maps_.institutions, v); }
    void put(const Program& v) override { other(maps_.programs, v); }
    void put(const Employer& v) override { other(maps_.employers, v); }
    void put(const Job& v) override {
        maps_.jobs[v.id] = v;
        changed_jobs_.push_back(v.id);
    }
    void put(const Graduate& v) override {
        maps_.graduates[v.id] = v;
        // After a reload every graduate is new: no id list (1M ids at province scale).
        if (!graduates_reloaded_) changed_graduates_.push_back(v.id);
    }
    void put(const Placement&) override {}
    void put(const Teacher& v) override { connection(maps_.teachers, v); }
    void put(const Project& v) override { connection(maps_.projects, v); }
    void put(const InnovationDemand& v) override { connection(maps_.innovation_demands, v); }
    void put(const ResearchResult& v) override { connection(maps_.research_results, v); }
    void put(const OccupationalStandard& v) override {
        connection(maps_.occupational_standards, v);
    }
    void put(const Course& v) override { other(maps_.courses, v); }
    // Training programs are projected supply in the main snapshot as well.
    void put(const TrainingProgram& v) override { other(maps_.training_programs, v); }
    void erase(store::EntityKind kind, const std::string& id) override {
        if (kind == store::EntityKind::kPlacements) return;
        if (kind == store::EntityKind::kJobs) {
            changed_jobs_.push_back(id);
        } else if (kind == store::EntityKind::kGraduates) {
            changed_graduates_.push_back(id);
        } else if (const auto c = connection_of(kind)) {
            connection_changed_[*c] = true;
        } else {
            others_changed_ = true;
        }
        visit_kind(maps_, kind, [&](auto& map) { map.erase(id); });
    }
    void retain(store::EntityKind kind, const std::vector<std::string>& sorted_ids) override {
        if (kind == store::EntityKind::kPlacements) return;
        note_reload(kind);
        visit_kind(maps_, kind, [&](auto& map) {
            std::erase_if(map, [&](const auto& entry) {
                return !std::binary_search(sorted_ids.begin(), sorted_ids.end(), entry.first);
            });
        });
    }

    std::shared_ptr<const matcher::Snapshot> build() const {
        matcher::SnapshotBuilder builder;
        for (const auto& [id, v] : maps_.skills) builder.add_skill(v);
        for (const auto& [id, v] : maps_.certificates) builder.add_certificate(v);
        for (const auto& [id, v] : maps_.institutions) builder.add_institution(v);
        for (const auto& [id, v] : maps_.programs) builder.add_program(v);
        for (const auto& [id, v] : maps_.employers) builder.add_employer(v);
        for (const auto& [id, v] : maps_.graduates) builder.add_graduate(v);
        for (const auto& [id, v] : maps_.jobs) builder.add_job(v);
        for (const auto& [id, v] : maps_.courses) builder.add_course(v);
        for (const auto& [id, v] : maps_.training_programs) builder.add_training_program(v);
        return builder.build();
    }

    // A connection's snapshot (connection_snapshot.hpp), in full.
    std::shared_ptr<const matcher::Snapshot> build(Connection c) const {
        if (c == kProgramsStandards) return build_programs_standards();
        if (c == kTrainingJobs) return build_training_jobs();
        return c == kTeachersProjects ? build_connection<matcher::TeacherProjectSnapshotBuilder>(
                                            maps_.teachers, maps_.projects)
                                      : build_connection<matcher::ResearchDemandSnapshotBuilder>(
                                            maps_.research_results, maps_.innovation_demands);
    }

    // Since the last forget_changes(): did anything but jobs and graduates
    // change (or was a kind reloaded), which jobs, did any graduate.
    bool others_changed() const { return others_changed_; }
    // Since the last forget_changes(): did a kind of connection `c` or the
    // reference data it uses change (its snapshot is rebuilt).
    // The training connection's demand side is the jobs themselves.
    bool changed(Connection c) const {
        return connection_changed_[c] || others_changed_ ||
               (c == kTrainingJobs && !changed_jobs_.empty());
    }
    bool graduates_changed() const { return graduates_reloaded_ || !changed_graduates_.empty(); }
    // The graduates kind was cleared or pruned: no id list, every graduate.
    bool graduates_reloaded() const { return graduates_reloaded_; }
    std::vector<std::string> changed_jobs() const { return sorted_unique(changed_jobs_); }
    std::vector<std::string> changed_graduates() const { return sorted_unique(changed_graduates_); }
    void forget_changes() {
        changed_jobs_.clear();
        changed_graduates_.clear();
        graduates_reloaded_ = false;
        others_changed_ = false;
        connection_changed_.fill(false);
    }
    const Job* job(const std::string& id) const {
        const auto it = maps_.jobs.find(id);
        return it == maps_.jobs.end() ? nullptr : &it->second;
    }
    const Graduate* graduate(const std::string& id) const {
        const auto it = maps_.graduates.find(id);
        return it == maps_.graduates.end() ? nullptr : &it->second;
    }
    std::vector<const Graduate*> graduates() const {
        std::vector<const Graduate*> out;
        out.reserve(maps_.graduates.size());
        for (const auto& [id, v] : maps_.graduates) out.push_back(&v);
        return out;
    }

  private:
    static std::vector<std::string> sorted_unique(std::vector<std::string> ids) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }
    // A whole kind was reloaded or pruned: patch_candidates restages every
    // graduate; any other kind needs a full build.
    void note_reload(store::EntityKind kind) {
        if (kind == store::EntityKind::kGraduates) {
            graduates_reloaded_ = true;
        } else if (const auto c = connection_of(kind)) {
            connection_changed_[*c] = true;
        } else {
            others_changed_ = true;
        }
    }
    template <class T>
    void other(ById<T>& map, const T& v) {
        others_changed_ = true;
        map[v.id] = v;
    }
    template <class T>
    void connection(ById<T>& map, const T& v) {
        connection_changed_[*connection_of(kind_of<T>())] = true;
        map[v.id] = v;
    }
    std::shared_ptr<const matcher::Snapshot> build_programs_standards() const {
        matcher::ProgramStandardSnapshotBuilder builder;
        for (const auto& [id, v] : maps_.skills) builder.add_skill(v);
        for (const auto& [id, v] : maps_.certificates) builder.add_certificate(v);
        for (const auto& [id, v] : maps_.institutions) builder.add_institution(v);
        for (const auto& [id, v] : maps_.programs) builder.add_program(v);
        for (const auto& [id, v] : maps_.courses) builder.add_course(v);
        for (const auto& [id, v] : maps_.occupational_standards) builder.add_standard(v);
        return builder.build();
    }
    std::shared_ptr<const matcher::Snapshot> build_training_jobs() const {
        matcher::TrainingJobSnapshotBuilder builder;
        for (const auto& [id, v] : maps_.skills) builder.add_skill(v);
        for (const auto& [id, v] : maps_.certificates) builder.add_certificate(v);
        for (const auto& [id, v] : maps_.institutions) builder.add_institution(v);
        for (const auto& [id, v] : maps_.employers) builder.add_employer(v);
        for (const auto& [id, v] : maps_.training_programs) builder.add_supply(v);
        for (const auto& [id, v] : maps_.jobs) builder.add_demand(v);
        return builder.build();
    }
    template <class Builder, class Supply, class Demand>
    std::shared_ptr<const matcher::Snapshot> build_connection(const ById<Supply>& supplies,
                                                              const ById<Demand>& demands) const {
        Builder builder;
        for (const auto& [id, v] : maps_.skills) builder.add_skill(v);
        for (const auto& [id, v] : maps_.institutions) builder.add_institution(v);
        for (const auto& [id, v] : maps_.employers) builder.add_employer(v);
        for (const auto& [id, v] : supplies) builder.add_supply(v);
        for (const auto& [id, v] : demands) builder.add_demand(v);
        return builder.build();
    }

    EntityMaps maps_;
    std::vector<std::string> changed_jobs_;
    std::vector<std::string> changed_graduates_;
    bool graduates_reloaded_ = false;
    bool others_changed_ = true;  // nothing published from this mirror yet
    std::array<bool, kConnectionCount> connection_changed_{};
};

std::shared_ptr<const matcher::Snapshot> build_snapshot(store::Store& store) {
    SnapshotMirror mirror;
    store.read_changes(-1, mirror);
    return mirror.build();
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
        const store::ChangePosition position = store_->read_changes(mirror_seq_, *mirror_);
        mirror_seq_ = position.seq;
        std::shared_ptr<const matcher::Snapshot> snapshot;
        std::array<std::shared_ptr<const matcher::Snapshot>, kConnectionCount> connections = {
            current().teachers_projects, current().research_demands, current().programs_standards,
            current().training_jobs};
        if (position.full || position.changed > 0 || !ready()) {
            const std::shared_ptr<const matcher::Snapshot> base = current().snapshot;
            for (std::size_t c = 0; c < kConnectionCount; ++c) {
                if (!connections[c] || mirror_->changed(Connection(c))) {
                    connections[c] = mirror_->build(Connection(c));
                }
            }
            if (base && !mirror_->others_changed() && !mirror_->graduates_changed() &&
                mirror_->changed_jobs().empty()) {
                snapshot = base;  // only the connections' own kinds changed
            } else if (base && !mirror_->others_changed() && patches_since_full_ < kMaxPatches) {
                snapshot = base;
                const std::vector<std::string> ids = mirror_->changed_jobs();
                if (ids.size() > base->jobs.size() / 4 + 64) {
                    snapshot = nullptr;
                } else if (!ids.empty()) {
                    snapshot = matcher::patch_jobs(
                        *snapshot, [&](const std::string& id) { return mirror_->job(id); }, ids);
                }
                if (snapshot && mirror_->graduates_changed()) {
                    const std::vector<std::string> gids = mirror_->changed_graduates();
                    if (mirror_->graduates_reloaded() || gids.size() > base->graduates.size() / 4) {
                        snapshot = matcher::patch_candidates(*snapshot, mirror_->graduates());
                    } else {
                        snapshot = matcher::patch_graduates(
                            *snapshot, [&](const std::string& id) { return mirror_->graduate(id); },
                            gids);
                    }
                }
            }
            if (!snapshot) {
                snapshot = mirror_->build();
                patches_since_full_ = 0;
            } else if (snapshot != base) {
                ++patches_since_full_;
            }
            mirror_->forget_changes();
        } else if (position.data_version == current().data_version) {
            return;  // nothing new
        } else {
            snapshot = current().snapshot;  // the version moved, no entity did
        }
        last_build_seconds_ =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        {
            std::lock_guard lock(published_mutex_);
            published_ = {std::move(snapshot),
                          std::move(connections[kTeachersProjects]),
                          std::move(connections[kResearchDemands]),
                          std::move(connections[kProgramsStandards]),
                          std::move(connections[kTrainingJobs]),
                          position.data_version,
                          std::chrono::system_clock::now()};
        }
        ++builds_;
        published_cv_.notify_all();
    } catch (const std::exception& e) {
        mirror_seq_ = -1;  // the mirror may hold part of a delta: reload it all next time
        mirror_->forget_changes();
        log_error_(std::string("snapshot build failed: ") + e.what());
    }
}

}  // namespace talentmatch::api
