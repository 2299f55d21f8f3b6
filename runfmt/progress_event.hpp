#pragma once
// Progress of a batch run as its caller sees it: the pipeline reports events
// (batch/progress.hpp, from the thread that runs the batch, at stage starts
// and ends and at most a few times a second within a stage); the API stores
// them in the run history, the CLI prints them.
#include <cstdint>
#include <functional>
#include <string>

namespace talentmatch::runfmt {

struct ProgressEvent {
    std::string stage;    // e.g. "top-k graduates"
    int stage_index = 0;  // 1-based
    int stage_count = 0;
    std::uint64_t done = 0;   // items done in this stage
    std::uint64_t total = 0;  // items in this stage (0 = unknown)
    std::string unit;         // what an item is: "graduates", "jobs", "files"
    bool stage_finished = false;
    double stage_seconds = 0;  // elapsed in this stage
    double overall = 0;        // 0..1 over the whole run (by stage weights)

    double fraction() const {
        return total == 0 ? (stage_finished ? 1.0 : 0.0) : double(done) / double(total);
    }
    double rate() const { return stage_seconds > 0 ? double(done) / stage_seconds : 0.0; }
    // Seconds left in this stage at the current rate; < 0 when unknown.
    double seconds_left() const {
        if (total == 0 || done == 0 || stage_seconds <= 0) return -1;
        return stage_seconds * double(total - done) / double(done);
    }
};

using ProgressCallback = std::function<void(const ProgressEvent&)>;

}  // namespace talentmatch::runfmt
