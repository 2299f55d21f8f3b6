// Complete lists above per-job floors (jobs_above_floor.hpp) over a packed
// subset of graduates (candidate_subset.hpp), against the reference scorer:
// every pair passing the gates, the coverage minimum and the exact floor,
// nothing else, best first; the same whatever the kernel or thread count.
#include "matcher/kernels/jobs_above_floor.hpp"

#include <algorithm>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "matcher/kernels/candidate_subset.hpp"
#include "matcher/score/reference_scorer.hpp"
#include "models/field_error.hpp"
#include "oracle.hpp"
#include "random_world.hpp"

namespace talentmatch::matcher {
namespace {

using testing::RandomWorld;

struct Expected {
    Index job;
    PairScore score;
};

// Graduates and jobs in id order, as the snapshot indexes them.
template <typename T>
std::vector<const T*> by_id(const std::vector<T>& items) {
    std::vector<const T*> out;
    for (const auto& x : items) out.push_back(&x);
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
    return out;
}

void check_world(unsigned seed, int graduates, int jobs, std::size_t picked, Index first,
                 std::size_t at_most) {
    testing::WorldShape shape;
    shape.graduates = graduates;
    shape.jobs = jobs;
    const RandomWorld w = testing::make_world(seed, shape);
    const auto snap = testing::build_snapshot(w);
    const ScoreConfig config;
    const auto grads = by_id(w.graduates);
    const auto job_of = by_id(w.jobs);
    std::mt19937 rng(seed);

    // A scattered subset of graduates in a shuffled order.
    std::vector<Index> order(snap->graduates.size());
    for (Index g = 0; g < order.size(); ++g) order[g] = g;
    std::shuffle(order.begin(), order.end(), rng);
    order.resize(picked);
    const CandidateSet packed = pack_candidates(snap->graduates, order);
    ASSERT_EQ(packed.size(), picked);

    // Some jobs, each with a floor (zero for a quarter) and a coverage minimum.
    std::vector<Index> job_list;
    std::vector<std::uint16_t> cov_min;
    std::vector<ExactScore> floor;
    for (Index j = 0; j < snap->jobs.size(); ++j) {
        if (rng() % 5 == 0) continue;
        job_list.push_back(j);
        cov_min.push_back(
            std::uint16_t(rng() % 3 == 0 ? 0 : rng() % (snap->jobs.weighted_level_sum[j] + 1)));
        floor.push_back(rng() % 4 == 0 ? ExactScore{0, 1} : ExactScore{rng() % 9000, 10000});
    }
    const Index last = Index(picked);
    TopKLists got;
    bool first_run = true;
    for (Kernel kernel : {Kernel::kScalar, Kernel::kAuto}) {
        for (int threads : {1, 2}) {
            ExecutionOptions options;
            options.kernel = kernel;
            options.threads = threads;
            const TopKLists lists = jobs_at_or_above(*snap, packed, first, last, job_list, cov_min,
                                                     floor, at_most, config, options);
            if (first_run) {
                got = lists;
                first_run = false;
            } else {
                EXPECT_EQ(lists, got) << "kernel/threads changed the lists, seed " << seed;
            }
        }
    }
    ASSERT_EQ(got.rows(), std::size_t(last - first));
    std::size_t listed = 0;
    for (Index r = first; r < last; ++r) {
        std::vector<Expected> want;
        for (std::size_t p = 0; p < job_list.size(); ++p) {
            const auto s = reference_score(*grads[order[r]], *job_of[job_list[p]], config);
            if (!s || s->cov_num < cov_min[p]) continue;
            if (compare(ExactScore{s->ranking_num(), s->ranking_den()}, floor[p]) < 0) continue;
            want.push_back({job_list[p], *s});
        }
        std::sort(want.begin(), want.end(), [](const Expected& a, const Expected& b) {
            const int c = compare_scores(a.score, b.score);
            return c > 0 || (c == 0 && a.job < b.job);
        });
        if (at_most > 0 && want.size() > at_most) want.resize(at_most);
        const auto row = got.row(r - first);
        ASSERT_EQ(row.size(), want.size()) << "seed " << seed << " row " << r;
        for (std::size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ(row[i].index, want[i].job) << "seed " << seed << " row " << r;
            EXPECT_EQ(compare_scores(row[i].score, want[i].score), 0);
        }
        listed += want.size();
    }
    EXPECT_GT(listed, std::size_t(last - first));  // the floors left pairs to list
}

TEST(JobsAboveFloor, SmallPassEqualsReferenceScorer) {
    for (unsigned seed = 1; seed <= 6; ++seed) check_world(seed, 150, 60, 100, 0, 0);
}

TEST(JobsAboveFloor, BestFewPerRowEqualReferenceScorer) {
    for (unsigned seed = 1; seed <= 4; ++seed) check_world(seed, 150, 60, 100, 0, 3);
}

TEST(JobsAboveFloor, TiledPassFromAMidBlockRangeEqualsReferenceScorer) {
    // >= 64 blocks: the large-batch (tile index) regime; the range starts at block 1.
    check_world(11, 2600, 70, 2500, kBlockSize, 0);
    check_world(12, 2600, 70, 2500, kBlockSize, 4);
}

TEST(JobsAboveFloor, ReusedPassMemoryGivesTheListsOfAFreshPass) {
    // The tile index is built into the caller's memory: a pass after one over
    // a longer or a different job list must not see any of it.
    testing::WorldShape shape;
    shape.graduates = 2600;
    shape.jobs = 90;
    const RandomWorld w = testing::make_world(21, shape);
    const auto snap = testing::build_snapshot(w);
    std::vector<Index> order(2500);
    for (Index g = 0; g < order.size(); ++g) order[g] = g;
    const CandidateSet packed = pack_candidates(snap->graduates, order);
    std::vector<Index> all, some;
    for (Index j = 0; j < snap->jobs.size(); ++j) {
        all.push_back(j);
        if (j % 3 == 1) some.push_back(j);
    }
    FloorPassMemory memory;
    std::size_t listed = 0;
    for (const auto* jobs : {&all, &some, &all, &some}) {
        // Floors make the index's job plans decide what the pass prunes.
        std::vector<ExactScore> floor;
        for (const Index j : *jobs) floor.push_back(ExactScore{(j * 2711u) % 6000u, 10000});
        const TopKLists fresh =
            jobs_at_or_above(*snap, packed, 0, Index(order.size()), *jobs, {}, floor, 0, {});
        const TopKLists reused = jobs_at_or_above(*snap, packed, 0, Index(order.size()), *jobs, {},
                                                  floor, 0, {}, {}, &memory);
        EXPECT_EQ(reused, fresh) << jobs->size() << " jobs";
        listed += fresh.items.size();
    }
    EXPECT_GT(listed, order.size());
}

TEST(JobsAboveFloor, RejectsARangeThatIsNotWholeBlocks) {
    const RandomWorld w = testing::make_world(3, {});
    const auto snap = testing::build_snapshot(w);
    const std::vector<Index> jobs{0};
    const std::vector<ExactScore> floor{ExactScore{0, 1}};
    EXPECT_THROW(jobs_at_or_above(*snap, snap->graduates, 5, 40, jobs, {}, floor, 0, {}),
                 ValidationError);
    EXPECT_THROW(jobs_at_or_above(*snap, snap->graduates, 0, 40, jobs, {}, {}, 0, {}),
                 ValidationError);
}

}  // namespace
}  // namespace talentmatch::matcher
