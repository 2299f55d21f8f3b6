#include "matcher/query/few_jobs_query.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "matcher/kernels/block_job_scoring.hpp"
#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/kernels/pass_runner.hpp"

namespace talentmatch::matcher::detail {
namespace {

// Blocks per task: large enough to amortize a task, small enough to balance.
constexpr std::size_t kBlocksPerTask = 256;

// One task: blocks [begin, end) against every queried job, job by job, the
// next block's rows found (and prefetched) while this block is summed.
void run_task(const Snapshot& snapshot, const CandidateSet& cs, std::span<const JobQuery> queries,
              std::size_t begin, std::size_t end, std::span<const std::uint8_t> candidate_ok,
              const ScoreConfig& config, JobCollector& jc) {
    const std::size_t skill_count = snapshot.skills.size();
    for (std::size_t p = 0; p < queries.size(); ++p) {
        std::vector<const std::uint8_t*> cur(queries[p].reqs.size()), next(queries[p].reqs.size());
        find_rows(cs.blocks, skill_count, begin, queries[p], cur.data());
        for (std::size_t b = begin; b != end; ++b) {
            if (b + 2 < end) prefetch_skills(cs.blocks, b + 2);
            if (b + 1 != end) find_rows(cs.blocks, skill_count, b + 1, queries[p], next.data());
            const Index first = Index(b * kBlockSize);
            const Index last = Index(std::min(cs.size(), std::size_t(first) + kBlockSize));
            std::uint32_t lanes = 0;
            Index lane_candidate[kBlockSize];
            for (Index c = first; c < last; ++c) {
                lane_candidate[c - first] = c;
                if (candidate_ok.empty() || candidate_ok[c]) lanes |= 1u << (c - first);
            }
            if (lanes != 0) {
                score_block(snapshot, cs, lane_candidate, lanes, queries[p], cur.data(), p, config,
                            jc);
            }
            cur.swap(next);
        }
    }
}

}  // namespace

TopKLists few_jobs_top_candidates(const Snapshot& snapshot, const CandidateSet& cs,
                                  std::span<const Index> job_list,
                                  std::span<const std::uint16_t> cov_min,
                                  std::span<const std::uint8_t> candidate_ok, std::size_t k,
                                  const ScoreConfig& config, const ExecutionOptions& options) {
    std::vector<JobQuery> queries(job_list.size());
    for (std::size_t p = 0; p < job_list.size(); ++p) {
        queries[p] = make_job_query(snapshot, job_list[p], cov_min.empty() ? 0 : cov_min[p]);
    }
    tbb::enumerable_thread_specific<JobCollector> collectors([&] {
        JobCollector jc;
        jc.reset(job_list.size(), k);
        return jc;
    });
    tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, cs.block_count(), kBlocksPerTask),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              run_task(snapshot, cs, queries, range.begin(), range.end(),
                                       candidate_ok, config, collectors.local());
                          });
    });
    std::vector<JobCollector> all;
    for (JobCollector& jc : collectors) all.push_back(std::move(jc));
    return merge_job_heaps(all, job_list.size(), k);
}

}  // namespace talentmatch::matcher::detail
