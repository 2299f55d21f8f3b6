// Program what-if (alignment.hpp align_what_if) checked by its definition:
// `before` equals align_programs on the snapshot as it is, `after` equals
// align_programs on a snapshot rebuilt from the data with the program really
// changed; its supply–demand rows equal supply_demand's on the two snapshots;
// nothing in the first snapshot changes.
#include <gtest/gtest.h>

#include <random>

#include "matcher/analytics/alignment.hpp"
#include "matcher/analytics/supply_demand.hpp"
#include "models/field_error.hpp"
#include "tests/matcher/analytics_fixture.hpp"

namespace talentmatch::matcher {
namespace {

ProgramAlignment aligned(const Snapshot& s, const std::string& program, const SegmentFilter& seg,
                         double t) {
    AlignmentQuery q;
    q.segment = seg;
    q.min_coverage = t;
    q.top_skills = 4;
    q.program_ids = {program};
    return align_programs(s, q).programs.at(0);
}

// The what-if's supply–demand rows are those of every skill the segment
// demands whose level in the program's profile differs between the snapshot
// and the snapshot rebuilt with the change, each equal to supply_demand's row
// for that skill on the respective snapshot.
void expect_supply_demand_change(const WhatIfReport& r, const Snapshot& was, const Snapshot& is,
                                 const std::string& program, const SegmentFilter& segment) {
    SupplyDemandQuery q;
    q.segment = segment;
    const SupplyDemandReport full_was = supply_demand(was, q), full_is = supply_demand(is, q);
    const auto level = [&](const Snapshot& s, const std::string& skill_id) {
        const Index p = *s.programs.ids.find(program);
        for (const SkillEntry& e : s.programs.skills.row(p))
            if (s.skills[e.skill] == skill_id) return int(e.level);
        return 0;
    };
    std::size_t next = 0;
    ASSERT_EQ(full_was.skills.size(), full_is.skills.size());
    for (std::size_t i = 0; i < full_was.skills.size(); ++i) {
        const std::string& id = full_was.skills[i].skill_id;
        const int before = level(was, id), after = level(is, id);
        if (before == after) continue;
        ASSERT_LT(next, r.supply_demand.size()) << "missing " << id;
        const SkillLevelChange& c = r.supply_demand[next++];
        EXPECT_EQ(c.before, full_was.skills[i]) << id;
        EXPECT_EQ(c.after, full_is.skills[i]) << id;
        EXPECT_EQ(c.level_before, before);
        EXPECT_EQ(c.level_after, after);
    }
    EXPECT_EQ(next, r.supply_demand.size());
}

TEST(WhatIf, EqualsTheAlignmentOfTheChangedProgramOnRandomMarkets) {
    std::uint64_t moved = 0, projected_moved = 0;
    for (std::uint32_t seed = 1; seed <= 10; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        std::mt19937 rng(seed);
        testing::Market m = testing::random_market(seed);
        const auto snap = testing::build(m);
        for (std::size_t pi = 0; pi < m.programs.size(); pi += 2) {
            const Program& program = m.programs[pi];
            WhatIfQuery q;
            q.program_id = program.id;
            q.min_coverage = 0.1 * (rng() % 10);
            q.top_skills = 4;
            if (seed % 3 == 1) q.segment.cluster = m.jobs[rng() % m.jobs.size()].cluster;
            // Raise, lower or remove some taught skills; add some new ones.
            Program changed = program;
            changed.curriculum.clear();
            for (const SkillLevel& s : program.curriculum) {
                const int roll = static_cast<int>(rng() % 4);
                if (roll == 0) continue;  // unchanged
                const int level = roll == 1 ? 0 : static_cast<int>(1 + rng() % 5);
                q.curriculum.push_back({s.skill_id, level});
            }
            for (int k = 0; k < 2; ++k) {
                const Skill& s = m.skills[rng() % m.skills.size()];
                const bool listed =
                    std::any_of(q.curriculum.begin(), q.curriculum.end(),
                                [&](const CurriculumChange& c) { return c.skill_id == s.id; });
                if (!listed) q.curriculum.push_back({s.id, static_cast<int>(1 + rng() % 5)});
            }
            std::map<std::string, int> level;
            for (const SkillLevel& s : program.curriculum) level[s.skill_id] = s.level;
            for (const CurriculumChange& c : q.curriculum) level[c.skill_id] = c.level;
            for (const auto& [id, l] : level)
                if (l > 0) changed.curriculum.push_back({id, l});
            if (!m.certificates.empty() && rng() % 2 == 0) {
                const std::string& c = m.certificates[rng() % m.certificates.size()].id;
                q.add_certificates.push_back(c);
                if (std::count(changed.certificates.begin(), changed.certificates.end(), c) == 0)
                    changed.certificates.push_back(c);
            }
            testing::Market m2 = m;
            m2.programs[pi] = changed;
            const auto snap2 = testing::build(m2);

            const WhatIfReport r = align_what_if(*snap, q);
            EXPECT_EQ(r.before, aligned(*snap, program.id, q.segment, q.min_coverage));
            EXPECT_EQ(r.after, aligned(*snap2, program.id, q.segment, q.min_coverage));
            moved += r.before.aligned_openings != r.after.aligned_openings;
            expect_supply_demand_change(r, *snap, *snap2, program.id, q.segment);
            projected_moved += std::any_of(
                r.supply_demand.begin(), r.supply_demand.end(),
                [](const SkillLevelChange& c) { return c.before.projected != c.after.projected; });
        }
        // The snapshot itself is untouched: the same question gives the same answer.
        EXPECT_EQ(aligned(*snap, m.programs[0].id, {}, 0.5),
                  aligned(*testing::build(m), m.programs[0].id, {}, 0.5));
    }
    EXPECT_GT(moved, 5u);  // the changes do move the answer
    EXPECT_GT(projected_moved, 5u);
}

TEST(WhatIf, BadChangesNameTheirFields) {
    testing::Market m = testing::random_market(3);
    const auto snap = testing::build(m);
    WhatIfQuery q;
    q.program_id = m.programs[0].id;
    q.curriculum = {
        {"no-such-skill", 3}, {m.skills[0].id, 6}, {m.skills[1].id, 2}, {m.skills[1].id, 3}};
    try {
        align_what_if(*snap, q);
        ADD_FAILURE() << "accepted";
    } catch (const ValidationError& e) {
        std::vector<std::string> paths;
        for (const FieldError& f : e.errors()) paths.push_back(f.path);
        EXPECT_EQ(paths, (std::vector<std::string>{"curriculum[0].skill_id", "curriculum[1].level",
                                                   "curriculum[3].skill_id"}));
    }
    q.curriculum.clear();
    q.add_certificates = {"no-such-certificate"};
    EXPECT_THROW(align_what_if(*snap, q), ValidationError);
    q.add_certificates.clear();
    q.program_id = "no-such-program";
    EXPECT_THROW(align_what_if(*snap, q), NotFoundError);
}

}  // namespace
}  // namespace talentmatch::matcher
