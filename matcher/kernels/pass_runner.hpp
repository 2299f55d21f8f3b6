#pragma once
// Runs the block pass in parallel and turns heaps into result lists; shared
// by batch_top_k and the query API.
#include <span>
#include <vector>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/query/resolved_filter.hpp"

namespace talentmatch::matcher::detail {

// Validates options.threads (0 or 1..256) and options.kernel; throws ValidationError.
void validate_options(const ExecutionOptions& options);

// Runs the pass over `blocks` with oneTBB on an arena of options.threads
// threads, one JobCollector per worker that ran (merge them with
// merge_job_heaps). Candidate heaps are written through `in`.
std::vector<JobCollector> run_parallel_pass(const PassInput& in, std::span<const Index> blocks,
                                            const ExecutionOptions& options);

// Per job position: the best k over every collector, best first.
TopKLists merge_job_heaps(std::vector<JobCollector>& collectors, std::size_t positions,
                          std::size_t k);

// Candidate heap rows -> lists best first (sorts the heaps in place).
TopKLists candidate_heap_lists(std::vector<HeapEntry>& slots,
                               const std::vector<std::uint32_t>& counts, std::size_t k);

// Per position: cov_num >= ceil(bp · cov_den / 10,000); empty when bp == 0.
std::vector<std::uint16_t> coverage_minimums(const Snapshot& snapshot,
                                             std::span<const Index> job_list,
                                             std::uint32_t min_coverage_bp);

// Per job index: max(the filter's coverage minimum, extra[j]) (extra may be
// empty; the result is empty when there is no minimum at all).
std::vector<std::uint16_t> combined_minimums(const Snapshot& snapshot, const ResolvedFilter& rf,
                                             std::span<const std::uint16_t> extra);

const CandidateSet& candidates_of(const Snapshot& snapshot, CandidateKind kind);

}  // namespace talentmatch::matcher::detail
