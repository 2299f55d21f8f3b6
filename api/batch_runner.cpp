#include "api/batch_runner.hpp"

#include <stdexcept>

#include "api/problem.hpp"
#include "store/store.hpp"

namespace talentmatch::api {
namespace {

// Thrown from the progress callback to abandon a run at shutdown.
struct RunAbandoned : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace

BatchRunner::BatchRunner(store::Store& store, std::filesystem::path db_path,
                         std::filesystem::path out_dir, runfmt::RunLauncher launcher,
                         std::shared_ptr<spdlog::logger> logger, std::function<void()> on_published)
    : store_(store),
      db_path_(std::move(db_path)),
      out_dir_(std::move(out_dir)),
      launcher_(std::move(launcher)),
      logger_(std::move(logger)),
      on_published_(std::move(on_published)),
      worker_([this] { work(); }) {}

BatchRunner::~BatchRunner() {
    stop();
}

std::int64_t BatchRunner::start(const BatchRunRequest& request) {
    std::lock_guard lock(mutex_);
    if (stopping_) throw ServiceUnavailable("the server is shutting down; no new batch runs");
    // A run whose row has ended (the batch records that before the worker
    // finishes publishing) no longer blocks: the caller has seen it end.
    if (active_ && !run_has_ended(*active_)) {
        throw Conflict("batch run " + std::to_string(*active_) +
                       " is still queued or running; wait until it ends (GET /v1/batch-runs/" +
                       std::to_string(*active_) + ") before starting another");
    }
    // The row exists before the 202, so GET /v1/batch-runs/{id} answers at once.
    const std::int64_t id = store_.create_batch_run(out_dir_.string(), store::RunStatus::kQueued);
    active_ = id;
    queued_ = request;
    wake_.notify_one();
    return id;
}

bool BatchRunner::run_has_ended(std::int64_t id) {
    const auto run = store_.get_batch_run(id);
    return run && run->status != store::RunStatus::kQueued &&
           run->status != store::RunStatus::kRunning;
}

std::optional<std::int64_t> BatchRunner::active() const {
    std::lock_guard lock(mutex_);
    return active_;
}

void BatchRunner::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (worker_.joinable()) worker_.join();
}

bool BatchRunner::stopping() const {
    std::lock_guard lock(mutex_);
    return stopping_;
}

void BatchRunner::set_progress_observer(ProgressObserver observer) {
    std::lock_guard lock(mutex_);
    observer_ = std::move(observer);
}

void BatchRunner::work() {
    for (;;) {
        std::int64_t id = 0;
        BatchRunRequest request;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || queued_.has_value(); });
            if (stopping_) {
                if (queued_ && active_) {
                    try {
                        store_.finish_batch_run(*active_, store::RunStatus::kFailed, "",
                                                "cancelled: the server shut down before the run "
                                                "started; the previous results stay published");
                    } catch (const std::exception& e) {
                        logger_->error("batch run {}: cannot mark it cancelled: {}", *active_,
                                       e.what());
                    }
                }
                return;
            }
            id = *active_;
            request = *queued_;
            queued_.reset();
        }
        run_one(id, request);
        std::lock_guard lock(mutex_);
        if (active_ == id) active_.reset();  // else a next run was started meanwhile
    }
}

void BatchRunner::run_one(std::int64_t run_id, const BatchRunRequest& request) {
    const runfmt::RunLaunch launch{db_path_, out_dir_, run_id, request};
    // Abandon at the next progress event once stopping, except while the
    // outputs are written: publication is one rename away then, and a run
    // that published must not be recorded as failed.
    ProgressObserver observer;
    {
        std::lock_guard lock(mutex_);
        observer = observer_;
    }
    auto progress = [this, run_id, &observer](const runfmt::ProgressEvent& event) {
        if (observer) observer(run_id, event);
        if (event.stage == "outputs") return;
        std::lock_guard lock(mutex_);
        if (stopping_) {
            throw RunAbandoned("cancelled: the server shut down during stage '" + event.stage +
                               "'; the previous results stay published");
        }
    };
    logger_->info("batch run {} started (k={}, threads={}, min_coverage={})", run_id, request.k,
                  request.threads, request.min_coverage);
    try {
        if (!launcher_)
            throw std::runtime_error("no batch launcher: this server cannot run batches");
        const auto result = launcher_(launch, progress);
        logger_->info("batch run {} published {} in {:.1f} s", run_id, result.run_dir.string(),
                      result.seconds);
        if (on_published_) on_published_();
    } catch (const RunAbandoned& e) {
        logger_->warn("batch run {}: {}", run_id, e.what());  // run_batch marked it failed
    } catch (const std::exception& e) {
        logger_->error("batch run {} failed: {}", run_id, e.what());
        // run_batch marks the run failed, except when its options were
        // rejected before it began: then the row is still queued.
        try {
            const auto run = store_.get_batch_run(run_id);
            if (run && (run->status == store::RunStatus::kQueued ||
                        run->status == store::RunStatus::kRunning)) {
                store_.finish_batch_run(run_id, store::RunStatus::kFailed, "", e.what());
            }
        } catch (const std::exception& again) {
            logger_->error("batch run {}: cannot record the failure: {}", run_id, again.what());
        }
    }
}

}  // namespace talentmatch::api
