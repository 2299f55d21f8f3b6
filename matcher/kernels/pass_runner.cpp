#include "matcher/kernels/pass_runner.hpp"

#include <algorithm>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/score/invalid_argument.hpp"

namespace talentmatch::matcher::detail {

namespace {

// The most blocks per task (the grain): a task walks every job tile over its
// blocks, so the more blocks, the more each tile's postings, plans and heaps
// are reused while in cache (the province batch of bench/matcher_bench ran
// faster with 128 than with 32); but a pass needs several tasks per thread
// to balance. So 128 when the pass has at least 8 tasks of that size per
// thread, less down to 32 otherwise.
std::size_t blocks_per_task(std::size_t blocks, std::size_t threads) {
    return std::clamp<std::size_t>(blocks / (8 * std::max<std::size_t>(threads, 1)), 32, 128);
}

}  // namespace

void validate_options(const ExecutionOptions& options) {
    if (options.threads < 0 || options.threads > 256) {
        throw_invalid("options.threads",
                      "must be 0 (all cores) or 1..256, got " + std::to_string(options.threads));
    }
    (void)select_block_pass(options.kernel);
}

std::vector<JobCollector> run_parallel_pass(const PassInput& in, std::span<const Index> blocks,
                                            const ExecutionOptions& options) {
    const BlockPassFn pass = select_block_pass(options.kernel);
    TileIndex own_tiles;
    PassInput input = in;
    if (blocks.size() >= kTileIndexMinBlocks) {
        TileIndex& tiles = in.tile_storage != nullptr ? *in.tile_storage : own_tiles;
        build_tile_index(in.snapshot->job_plan, in.job_list, in.snapshot->skills.size(), kJobTile,
                         tiles);
        input.tiles = &tiles;
    }
    struct Worker {
        JobCollector collector;
        BlockScratch scratch;
    };
    const std::size_t positions = in.job_list.size();
    tbb::enumerable_thread_specific<Worker> workers([&] {
        Worker w;
        if (in.pair_floor.empty()) {
            w.collector.reset(positions, in.k_candidates, in.job_floor_start);
        } else {
            w.collector.reset_for_floors(in.pair_floor);
        }
        return w;
    });
    tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
    arena.execute([&] {
        const std::size_t grain =
            blocks_per_task(blocks.size(), std::size_t(tbb::this_task_arena::max_concurrency()));
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks.size(), grain),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              Worker& w = workers.local();
                              pass(input, blocks.subspan(r.begin(), r.size()), w.collector,
                                   w.scratch);
                          });
    });
    std::vector<JobCollector> out;
    for (Worker& w : workers) out.push_back(std::move(w.collector));
    return out;
}

TopKLists merge_job_heaps(std::vector<JobCollector>& collectors, std::size_t positions,
                          std::size_t k) {
    TopKLists out;
    out.offsets.assign(positions + 1, 0);
    if (k == 0) return out;
    std::vector<HeapEntry> all;
    for (std::size_t p = 0; p < positions; ++p) {
        all.clear();
        for (JobCollector& jc : collectors) {
            for (std::uint32_t i = 0; i < jc.counts[p]; ++i) all.push_back(jc.slots[p * k + i]);
        }
        const std::size_t keep = std::min(k, all.size());
        std::partial_sort(all.begin(), all.begin() + keep, all.end(), ranks_before);
        for (std::size_t i = 0; i < keep; ++i) out.items.push_back({all[i].index, all[i].score});
        out.offsets[p + 1] = std::uint32_t(out.items.size());
    }
    return out;
}

TopKLists candidate_heap_lists(std::vector<HeapEntry>& slots,
                               const std::vector<std::uint32_t>& counts, std::size_t k) {
    TopKLists out;
    out.offsets.assign(counts.size() + 1, 0);
    if (k == 0) return out;
    std::size_t total = 0;
    for (auto c : counts) total += c;
    out.items.reserve(total);
    for (std::size_t r = 0; r < counts.size(); ++r) {
        std::span<HeapEntry> heap(slots.data() + r * k, k);
        sort_best_first(heap, counts[r]);
        for (std::uint32_t i = 0; i < counts[r]; ++i) {
            out.items.push_back({heap[i].index, heap[i].score});
        }
        out.offsets[r + 1] = std::uint32_t(out.items.size());
    }
    return out;
}

std::vector<std::uint16_t> coverage_minimums(const Snapshot& snapshot,
                                             std::span<const Index> job_list,
                                             std::uint32_t min_coverage_bp) {
    std::vector<std::uint16_t> out;
    if (min_coverage_bp == 0) return out;
    out.reserve(job_list.size());
    for (Index j : job_list) {
        out.push_back(
            std::uint16_t(min_cov_num(snapshot.jobs.weighted_level_sum[j], min_coverage_bp)));
    }
    return out;
}

std::vector<std::uint16_t> combined_minimums(const Snapshot& snapshot, const ResolvedFilter& rf,
                                             std::span<const std::uint16_t> extra) {
    auto cov_min = coverage_minimums(snapshot, snapshot.job_plan.all_jobs, rf.min_coverage_bp);
    if (extra.empty()) return cov_min;
    if (cov_min.empty()) return {extra.begin(), extra.end()};
    for (std::size_t j = 0; j < cov_min.size(); ++j) cov_min[j] = std::max(cov_min[j], extra[j]);
    return cov_min;
}

const CandidateSet& candidates_of(const Snapshot& snapshot, CandidateKind kind) {
    return kind == CandidateKind::kGraduates ? snapshot.graduates : snapshot.programs;
}

}  // namespace talentmatch::matcher::detail
