// Per-job lists computed with guessed floors (job_floor_guess.hpp) equal the
// reference scorer's, whether a guess held or was too high and its job was
// recomputed.
#include <gtest/gtest.h>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/job_floor_guess.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

struct Sampled {
    TopKLists lists;  // by job index (every job is listed)
    std::size_t recomputed = 0;
};

// The pass batch_top_k runs for per-job lists only, over every graduate.
Sampled per_job_lists(const Snapshot& snap, std::size_t k, const detail::JobFloorSampling& sampling,
                      const ExecutionOptions& ex) {
    const ScoreConfig cfg;
    std::vector<Index> jobs(snap.jobs.size());
    for (Index j = 0; j < jobs.size(); ++j) jobs[j] = j;
    std::vector<Index> blocks;
    for (Index b = 0; b < (snap.graduates.size() + kBlockSize - 1) / kBlockSize; ++b) {
        blocks.push_back(b);
    }
    detail::PassInput in;
    in.snapshot = &snap;
    in.candidates = &snap.graduates;
    in.config = &cfg;
    in.range_end = Index(snap.graduates.size());
    in.job_list = jobs;
    in.k_candidates = k;
    Sampled out;
    out.lists = detail::pass_with_guessed_job_floors(in, blocks, ex, sampling, &out.recomputed);
    return out;
}

WorldShape many_blocks_shape() {
    WorldShape s;
    s.skills = 40;
    s.graduates = 2200;  // 69 blocks
    s.jobs = 120;
    s.max_requirements = 6;
    s.max_skills = 12;
    return s;
}

void expect_lists_match_oracle(const RandomWorld& w, const Snapshot& snap, const TopKLists& lists,
                               std::size_t k, const std::string& label) {
    for (const Job& job : w.jobs) {
        const Index ji = *snap.jobs.ids.find(job.id);
        std::vector<Match> got;
        for (const IndexedMatch& m : lists.row(ji)) {
            got.push_back({snap.graduates.ids[m.index], m.index, m.score});
        }
        expect_same(got, oracle_candidates_for(job, w.graduates, k, {}, ScoreConfig{}),
                    label + " job " + job.id);
    }
}

std::vector<ExecutionOptions> executions() {
    std::vector<ExecutionOptions> out = {{1, Kernel::kScalar}, {2, Kernel::kScalar}};
    if (detail::cpu_has_avx512bw()) out.push_back({2, Kernel::kAvx512});
    return out;
}

// A guess from a sample's best of every 4th block is above most jobs' 5th
// best: those jobs fail the check and are recomputed, the rest hold.
TEST(JobFloorGuess, GuessesTooHighAreRecomputed) {
    const RandomWorld w = make_world(21, many_blocks_shape());
    const auto snap = build_snapshot(w);
    for (const ExecutionOptions& ex : executions()) {
        const Sampled s = per_job_lists(*snap, 5, {4, 1}, ex);
        EXPECT_GT(s.recomputed, 0u);
        EXPECT_LT(s.recomputed, w.jobs.size());
        expect_lists_match_oracle(w, *snap, s.lists, 5, "rank 1 of every 4th block");
    }
}

// A guess from the 8th best of every 2nd block is below the 5th best overall
// for most jobs: their lists come from the pruned pass alone.
TEST(JobFloorGuess, GuessesThatHoldGiveTheExactLists) {
    const RandomWorld w = make_world(22, many_blocks_shape());
    const auto snap = build_snapshot(w);
    for (const ExecutionOptions& ex : executions()) {
        const Sampled s = per_job_lists(*snap, 5, {2, 8}, ex);
        EXPECT_LT(s.recomputed, w.jobs.size() / 4);
        expect_lists_match_oracle(w, *snap, s.lists, 5, "rank 8 of every 2nd block");
    }
}

}  // namespace
}  // namespace talentmatch::matcher::testing
