// Every fast path (kernels × thread counts × directions × filters) equals the
// reference scorer's brute force exactly: same ids, order and exact scores.
#include <gtest/gtest.h>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/job_floor_guess.hpp"
#include "matcher/query/dense_query.hpp"
#include "matcher/query/match_query.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

std::vector<ExecutionOptions> all_executions() {
    std::vector<ExecutionOptions> out = {{1, Kernel::kScalar}, {2, Kernel::kScalar}};
    if (detail::cpu_has_avx512bw()) {
        out.push_back({1, Kernel::kAvx512});
        out.push_back({2, Kernel::kAvx512});
    }
    return out;
}

std::vector<std::string> ids_of(const auto& entities) {
    std::vector<std::string> out;
    for (const auto& e : entities) out.push_back(e.id);
    return out;
}

struct Case {
    unsigned seed;
    WorldShape shape;
    std::size_t k;
};

class OracleAgreement : public ::testing::TestWithParam<Case> {};

TEST_P(OracleAgreement, JobsForGraduatesMatchReference) {
    const Case c = GetParam();
    const RandomWorld w = make_world(c.seed, c.shape);
    const auto snap = build_snapshot(w);
    const ScoreConfig cfg;
    const auto ids = ids_of(w.graduates);
    for (const MatchFilter& f : all_filters()) {
        for (const ExecutionOptions& ex : all_executions()) {
            const MatchLists got = top_jobs_for_graduates(*snap, ids, c.k, f, cfg, ex);
            for (std::size_t q = 0; q < ids.size(); ++q) {
                expect_same(got[q], oracle_jobs_for(w.graduates[q], w.jobs, c.k, f, cfg),
                            "graduate " + ids[q]);
            }
        }
    }
}

// One graduate per call, every call borrowing scratch from one shared
// QueryWorkspace (reused across queries, filters, kernels and thread counts):
// leftovers from an earlier call would show up as wrong sums here.
TEST_P(OracleAgreement, SingleQueriesThroughSharedWorkspaceMatchReference) {
    const Case c = GetParam();
    const RandomWorld w = make_world(c.seed, c.shape);
    const auto snap = build_snapshot(w);
    const ScoreConfig cfg;
    const auto ids = ids_of(w.graduates);
    QueryWorkspace workspace;
    for (const MatchFilter& f : all_filters()) {
        for (ExecutionOptions ex : all_executions()) {
            ex.workspace = &workspace;
            for (std::size_t q = 0; q < ids.size(); ++q) {
                const std::string one[1] = {ids[q]};
                const MatchLists got = top_jobs_for_graduates(*snap, one, c.k, f, cfg, ex);
                expect_same(got[0], oracle_jobs_for(w.graduates[q], w.jobs, c.k, f, cfg),
                            "single graduate " + ids[q]);
            }
        }
    }
}

TEST_P(OracleAgreement, GraduatesForJobsMatchReference) {
    const Case c = GetParam();
    const RandomWorld w = make_world(c.seed, c.shape);
    const auto snap = build_snapshot(w);
    const ScoreConfig cfg{150, 75};
    const auto ids = ids_of(w.jobs);
    for (const MatchFilter& f : all_filters()) {
        for (const ExecutionOptions& ex : all_executions()) {
            const MatchLists got = top_graduates_for_jobs(*snap, ids, c.k, f, cfg, ex);
            for (std::size_t q = 0; q < ids.size(); ++q) {
                expect_same(got[q], oracle_candidates_for(w.jobs[q], w.graduates, c.k, f, cfg),
                            "job " + ids[q]);
            }
        }
    }
}

TEST_P(OracleAgreement, ProgramsBothWaysMatchReference) {
    const Case c = GetParam();
    const RandomWorld w = make_world(c.seed, c.shape);
    const auto snap = build_snapshot(w);
    const ScoreConfig cfg;
    const auto program_ids = ids_of(w.programs);
    const auto job_ids = ids_of(w.jobs);
    for (const MatchFilter& f : all_filters()) {
        for (const ExecutionOptions& ex : all_executions()) {
            const MatchLists jobs = top_jobs_for_programs(*snap, program_ids, c.k, f, cfg, ex);
            for (std::size_t q = 0; q < program_ids.size(); ++q) {
                expect_same(jobs[q], oracle_jobs_for(w.programs[q], w.jobs, c.k, f, cfg),
                            "program " + program_ids[q]);
            }
            const MatchLists progs = top_programs_for_jobs(*snap, job_ids, c.k, f, cfg, ex);
            for (std::size_t q = 0; q < job_ids.size(); ++q) {
                expect_same(progs[q], oracle_candidates_for(w.jobs[q], w.programs, c.k, f, cfg),
                            "job " + job_ids[q]);
            }
        }
    }
}

TEST_P(OracleAgreement, FullBatchBothDirectionsMatchReference) {
    const Case c = GetParam();
    const RandomWorld w = make_world(c.seed, c.shape);
    const auto snap = build_snapshot(w);
    const ScoreConfig cfg;
    const MatchFilter f = all_filters()[c.seed % 5];
    const std::size_t n = snap->graduates.size();
    for (const ExecutionOptions& ex : all_executions()) {
        const BatchTopK all =
            batch_top_k(*snap, CandidateKind::kGraduates, {0, Index(n)}, c.k, c.k + 2, f, cfg, ex);
        for (const Graduate& g : w.graduates) {
            const Index gi = *snap->graduates.ids.find(g.id);
            std::vector<Match> got;
            for (const IndexedMatch& m : all.jobs_per_candidate.row(gi)) {
                got.push_back({snap->jobs.ids[m.index], m.index, m.score});
            }
            expect_same(got, oracle_jobs_for(g, w.jobs, c.k, f, cfg), "batch graduate " + g.id);
        }
        for (const Job& j : w.jobs) {
            const Index ji = *snap->jobs.ids.find(j.id);
            std::vector<Match> got;
            for (const IndexedMatch& m : all.candidates_per_job.row(ji)) {
                got.push_back({snap->graduates.ids[m.index], m.index, m.score});
            }
            expect_same(got, oracle_candidates_for(j, w.graduates, c.k + 2, f, cfg),
                        "batch job " + j.id);
        }
        // Sharded at an unaligned cut, merged: identical to the single call.
        const Index cut = Index(n / 3 + 5);
        const BatchTopK a =
            batch_top_k(*snap, CandidateKind::kGraduates, {0, cut}, c.k, c.k + 2, f, cfg, ex);
        const BatchTopK b = batch_top_k(*snap, CandidateKind::kGraduates, {cut, Index(n)}, c.k,
                                        c.k + 2, f, cfg, ex);
        const TopKLists shards[] = {a.candidates_per_job, b.candidates_per_job};
        EXPECT_EQ(merge_candidate_lists(shards, c.k + 2), all.candidates_per_job);
        for (Index g = 0; g < n; ++g) {
            const auto& part = g < cut ? a.jobs_per_candidate : b.jobs_per_candidate;
            const auto row = part.row(g < cut ? g : g - cut);
            const auto whole = all.jobs_per_candidate.row(g);
            ASSERT_TRUE(std::equal(row.begin(), row.end(), whole.begin(), whole.end()));
        }
    }
}

WorldShape extreme_shape() {
    WorldShape s;
    s.extreme = true;
    return s;
}

WorldShape large_taxonomy_shape() {
    WorldShape s;
    s.skills = 400;
    s.graduates = 97;
    s.jobs = 41;
    s.max_requirements = 30;
    s.max_skills = 40;
    return s;
}

// A large taxonomy with few skills per graduate: graduates' postings reach
// few jobs, so single queries take the sparse regime for some graduates and
// the dense one for others (dense_query.hpp, kDenseMinPostingsPerJob).
WorldShape mixed_overlap_shape() {
    WorldShape s;
    s.skills = 400;
    s.graduates = 120;
    s.jobs = 300;
    s.max_requirements = 8;
    s.max_skills = 10;
    return s;
}

TEST(OracleAgreementRegimes, MixedOverlapWorldTakesBothRegimes) {
    const auto snap = build_snapshot(make_world(7, mixed_overlap_shape()));
    int dense = 0, sparse = 0;
    for (Index c = 0; c < snap->graduates.size(); ++c) {
        (detail::prefers_dense(snap->job_plan, snap->graduates, c) ? dense : sparse) += 1;
    }
    EXPECT_GT(dense, 10);
    EXPECT_GT(sparse, 10);
}

// Enough blocks (> kTileIndexMinBlocks) for the large-batch regime.
WorldShape many_blocks_shape() {
    WorldShape s;
    s.skills = 60;
    s.graduates = 2203;
    s.jobs = 70;
    s.max_requirements = 12;
    s.max_skills = 20;
    return s;
}

// Runs the full batch for every kernel and thread count and compares both
// directions with the oracle, computed once.
void expect_full_batch_matches_oracle(const WorldShape& shape, unsigned seed, std::size_t k_jobs,
                                      std::size_t k_grads, const std::string& label) {
    const RandomWorld w = make_world(seed, shape);
    const auto snap = build_snapshot(w);
    const ScoreConfig cfg;
    std::vector<std::vector<Expected>> want_jobs, want_grads;
    for (const Graduate& g : w.graduates)
        want_jobs.push_back(oracle_jobs_for(g, w.jobs, k_jobs, {}, cfg));
    for (const Job& j : w.jobs)
        want_grads.push_back(oracle_candidates_for(j, w.graduates, k_grads, {}, cfg));
    const Index n = Index(snap->graduates.size());
    for (const ExecutionOptions& ex : all_executions()) {
        const BatchTopK all =
            batch_top_k(*snap, CandidateKind::kGraduates, {0, n}, k_jobs, k_grads, {}, cfg, ex);
        for (std::size_t q = 0; q < w.graduates.size(); ++q) {
            const Index gi = *snap->graduates.ids.find(w.graduates[q].id);
            std::vector<Match> got;
            for (const IndexedMatch& m : all.jobs_per_candidate.row(gi)) {
                got.push_back({snap->jobs.ids[m.index], m.index, m.score});
            }
            expect_same(got, want_jobs[q], label + " graduate " + w.graduates[q].id);
        }
        for (std::size_t q = 0; q < w.jobs.size(); ++q) {
            const Index ji = *snap->jobs.ids.find(w.jobs[q].id);
            std::vector<Match> got;
            for (const IndexedMatch& m : all.candidates_per_job.row(ji)) {
                got.push_back({snap->graduates.ids[m.index], m.index, m.score});
            }
            expect_same(got, want_grads[q], label + " job " + w.jobs[q].id);
        }
    }
}

// The large-batch regime across job-tile boundaries: more than two tiles of
// jobs (kJobTile) and enough blocks for the tile index.
TEST(OracleAgreementMultiTile, FullBatchAcrossJobTilesMatchesReference) {
    WorldShape shape;
    shape.skills = 40;
    shape.graduates = 2100;
    shape.jobs = int(2 * detail::kJobTile + 37);
    shape.max_requirements = 6;
    shape.max_skills = 12;
    expect_full_batch_matches_oracle(shape, 11, 4, 6, "multi-tile");
}

// Enough blocks for the per-job floors to start from guesses
// (job_floor_guess.hpp), some of which the check sends back.
TEST(OracleAgreementMultiTile, FullBatchWithGuessedJobFloorsMatchesReference) {
    WorldShape shape;
    shape.skills = 40;
    shape.graduates = int(detail::kJobFloorGuessMinBlocks * kBlockSize + 50);
    shape.jobs = 60;
    shape.max_requirements = 6;
    shape.max_skills = 12;
    expect_full_batch_matches_oracle(shape, 14, 4, 20, "guessed job floors");
}

// The large-batch regime with wide jobs and large sums: up to 70 requirements
// and skills per person, so most jobs are wide (not packed) and level sums
// pass a byte. The extreme world (every level 5, every weight 10) puts floors
// at their highest too.
TEST(OracleAgreementMultiTile, WideJobsAndLargeSumsMatchReference) {
    for (const bool extreme : {false, true}) {
        WorldShape shape;
        shape.skills = 80;
        shape.graduates = 2150;
        shape.jobs = 150;
        shape.max_requirements = 70;
        shape.max_skills = 75;
        shape.extreme = extreme;
        expect_full_batch_matches_oracle(shape, extreme ? 13 : 12, 3, 5,
                                         extreme ? "large sums, extreme" : "large sums");
    }
}

INSTANTIATE_TEST_SUITE_P(
    RandomWorlds, OracleAgreement,
    ::testing::Values(Case{1, WorldShape{}, 5}, Case{2, WorldShape{}, 1},
                      Case{3, WorldShape{}, 1000},  // k larger than every eligible count
                      Case{4, extreme_shape(), 7},  // max levels and weights: many ties
                      Case{5, large_taxonomy_shape(), 10}, Case{6, many_blocks_shape(), 9},
                      Case{7, mixed_overlap_shape(), 4}));

}  // namespace
}  // namespace talentmatch::matcher::testing
