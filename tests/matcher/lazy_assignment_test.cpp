// Deferred acceptance over complete lists fetched lazily from the engine,
// against an independent oracle: full lists built from the reference scorer,
// textbook deferred acceptance (Gale-Shapley) on them, and a blocking-pair
// count by SPEC's untruncated rule over every eligible pair.
#include "matcher/assignment/lazy_assignment.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "matcher/assignment/assignment_source.hpp"
#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/score/reference_scorer.hpp"
#include "oracle.hpp"
#include "random_world.hpp"

namespace talentmatch::matcher {
namespace {

using testing::RandomWorld;
__extension__ typedef unsigned __int128 Wide;

struct Pair {
    std::uint32_t job;
    std::uint64_t num, den;  // fit + bonus, exact
};

// a ranks before b for a graduate: higher score, then lower job index.
bool better(const Pair& a, const Pair& b) {
    const Wide l = (Wide)a.num * b.den;
    const Wide r = (Wide)b.num * a.den;
    return l != r ? l > r : a.job < b.job;
}

struct Oracle {
    std::vector<std::vector<Pair>> lists;  // per graduate index, best first (seeking only)
    std::vector<std::uint32_t> capacity;   // per job index
};

// Full lists from the reference scorer, indices in id order (as the snapshot's).
Oracle full_lists(const RandomWorld& w, double min_coverage, const ScoreConfig& config) {
    std::vector<const Graduate*> grads;
    for (const auto& g : w.graduates) grads.push_back(&g);
    std::sort(grads.begin(), grads.end(), [](auto* a, auto* b) { return a->id < b->id; });
    std::vector<const Job*> jobs;
    for (const auto& j : w.jobs) jobs.push_back(&j);
    std::sort(jobs.begin(), jobs.end(), [](auto* a, auto* b) { return a->id < b->id; });
    Oracle o;
    for (const Job* j : jobs) o.capacity.push_back(std::uint32_t(j->headcount));
    o.lists.resize(grads.size());
    for (std::size_t g = 0; g < grads.size(); ++g) {
        if (!grads[g]->seeking) continue;
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            const auto s = reference_score(*grads[g], *jobs[j], config);
            if (!s) continue;
            // coverage >= min_coverage, exactly (min_coverage in basis points)
            const auto bp = std::uint64_t(std::llround(min_coverage * 10000));
            if (std::uint64_t(s->cov_num) * 10000 < bp * s->cov_den) continue;
            o.lists[g].push_back({std::uint32_t(j), s->ranking_num(), s->ranking_den()});
        }
        std::sort(o.lists[g].begin(), o.lists[g].end(), better);
    }
    return o;
}

// Textbook graduate-proposing deferred acceptance, rounds of proposals.
std::vector<std::uint32_t> textbook_da(const Oracle& o) {
    const std::size_t G = o.lists.size();
    std::vector<std::size_t> next(G, 0);
    std::vector<std::uint32_t> job_of(G, kUnassigned);
    std::vector<std::vector<std::pair<Pair, std::uint32_t>>> held(o.capacity.size());
    auto job_better = [](const std::pair<Pair, std::uint32_t>& a,
                         const std::pair<Pair, std::uint32_t>& b) {
        const Wide l = (Wide)a.first.num * b.first.den;
        const Wide r = (Wide)b.first.num * a.first.den;
        return l != r ? l > r : a.second < b.second;
    };
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::size_t g = 0; g < G; ++g) {
            if (job_of[g] != kUnassigned || next[g] >= o.lists[g].size()) continue;
            const Pair p = o.lists[g][next[g]++];
            changed = true;
            auto& h = held[p.job];
            h.push_back({p, std::uint32_t(g)});
            std::sort(h.begin(), h.end(), job_better);
            job_of[g] = p.job;
            if (h.size() > o.capacity[p.job]) {
                job_of[h.back().second] = kUnassigned;
                h.pop_back();
            }
        }
    }
    return job_of;
}

// SPEC's rule over every acceptable pair: g prefers j to its job (or has
// none) and j has a free opening or prefers g to one of its holders.
int blocking_pairs(const Oracle& o, const std::vector<std::uint32_t>& job_of) {
    auto score_of = [&](std::uint32_t g, std::uint32_t j) -> const Pair* {
        for (const auto& p : o.lists[g])
            if (p.job == j) return &p;
        return nullptr;
    };
    int count = 0;
    for (std::uint32_t g = 0; g < o.lists.size(); ++g) {
        const Pair* mine = job_of[g] == kUnassigned ? nullptr : score_of(g, job_of[g]);
        for (const Pair& p : o.lists[g]) {
            if (mine != nullptr && !better(p, *mine)) continue;
            std::uint32_t holders = 0;
            bool prefers = false;
            for (std::uint32_t h = 0; h < job_of.size(); ++h) {
                if (job_of[h] != p.job) continue;
                ++holders;
                const Pair* hs = score_of(h, p.job);
                const Wide l = (Wide)p.num * hs->den;
                const Wide r = (Wide)hs->num * p.den;
                if (l > r || (l == r && g < h)) prefers = true;
            }
            if (holders < o.capacity[p.job] || prefers) ++count;
        }
    }
    return count;
}

RandomWorld assignment_world(unsigned seed, int graduates, int jobs) {
    testing::WorldShape shape;
    shape.graduates = graduates;
    shape.jobs = jobs;
    RandomWorld w = testing::make_world(seed, shape);
    std::mt19937 rng(seed * 7 + 1);
    for (auto& j : w.jobs) j.headcount = int(rng() % 4);  // 0..3 openings
    for (auto& g : w.graduates) g.seeking = rng() % 5 != 0;
    return w;
}

TEST(LazyAssignment, EqualsTextbookDeferredAcceptanceOverFullReferenceLists) {
    const ScoreConfig config;
    int fetches = 0;
    for (unsigned seed = 1; seed <= 12; ++seed) {
        const int jobs =
            (40 + int(seed)) % 13 == 0 ? 41 + int(seed) : 40 + int(seed);  // ids need gcd 1
        const RandomWorld w = assignment_world(seed, 120 + 20 * int(seed % 3), jobs);
        const auto snap = testing::build_snapshot(w);
        for (double min_cov : {0.0, 0.4}) {
            const Oracle oracle = full_lists(w, min_cov, config);
            const auto expected = textbook_da(oracle);
            ASSERT_EQ(blocking_pairs(oracle, expected), 0) << "oracle itself, seed " << seed;
            // At most 1, 3 or 20 graduates per fetch: more rounds, other floors.
            for (std::size_t per_fetch : {std::size_t{1}, std::size_t{3}, std::size_t{20}}) {
                // Start with nothing fetched: every list comes from the engine.
                std::vector<PreferenceChunk> initial(snap->graduates.size());
                for (std::size_t g = 0; g < initial.size(); ++g)
                    initial[g].complete = snap->graduates.seeking[g] == 0;
                EngineJobSource source(*snap, config, {}, min_cov, per_fetch);
                std::vector<std::uint32_t> capacity(snap->jobs.headcount.begin(),
                                                    snap->jobs.headcount.end());
                LazyAssignmentStats stats;
                const Assignment a =
                    lazy_stable_assignment(std::move(initial), capacity, source, &stats);
                EXPECT_EQ(a.job_of, expected)
                    << "seed " << seed << " min_cov " << min_cov << " per fetch " << per_fetch;
                EXPECT_EQ(blocking_pairs(oracle, a.job_of), 0) << "seed " << seed;
                fetches += int(stats.fetch_rounds);
            }
        }
    }
    EXPECT_GT(fetches, 50);  // the lazy path was exercised
}

TEST(LazyAssignment, ListsTruncatedAtDepthLeaveBlockingPairsTheFullListsDoNot) {
    // The old batch ranked only each graduate's best L jobs: the oracle finds
    // blocking pairs in that result, none in the lazy one.
    const ScoreConfig config;
    const RandomWorld w = assignment_world(5, 200, 50);
    const auto snap = testing::build_snapshot(w);
    const Oracle full = full_lists(w, 0.3, config);
    Oracle truncated = full;
    for (auto& l : truncated.lists) l.resize(std::min<std::size_t>(l.size(), 2));
    EXPECT_GT(blocking_pairs(full, textbook_da(truncated)), 0);
    std::vector<PreferenceChunk> initial(snap->graduates.size());
    for (std::size_t g = 0; g < initial.size(); ++g) {
        for (const Pair& p : truncated.lists[g])
            initial[g].jobs.push_back({p.job, ExactScore{p.num, p.den}});
        initial[g].complete = truncated.lists[g].size() == full.lists[g].size();
    }
    EngineJobSource source(*snap, config, {}, 0.3, 2);
    std::vector<std::uint32_t> capacity(snap->jobs.headcount.begin(), snap->jobs.headcount.end());
    const Assignment a = lazy_stable_assignment(std::move(initial), capacity, source);
    EXPECT_EQ(blocking_pairs(full, a.job_of), 0);
    EXPECT_EQ(a.job_of, textbook_da(full));
}

TEST(LazyAssignment, RejectsAChunkThatIsEmptyButNotComplete) {
    struct Nothing final : PreferenceSource {
        std::vector<PreferenceChunk> fetch(std::span<const FetchRequest> r,
                                           std::span<const ExactScore>) override {
            return std::vector<PreferenceChunk>(r.size());
        }
    } source;
    std::vector<PreferenceChunk> initial(1);
    EXPECT_THROW(lazy_stable_assignment(std::move(initial), {1}, source), std::invalid_argument);
}

TEST(CoverageFloor, NoPairBelowItReachesTheFloor) {
    const ScoreConfig config;
    const RandomWorld w = assignment_world(9, 150, 40);
    const auto snap = testing::build_snapshot(w);
    // Floors at assorted scores; every eligible pair below a job's coverage
    // floor must score strictly below that job's floor.
    std::mt19937 rng(3);
    std::vector<ExactScore> floor(snap->jobs.size());
    for (auto& f : floor) f = ExactScore{rng() % 12000, 10000};
    const auto cov = coverage_floor(*snap, floor, config.max_bonus());
    std::vector<Index> all(snap->graduates.size());
    for (Index g = 0; g < all.size(); ++g) all[g] = g;
    const TopKLists lists =
        top_jobs_by_index(*snap, CandidateKind::kGraduates, all, snap->jobs.size(), {}, {}, config);
    int below = 0;
    for (Index g = 0; g < all.size(); ++g) {
        for (const auto& m : lists.row(g)) {
            if (m.score.cov_num >= cov[m.index]) continue;
            ++below;
            EXPECT_LT(compare(exact_ranking(m.score), floor[m.index]), 0);
        }
    }
    EXPECT_GT(below, 100);
}

}  // namespace
}  // namespace talentmatch::matcher
