// Batch run history.
#include "store/process_identity.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, status, stage, progress, started_at, finished_at, out_dir, summary_json, error, "
    "owner FROM batch_runs ";

BatchRun read_run(const Statement& row) {
    BatchRun run;
    run.id = row.column_int(0);
    run.status = parse_run_status(row.column_text(1)).value_or(RunStatus::kFailed);
    run.stage = row.column_text(2);
    run.progress = row.column_double(3);
    run.started_at = row.column_text(4);
    if (!row.column_is_null(5)) run.finished_at = row.column_string(5);
    run.out_dir = row.column_text(6);
    run.summary_json = row.column_text(7);
    run.error = row.column_text(8);
    run.owner = row.column_text(9);
    return run;
}

}  // namespace

std::string_view to_string(RunStatus status) {
    switch (status) {
        case RunStatus::kQueued:
            return "queued";
        case RunStatus::kRunning:
            return "running";
        case RunStatus::kSucceeded:
            return "succeeded";
        case RunStatus::kFailed:
            return "failed";
    }
    return "failed";
}

std::optional<RunStatus> parse_run_status(std::string_view text) {
    for (RunStatus status :
         {RunStatus::kQueued, RunStatus::kRunning, RunStatus::kSucceeded, RunStatus::kFailed}) {
        if (to_string(status) == text) return status;
    }
    return std::nullopt;
}

std::int64_t Store::create_batch_run(const std::string& out_dir, RunStatus status) {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&] {
        Statement insert(impl_->db,
                         "INSERT INTO batch_runs (status, stage, progress, started_at, out_dir, "
                         "summary_json, error, owner) VALUES (?1, '', 0, "
                         "strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?2, '', '', ?3) RETURNING id");
        insert.bind(1, to_string(status)).bind(2, out_dir).bind(3, current_process_owner());
        insert.step();
        const std::int64_t id = insert.column_int(0);
        insert.reset();
        return id;
    });
}

void Store::update_batch_run(std::int64_t id, const std::string& stage, double progress) {
    std::lock_guard lock(impl_->mutex);
    impl_->write([&] {
        Statement update(impl_->db,
                         "UPDATE batch_runs SET status = 'running', stage = ?2, progress = ?3 "
                         "WHERE id = ?1");
        update.bind(1, id).bind(2, stage).bind(3, progress).run();
        if (impl_->db.changes() == 0) throw StoreError("no batch run " + std::to_string(id));
        return true;
    });
}

void Store::finish_batch_run(std::int64_t id, RunStatus status, const std::string& summary_json,
                             const std::string& error) {
    std::lock_guard lock(impl_->mutex);
    impl_->write([&] {
        Statement update(impl_->db,
                         "UPDATE batch_runs SET status = ?2, summary_json = ?3, error = ?4, "
                         "progress = CASE WHEN ?2 = 'succeeded' THEN 1 ELSE progress END, "
                         "finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1");
        update.bind(1, id).bind(2, to_string(status)).bind(3, summary_json).bind(4, error).run();
        if (impl_->db.changes() == 0) throw StoreError("no batch run " + std::to_string(id));
        return true;
    });
}

std::optional<BatchRun> Store::get_batch_run(std::int64_t id) {
    std::lock_guard lock(impl_->mutex);
    Statement query(impl_->db, std::string(kRunColumns) + "WHERE id = ?1");
    query.bind(1, id);
    if (!query.step()) return std::nullopt;
    return read_run(query);
}

std::vector<BatchRun> Store::list_batch_runs(std::size_t limit) {
    std::lock_guard lock(impl_->mutex);
    Statement query(impl_->db, std::string(kRunColumns) + "ORDER BY id DESC LIMIT ?1");
    query.bind(1, static_cast<std::int64_t>(limit));
    std::vector<BatchRun> runs;
    while (query.step()) runs.push_back(read_run(query));
    return runs;
}

std::vector<BatchRun> Store::mark_interrupted_runs() {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&] {
        std::vector<BatchRun> gone;
        {
            Statement open(impl_->db, std::string(kRunColumns) +
                                          "WHERE status IN ('queued', 'running') ORDER BY id");
            while (open.step()) {
                BatchRun run = read_run(open);
                if (process_owner_gone(run.owner)) gone.push_back(std::move(run));
            }
        }
        Statement update(impl_->db,
                         "UPDATE batch_runs SET status = 'failed', error = ?2, "
                         "finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1");
        for (BatchRun& run : gone) {
            run.status = RunStatus::kFailed;
            run.error = std::string(kInterruptedRunError) + " (its process " +
                        (run.owner.empty() ? std::string("is unknown") : run.owner + " is gone") +
                        ")";
            update.bind(1, run.id).bind(2, run.error).run();
        }
        return gone;
    });
}

std::vector<std::string> Store::batch_run_out_dirs() {
    std::lock_guard lock(impl_->mutex);
    Statement query(impl_->db, "SELECT DISTINCT out_dir FROM batch_runs ORDER BY out_dir");
    std::vector<std::string> dirs;
    while (query.step()) dirs.push_back(query.column_string(0));
    return dirs;
}

std::optional<BatchRun> Store::latest_succeeded_batch_run() {
    std::lock_guard lock(impl_->mutex);
    Statement query(impl_->db, std::string(kRunColumns) +
                                   "WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1");
    if (!query.step()) return std::nullopt;
    return read_run(query);
}

}  // namespace talentmatch::store
