#include "matcher/kernels/job_floor_guess.hpp"

#include <limits>

#include "matcher/kernels/pass_runner.hpp"

namespace talentmatch::matcher::detail {
namespace {

struct JobFloorGuess {
    std::vector<PairScore> score;       // per position; meaningful where guessed[p]
    std::vector<std::uint8_t> guessed;  // per position
    std::vector<float> start_floor;     // per position: score - kPruneMargin, or -inf
};

// The guesses for the per-job lists of a pass over `blocks` (`in` as for
// that pass; its candidate lists are not touched).
JobFloorGuess guess_job_floors(const PassInput& in, std::span<const Index> blocks,
                               const ExecutionOptions& options, const JobFloorSampling& sampling) {
    std::vector<Index> sample;
    for (std::size_t i = 0; i < blocks.size(); i += sampling.block_stride) {
        sample.push_back(blocks[i]);
    }
    PassInput s = in;
    s.k_jobs = 0;  // job lists only
    s.candidate_slots = nullptr;
    s.candidate_counts = nullptr;
    s.k_candidates = sampling.rank;
    s.job_floor_start = {};
    auto collectors = run_parallel_pass(s, sample, options);
    const std::size_t positions = in.job_list.size();
    const TopKLists best = merge_job_heaps(collectors, positions, sampling.rank);

    JobFloorGuess guess;
    guess.score.resize(positions);
    guess.guessed.assign(positions, 0);
    guess.start_floor.assign(positions, -std::numeric_limits<float>::infinity());
    for (std::size_t p = 0; p < positions; ++p) {
        const auto row = best.row(p);
        if (row.size() < sampling.rank) continue;
        guess.score[p] = row.back().score;
        guess.guessed[p] = 1;
        guess.start_floor[p] = float(row.back().score.score() - kPruneMargin);
    }
    return guess;
}

// The guessed positions whose list (at most k long, best first) holds fewer
// than k entries or ends below the guess: their lists may lack a pair the
// guess pruned. Ascending.
std::vector<std::uint32_t> unverified_positions(const TopKLists& lists, const JobFloorGuess& guess,
                                                std::size_t k) {
    std::vector<std::uint32_t> out;
    for (std::size_t p = 0; p < guess.guessed.size(); ++p) {
        if (!guess.guessed[p]) continue;
        const auto row = lists.row(p);
        if (row.size() < k || compare_scores(row[k - 1].score, guess.score[p]) < 0) {
            out.push_back(std::uint32_t(p));
        }
    }
    return out;
}

// Recomputes the per-job lists of `positions` (ascending) over `blocks`
// without guesses and replaces those rows of `lists`.
void recompute_job_lists(const PassInput& in, std::span<const Index> blocks,
                         const ExecutionOptions& options, std::span<const std::uint32_t> positions,
                         TopKLists& lists) {
    if (positions.empty()) return;
    std::vector<Index> jobs;
    std::vector<std::uint16_t> cov_min;
    for (std::uint32_t p : positions) {
        jobs.push_back(in.job_list[p]);
        if (!in.cov_min.empty()) cov_min.push_back(in.cov_min[p]);
    }
    PassInput r = in;
    r.job_list = jobs;
    r.cov_min = cov_min;
    r.k_jobs = 0;  // the candidate lists are final already
    r.candidate_slots = nullptr;
    r.candidate_counts = nullptr;
    r.job_floor_start = {};
    auto collectors = run_parallel_pass(r, blocks, options);
    const TopKLists redone = merge_job_heaps(collectors, jobs.size(), in.k_candidates);

    TopKLists out;
    out.offsets.assign(lists.rows() + 1, 0);
    out.items.reserve(lists.items.size());
    std::size_t next = 0;  // positions are ascending
    for (std::size_t p = 0; p < lists.rows(); ++p) {
        const bool replaced = next < positions.size() && positions[next] == p;
        const auto row = replaced ? redone.row(next++) : lists.row(p);
        out.items.insert(out.items.end(), row.begin(), row.end());
        out.offsets[p + 1] = std::uint32_t(out.items.size());
    }
    lists = std::move(out);
}

}  // namespace

TopKLists pass_with_guessed_job_floors(const PassInput& in, std::span<const Index> blocks,
                                       const ExecutionOptions& options,
                                       const JobFloorSampling& sampling, std::size_t* recomputed) {
    const JobFloorGuess guess = guess_job_floors(in, blocks, options, sampling);
    PassInput main = in;
    main.job_floor_start = guess.start_floor;
    auto collectors = run_parallel_pass(main, blocks, options);
    TopKLists lists = merge_job_heaps(collectors, in.job_list.size(), in.k_candidates);
    const auto unverified = unverified_positions(lists, guess, in.k_candidates);
    recompute_job_lists(in, blocks, options, unverified, lists);
    if (recomputed != nullptr) *recomputed = unverified.size();
    return lists;
}

}  // namespace talentmatch::matcher::detail
