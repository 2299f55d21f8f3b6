// The three single-candidate regimes of "top-k jobs for a candidate" (dense
// overlap: dense_query.hpp; sparse: sparse_query.hpp; must-key:
// must_key_query.hpp), each called directly
// and through the public API, equal the reference scorer's brute force
// exactly (ids, order, exact scores): small taxonomies (dense overlap), ties,
// k larger than the eligible count, filters, graduates and programs without
// skills, jobs with 8+ must-haves (the packed must count wraps mod 8), both
// scan kernels, 1 and 2 threads.
#include <gtest/gtest.h>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/query/dense_query.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/query/must_key_query.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/query/sparse_query.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

std::vector<detail::DenseScan> scans() {
    std::vector<detail::DenseScan> out = {detail::DenseScan::kScalar};
    if (detail::cpu_has_avx512bw()) out.push_back(detail::DenseScan::kAvx512);
    return out;
}

void expect_same(const std::vector<std::pair<std::string, PairScore>>& got,
                 const std::vector<Expected>& want, const std::string& where) {
    ASSERT_EQ(got.size(), want.size()) << where;
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].first, want[i].id) << where << " rank " << i;
        EXPECT_EQ(got[i].second, want[i].score) << where << " rank " << i;
    }
}

// A world with dense overlap (few skills) plus: every third job makes every
// requirement a must-have (up to 12, so 8+ occur), every fourth graduate has
// every skill at level 5 (so those jobs are met), every ninth none.
RandomWorld dense_world(unsigned seed, bool extreme) {
    WorldShape shape;
    shape.skills = 14;
    shape.jobs = 90;
    shape.graduates = 120;
    shape.max_requirements = 12;
    shape.max_skills = 10;
    shape.extreme = extreme;
    RandomWorld w = make_world(seed, shape);
    for (std::size_t j = 0; j < w.jobs.size(); j += 3) {
        for (auto& r : w.jobs[j].requirements) r.must_have = true;
    }
    for (std::size_t g = 0; g < w.graduates.size(); ++g) {
        if (g % 4 == 0) {
            w.graduates[g].skills.clear();
            for (const Skill& s : w.skills) w.graduates[g].skills.push_back({s.id, 5, {}});
        } else if (g % 9 == 0) {
            w.graduates[g].skills.clear();
        }
    }
    return w;
}

template <typename Candidate>
void check_regimes(const RandomWorld& w, const std::vector<Candidate>& candidates,
                   CandidateKind kind, std::size_t k, const ScoreConfig& cfg) {
    const auto snap = build_snapshot(w);
    const CandidateSet& cs = detail::candidates_of(*snap, kind);
    detail::SparseScratch scratch;  // shared by every call: leftovers would show
    std::vector<detail::HeapEntry> slots(k);
    for (const MatchFilter& f : all_filters()) {
        const detail::ResolvedFilter rf = detail::resolve_filter(*snap, kind, f);
        const auto cov_min =
            detail::coverage_minimums(*snap, snap->job_plan.all_jobs, rf.min_coverage_bp);
        for (const Candidate& cand : candidates) {
            const Index c = *cs.ids.find(cand.id);
            const auto want = oracle_jobs_for(cand, w.jobs, k, f, cfg);
            auto collect = [&](std::uint32_t count) {
                detail::sort_best_first(slots, count);
                std::vector<std::pair<std::string, PairScore>> got;
                for (std::uint32_t i = 0; i < count; ++i) {
                    got.emplace_back(snap->jobs.ids[slots[i].index], slots[i].score);
                }
                return got;
            };
            std::uint32_t count = 0;
            for (detail::DenseScan scan : scans()) {
                detail::dense_top_jobs(*snap, cs, c, rf, cov_min, cfg, slots, count, scratch, scan);
                expect_same(collect(count), want,
                            "dense " + cand.id + " scan " + std::to_string(int(scan)));
            }
            detail::sparse_top_jobs(*snap, cs, c, rf, cov_min, cfg, slots, count, scratch);
            expect_same(collect(count), want, "sparse " + cand.id);
            for (detail::DenseScan scan : scans()) {
                detail::must_key_top_jobs(*snap, cs, c, rf, cov_min, cfg, slots, count, scratch,
                                          scan);
                expect_same(collect(count), want,
                            "must-key " + cand.id + " kernel " + std::to_string(int(scan)));
            }
        }
    }
    for (std::uint32_t x : scratch.packed) ASSERT_EQ(x, 0u) << "dense words left non-zero";
    for (std::uint32_t x : scratch.levels) ASSERT_EQ(x, 0u) << "must-key levels left non-zero";
}

TEST(DenseRegime, BothRegimesMatchReferenceForGraduates) {
    for (unsigned seed : {21u, 22u}) {
        const RandomWorld w = dense_world(seed, false);
        check_regimes(w, w.graduates, CandidateKind::kGraduates, 5, ScoreConfig{});
        check_regimes(w, w.graduates, CandidateKind::kGraduates, 1, ScoreConfig{150, 75});
    }
}

TEST(DenseRegime, TiesAndKAboveEligibleCountMatchReference) {
    const RandomWorld w = dense_world(23, true);  // every level 5, weight 10: many ties
    check_regimes(w, w.graduates, CandidateKind::kGraduates, 7, ScoreConfig{});
    check_regimes(w, w.graduates, CandidateKind::kGraduates, 1000, ScoreConfig{});
    check_regimes(w, w.graduates, CandidateKind::kGraduates, 3, ScoreConfig{0, 0});
}

TEST(DenseRegime, BothRegimesMatchReferenceForPrograms) {
    const RandomWorld w = dense_world(24, false);
    check_regimes(w, w.programs, CandidateKind::kPrograms, 4, ScoreConfig{});
}

// The world above has jobs with 8+ must-haves that some graduates meet and
// some meet only partly (the wrap-around case), and graduates without skills.
TEST(DenseRegime, WorldCoversManyMustHavesAndEmptyCandidates) {
    const RandomWorld w = dense_world(21, false);
    int many_musts = 0, met = 0, empty = 0;
    for (const Job& j : w.jobs) {
        if (j.requirements.size() >= 8 && j.requirements[0].must_have) {
            ++many_musts;
            for (std::size_t g = 0; g < w.graduates.size(); g += 4) {
                met += reference_score(w.graduates[g], j, ScoreConfig{}).has_value();
            }
        }
    }
    for (const Graduate& g : w.graduates) empty += g.skills.empty();
    EXPECT_GT(many_musts, 3);
    EXPECT_GT(met, 0);
    EXPECT_GT(empty, 3);
}

// Through the public API, one and many graduates per call, 1 and 2 threads,
// both kernels, one shared QueryWorkspace; the dense world really takes the
// dense regime.
TEST(DenseRegime, PublicApiTakesDenseRegimeAndMatchesReference) {
    const RandomWorld w = dense_world(25, false);
    const auto snap = build_snapshot(w);
    int dense = 0;
    for (Index c = 0; c < snap->graduates.size(); ++c) {
        dense += detail::prefers_dense(snap->job_plan, snap->graduates, c);
    }
    // Every graduate but those without (level > 0) skills or with a single
    // rare one.
    ASSERT_GT(dense, int(snap->graduates.size()) * 2 / 3);
    std::vector<std::string> ids;
    for (const Graduate& g : w.graduates) ids.push_back(g.id);
    QueryWorkspace workspace;
    std::vector<ExecutionOptions> executions = {{1, Kernel::kScalar}, {2, Kernel::kScalar}};
    if (detail::cpu_has_avx512bw()) {
        executions.push_back({1, Kernel::kAvx512});
        executions.push_back({2, Kernel::kAvx512});
    }
    const ScoreConfig cfg;
    for (const MatchFilter& f : all_filters()) {
        for (ExecutionOptions ex : executions) {
            ex.workspace = &workspace;
            const MatchLists all = top_jobs_for_graduates(*snap, ids, 6, f, cfg, ex);
            for (std::size_t q = 0; q < ids.size(); ++q) {
                const auto want = oracle_jobs_for(w.graduates[q], w.jobs, 6, f, cfg);
                const std::string one[1] = {ids[q]};
                const MatchLists single = top_jobs_for_graduates(*snap, one, 6, f, cfg, ex);
                for (const MatchLists* got : {&all, &single}) {
                    std::vector<std::pair<std::string, PairScore>> pairs;
                    for (const Match& m : (*got)[got == &all ? q : 0]) {
                        pairs.emplace_back(m.id, m.exact);
                    }
                    expect_same(pairs, want, "api " + ids[q]);
                }
            }
        }
    }
}

}  // namespace
}  // namespace talentmatch::matcher::testing
