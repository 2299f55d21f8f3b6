#pragma once
// Turns the pipeline's stage begin/advance/end calls into ProgressEvents and
// records each stage's wall time (for run.json). Stage weights give the
// overall fraction. `history` (may be empty) receives (stage, overall) at
// most about once a second plus at every stage start: the batch writes it
// into the store's run history. Used from the pipeline's thread only.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "batch/progress.hpp"

namespace talentmatch::batch {

struct StageSpec {
    std::string name;
    double weight = 1;  // share of the run's expected time
};

class StageReporter {
  public:
    using HistorySink = std::function<void(const std::string& stage, double overall)>;
    StageReporter(std::vector<StageSpec> stages, ProgressCallback progress, HistorySink history);

    void begin(const std::string& stage, std::uint64_t total, std::string unit);
    void advance(std::uint64_t done);
    void end();

    // (stage, seconds) in run order.
    const std::vector<std::pair<std::string, double>>& timings() const { return timings_; }

  private:
    std::vector<StageSpec> stages_;
    ProgressCallback progress_;
    HistorySink history_;
    int index_ = -1;
    ProgressEvent event_;
    double weight_before_ = 0, weight_total_ = 0;
    std::chrono::steady_clock::time_point start_, last_event_, last_history_;
    std::vector<std::pair<std::string, double>> timings_;
    void emit(bool force);
};

}  // namespace talentmatch::batch
