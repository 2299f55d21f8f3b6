#include "api/snapshot_holder.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "matcher/job_kernel_plan_builder.hpp"
#include "models/field_error.hpp"
#include "models/limits.hpp"
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
};

// f(the map of `kind`), for a const or mutable EntityMaps.
template <class Maps, class F>
decltype(auto) visit_kind(Maps& maps, store::EntityKind kind, F&& f) {
    switch (kind) {
        case store::EntityKind::kSkill:
            return f(maps.skills);
        case store::EntityKind::kCertificate:
            return f(maps.certificates);
        case store::EntityKind::kInstitution:
            return f(maps.institutions);
        case store::EntityKind::kProgram:
            return f(maps.programs);
        case store::EntityKind::kEmployer:
            return f(maps.employers);
        case store::EntityKind::kJob:
            return f(maps.jobs);
        case store::EntityKind::kGraduate:
            break;
    }
    return f(maps.graduates);
}

}  // namespace

namespace {

// One job as the full builder stages and finishes it (add_job + finish_jobs):
// references resolved to the base snapshot's final indices, must-haves
// first, then by skill. False when anything needs the full build (an
// unknown reference or a string the dictionaries lack).
bool append_job(const matcher::Snapshot& base, const Job& job, matcher::JobSet& out) {
    using matcher::Index;
    if (job.requirements.empty() || job.requirements.size() > kMaxListLength) return false;
    const std::size_t first = out.requirements.items.size();
    std::uint32_t weighted = 0;
    for (const Requirement& r : job.requirements) {
        const auto skill = base.skills.find(r.skill_id);
        if (!skill || r.level < kMinRequiredLevel || r.level > kMaxLevel || r.weight < kMinWeight ||
            r.weight > kMaxWeight) {
            return false;
        }
        out.requirements.items.push_back({*skill, std::uint8_t(r.level), std::uint8_t(r.weight),
                                          std::uint8_t(r.must_have ? 1 : 0)});
        weighted += std::uint32_t(r.weight * r.level);
    }
    const auto row = out.requirements.items.begin() + std::ptrdiff_t(first);
    std::sort(row, out.requirements.items.end(),
              [](const matcher::RequirementEntry& a, const matcher::RequirementEntry& b) {
                  if (a.must_have != b.must_have) return a.must_have > b.must_have;
                  return a.skill < b.skill;
              });
    for (auto a = row; a != out.requirements.items.end(); ++a) {
        for (auto b = a + 1; b != out.requirements.items.end(); ++b) {
            if (a->skill == b->skill) return false;
        }
    }
    Index employer = matcher::kNone;
    if (!job.employer_id.empty()) {
        const auto found = base.employers.find(job.employer_id);
        if (!found) return false;
        employer = *found;
    }
    const auto cluster = base.clusters.find(job.cluster);
    const auto district = base.districts.find(job.district);
    if (!cluster || !district) return false;
    std::vector<Index> certificates;
    for (const std::string& c : job.required_certificates) {
        const auto found = base.certificates.find(c);
        if (!found) return false;
        certificates.push_back(*found);
    }
    std::sort(certificates.begin(), certificates.end());
    certificates.erase(std::unique(certificates.begin(), certificates.end()), certificates.end());
    out.requirements.offsets.push_back(std::uint32_t(out.requirements.items.size()));
    out.weighted_level_sum.push_back(weighted);
    out.employer.push_back(employer);
    out.cluster.push_back(*cluster);
    out.district.push_back(*district);
    out.headcount.push_back(job.headcount);
    out.min_education.push_back(std::uint8_t(job.min_education));
    out.certificates.items.insert(out.certificates.items.end(), certificates.begin(),
                                  certificates.end());
    out.certificates.offsets.push_back(std::uint32_t(out.certificates.items.size()));
    out.title.push_back(job.title);
    out.valid_until.push_back(job.valid_until);
    return true;
}

// Row `j` of `in`, copied unchanged.
void append_row(const matcher::JobSet& in, std::size_t j, matcher::JobSet& out) {
    const auto requirements = in.requirements.row(j);
    out.requirements.items.insert(out.requirements.items.end(), requirements.begin(),
                                  requirements.end());
    out.requirements.offsets.push_back(std::uint32_t(out.requirements.items.size()));
    out.weighted_level_sum.push_back(in.weighted_level_sum[j]);
    out.employer.push_back(in.employer[j]);
    out.cluster.push_back(in.cluster[j]);
    out.district.push_back(in.district[j]);
    out.headcount.push_back(in.headcount[j]);
    out.min_education.push_back(in.min_education[j]);
    const auto certificates = in.certificates.row(j);
    out.certificates.items.insert(out.certificates.items.end(), certificates.begin(),
                                  certificates.end());
    out.certificates.offsets.push_back(std::uint32_t(out.certificates.items.size()));
    out.title.push_back(in.title[j]);
    out.valid_until.push_back(in.valid_until[j]);
}

}  // namespace

std::shared_ptr<const matcher::Snapshot> patch_jobs(
    const matcher::Snapshot& base, const std::function<const Job*(const std::string&)>& current,
    const std::vector<std::string>& changed_ids) {
    const auto start = std::chrono::steady_clock::now();
    const matcher::JobSet& old = base.jobs;
    matcher::JobSet jobs;
    std::vector<std::string> ids;
    ids.reserve(old.size() + changed_ids.size());
    const std::size_t reserve_items = old.requirements.items.size() + 32 * changed_ids.size();
    jobs.requirements.items.reserve(reserve_items);
    std::size_t i = 0;
    std::size_t k = 0;
    while (i < old.size() || k < changed_ids.size()) {
        const bool take_old = k == changed_ids.size() ||
                              (i < old.size() && old.ids[matcher::Index(i)] < changed_ids[k]);
        if (take_old) {
            ids.push_back(old.ids[matcher::Index(i)]);
            append_row(old, i++, jobs);
            continue;
        }
        if (i < old.size() && old.ids[matcher::Index(i)] == changed_ids[k])
            ++i;  // replaced or gone
        if (const Job* job = current(changed_ids[k])) {
            if (!append_job(base, *job, jobs)) return nullptr;
            ids.push_back(job->id);
        }
        ++k;
    }
    jobs.ids = matcher::SortedIds(std::move(ids));
    auto snapshot = std::make_shared<matcher::Snapshot>();
    *snapshot = base;  // every other member as it was (jobs and job_plan replaced below)
    snapshot->job_plan = matcher::build_job_kernel_plan(jobs, snapshot->skills.size());
    snapshot->jobs = std::move(jobs);
    snapshot->stats.build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return snapshot;
}

// Every entity, keyed by id, as of one change-log position. Iteration order
// does not matter: the builder sorts every kind by id.
class SnapshotMirror final : public store::ChangeSink {
  public:
    std::size_t size(store::EntityKind kind) const override {
        return visit_kind(maps_, kind, [](const auto& map) { return map.size(); });
    }
    void clear(store::EntityKind kind) override {
        only_jobs_changed_ = false;
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
    void put(const Graduate& v) override { other(maps_.graduates, v); }
    void erase(store::EntityKind kind, const std::string& id) override {
        if (kind == store::EntityKind::kJob) {
            changed_jobs_.push_back(id);
        } else {
            only_jobs_changed_ = false;
        }
        visit_kind(maps_, kind, [&](auto& map) { map.erase(id); });
    }
    void retain(store::EntityKind kind, const std::vector<std::string>& sorted_ids) override {
        only_jobs_changed_ = false;
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
        return builder.build();
    }

    // Since the last forget_changes(): did only jobs change, and which.
    bool only_jobs_changed() const { return only_jobs_changed_; }
    std::vector<std::string> changed_jobs() const {
        std::vector<std::string> ids = changed_jobs_;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        return ids;
    }
    void forget_changes() {
        changed_jobs_.clear();
        only_jobs_changed_ = true;
    }
    const Job* job(const std::string& id) const {
        const auto it = maps_.jobs.find(id);
        return it == maps_.jobs.end() ? nullptr : &it->second;
    }

  private:
    template <class T>
    void other(ById<T>& map, const T& v) {
        only_jobs_changed_ = false;
        map[v.id] = v;
    }

    EntityMaps maps_;
    std::vector<std::string> changed_jobs_;
    bool only_jobs_changed_ = false;  // nothing published from this mirror yet
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
        if (position.full || position.changed > 0 || !ready()) {
            const std::shared_ptr<const matcher::Snapshot> base = current().snapshot;
            if (base && mirror_->only_jobs_changed() && patches_since_full_ < kMaxPatches) {
                const std::vector<std::string> ids = mirror_->changed_jobs();
                if (ids.size() <= base->jobs.size() / 4 + 64) {
                    snapshot = patch_jobs(
                        *base, [&](const std::string& id) { return mirror_->job(id); }, ids);
                }
            }
            if (snapshot) {
                ++patches_since_full_;
            } else {
                snapshot = mirror_->build();
                patches_since_full_ = 0;
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
            published_ = {std::move(snapshot), position.data_version,
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
