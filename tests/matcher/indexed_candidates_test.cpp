// "Top-k candidates for a job" through the candidate index
// (indexed_candidates_query.hpp, what the public API takes for large
// candidate sets) equals the reference scorer's brute force exactly:
// one and several jobs per call, jobs with and without must-haves,
// certificate and education gates, filters and coverage minimums, graduates
// not seeking, ties, k above the eligible count, 1 and 2 threads, both
// kernels; on worlds whose programs share skills (so bounds prune tiles) and
// on worlds where they do not. The index itself bounds every candidate of
// its tiles.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "matcher/query/few_jobs_query.hpp"
#include "matcher/query/indexed_candidates_query.hpp"
#include "matcher/query/match_query.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

std::vector<MatchFilter> filters() {
    std::vector<MatchFilter> out(5);
    out[1].districts = {"nanshan", "baoan"};
    out[1].min_coverage = 0.3;
    out[2].institutions = {"inst0000", "inst0002"};
    out[2].programs = {"prog0001", "prog0002", "prog0004"};
    out[3].min_coverage = 0.8;
    out[4].include_not_seeking = true;
    return out;
}

// Graduates drawn from their program's curriculum, levels jittered around it,
// some not seeking, numbered by program (as a college's export numbers them)
// or in no order; jobs drawn from one program's curriculum, some without
// must-haves.
RandomWorld clustered_world(unsigned seed, WorldShape shape, bool numbered_by_program = true) {
    RandomWorld w = make_world(seed, shape);
    std::mt19937 rng(seed * 7 + 1);
    auto uni = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::map<std::string, const Program*> program_of;
    for (const Program& p : w.programs) program_of[p.id] = &p;
    for (Graduate& g : w.graduates) {
        const Program& p = *program_of.at(g.program_id);
        g.skills.clear();
        for (const auto& item : p.curriculum) {
            if (uni(0, 9) == 0) continue;
            g.skills.push_back({item.skill_id, std::clamp(item.level + uni(-2, 1), 0, 5), {}});
        }
        g.seeking = uni(0, 7) != 0;
    }
    if (numbered_by_program) {
        std::stable_sort(
            w.graduates.begin(), w.graduates.end(),
            [](const Graduate& a, const Graduate& b) { return a.program_id < b.program_id; });
    } else {
        std::shuffle(w.graduates.begin(), w.graduates.end(), rng);
    }
    for (std::size_t i = 0; i < w.graduates.size(); ++i) w.graduates[i].id = pad_id("g", int(i));
    for (std::size_t i = 0; i < w.jobs.size(); ++i) {
        Job& j = w.jobs[i];
        if (i % 11 == 0) continue;  // keep the job nobody passes
        const Program& p = w.programs[std::size_t(uni(0, int(w.programs.size()) - 1))];
        if (p.curriculum.empty()) continue;
        j.requirements.clear();
        for (const auto& item : p.curriculum) {
            if (uni(0, 2) == 0) continue;
            j.requirements.push_back(
                {item.skill_id, uni(1, 5), uni(1, 10), i % 3 != 0 && uni(0, 5) == 0});
        }
        if (j.requirements.empty()) j.requirements.push_back({p.curriculum[0].skill_id, 2, 5});
    }
    return w;
}

std::vector<Graduate> listed(const RandomWorld& w, const MatchFilter& f) {
    std::vector<Graduate> out;
    for (const Graduate& g : w.graduates) {
        if (g.seeking || f.include_not_seeking) out.push_back(g);
    }
    return out;
}

// Calls of 1 and of 3 jobs for the first `jobs` jobs, through the public API,
// which must take the indexed regime for this many graduates.
void check_indexed(const RandomWorld& w, std::size_t jobs, std::size_t k, const ScoreConfig& cfg) {
    const auto snap = build_snapshot(w);
    ASSERT_TRUE(snap->graduates.index.built());
    ASSERT_GE(snap->graduates.index.blocks(), detail::kIndexedMinBlocks);
    for (const MatchFilter& f : filters()) {
        const std::vector<Graduate> cands = listed(w, f);
        std::vector<std::vector<Expected>> want;
        for (std::size_t j = 0; j < jobs; ++j) {
            want.push_back(oracle_candidates_for(w.jobs[j], cands, k, f, cfg));
        }
        for (int threads : {1, 2}) {
            for (Kernel kernel : {Kernel::kScalar, Kernel::kAuto}) {
                const ExecutionOptions ex{threads, kernel};
                const std::string where = " threads " + std::to_string(threads) + " kernel " +
                                          std::to_string(int(kernel)) + " k " + std::to_string(k);
                for (std::size_t j = 0; j < jobs; ++j) {
                    const std::string one[1] = {w.jobs[j].id};
                    expect_same(top_graduates_for_jobs(*snap, one, k, f, cfg, ex)[0], want[j],
                                "graduates for " + one[0] + where);
                }
                for (std::size_t j = 0; j + 3 <= jobs; j += 3) {
                    const std::string three[3] = {w.jobs[j].id, w.jobs[j + 1].id, w.jobs[j + 2].id};
                    const MatchLists got = top_graduates_for_jobs(*snap, three, k, f, cfg, ex);
                    for (std::size_t i = 0; i < 3; ++i) {
                        expect_same(got[i], want[j + i],
                                    "3 jobs: graduates for " + three[i] + where);
                    }
                }
            }
        }
    }
}

TEST(IndexedCandidates, RandomWorldMatchesReference) {
    WorldShape shape;
    shape.graduates = 2600;
    shape.jobs = 24;
    const RandomWorld w = make_world(41, shape);
    check_indexed(w, 24, 5, ScoreConfig{});
    check_indexed(w, 12, 5000, ScoreConfig{150, 75});  // k above every eligible count
}

TEST(IndexedCandidates, TiesMatchReference) {
    WorldShape shape;
    shape.extreme = true;  // every level 5, weight 10
    shape.graduates = 2300;
    shape.jobs = 18;
    check_indexed(make_world(42, shape), 18, 7, ScoreConfig{});
}

TEST(IndexedCandidates, ClusteredWorldMatchesReference) {
    WorldShape shape;
    shape.skills = 200;
    shape.programs = 40;
    shape.max_skills = 25;  // curricula of up to 27 skills
    shape.graduates = 6000;
    shape.jobs = 33;
    const RandomWorld w = clustered_world(43, shape);
    check_indexed(w, 33, 10, ScoreConfig{});
    check_indexed(w, 9, 1, ScoreConfig{0, 0});
}

// Where programs share skills, the bounds leave most tiles unscored, whether
// or not ids number a program's graduates together (tiles group them).
TEST(IndexedCandidates, ClusteredWorldScoresFewTiles) {
    WorldShape shape;
    shape.skills = 200;
    shape.programs = 40;
    shape.max_skills = 25;
    shape.graduates = 6000;
    shape.jobs = 33;
    for (const bool numbered_by_program : {true, false}) {
        const RandomWorld w = clustered_world(44, shape, numbered_by_program);
        const auto snap = build_snapshot(w);
        std::vector<Index> jobs;
        for (Index j = 0; j < snap->jobs.size(); ++j) jobs.push_back(j);
        detail::IndexedQueryStats stats;
        for (Index j : jobs) {
            const Index one[1] = {j};
            detail::indexed_top_candidates(*snap, snap->graduates, one, {}, {}, 10, ScoreConfig{},
                                           {}, &stats);
        }
        EXPECT_EQ(stats.blocks, jobs.size() * snap->graduates.index.blocks());
        EXPECT_LT(stats.blocks_scored * 4, stats.blocks) << numbered_by_program;
    }
}

// Unordered ids are answered exactly too.
TEST(IndexedCandidates, UnorderedIdsMatchTheReference) {
    WorldShape shape;
    shape.skills = 60;
    shape.programs = 12;
    shape.graduates = 3000;
    shape.jobs = 21;
    const RandomWorld w = clustered_world(48, shape, false);
    check_indexed(w, 21, 10, ScoreConfig{});
}

// Both regimes on a small world (below kIndexedMinBlocks the API takes the
// block scan): the indexed regime called directly gives the same lists.
TEST(IndexedCandidates, SmallSetsMatchTheBlockScan) {
    for (unsigned seed : {45u, 46u}) {
        WorldShape shape;
        shape.extreme = seed == 46;
        const RandomWorld w = make_world(seed, shape);
        const auto snap = build_snapshot(w);
        for (const CandidateSet* cs : {&snap->graduates, &snap->programs}) {
            ASSERT_TRUE(cs->index.built());
            for (Index j = 0; j < snap->jobs.size(); ++j) {
                const Index one[1] = {j};
                for (std::size_t k : {1u, 4u, 1000u}) {
                    const TopKLists a = detail::indexed_top_candidates(*snap, *cs, one, {}, {}, k,
                                                                       ScoreConfig{}, {});
                    const TopKLists b = detail::few_jobs_top_candidates(*snap, *cs, one, {}, {}, k,
                                                                        ScoreConfig{}, {});
                    EXPECT_EQ(a, b) << "job " << snap->jobs.ids[j] << " k " << k;
                }
            }
        }
    }
}

// Every candidate is in exactly one tile, with its levels in the tile's
// rows, and the tile's bounds and postings cover it; tiles follow the
// documented order (program, then the highest level sum, then id) and hold
// 1 to kBlockSize graduates of one program.
TEST(CandidateIndex, TilesBoundEveryCandidate) {
    WorldShape shape;
    shape.graduates = 1000;
    const RandomWorld w = make_world(47, shape);
    const auto snap = build_snapshot(w);
    const CandidateSet& cs = snap->graduates;
    const CandidateIndex& index = cs.index;
    const auto& members = index.tile_members;
    ASSERT_EQ(members.items.size(), cs.size());
    ASSERT_EQ(index.blocks(), members.rows());
    std::vector<std::size_t> tile(cs.size(), SIZE_MAX), lane(cs.size(), SIZE_MAX);
    for (std::size_t t = 0; t < members.rows(); ++t) {
        const auto row = members.row(t);
        ASSERT_GE(row.size(), 1u);
        ASSERT_LE(row.size(), kBlockSize);
        for (std::size_t l = 0; l < row.size(); ++l) {
            ASSERT_LT(row[l], cs.size());
            ASSERT_EQ(tile[row[l]], SIZE_MAX) << "candidate in two tiles";
            tile[row[l]] = t;
            lane[row[l]] = l;
            EXPECT_EQ(cs.program[row[l]], cs.program[row[0]]) << "tile " << t;
        }
    }
    const auto key = [&](Index c) { return std::make_tuple(cs.program[c], ~cs.level_sum[c], c); };
    for (std::size_t p = 1; p < members.items.size(); ++p) {
        EXPECT_LT(key(members.items[p - 1]), key(members.items[p])) << "position " << p;
    }
    std::set<std::pair<std::size_t, Index>> tile_skills;
    for (Index c = 0; c < cs.size(); ++c) {
        const std::size_t b = tile[c];
        EXPECT_LE(index.block_min_level_sum[b], cs.level_sum[c]);
        EXPECT_GE(index.block_max_education[b], cs.education[c]);
        for (const SkillEntry& e : cs.skills.row(c)) {
            tile_skills.insert({b, e.skill});
            const auto postings = index.postings_of(e.skill);
            const auto it = std::find_if(postings.begin(), postings.end(), [&](std::uint32_t p) {
                return p >> CandidateIndex::kLevelBits == b;
            });
            ASSERT_NE(it, postings.end()) << "candidate " << c << " skill " << e.skill;
            EXPECT_GE(*it & CandidateIndex::kLevelMask, e.level);
            const BlockLayout::Block rows = index.tiles.block(b);
            const auto row = std::find(rows.skills.begin(), rows.skills.end(), e.skill);
            ASSERT_NE(row, rows.skills.end()) << "candidate " << c << " skill " << e.skill;
            EXPECT_EQ(rows.levels_of(std::size_t(row - rows.skills.begin()))[lane[c]], e.level);
        }
    }
    std::size_t postings = 0;
    for (std::size_t s = 0; s + 1 < index.skill_offsets.size(); ++s) {
        postings += index.postings_of(s).size();
    }
    EXPECT_EQ(postings, tile_skills.size());  // one posting per (tile, skill), no more
    std::size_t tile_rows = 0;
    for (std::size_t t = 0; t < index.tiles.blocks(); ++t) tile_rows += index.tiles.block(t).rows();
    EXPECT_EQ(tile_rows, tile_skills.size());
}

}  // namespace
}  // namespace talentmatch::matcher::testing
