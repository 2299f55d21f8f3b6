#include "api/snapshot_holder.hpp"

#include <optional>

#include "models/field_error.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

std::shared_ptr<const matcher::Snapshot> build_snapshot(store::Store& store) {
    matcher::SnapshotBuilder builder;
    const store::ScanOptions all;
    store::ScanOptions no_evidence;
    no_evidence.with_evidence = false;
    store.scan_skills(all, [&](const Skill& v) { builder.add_skill(v); });
    store.scan_certificates(all, [&](const Certificate& v) { builder.add_certificate(v); });
    store.scan_institutions(all, [&](const Institution& v) { builder.add_institution(v); });
    store.scan_programs(all, [&](const Program& v) { builder.add_program(v); });
    store.scan_employers(all, [&](const Employer& v) { builder.add_employer(v); });
    store.scan_graduates(no_evidence, [&](const Graduate& v) { builder.add_graduate(v); });
    store.scan_jobs(all, [&](const Job& v) { builder.add_job(v); });
    return builder.build();
}

SnapshotHolder::SnapshotHolder(const std::string& db_path, SnapshotHolderOptions options,
                               Logger log_error)
    : store_(std::make_unique<store::Store>(db_path)),
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
            const auto due =
                std::min(last_write_ + options_.debounce, *dirty_since_ + options_.max_delay);
            if (Clock::now() < due) {
                wake_cv_.wait_until(lock, due);
                continue;
            }
            dirty_since_.reset();
            lock.unlock();
            rebuild();
            lock.lock();
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
    constexpr int kAttempts = 5;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        const auto start = std::chrono::steady_clock::now();
        std::int64_t version = -1;
        try {
            version = store_->data_version();
            if (ready() && version == current().data_version) return;
            auto snapshot = build_snapshot(*store_);
            last_build_seconds_ =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            {
                std::lock_guard lock(published_mutex_);
                published_ = {std::move(snapshot), version, std::chrono::system_clock::now()};
            }
            ++builds_;
            published_cv_.notify_all();
            return;
        } catch (const std::exception& e) {
            std::int64_t now_version = -2;
            try {
                now_version = store_->data_version();
            } catch (const std::exception&) {
            }
            if (now_version == version || attempt == kAttempts) {
                log_error_(std::string("snapshot build failed: ") + e.what());
                return;
            }
        }
    }
}

}  // namespace talentmatch::api
