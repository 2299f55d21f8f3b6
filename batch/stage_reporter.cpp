#include "batch/stage_reporter.hpp"

#include <stdexcept>

namespace talentmatch::batch {

StageReporter::StageReporter(std::vector<StageSpec> stages, ProgressCallback progress,
                             HistorySink history)
    : stages_(std::move(stages)), progress_(std::move(progress)), history_(std::move(history)) {
    for (const auto& s : stages_) weight_total_ += s.weight;
}

void StageReporter::begin(const std::string& stage, std::uint64_t total, std::string unit) {
    int found = -1;
    for (std::size_t i = 0; i < stages_.size(); ++i) {
        if (stages_[i].name == stage) found = static_cast<int>(i);
    }
    if (found < 0) throw std::logic_error("unknown batch stage " + stage);
    weight_before_ = 0;
    for (int i = 0; i < found; ++i) weight_before_ += stages_[i].weight;
    index_ = found;
    start_ = std::chrono::steady_clock::now();
    event_ = ProgressEvent{};
    event_.stage = stage;
    event_.stage_index = found + 1;
    event_.stage_count = static_cast<int>(stages_.size());
    event_.total = total;
    event_.unit = std::move(unit);
    last_history_ = {};
    emit(true);
}

void StageReporter::advance(std::uint64_t done) {
    event_.done = done;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_event_ < std::chrono::milliseconds(50)) return;
    emit(false);
}

void StageReporter::end() {
    if (index_ < 0) return;
    event_.stage_finished = true;
    if (event_.total > 0) event_.done = event_.total;
    emit(true);
    timings_.emplace_back(event_.stage, event_.stage_seconds);
    index_ = -1;
}

void StageReporter::emit(bool force) {
    const auto now = std::chrono::steady_clock::now();
    last_event_ = now;
    event_.stage_seconds = std::chrono::duration<double>(now - start_).count();
    const double w = stages_[static_cast<std::size_t>(index_)].weight;
    event_.overall =
        weight_total_ > 0 ? (weight_before_ + w * event_.fraction()) / weight_total_ : 0.0;
    if (progress_) progress_(event_);
    if (history_ && (force || now - last_history_ > std::chrono::seconds(1))) {
        last_history_ = now;
        history_(event_.stage, event_.overall);
    }
}

}  // namespace talentmatch::batch
