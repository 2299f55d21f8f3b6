#pragma once
// SnapshotHolder: the matcher snapshot the API queries, kept current with the
// store from the store's change log (store/change_log.hpp).
//
// Publishing: writes commit to SQLite first (the handler returns 2xx only
// after that), appending (kind, id) rows to the change log in the same
// transaction; the commit then calls notify_write() (the server registers
// it as the store's data-commit observer, Store::on_data_commit, so no
// handler has to). A background thread waits until no write arrived for
// `debounce` (but never longer than `max_delay` after the first unpublished
// write), then, in ONE read transaction on its OWN Store connection (WAL: it
// reads a committed state while other connections write), reads what changed
// since the published position (Store::read_changes: point reads of the
// changed ids) and publishes new snapshots, swapping the pointers under a
// mutex held only for the copy. Readers take a shared_ptr<const Snapshot>
// and keep using it, so they never block on a publication; every published
// set is one whole committed state, so no snapshot shows half of a batch.
//
// How a change is published:
//  - jobs and graduates (the large kinds) are patched into the published
//    snapshot (matcher/snapshot/snapshot_patch.hpp): changed jobs through patch_jobs,
//    into the main snapshot and the training connection (whose demand side
//    is the jobs), sharing the graduates; changed or erased graduates through
//    patch_graduates, sharing the job side. The server holds no other copy
//    of them.
//  - a kind only one connection uses (teachers, projects, research results,
//    innovation demands, occupational standards) rebuilds that connection's
//    snapshot from the small kinds the holder keeps whole (they are small);
//  - anything else (a skill, certificate, institution, employer, program,
//    course or training program), a patch that returns nullptr (a reference
//    or string the published snapshot lacks), more than a quarter of the jobs
//    or graduates changed, or a log pruned past the published position, is a
//    full read: every entity streamed from the store through one
//    matcher::SnapshotFeed (the batch's loader feeds the same), every
//    snapshot built anew. So is the first publication.
// Erasure (DELETE /v1/graduates/{id}) reaches the snapshot through the log's
// erasure marker: the graduates still stored are listed and those missing
// are patched out; the DELETE handler answers 204 only after
// wait_for_version() saw a snapshot at the delete's data_version published
// (503 after 10 s), so once a client holds the 204 no query returns the
// person. It also polls the store's data_version every `poll_interval`, so
// writes by other processes (a CLI import) are picked up too.
//
// Pacing: when writes arrived while a publication ran (a stream of writes,
// e.g. bulk ingest), the next one starts no sooner than that one's duration
// after it ended, so publication takes at most about half of one core and
// the writers keep the rest; an isolated write is not held back.
//
// Cost: an isolated job or graduate write is visible after about debounce +
// one patch, at most debounce + three under a stream of writes; a full read
// costs a scan of the store. A patched snapshot coexists with the old one
// while readers finish. bench/api_bench.sh [--scale province] measures
// write -> visible idle and under load, and the memory.
//
// If a read or build fails, the previous snapshots stay, the failure is
// logged and the next attempt is a full read.
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
#include <vector>

#include "matcher/query.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::store {
class Store;
}

namespace talentmatch::api {

struct SnapshotHolderOptions {
    std::chrono::milliseconds debounce{20};
    std::chrono::milliseconds max_delay{100};
    std::chrono::milliseconds poll_interval{1000};
};

struct PublishedSnapshot {
    std::shared_ptr<const matcher::Snapshot> snapshot;  // null until the first build
    // The other connections (matcher/snapshot/connection_snapshot.hpp), built with
    // `snapshot` from the same committed state: teachers as candidates and
    // enterprise projects as jobs; research results as candidates and
    // innovation demands as jobs.
    std::shared_ptr<const matcher::Snapshot> teachers_projects;
    std::shared_ptr<const matcher::Snapshot> research_demands;
    // Programs against the occupational standards as jobs.
    std::shared_ptr<const matcher::Snapshot> programs_standards;
    // Training programs as candidates against the jobs.
    std::shared_ptr<const matcher::Snapshot> training_jobs;
    std::int64_t data_version = -1;  // the store's data_version the build started at
    std::chrono::system_clock::time_point built_at{};
};

// Every snapshot (build_snapshots) or the main one (build_snapshot) built
// from every entity in `store`: one read transaction, a publication's full
// read.
matcher::SnapshotSet build_snapshots(store::Store& store);
std::shared_ptr<const matcher::Snapshot> build_snapshot(store::Store& store);

class SnapshotMirror;  // snapshot_holder.cpp: the small kinds, and the changes of one read

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
    // Applies the changes the mirror collected to `next` as patches; false
    // when they need a full read instead.
    bool apply_delta(PublishedSnapshot& next) const;

    matcher::QueryWorkspace query_workspace_;
    std::unique_ptr<store::Store> store_;     // used by the rebuild thread only
    std::unique_ptr<SnapshotMirror> mirror_;  // rebuild thread only
    std::int64_t mirror_seq_ = -1;            // change-log position published (-1: read all)
    SnapshotHolderOptions options_;
    Logger log_error_;

    mutable std::mutex published_mutex_;  // guards published_ (held for a pointer copy only)
    mutable std::condition_variable published_cv_;
    PublishedSnapshot published_;

    std::mutex wake_mutex_;  // guards dirty_since_, last_write_, stop_
    std::condition_variable wake_cv_;
    std::optional<std::chrono::steady_clock::time_point> dirty_since_;
    std::chrono::steady_clock::time_point last_write_{};
    std::chrono::steady_clock::time_point not_before_{};  // rebuild thread only
    bool stop_ = false;

    std::atomic<std::uint64_t> builds_{0};
    std::atomic<double> last_build_seconds_{0};
    std::thread thread_;  // last member: started after everything above exists
};

}  // namespace talentmatch::api
