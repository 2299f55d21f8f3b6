// Program what-if (alignment.hpp align_what_if) checked by its definition:
// `before` equals align_programs on the snapshot as it is, `after` equals
// align_programs on a snapshot rebuilt from the data with the program really
// changed; nothing in the first snapshot changes.
#include <gtest/gtest.h>

#include <random>

#include "matcher/alignment.hpp"
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

TEST(WhatIf, EqualsTheAlignmentOfTheChangedProgramOnRandomMarkets) {
    std::uint64_t moved = 0;
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
        }
        // The snapshot itself is untouched: the same question gives the same answer.
        EXPECT_EQ(aligned(*snap, m.programs[0].id, {}, 0.5),
                  aligned(*testing::build(m), m.programs[0].id, {}, 0.5));
    }
    EXPECT_GT(moved, 5u);  // the changes do move the answer
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
