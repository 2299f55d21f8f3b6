// "Top-k candidates for a few jobs" (few_jobs_query.hpp, taken by the public
// API for up to kFewJobsMax jobs) equals the reference scorer's brute force
// exactly: graduates and programs, one and several jobs per call, filters,
// ties, k above the eligible count, candidates without skills, 1 and 2
// threads, and enough blocks for several parallel tasks.
#include <gtest/gtest.h>

#include "matcher/query/few_jobs_query.hpp"
#include "matcher/query/match_query.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

std::vector<MatchFilter> filters() {
    std::vector<MatchFilter> out(4);
    out[1].districts = {"nanshan", "baoan"};
    out[1].min_coverage = 0.3;
    out[2].institutions = {"inst0000", "inst0002"};
    out[2].programs = {"prog0001", "prog0002", "prog0004"};
    out[3].min_coverage = 0.8;
    return out;
}

// Calls of 1 and of 3 jobs (within kFewJobsMax) for the first `jobs` jobs.
void check_few_jobs(const RandomWorld& w, std::size_t jobs, std::size_t k, const ScoreConfig& cfg) {
    static_assert(detail::kFewJobsMax >= 3);
    const auto snap = build_snapshot(w);
    for (const MatchFilter& f : filters()) {
        std::vector<std::vector<Expected>> want_g, want_p;
        for (std::size_t j = 0; j < jobs; ++j) {
            want_g.push_back(oracle_candidates_for(w.jobs[j], w.graduates, k, f, cfg));
            want_p.push_back(oracle_candidates_for(w.jobs[j], w.programs, k, f, cfg));
        }
        for (int threads : {1, 2}) {
            const ExecutionOptions ex{threads, Kernel::kAuto};
            const std::string where = " threads " + std::to_string(threads);
            for (std::size_t j = 0; j < jobs; ++j) {
                const std::string one[1] = {w.jobs[j].id};
                expect_same(top_graduates_for_jobs(*snap, one, k, f, cfg, ex)[0], want_g[j],
                            "graduates for " + one[0] + where);
                expect_same(top_programs_for_jobs(*snap, one, k, f, cfg, ex)[0], want_p[j],
                            "programs for " + one[0] + where);
            }
            for (std::size_t j = 0; j + 3 <= jobs; j += 3) {
                const std::string three[3] = {w.jobs[j].id, w.jobs[j + 1].id, w.jobs[j + 2].id};
                const MatchLists got = top_graduates_for_jobs(*snap, three, k, f, cfg, ex);
                for (std::size_t i = 0; i < 3; ++i) {
                    expect_same(got[i], want_g[j + i], "3 jobs: graduates for " + three[i] + where);
                }
            }
        }
    }
}

TEST(FewJobsQuery, SmallWorldMatchesReference) {
    const RandomWorld w = make_world(31, WorldShape{});
    check_few_jobs(w, 12, 5, ScoreConfig{});
    check_few_jobs(w, 6, 1000, ScoreConfig{150, 75});  // k above every eligible count
}

TEST(FewJobsQuery, TiesMatchReference) {
    WorldShape shape;
    shape.extreme = true;  // every level 5, weight 10
    check_few_jobs(make_world(32, shape), 9, 7, ScoreConfig{});
}

// Several parallel tasks (more blocks than one task takes) and a large
// taxonomy, so most of a job's requirements are absent from a block.
TEST(FewJobsQuery, ManyBlocksAndLargeTaxonomyMatchReference) {
    WorldShape shape;
    shape.skills = 300;
    shape.graduates = 9000;
    shape.jobs = 30;
    shape.max_requirements = 15;
    shape.max_skills = 40;
    check_few_jobs(make_world(33, shape), 4, 10, ScoreConfig{});
}

}  // namespace
}  // namespace talentmatch::matcher::testing
