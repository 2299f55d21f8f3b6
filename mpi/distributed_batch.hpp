#pragma once
// The nightly batch over MPI ranks (talentmatch-mpi batch, issue 15).
//
// Split: graduates are cut into contiguous index ranges (= graduate id
// ranges: the snapshot holds them in id order), whole kernel blocks each,
// one range per rank in rank order; a rank with an empty range takes part
// with empty lists. Every rank reads the whole store (shared SQLite file) and
// builds the same snapshot, so the job side is replicated; rank 0 broadcasts
// the run's date and its data hash, and a rank that read other data fails
// the job. Each rank computes the graduate top-k of its range
// (batch/top_k_stage.hpp top_k_range); rank 0 receives the ranges in rank
// order, concatenates jobs-per-graduate rows (id order) and folds the
// graduates-per-job lists with matcher::merge_candidate_lists (total order:
// score, then id; exact and independent of the split). Rank 0 then runs
// every later stage of run_batch on the complete lists — the assignment
// over all eligible pairs by exactly the single-process rule — and writes
// and publishes the outputs, which are therefore the single-process bytes.
//
// Failure: before each collective every rank states with Channel::agree
// whether it got there intact; one false stops every rank with an error
// (exit 1, the run marked failed, the previous run still published). No
// rank waits in a collective for a rank that failed. Rank 0 receives every
// rank's lists even after failing to merge one, then agrees the failure;
// only a receive that cannot even allocate ends the job by MPI_Abort
// (must_abort(); Open MPI's mpirun can hang after an MPI_Abort, so it is
// the last resort). A rank that dies outright is the launcher's to handle:
// mpirun aborts the job, non-zero.
// Progress is reported by rank 0 only.
//
// Fault injection for the tests (tests/mpi): TALENTMATCH_MPI_FAIL_RANK=<r>
// makes rank r fail its top-k range with an error; TALENTMATCH_MPI_KILL_RANK=<r>
// makes rank r die there by SIGKILL (mpirun then aborts the job);
// TALENTMATCH_MPI_FAIL_GATHER (set) makes rank 0 fail merging rank 1's lists.
#include <optional>

#include "batch/nightly_batch.hpp"
#include "mpi/mpi_channel.hpp"

namespace talentmatch::mpi {

class DistributedBatch {
  public:
    explicit DistributedBatch(Channel& channel) : channel_(channel) {}

    // Every rank calls this with the same validated options. Rank 0 returns
    // the published run; the others return nothing. Throws as run_batch.
    std::optional<batch::BatchResult> run(const batch::BatchOptions& options,
                                          const batch::ProgressCallback& progress);

    // For a rank that never called run() (bad command line): takes part in
    // the first agreement with false, so the other ranks stop too.
    void abandon_if_not_started();

    // True after rank 0 could not receive a rank's lists at all (out of
    // memory for the buffer): later ranks may be blocked in a send that no
    // agreement reaches, so the caller must MPI_Abort once the error is
    // reported and the run marked failed (run() has done both when it
    // throws). Any other failure of rank 0 while merging is agreed.
    bool must_abort() const { return must_abort_; }

  private:
    batch::BothWays gather(const batch::LoadedSnapshot& loaded, std::size_t k_jobs,
                           std::size_t k_candidates, const batch::BatchOptions& options,
                           batch::StageReporter& reporter);
    void worker(const batch::BatchOptions& options);
    batch::BothWays compute_range(const batch::LoadedSnapshot& loaded, std::size_t k_jobs,
                                  std::size_t k_candidates, const batch::BatchOptions& options,
                                  const std::function<void(std::uint64_t)>& on_shard);
    bool agree(bool ok);

    Channel& channel_;
    int agreements_ = 0;  // agreements this rank took part in
    bool must_abort_ = false;
};

}  // namespace talentmatch::mpi
