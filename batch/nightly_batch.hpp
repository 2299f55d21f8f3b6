#pragma once
// The nightly batch (issue 5): one call recomputes everything on the current
// data and publishes a run directory atomically (run_publisher.hpp).
//
//   1 snapshot     the store → an immutable matcher::Snapshot
//   2 top-k        jobs per graduate, graduates per job (sharded by graduate blocks)
//   3 programs     jobs per program, programs per job
//   4 assignment   stable many-to-one deferred acceptance (matcher/assignment/assignment.hpp)
//   5 supply-demand overall, per cluster, per district (with projected supply)
//   6 alignment    every program vs its own cluster and vs the whole region
//   7 diagnostics  why openings stay unfilled / graduates unplaced
//   8 diff         against the previous published run
//   9 outputs      CSV, JSON, summary.json, run.json, report.html (English) and
//                  report.zh.html (Chinese); publish
//
// Results are deterministic: every result file is byte-identical for any
// --threads and any shard size. run.json alone holds times and the run id.
// Run history: a row in the store's batch_runs (created here unless the
// caller passes one, e.g. the API that answered 202 with its id), updated
// with stage and progress, finished with summary.json or the error.
//
// Thread-safety: run_batch opens its own Store connection on the file, so
// the API may keep writing meanwhile (WAL: the batch reads one consistent
// snapshot). The progress callback runs on the calling thread.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "batch/progress.hpp"
#include "batch/snapshot_loader.hpp"
#include "batch/stage_reporter.hpp"
#include "batch/top_k_stage.hpp"
#include "matcher/score.hpp"
#include "runfmt/run_files.hpp"
#include "runfmt/run_launcher.hpp"

namespace talentmatch::batch {

struct BatchOptions {
    std::filesystem::path db_path;
    std::filesystem::path out_dir;
    std::size_t k = 10;  // top-k in every direction; ranges: runfmt/run_parameters.hpp
    int threads = 0;     // 0 = every core; else 1..256
    // The assignment covers every eligible job with coverage >= assignment_min_coverage;
    // assignment_depth is how many jobs a graduate fetches at first (then more
    // on demand): it changes time and memory, never the result.
    std::size_t assignment_depth = 20;
    double assignment_min_coverage = 0.5;
    std::string as_of;  // "YYYY-MM-DD": jobs past valid_until on it are left out; "" = today (UTC)
    double alignment_min_coverage = 0.8;  // program alignment threshold
    std::size_t shard_graduates = 65536;  // graduates per top-k shard (results do not depend on it)
    std::size_t relaxation_job_limit = 2000;  // unfilled jobs analysed for relaxations
    matcher::ScoreConfig score;
    std::int64_t run_id = 0;  // an existing batch_runs row to report into; 0 = create one
};

struct BatchResult {
    std::int64_t run_id = 0;
    std::filesystem::path run_dir;  // <out>/runs/run-<id>
    std::string summary_json;       // the published summary.json
    double seconds = 0;
};

// Stage 2 for graduates: jobs per graduate (k_jobs) and graduates per job
// (k_candidates) over every graduate of the snapshot, reporting stage
// "top-k graduates". Empty = top_k_both_ways in this process; a distributed
// run (mpi/) passes one that splits the graduates over processes and must
// return the same lists.
using GraduateTopK = std::function<BothWays(const LoadedSnapshot& loaded, std::size_t k_jobs,
                                            std::size_t k_candidates, StageReporter& reporter)>;

// Runs the whole batch. Throws (ValidationError for bad options naming the
// field, StoreError, std::runtime_error for I/O); on any failure the run is
// marked failed in the store and nothing is published.
BatchResult run_batch(const BatchOptions& options, const ProgressCallback& progress = {},
                      const GraduateTopK& graduate_top_k = {});

// run_batch for a caller that only knows the run's outside interface
// (runfmt/run_launcher.hpp): the API's BatchRunner, wired by `serve`.
runfmt::RunOutcome launch_run(const runfmt::RunLaunch& launch, const ProgressCallback& progress);

// Throws ValidationError naming the field ("k", "threads", ...).
void validate(const BatchOptions& options);

// "run-000042": the directory name of a run id (runfmt/run_files.hpp).
using runfmt::run_directory_name;

}  // namespace talentmatch::batch
