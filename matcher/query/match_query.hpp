#pragma once
// The public query API of the matcher: top-k in every direction, batch-first.
//
// Every call takes many query ids at once (a single query is n = 1) and
// returns one result list per query id, in the order given, each list best
// first: ranking score (fit + preference bonus, exact, score_config.hpp)
// descending, ties by the other side's id ascending. Only eligible pairs are
// returned (must-have skills met, required certificates held, minimum
// education met). A list is shorter than k when fewer pairs are eligible and
// pass the filter.
//
// Thread-safety: the calls only read the Snapshot; any number may run at once
// on the same snapshot. Each call runs on its own oneTBB arena of
// `options.threads` threads. Results are identical (ids, order, every score
// bit) for any thread count and any kernel.
//
// Regimes (chosen per call or per candidate, results identical): "jobs for
// candidates" with fewer than kTileIndexMinBlocks (64) candidate blocks runs
// per candidate, choosing by an estimate of the cost (prefers_must_key):
// the must-key regime (must_key_query.hpp) scores only the jobs whose key
// must-have the candidate meets, plus the jobs without must-haves; the dense
// regime (dense_query.hpp, when the candidate's skills reach a large share of
// the jobs: kDenseMinPostingsPerJob) adds one word per posting and scans every
// job once; the sparse regime (sparse_query.hpp, large taxonomies) visits only
// the jobs sharing a skill. "Candidates for jobs" with at most kFewJobsMax (8)
// jobs scores every candidate block against those jobs' requirement rows only
// (few_jobs_query.hpp). Larger batches and more jobs run the block kernels
// (block_pass.hpp), where options.kernel applies; options.kernel == kScalar
// also forces the dense regime's scalar scan. What each regime costs is
// measured by bench/matcher_bench (figures live there and in commit messages).
//
// Errors: k == 0 or a bad filter -> ValidationError naming the field
// ("k", "filter.districts[1]", "filter.min_coverage"); an unknown query id ->
// NotFoundError(kind, id) with kind "graduate", "job" or "program".
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "matcher/query/query_workspace.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

// Which code scores the pairs. kAuto picks AVX-512BW when the CPU has it
// (checked at run time), else the portable scalar kernel. kScalar forces the
// portable path (tests compare both). kAvx512 on a CPU without it throws
// ValidationError("options.kernel", ...).
enum class Kernel : std::uint8_t { kAuto = 0, kScalar = 1, kAvx512 = 2 };

struct ExecutionOptions {
    int threads = 0;  // 0 = every core (oneTBB default concurrency); else 1..256
    Kernel kernel = Kernel::kAuto;
    // Scratch reused across small queries (query_workspace.hpp); null = a
    // fresh one per call. Results do not depend on it; latency does: without
    // one, a single query allocates and zeroes ~8 bytes per job.
    QueryWorkspace* workspace = nullptr;
};

// Restricts the OTHER side of each query, and candidates in the batch calls.
// Empty list = no restriction. Ids must exist in the snapshot's dictionaries
// (an unknown one is a ValidationError, not an empty result).
//  - districts, clusters, employers: restrict jobs (job's district/cluster/employer);
//  - institutions, programs: restrict candidates (a graduate's institution /
//    program; a program's institution / itself);
//  - min_coverage in [0, 1]: the pair's coverage must be >= it (exact: it is
//    rounded to basis points, 1/10,000);
//  - as_of "YYYY-MM-DD": jobs past their valid_until on that date are left
//    out (validity.hpp; empty = no date rule). The API passes today's date;
//  - include_not_seeking: graduates who are not seeking appear in jobs'
//    candidate lists only when true (a graduate's own job list is never
//    restricted by it).
struct MatchFilter {
    std::vector<std::string> districts;
    std::vector<std::string> clusters;
    std::vector<std::string> employers;
    std::vector<std::string> institutions;
    std::vector<std::string> programs;
    double min_coverage = 0.0;
    std::string as_of;
    bool include_not_seeking = false;
    // Candidates whose year_or_cohort is at least this: in the research
    // connection a result's readiness level (connection_snapshot.hpp).
    std::int32_t min_year_or_cohort = std::numeric_limits<std::int32_t>::min();
};

// One result: the other side's id and index, the exact score, and doubles for
// display (fit, coverage, relevance, ranking score = fit + bonus).
struct Match {
    std::string id;
    Index index = 0;
    PairScore exact;
    double fit = 0;
    double coverage = 0;
    double relevance = 0;
    double score = 0;
};

using MatchLists = std::vector<std::vector<Match>>;  // [query][rank]

MatchLists top_jobs_for_graduates(const Snapshot& snapshot,
                                  std::span<const std::string> graduate_ids, std::size_t k,
                                  const MatchFilter& filter, const ScoreConfig& config,
                                  const ExecutionOptions& options = {});
MatchLists top_graduates_for_jobs(const Snapshot& snapshot, std::span<const std::string> job_ids,
                                  std::size_t k, const MatchFilter& filter,
                                  const ScoreConfig& config, const ExecutionOptions& options = {});
MatchLists top_jobs_for_programs(const Snapshot& snapshot, std::span<const std::string> program_ids,
                                 std::size_t k, const MatchFilter& filter,
                                 const ScoreConfig& config, const ExecutionOptions& options = {});
MatchLists top_programs_for_jobs(const Snapshot& snapshot, std::span<const std::string> job_ids,
                                 std::size_t k, const MatchFilter& filter,
                                 const ScoreConfig& config, const ExecutionOptions& options = {});

}  // namespace talentmatch::matcher
