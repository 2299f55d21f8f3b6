#pragma once
// SnapshotHolder: the matcher snapshot the API queries, kept current with the
// store by rebuild-with-debounce.
//
// Publishing: writes commit to SQLite first (the handler returns 2xx only
// after that); the handler then calls notify_write(). A background thread
// waits until no write arrived for `debounce` (but never longer than
// `max_delay` after the first unpublished write), rebuilds a whole new
// Snapshot from its OWN Store connection on the same file (WAL: it reads a
// committed state while other connections write), and swaps the
// shared_ptr under a mutex held only for the pointer copy. Readers take a
// shared_ptr<const Snapshot> and keep using it, so they never block on a
// rebuild and never see a half-applied write. It also polls the store's
// data_version every `poll_interval`, so writes by other processes (a CLI
// import) are picked up too.
//
// A build can fail if a write lands between two per-kind scans (e.g. a job
// naming an employer the employer scan missed): then the data version moved
// and the build is retried; a failure at a stable version is logged and the
// previous snapshot stays.
//
// Thread-safety: every public member may be called from any thread.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "matcher/query_workspace.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::store {
class Store;
}

namespace talentmatch::api {

struct SnapshotHolderOptions {
    std::chrono::milliseconds debounce{100};
    std::chrono::milliseconds max_delay{400};
    std::chrono::milliseconds poll_interval{1000};
};

struct PublishedSnapshot {
    std::shared_ptr<const matcher::Snapshot> snapshot;  // null until the first build
    std::int64_t data_version = -1;  // the store's data_version the build started at
    std::chrono::system_clock::time_point built_at{};
};

// Builds a snapshot from every entity in `store` (one scan per kind).
std::shared_ptr<const matcher::Snapshot> build_snapshot(store::Store& store);

class SnapshotHolder {
  public:
    using Logger = std::function<void(const std::string&)>;
    // Opens its own Store on `db_path` and starts the rebuild thread, which
    // builds the first snapshot at once (ready() is false until then).
    SnapshotHolder(const std::string& db_path, SnapshotHolderOptions options, Logger log_error);
    ~SnapshotHolder();  // stops the thread
    SnapshotHolder(const SnapshotHolder&) = delete;
    SnapshotHolder& operator=(const SnapshotHolder&) = delete;

    PublishedSnapshot current() const;
    bool ready() const { return current().snapshot != nullptr; }
    // A write was committed: rebuild after the debounce.
    void notify_write();
    // Blocks until a snapshot at data_version >= `version` is published, or
    // the timeout passes; true if it was. For tests and the CLI.
    bool wait_for_version(std::int64_t version, std::chrono::milliseconds timeout) const;
    std::uint64_t builds() const { return builds_.load(); }
    double last_build_seconds() const { return last_build_seconds_.load(); }
    // Scratch every query handler shares (thread-safe, any snapshot): without
    // it a single-graduate query allocates and zeroes one slot per job.
    matcher::QueryWorkspace& query_workspace() { return query_workspace_; }

  private:
    void run();
    void rebuild();

    matcher::QueryWorkspace query_workspace_;
    std::unique_ptr<store::Store> store_;  // used by the rebuild thread only
    SnapshotHolderOptions options_;
    Logger log_error_;

    mutable std::mutex published_mutex_;  // guards published_ (held for a pointer copy only)
    mutable std::condition_variable published_cv_;
    PublishedSnapshot published_;

    std::mutex wake_mutex_;  // guards dirty_since_, last_write_, stop_
    std::condition_variable wake_cv_;
    std::optional<std::chrono::steady_clock::time_point> dirty_since_;
    std::chrono::steady_clock::time_point last_write_{};
    bool stop_ = false;

    std::atomic<std::uint64_t> builds_{0};
    std::atomic<double> last_build_seconds_{0};
    std::thread thread_;  // last member: started after everything above exists
};

}  // namespace talentmatch::api
