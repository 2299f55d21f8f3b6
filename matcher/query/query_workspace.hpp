#pragma once
// Reusable scratch for small queries ("top-k jobs for a few candidates", the
// sparse and dense regimes of match_query.hpp). The sparse regime accumulates
// into one 8-byte slot per job, the dense one into one 4-byte word per job;
// without a workspace every call allocates and zeroes those (~0.4-0.8 MB for
// 100,000 jobs), which dominated a single query's cost.
//
// Ownership: the caller keeps a QueryWorkspace (e.g. one per server or per
// snapshot) and passes its address in ExecutionOptions::workspace; it must
// outlive the calls that use it. Thread-safety: any number of concurrent calls
// may share one; each running task borrows one scratch (mutex-guarded free
// list) and returns it, zeroed where it touched, when done. Works with any
// snapshot (the scratch is resized when the job count changes).
#include <memory>
#include <mutex>
#include <vector>

namespace talentmatch::matcher {

namespace detail {
struct SparseScratch;
class ScratchLease;
}  // namespace detail

class QueryWorkspace {
  public:
    QueryWorkspace();
    ~QueryWorkspace();
    QueryWorkspace(const QueryWorkspace&) = delete;
    QueryWorkspace& operator=(const QueryWorkspace&) = delete;

  private:
    friend class detail::ScratchLease;
    std::mutex mutex_;
    std::vector<std::unique_ptr<detail::SparseScratch>> free_;
};

namespace detail {

// One borrowed scratch, returned to its workspace on destruction.
class ScratchLease {
  public:
    explicit ScratchLease(QueryWorkspace& workspace);
    ~ScratchLease();
    ScratchLease(ScratchLease&& other) noexcept = default;
    ScratchLease& operator=(ScratchLease&&) = delete;
    SparseScratch& get() { return *scratch_; }

  private:
    QueryWorkspace* workspace_;
    std::unique_ptr<SparseScratch> scratch_;
};

}  // namespace detail
}  // namespace talentmatch::matcher
