// The snapshot builder: id-sorted dense indices, blocks that hold exactly the
// candidates' levels, and bad input rejected with the field path.
#include <gtest/gtest.h>

#include "matcher/snapshot/snapshot.hpp"
#include "models/field_error.hpp"
#include "oracle.hpp"

namespace talentmatch::matcher::testing {
namespace {

TEST(SnapshotBuilder, IndicesFollowIdOrderWhateverTheInsertionOrder) {
    const RandomWorld w = make_world(21, WorldShape{});
    const auto snap = build_snapshot(w);
    const auto& ids = snap->graduates.ids.all();
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    EXPECT_TRUE(std::is_sorted(snap->jobs.ids.all().begin(), snap->jobs.ids.all().end()));
    EXPECT_TRUE(std::is_sorted(snap->programs.ids.all().begin(), snap->programs.ids.all().end()));
    EXPECT_EQ(snap->graduates.size(), w.graduates.size());
    EXPECT_EQ(snap->graduates.ids.find("nobody"), std::nullopt);
}

TEST(SnapshotBuilder, BlocksHoldEveryCandidateLevelAndNothingElse) {
    const RandomWorld w = make_world(22, WorldShape{});
    const auto snap = build_snapshot(w);
    const CandidateSet& cs = snap->graduates;
    for (const Graduate& g : w.graduates) {
        const Index c = *cs.ids.find(g.id);
        std::map<Index, int> want;
        for (const auto& s : g.skills) {
            if (s.level > 0) want[*snap->skills.find(s.skill_id)] = s.level;
        }
        const std::size_t b = c / kBlockSize, lane = c % kBlockSize;
        std::map<Index, int> got;
        const BlockLayout::Block rows = cs.blocks.block(b);
        for (std::size_t r = 0; r < rows.rows(); ++r) {
            const int level = rows.levels_of(r)[lane];
            if (level > 0) got[rows.skills[r]] = level;
        }
        EXPECT_EQ(got, want) << g.id;
    }
    EXPECT_GT(snap->stats.memory_bytes, 0u);
}

TEST(SnapshotBuilder, UnknownSkillIsRejectedWithItsPath) {
    SnapshotBuilder b;
    b.add_skill({"s1", "", "", "", {}});
    Graduate g;
    g.id = "g1";
    g.skills = {{"s1", 2, {}}, {"s9", 3, {}}};
    try {
        b.add_graduate(g);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.errors().at(0).path, "graduates[g1].skills[1].skill_id");
    }
    // The builder is unchanged: the graduate was not half-added.
    EXPECT_EQ(b.build()->graduates.size(), 0u);
}

TEST(SnapshotBuilder, OutOfRangeLevelsWeightsAndDuplicatesAreRejected) {
    SnapshotBuilder b;
    b.add_skill({"s1", "", "", "", {}});
    b.add_employer({"e", "", "", "", ""});
    Job j{"j1", "e", "", "", "", 1, {}, {}, "", {{"s1", 6, 3, false}}};
    EXPECT_THROW(b.add_job(j), ValidationError);
    j.requirements = {{"s1", 3, 11, false}};
    EXPECT_THROW(b.add_job(j), ValidationError);
    j.requirements = {{"s1", 3, 2, false}, {"s1", 2, 2, false}};
    EXPECT_THROW(b.add_job(j), ValidationError);
    j.requirements = {};
    EXPECT_THROW(b.add_job(j), ValidationError);
    j.requirements = {{"s1", 3, 2, false}};
    j.employer_id = "unknown";
    EXPECT_THROW(b.add_job(j), ValidationError);
    EXPECT_THROW(b.add_skill({"s1", "", "", "", {}}), ValidationError);
    Graduate g;
    g.id = "dup";
    b.add_graduate(g);
    b.add_graduate(g);
    EXPECT_THROW(b.build(), ValidationError);
}

}  // namespace
}  // namespace talentmatch::matcher::testing
