#pragma once
// The nightly full batch: top-k jobs for EVERY candidate and top-k candidates
// for EVERY job, in one pass over the candidate blocks (both directions share
// the scoring work).
//
// Shardable: a call covers the candidate index range [begin, end); several
// calls over disjoint ranges (threads, processes or MPI ranks) give
//  - jobs_per_candidate: final lists for the candidates of the range
//    (concatenate the shards' rows in range order), and
//  - candidates_per_job: each job's top-k among the range's candidates; merge
//    shards with merge_candidate_lists() to get the global lists.
// The result equals a single call over [0, size) bit for bit, whatever the
// sharding, thread count or kernel (the order is total: score desc, id asc).
//
// Memory: O((end-begin)·k_jobs + threads·jobs·k_candidates) result entries;
// the snapshot is only read.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/query/match_query.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

enum class CandidateKind : std::uint8_t { kGraduates = 0, kPrograms = 1 };

// One entry of a result list: the other side's index and the exact score.
struct IndexedMatch {
    Index index = 0;
    PairScore score;
    bool operator==(const IndexedMatch&) const = default;
};

// Result lists in compressed rows (block_layout.hpp's Csr): row i is
// items[offsets[i] .. offsets[i+1]), best first, at most k long.
using TopKLists = Csr<IndexedMatch>;

struct BatchRange {
    Index begin = 0;
    Index end = 0;  // exclusive; end <= candidate count
};

struct BatchTopK {
    BatchRange range;
    TopKLists jobs_per_candidate;  // rows: candidates begin..end-1; empty when k_jobs == 0
    TopKLists candidates_per_job;  // rows: every job; empty when k_candidates == 0
};

// k_jobs or k_candidates may be 0 to skip that direction (not both).
// Errors: ValidationError for a bad range ("range"), both k zero ("k"), or a
// bad filter (as in match_query.hpp).
BatchTopK batch_top_k(const Snapshot& snapshot, CandidateKind kind, BatchRange range,
                      std::size_t k_jobs, std::size_t k_candidates, const MatchFilter& filter,
                      const ScoreConfig& config, const ExecutionOptions& options = {});

// Index-based (no id strings), for the assignment: the top-k jobs of each
// candidate index in `candidates` (a row per entry, in that order) as
// match_query.hpp computes them (same regimes, same filter), and, when
// cov_min_by_job is not empty (one entry per job), only pairs with
// cov_num >= cov_min_by_job[job] as well. Errors as in match_query.hpp; an
// index out of range -> "candidates".
TopKLists top_jobs_by_index(const Snapshot& snapshot, CandidateKind kind,
                            std::span<const Index> candidates, std::size_t k,
                            const MatchFilter& filter,
                            std::span<const std::uint16_t> cov_min_by_job,
                            const ScoreConfig& config, const ExecutionOptions& options = {});

// Merges per-shard candidates_per_job lists (same jobs, disjoint candidate
// ranges) into the global top-k per job. Deterministic, order of shards
// irrelevant.
TopKLists merge_candidate_lists(std::span<const TopKLists> shards, std::size_t k);

}  // namespace talentmatch::matcher
