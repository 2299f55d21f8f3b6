#include "matcher/kernels/batch_top_k.hpp"

#include <algorithm>
#include <numeric>

#include "matcher/kernels/job_floor_guess.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/score/invalid_argument.hpp"

namespace talentmatch::matcher {

BatchTopK batch_top_k(const Snapshot& snapshot, CandidateKind kind, BatchRange range,
                      std::size_t k_jobs, std::size_t k_candidates, const MatchFilter& filter,
                      const ScoreConfig& config, const ExecutionOptions& options) {
    validate(config);
    detail::validate_options(options);
    const CandidateSet& cs = detail::candidates_of(snapshot, kind);
    if (k_jobs == 0 && k_candidates == 0) {
        throw_invalid("k", "k_jobs and k_candidates are both 0");
    }
    if (range.begin > range.end || range.end > cs.size()) {
        throw_invalid("range", "must satisfy begin <= end <= " + std::to_string(cs.size()) +
                                   ", got [" + std::to_string(range.begin) + ", " +
                                   std::to_string(range.end) + ")");
    }
    const detail::ResolvedFilter rf = detail::resolve_filter(snapshot, kind, filter);
    std::vector<Index> job_list;
    for (Index j = 0; j < snapshot.jobs.size(); ++j) {
        if (rf.job_ok.empty() || rf.job_ok[j]) job_list.push_back(j);
    }
    const auto cov_min = detail::coverage_minimums(snapshot, job_list, rf.min_coverage_bp);

    const std::size_t rows = range.end - range.begin;
    std::vector<detail::HeapEntry> slots(rows * k_jobs);
    std::vector<std::uint32_t> counts(rows, 0);
    detail::PassInput in;
    in.snapshot = &snapshot;
    in.candidates = &cs;
    in.config = &config;
    in.range_begin = range.begin;
    in.range_end = range.end;
    in.candidate_ok = rf.candidate_ok;
    in.listed = rf.candidate_listed;
    in.job_list = job_list;
    in.cov_min = cov_min;
    in.k_jobs = k_jobs;
    in.k_candidates = k_candidates;
    in.candidate_slots = slots.data();
    in.candidate_counts = counts.data();

    std::vector<Index> blocks;
    if (rows > 0) {
        for (Index b = Index(range.begin / kBlockSize);
             b < (range.end + kBlockSize - 1) / kBlockSize; ++b) {
            blocks.push_back(b);
        }
    }
    // Large passes start each job's floor from a guess (job_floor_guess.hpp).
    TopKLists by_position;
    if (k_candidates != 0 && blocks.size() >= detail::kJobFloorGuessMinBlocks) {
        by_position = detail::pass_with_guessed_job_floors(in, blocks, options, {});
    } else {
        auto collectors = detail::run_parallel_pass(in, blocks, options);
        by_position = detail::merge_job_heaps(collectors, job_list.size(), k_candidates);
    }
    BatchTopK out;
    out.range = range;
    if (k_jobs != 0) out.jobs_per_candidate = detail::candidate_heap_lists(slots, counts, k_jobs);
    if (k_candidates != 0) {
        // Expand positions to every job (jobs filtered out get empty rows).
        TopKLists& all = out.candidates_per_job;
        all.offsets.assign(snapshot.jobs.size() + 1, 0);
        all.items.reserve(by_position.items.size());
        std::size_t p = 0;
        for (Index j = 0; j < snapshot.jobs.size(); ++j) {
            if (p < job_list.size() && job_list[p] == j) {
                auto row = by_position.row(p++);
                all.items.insert(all.items.end(), row.begin(), row.end());
            }
            all.offsets[j + 1] = std::uint32_t(all.items.size());
        }
    }
    return out;
}

TopKLists merge_candidate_lists(std::span<const TopKLists> shards, std::size_t k) {
    TopKLists out;
    if (shards.empty()) return out;
    const std::size_t rows = shards[0].rows();
    out.offsets.assign(rows + 1, 0);
    std::vector<detail::HeapEntry> all;
    for (std::size_t r = 0; r < rows; ++r) {
        all.clear();
        for (const TopKLists& s : shards) {
            if (s.rows() != rows) throw_invalid("shards", "row counts differ");
            for (const IndexedMatch& m : s.row(r))
                all.push_back(detail::make_entry(m.score, m.index));
        }
        const std::size_t keep = std::min(k, all.size());
        std::partial_sort(all.begin(), all.begin() + keep, all.end(), detail::ranks_before);
        for (std::size_t i = 0; i < keep; ++i) out.items.push_back({all[i].index, all[i].score});
        out.offsets[r + 1] = std::uint32_t(out.items.size());
    }
    return out;
}

}  // namespace talentmatch::matcher
