#pragma once
// BatchRunner: runs the nightly batch for the API on ONE background worker
// thread that it owns, one run at a time, through a runfmt::RunLauncher (the
// API links no batch code; `serve` wires batch::launch_run).
//
//   start(request)  creates the run row (status queued) in the store and hands
//                   it to the worker; returns the run id at once (the API
//                   answers 202). While a run is queued or running, another
//                   start() throws Conflict (409) naming the running run.
//   stop()          graceful shutdown: a queued run that never started is
//                   marked failed ("cancelled ..."); a running one is
//                   abandoned at its next progress event (the batch reports a
//                   few times a second) unless it is already writing its
//                   outputs, which it then finishes. The batch publishes
//                   atomically, so an abandoned run leaves the previous
//                   results intact; run_batch marks it failed with the reason.
//                   Joins the worker. Idempotent; the destructor calls it.
//
// A launcher that is empty fails every run ("no batch launcher").
// The batch opens its own SQLite connections on `db_path` (WAL), so the API
// keeps serving and writing meanwhile. `on_published` runs on the worker
// after a run succeeded (the server uses it to load the new results early).
//
// Thread-safety: start(), busy() and stop() may be called from any thread.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <spdlog/logger.h>

#include "runfmt/run_launcher.hpp"

namespace talentmatch::store {
class Store;
}

namespace talentmatch::api {

// What a caller may choose for one run (runfmt/run_launcher.hpp).
using BatchRunRequest = runfmt::RunRequest;

class BatchRunner {
  public:
    BatchRunner(store::Store& store, std::filesystem::path db_path, std::filesystem::path out_dir,
                runfmt::RunLauncher launcher, std::shared_ptr<spdlog::logger> logger,
                std::function<void()> on_published = {});
    ~BatchRunner();
    BatchRunner(const BatchRunner&) = delete;
    BatchRunner& operator=(const BatchRunner&) = delete;

    // Returns the new run's id; throws Conflict while another run is active,
    // ServiceUnavailable after stop().
    std::int64_t start(const BatchRunRequest& request);
    // The id of the queued or running run, if any.
    std::optional<std::int64_t> active() const;
    void stop();
    bool stopping() const;

    // Called on the worker with every progress event of a run, before the
    // stop check (tests use it to hold a run at a known point). Set it
    // before start(); it must not call start() or stop().
    using ProgressObserver = std::function<void(std::int64_t run_id, const runfmt::ProgressEvent&)>;
    void set_progress_observer(ProgressObserver observer);

    const std::filesystem::path& out_dir() const { return out_dir_; }

  private:
    void work();
    void run_one(std::int64_t run_id, const BatchRunRequest& request);
    bool run_has_ended(std::int64_t id);  // its row says succeeded or failed

    store::Store& store_;
    std::filesystem::path db_path_;
    std::filesystem::path out_dir_;
    runfmt::RunLauncher launcher_;
    std::shared_ptr<spdlog::logger> logger_;
    std::function<void()> on_published_;

    mutable std::mutex mutex_;  // guards the fields below
    std::condition_variable wake_;
    std::optional<std::int64_t> active_;     // queued or running run id
    std::optional<BatchRunRequest> queued_;  // set by start(), taken by the worker
    bool stopping_ = false;
    ProgressObserver observer_;
    std::thread worker_;  // last member: started after the others exist
};

}  // namespace talentmatch::api
