#pragma once
// Progress of a batch run: the pipeline reports events, a sink shows them.
//
// The pipeline calls the ProgressCallback from the thread that runs the
// batch (never from worker threads), at stage starts and ends and at most a
// few times a second within a stage. The API stores events in the run
// history; the CLI prints them with ProgressPrinter.
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

namespace talentmatch::batch {

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
    double seconds_left() const;
};

using ProgressCallback = std::function<void(const ProgressEvent&)>;

// Renders events for a person. On a terminal: one line per stage redrawn
// with carriage returns ("[3/9] top-k graduates  42.0%  12,345 graduates/s
// ETA 0:35"), at most ~10 redraws a second. Otherwise plain log lines: a
// stage's start, every 10 %, and its end with time and rate.
class ProgressPrinter {
  public:
    ProgressPrinter(std::ostream& out, bool terminal);
    void operator()(const ProgressEvent& event);

  private:
    std::ostream& out_;
    bool terminal_;
    std::string stage_;
    int last_decile_ = -1;
    std::chrono::steady_clock::time_point last_draw_{};
};

// True when the file descriptor is a terminal (isatty).
bool is_terminal(int fd);

// "0:35", "12:04", "1:02:03".
std::string format_duration(double seconds);
// "12,345" (thousands separators, locale-free).
std::string format_count(double value);

}  // namespace talentmatch::batch
