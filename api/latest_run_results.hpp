#pragma once
// The latest published batch run's results, as the API serves them.
//
// LatestRunResults is an immutable index of one run directory
// (<out>/runs/run-NNNNNN, see batch/README.md "Files of a run"): the
// summary, assignment counts, supply-demand and program alignment JSON as
// parsed documents; placements (assignment.csv) by graduate id and job fills
// (assignment_jobs.csv) by job id; the unfilled-opening and unplaced-graduate
// diagnostics sorted by id, each kept as its compact JSON text (parsed again
// only for the page served, so a province-sized run stays a few hundred MB).
//
// LatestRunCache resolves <out>/latest on each get() (one readlink-sized
// syscall) and loads a run directory once per run: a new run published by the
// batch (atomic symlink rename) is picked up by the next request; while one
// thread loads it, the others keep serving the previous index; the new index
// is swapped in as a whole, so a request sees either the old run or the new
// one, never a mix. Readers keep the shared_ptr they got, so a swap never
// frees data under them.
//
// These files are a picture of the data at the run's time: erased graduates
// may still be in them. The handlers (handlers_batch.cpp) filter every
// graduate they serve against the store; this class never does.
//
// Thread-safety: LatestRunResults is immutable; LatestRunCache::get() may be
// called from any thread (one loader at a time, under load_mutex_).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace talentmatch::api {

// A graduate's job in the run's recommended assignment (not a placement outcome).
struct AssignedJob {
    std::string job_id;
    double score = 0;
    double coverage = 0;
};

struct JobFill {
    std::int64_t headcount = 0;
    std::int64_t filled = 0;
    std::int64_t unfilled = 0;
    std::int64_t acceptable_proposers = 0;
};

// One diagnostics entry: the id it is about and its JSON object as text.
struct DiagnosticEntry {
    std::string id;
    std::string json;
};

class LatestRunResults {
  public:
    // Loads and indexes `run_dir`; throws std::runtime_error naming the file
    // when one is missing or malformed.
    static std::shared_ptr<const LatestRunResults> load(const std::filesystem::path& run_dir);

    std::int64_t run_id() const { return run_id_; }
    const std::string& run_name() const { return run_name_; }  // "run-000042"
    const nlohmann::json& summary() const { return summary_; }
    const nlohmann::json& run_info() const { return run_info_; }  // run.json
    const nlohmann::json& assignment() const { return assignment_; }
    const nlohmann::json& supply_demand() const { return supply_demand_; }
    const nlohmann::json& program_alignment() const { return program_alignment_; }  // by program_id

    const AssignedJob* placement(const std::string& graduate_id) const;
    const JobFill* job_fill(const std::string& job_id) const;
    // Sorted by id; find_* give the entry for one id or null.
    const std::vector<DiagnosticEntry>& unfilled_openings() const { return unfilled_; }
    const std::vector<DiagnosticEntry>& unplaced_graduates() const { return unplaced_; }
    const DiagnosticEntry* find_unfilled(const std::string& job_id) const;
    const DiagnosticEntry* find_unplaced(const std::string& graduate_id) const;

  private:
    std::int64_t run_id_ = 0;
    std::string run_name_;
    nlohmann::json summary_, run_info_, assignment_, supply_demand_, program_alignment_;
    std::unordered_map<std::string, AssignedJob> placements_;
    std::unordered_map<std::string, JobFill> job_fills_;
    std::vector<DiagnosticEntry> unfilled_, unplaced_;
};

// First entry of `entries` (sorted by id) whose id is > `after` ("" = from the start).
std::vector<DiagnosticEntry>::const_iterator entries_after(
    const std::vector<DiagnosticEntry>& entries, const std::string& after);

class LatestRunCache {
  public:
    explicit LatestRunCache(std::filesystem::path out_dir);

    // The latest published run, or null when none has been published.
    // Throws std::runtime_error when the published files cannot be read.
    std::shared_ptr<const LatestRunResults> get();
    const std::filesystem::path& out_dir() const { return out_dir_; }

  private:
    std::filesystem::path out_dir_;
    std::mutex load_mutex_;   // held while loading a run directory
    std::mutex state_mutex_;  // guards current_ and current_dir_ (held briefly)
    std::shared_ptr<const LatestRunResults> current_;
    std::filesystem::path current_dir_;  // the resolved run directory of current_
};

}  // namespace talentmatch::api
