#pragma once
// How a caller starts a batch run without linking the batch: the API's
// BatchRunner (api/batch_runner.hpp) calls a RunLauncher, which `serve`
// (cli/cmd_serve.cpp) and the API tests wire to batch::launch_run. So api/
// depends on this module, never on batch/.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>

#include "runfmt/progress_event.hpp"

namespace talentmatch::runfmt {

// What a caller may choose for one run; the rest are the batch's defaults.
// Ranges: run_parameters.hpp.
struct RunRequest {
    std::size_t k = 10;         // top-k in every direction, kRunK
    int threads = 0;            // 0 = every core; kRunThreads
    double min_coverage = 0.5;  // assignment: least coverage of an acceptable job, 0..1
};

// One run to start: the store it reads, where it publishes, the run row the
// caller created for it, and the caller's choices.
struct RunLaunch {
    std::filesystem::path db_path;
    std::filesystem::path out_dir;
    std::int64_t run_id = 0;
    RunRequest request;
};

// A published run.
struct RunOutcome {
    std::filesystem::path run_dir;
    double seconds = 0;
};

// Runs the batch to publication on the calling thread, reporting progress
// through the callback (which may throw to abandon the run). Throws as
// batch::run_batch does: ValidationError for rejected options (before the run
// began; its row is left as it was), anything else for a failed run (marked
// failed in the store; the previous results stay published).
using RunLauncher = std::function<RunOutcome(const RunLaunch&, const ProgressCallback&)>;

}  // namespace talentmatch::runfmt
