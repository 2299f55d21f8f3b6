#include "matcher/kernels/jobs_above_floor.hpp"

#include <algorithm>
#include <vector>

#include "matcher/kernels/pass_runner.hpp"
#include "matcher/score/invalid_argument.hpp"

namespace talentmatch::matcher {

TopKLists jobs_at_or_above(const Snapshot& snapshot, const CandidateSet& candidates, Index first,
                           Index last, std::span<const Index> job_list,
                           std::span<const std::uint16_t> cov_min,
                           std::span<const ExactScore> floor, std::size_t at_most,
                           const ScoreConfig& config, const ExecutionOptions& options,
                           FloorPassMemory* memory) {
    validate(config);
    detail::validate_options(options);
    if (first % kBlockSize != 0 || first > last || last > candidates.size())
        throw_invalid("range", "must be whole blocks within the candidates");
    if (!cov_min.empty() && cov_min.size() != job_list.size())
        throw_invalid("cov_min", "one entry per listed job expected");
    if (floor.size() != job_list.size())
        throw_invalid("floor", "one entry per listed job expected");
    TopKLists out;
    out.offsets.assign(std::size_t(last - first) + 1, 0);
    if (first == last || job_list.empty()) return out;

    std::vector<Index> blocks;
    for (Index b = first / kBlockSize; b * kBlockSize < last; ++b) blocks.push_back(b);
    detail::PassInput in;
    in.snapshot = &snapshot;
    in.candidates = &candidates;
    in.config = &config;
    in.range_begin = first;
    in.range_end = last;
    in.job_list = job_list;
    in.cov_min = cov_min;
    in.pair_floor = floor;
    if (memory != nullptr) in.tile_storage = &memory->tiles;
    if (at_most > 0) {  // the best at_most per row: candidate heaps
        std::vector<detail::HeapEntry> slots(std::size_t(last - first) * at_most);
        std::vector<std::uint32_t> counts(last - first, 0);
        in.k_jobs = at_most;
        in.candidate_slots = slots.data();
        in.candidate_counts = counts.data();
        detail::run_parallel_pass(in, blocks, options);
        return detail::candidate_heap_lists(slots, counts, at_most);
    }
    auto collectors = detail::run_parallel_pass(in, blocks, options);

    // Bucket the pairs by row (counting sort), then order each row.
    const std::size_t rows = out.offsets.size() - 1;
    std::vector<std::uint32_t>& offsets = out.offsets;
    for (const auto& jc : collectors) {
        for (const detail::FoundPair& f : jc.found) ++offsets[f.row + 1];
    }
    for (std::size_t r = 0; r < rows; ++r) offsets[r + 1] += offsets[r];
    out.items.resize(offsets.back());
    std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (auto& jc : collectors) {
        for (const detail::FoundPair& f : jc.found) out.items[next[f.row]++] = {f.job, f.score};
        std::vector<detail::FoundPair>().swap(jc.found);
    }
    struct Keyed {
        double approx;
        IndexedMatch m;
    };
    std::vector<Keyed> row_items;
    for (std::size_t r = 0; r < rows; ++r) {
        const auto begin = out.items.begin() + offsets[r];
        const auto end = out.items.begin() + offsets[r + 1];
        row_items.clear();
        for (auto it = begin; it != end; ++it) row_items.push_back({it->score.score(), *it});
        // Best first: the double orders all but near-ties, compared exactly.
        std::sort(row_items.begin(), row_items.end(), [](const Keyed& a, const Keyed& b) {
            if (a.approx > b.approx + detail::kApproxSlack) return true;
            if (a.approx < b.approx - detail::kApproxSlack) return false;
            const int c = compare_scores(a.m.score, b.m.score);
            return c > 0 || (c == 0 && a.m.index < b.m.index);
        });
        auto it = begin;
        for (const Keyed& k : row_items) *it++ = k.m;
    }
    return out;
}

}  // namespace talentmatch::matcher
