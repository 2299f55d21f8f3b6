#include "matcher/query/match_query.hpp"

#include <algorithm>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/query/dense_query.hpp"
#include "matcher/query/few_jobs_query.hpp"
#include "matcher/query/indexed_candidates_query.hpp"
#include "matcher/query/must_key_query.hpp"
#include "matcher/query/query_workspace.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/query/sparse_query.hpp"
#include "matcher/score/invalid_argument.hpp"

namespace talentmatch::matcher {
namespace {

void check_k(std::size_t k) {
    if (k == 0) throw_invalid("k", "must be >= 1, got 0");
}

std::vector<Index> resolve_ids(const SortedIds& dict, std::span<const std::string> ids,
                               const char* kind) {
    std::vector<Index> out;
    out.reserve(ids.size());
    for (const std::string& id : ids) {
        auto idx = dict.find(id);
        if (!idx) throw NotFoundError(kind, id);
        out.push_back(*idx);
    }
    return out;
}

Match to_match(const SortedIds& other_ids, const IndexedMatch& m) {
    Match out;
    out.id = other_ids[m.index];
    out.index = m.index;
    out.exact = m.score;
    out.fit = m.score.fit();
    out.coverage = m.score.coverage();
    out.relevance = m.score.relevance();
    out.score = m.score.score();
    return out;
}

void run_block_pass(const Snapshot& snapshot, const CandidateSet& cs,
                    const detail::ResolvedFilter& rf, std::span<const std::uint16_t> cov_by_job,
                    const ScoreConfig& config, const ExecutionOptions& options, Index lo, Index hi,
                    std::span<const Index> row_of, std::span<const Index> blocks, std::size_t k,
                    detail::HeapEntry* slots, std::uint32_t* counts);

// Top-k jobs for the given candidate indices (one row per DISTINCT index,
// numbered by row_of[c - lo]): few blocks -> the per-candidate regimes; many
// -> the block pass over the blocks that hold them, heaps only for the queried
// lanes. extra_cov_min: per job index, a further minimum cov_num (or empty).
struct RowLists {
    TopKLists lists;
    Index lo = 0;
    std::vector<Index> row_of;
};
RowLists jobs_core(const Snapshot& snapshot, const CandidateSet& cs, std::span<const Index> queries,
                   std::size_t k, const detail::ResolvedFilter& rf,
                   std::span<const std::uint16_t> extra_cov_min, const ScoreConfig& config,
                   const ExecutionOptions& options) {
    RowLists out;
    if (queries.empty()) return out;
    const Index lo = *std::min_element(queries.begin(), queries.end());
    const Index hi = *std::max_element(queries.begin(), queries.end()) + 1;
    out.lo = lo;
    std::vector<Index>& row_of = out.row_of;
    row_of.assign(hi - lo, kNone);
    Index rows = 0;
    std::vector<Index> blocks;
    for (Index c : queries) {
        if (row_of[c - lo] == kNone) row_of[c - lo] = rows++;
        blocks.push_back(Index(c / kBlockSize));
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());

    std::vector<detail::HeapEntry> slots(std::size_t(rows) * k);
    std::vector<std::uint32_t> counts(rows, 0);
    const auto cov_min = detail::combined_minimums(snapshot, rf, extra_cov_min);
    if (blocks.size() < detail::kTileIndexMinBlocks) {
        // Small batch: each candidate's skills through the by-skill job index.
        std::vector<Index> distinct(rows);
        for (Index c : queries) distinct[row_of[c - lo]] = c;
        QueryWorkspace fallback_workspace;  // unused when the caller passed one
        QueryWorkspace& workspace =
            options.workspace != nullptr ? *options.workspace : fallback_workspace;
        const detail::DenseScan scan =
            options.kernel != Kernel::kScalar && detail::cpu_has_avx512bw()
                ? detail::DenseScan::kAvx512
                : detail::DenseScan::kScalar;
        // Few jobs whose key must-have the candidate meets -> score just
        // those (must_key_query.hpp); else dense overlap (small taxonomies)
        // -> one scan of every job; sparse overlap -> only the jobs sharing
        // a skill (dense_query.hpp).
        auto one = [&](Index r, detail::SparseScratch& scratch) {
            const Index c = distinct[r];
            const std::span<detail::HeapEntry> heap(slots.data() + std::size_t(r) * k, k);
            if (detail::prefers_must_key(snapshot.job_plan, cs, c, scan)) {
                detail::must_key_top_jobs(snapshot, cs, c, rf, cov_min, config, heap, counts[r],
                                          scratch, scan);
            } else if (detail::prefers_dense(snapshot.job_plan, cs, c)) {
                detail::dense_top_jobs(snapshot, cs, c, rf, cov_min, config, heap, counts[r],
                                       scratch, scan);
            } else {
                detail::sparse_top_jobs(snapshot, cs, c, rf, cov_min, config, heap, counts[r],
                                        scratch);
            }
        };
        if (rows == 1) {  // a single query: no arena, no tasks
            detail::ScratchLease lease(workspace);
            one(0, lease.get());
        } else {
            tbb::enumerable_thread_specific<detail::ScratchLease> leases(
                [&] { return detail::ScratchLease(workspace); });
            tbb::task_arena arena(options.threads > 0 ? options.threads
                                                      : tbb::task_arena::automatic);
            arena.execute([&] {
                tbb::parallel_for(Index{0}, rows, [&](Index r) { one(r, leases.local().get()); });
            });
        }
    } else {
        run_block_pass(snapshot, cs, rf, cov_min, config, options, lo, hi, row_of, blocks, k,
                       slots.data(), counts.data());
    }
    out.lists = detail::candidate_heap_lists(slots, counts, k);
    return out;
}

MatchLists jobs_for(const Snapshot& snapshot, CandidateKind kind, std::span<const std::string> ids,
                    std::size_t k, const MatchFilter& filter, const ScoreConfig& config,
                    const ExecutionOptions& options, const char* id_kind) {
    check_k(k);
    validate(config);
    detail::validate_options(options);
    const CandidateSet& cs = detail::candidates_of(snapshot, kind);
    const std::vector<Index> queries = resolve_ids(cs.ids, ids, id_kind);
    const detail::ResolvedFilter rf = detail::resolve_filter(snapshot, kind, filter);
    MatchLists out(queries.size());
    const RowLists rl = jobs_core(snapshot, cs, queries, k, rf, {}, config, options);
    for (std::size_t q = 0; q < queries.size(); ++q) {
        for (const IndexedMatch& m : rl.lists.row(rl.row_of[queries[q] - rl.lo])) {
            out[q].push_back(to_match(snapshot.jobs.ids, m));
        }
    }
    return out;
}

// The block pass over `blocks` for the candidates with a heap row.
void run_block_pass(const Snapshot& snapshot, const CandidateSet& cs,
                    const detail::ResolvedFilter& rf, std::span<const std::uint16_t> cov_by_job,
                    const ScoreConfig& config, const ExecutionOptions& options, Index lo, Index hi,
                    std::span<const Index> row_of, std::span<const Index> blocks, std::size_t k,
                    detail::HeapEntry* slots, std::uint32_t* counts) {
    std::vector<Index> filtered_jobs;
    std::span<const Index> job_list;
    if (rf.job_ok.empty()) {
        job_list = snapshot.job_plan.all_jobs;
    } else {
        for (Index j = 0; j < snapshot.jobs.size(); ++j) {
            if (rf.job_ok[j]) filtered_jobs.push_back(j);
        }
        job_list = filtered_jobs;
    }
    std::vector<std::uint16_t> cov_min;
    if (!cov_by_job.empty()) {
        cov_min.reserve(job_list.size());
        for (Index j : job_list) cov_min.push_back(cov_by_job[j]);
    }
    detail::PassInput in;
    in.snapshot = &snapshot;
    in.candidates = &cs;
    in.config = &config;
    in.range_begin = lo;
    in.range_end = hi;
    in.candidate_ok = rf.candidate_ok;
    in.row_of = row_of;
    in.job_list = job_list;
    in.cov_min = cov_min;
    in.k_jobs = k;
    in.candidate_slots = slots;
    in.candidate_counts = counts;
    detail::run_parallel_pass(in, blocks, options);
}

// Top-k candidates for the given jobs: the block pass over every block with
// only the queried jobs.
MatchLists candidates_for(const Snapshot& snapshot, CandidateKind kind,
                          std::span<const std::string> ids, std::size_t k,
                          const MatchFilter& filter, const ScoreConfig& config,
                          const ExecutionOptions& options) {
    check_k(k);
    validate(config);
    detail::validate_options(options);
    const CandidateSet& cs = detail::candidates_of(snapshot, kind);
    const std::vector<Index> queries = resolve_ids(snapshot.jobs.ids, ids, "job");
    detail::ResolvedFilter rf = detail::resolve_filter(snapshot, kind, filter);
    // Only candidates that may be listed are scored in this direction.
    if (!rf.candidate_listed.empty()) {
        if (rf.candidate_ok.empty()) {
            rf.candidate_ok = rf.candidate_listed;
        } else {
            std::vector<std::uint8_t> both(rf.candidate_ok.size());
            for (Index c = 0; c < both.size(); ++c)
                both[c] = rf.candidate_ok[c] & rf.candidate_listed[c];
            rf.hold(rf.candidate_ok, std::move(both));
        }
    }
    MatchLists out(queries.size());
    std::vector<Index> job_list;
    std::vector<std::size_t> position_of(queries.size(), SIZE_MAX);
    for (std::size_t q = 0; q < queries.size(); ++q) {
        if (!rf.job_ok.empty() && !rf.job_ok[queries[q]]) continue;
        position_of[q] = job_list.size();
        job_list.push_back(queries[q]);
    }
    if (job_list.empty() || cs.size() == 0) return out;
    const auto cov_min = detail::coverage_minimums(snapshot, job_list, rf.min_coverage_bp);
    if (job_list.size() <= detail::kFewJobsMax) {
        // A few jobs: the blocks the candidate index bounds within reach of
        // the k-th best (many candidates), else each block against those
        // jobs' requirements only.
        const TopKLists lists =
            cs.index.built() && cs.block_count() >= detail::kIndexedMinBlocks
                ? detail::indexed_top_candidates(snapshot, cs, job_list, cov_min, rf.candidate_ok,
                                                 k, config, options)
                : detail::few_jobs_top_candidates(snapshot, cs, job_list, cov_min, rf.candidate_ok,
                                                  k, config, options);
        for (std::size_t q = 0; q < queries.size(); ++q) {
            if (position_of[q] == SIZE_MAX) continue;
            for (const IndexedMatch& m : lists.row(position_of[q])) {
                out[q].push_back(to_match(cs.ids, m));
            }
        }
        return out;
    }
    detail::PassInput in;
    in.snapshot = &snapshot;
    in.candidates = &cs;
    in.config = &config;
    in.range_begin = 0;
    in.range_end = Index(cs.size());
    in.candidate_ok = rf.candidate_ok;
    in.job_list = job_list;
    in.cov_min = cov_min;
    in.k_candidates = k;
    std::vector<Index> blocks(cs.block_count());
    for (Index b = 0; b < blocks.size(); ++b) blocks[b] = b;
    auto collectors = detail::run_parallel_pass(in, blocks, options);
    const TopKLists lists = detail::merge_job_heaps(collectors, job_list.size(), k);
    for (std::size_t q = 0; q < queries.size(); ++q) {
        if (position_of[q] == SIZE_MAX) continue;
        for (const IndexedMatch& m : lists.row(position_of[q])) {
            out[q].push_back(to_match(cs.ids, m));
        }
    }
    return out;
}

}  // namespace

TopKLists top_jobs_by_index(const Snapshot& snapshot, CandidateKind kind,
                            std::span<const Index> candidates, std::size_t k,
                            const MatchFilter& filter,
                            std::span<const std::uint16_t> cov_min_by_job,
                            const ScoreConfig& config, const ExecutionOptions& options) {
    check_k(k);
    validate(config);
    detail::validate_options(options);
    const CandidateSet& cs = detail::candidates_of(snapshot, kind);
    for (Index c : candidates) {
        if (c >= cs.size()) throw_invalid("candidates", "index out of range");
    }
    if (!cov_min_by_job.empty() && cov_min_by_job.size() != snapshot.jobs.size())
        throw_invalid("cov_min_by_job", "one entry per job expected");
    const detail::ResolvedFilter rf = detail::resolve_filter(snapshot, kind, filter);
    const RowLists rl = jobs_core(snapshot, cs, candidates, k, rf, cov_min_by_job, config, options);
    TopKLists out;
    for (Index c : candidates) {
        const auto row = rl.lists.row(rl.row_of[c - rl.lo]);
        out.items.insert(out.items.end(), row.begin(), row.end());
        out.offsets.push_back(std::uint32_t(out.items.size()));
    }
    return out;
}

MatchLists top_jobs_for_graduates(const Snapshot& snapshot,
                                  std::span<const std::string> graduate_ids, std::size_t k,
                                  const MatchFilter& filter, const ScoreConfig& config,
                                  const ExecutionOptions& options) {
    return jobs_for(snapshot, CandidateKind::kGraduates, graduate_ids, k, filter, config, options,
                    "graduate");
}

MatchLists top_graduates_for_jobs(const Snapshot& snapshot, std::span<const std::string> job_ids,
                                  std::size_t k, const MatchFilter& filter,
                                  const ScoreConfig& config, const ExecutionOptions& options) {
    return candidates_for(snapshot, CandidateKind::kGraduates, job_ids, k, filter, config, options);
}

MatchLists top_jobs_for_programs(const Snapshot& snapshot, std::span<const std::string> program_ids,
                                 std::size_t k, const MatchFilter& filter,
                                 const ScoreConfig& config, const ExecutionOptions& options) {
    return jobs_for(snapshot, CandidateKind::kPrograms, program_ids, k, filter, config, options,
                    "program");
}

MatchLists top_programs_for_jobs(const Snapshot& snapshot, std::span<const std::string> job_ids,
                                 std::size_t k, const MatchFilter& filter,
                                 const ScoreConfig& config, const ExecutionOptions& options) {
    return candidates_for(snapshot, CandidateKind::kPrograms, job_ids, k, filter, config, options);
}

}  // namespace talentmatch::matcher
