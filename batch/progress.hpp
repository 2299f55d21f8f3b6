#pragma once
// Progress of a batch run: the pipeline reports events, a sink shows them.
//
// The pipeline calls the ProgressCallback from the thread that runs the
// batch (never from worker threads), at stage starts and ends and at most a
// few times a second within a stage. The API stores events in the run
// history; the CLI prints them with ProgressPrinter.
#include <chrono>
#include <iosfwd>
#include <string>

#include "runfmt/progress_event.hpp"

namespace talentmatch::batch {

// The event and callback types are the run's outside interface
// (runfmt/progress_event.hpp), so the API can observe runs without this layer.
using ProgressEvent = runfmt::ProgressEvent;
using ProgressCallback = runfmt::ProgressCallback;

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
