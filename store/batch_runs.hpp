#pragma once
// Nightly batch run history as the store keeps it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace talentmatch::store {

enum class RunStatus { kQueued, kRunning, kSucceeded, kFailed };
std::string_view to_string(RunStatus status);  // "queued", "running", "succeeded", "failed"
std::optional<RunStatus> parse_run_status(std::string_view text);

// How the error of a run whose process is gone begins: such a run is
// "failed (interrupted)" (Store::mark_interrupted_runs).
inline constexpr std::string_view kInterruptedRunError = "interrupted";

struct BatchRun {
    std::int64_t id = 0;  // ascending in creation order
    RunStatus status = RunStatus::kQueued;
    std::string stage;       // free text set by the batch, e.g. "top-k graduates"
    double progress = 0.0;   // 0..1 within the whole run
    std::string started_at;  // ISO 8601 UTC
    std::optional<std::string> finished_at;
    std::string out_dir;
    std::string summary_json;  // the batch's summary.json once succeeded, "" before
    std::string error;         // why it failed, "" otherwise
    std::string owner;         // the process running it (process_identity.hpp)
};

}  // namespace talentmatch::store
