// The credited-levels rule (models/credited_levels.hpp) in the snapshot, on
// random worlds, against the reference written from the rule's words with
// maps (tests/common/credited_profile_reference.hpp, no shared code): a graduate's profile is its
// own levels raised by the evidence of each certificate it holds; a
// program's is its curriculum raised by its courses' skills and by the
// evidence of each certificate it or its courses prepare for. Checked on a
// full build (courses in any order around their programs) and on a graduate
// patch, and the explanation's evidenced_by against the same reference.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "matcher/query/explanation.hpp"
#include "matcher/snapshot/snapshot.hpp"
#include "matcher/snapshot/snapshot_patch.hpp"
#include "models/credited_levels.hpp"
#include "models/field_error.hpp"
#include "tests/common/credited_profile_reference.hpp"

namespace talentmatch::matcher {
namespace {

using Levels = std::map<std::string, int>;

struct World {
    std::vector<Skill> skills;
    std::vector<Certificate> certificates;
    Institution institution{"inst", "Polytechnic", "Nanshan", EducationLevel::kHigherVocational};
    std::vector<Program> programs;
    std::vector<Course> courses;
    std::vector<Graduate> graduates;
    Employer employer{"emp", "Employer", "battery", "Nanshan", ""};
    Job job;
};

World make_world(unsigned seed) {
    std::mt19937 rng(seed);
    const auto uni = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    World w;
    const int skill_count = 10;
    for (int i = 0; i < skill_count; ++i)
        w.skills.push_back({"s" + std::to_string(i), "", "", "", {}});
    const auto some_levels = [&](int lo_level, int max_items) {
        std::vector<SkillLevel> out;
        std::set<int> used;
        for (int n = uni(0, max_items); n > 0; --n) {
            const int s = uni(0, skill_count - 1);
            if (used.insert(s).second) out.push_back({"s" + std::to_string(s), uni(lo_level, 5)});
        }
        return out;
    };
    for (int i = 0; i < 6; ++i) {
        Certificate c;
        c.id = "c" + std::to_string(i);
        c.skills = some_levels(1, 4);
        w.certificates.push_back(c);
    }
    const auto some_certificates = [&](int max_items) {
        std::set<std::string> ids;
        for (int n = uni(0, max_items); n > 0; --n) ids.insert("c" + std::to_string(uni(0, 5)));
        return std::vector<std::string>(ids.begin(), ids.end());
    };
    for (int i = 0; i < 5; ++i) {
        Program p;
        p.id = "p" + std::to_string(i);
        p.institution_id = "inst";
        p.curriculum = some_levels(0, 4);
        p.certificates = some_certificates(2);
        w.programs.push_back(p);
    }
    for (int i = 0; i < 12; ++i) {
        Course c;
        c.id = "course" + std::to_string(i);
        c.institution_id = "inst";
        c.program_id = "p" + std::to_string(uni(0, 4));
        c.skills = some_levels(1, 3);
        if (c.skills.empty()) c.skills.push_back({"s0", uni(1, 5)});
        c.certificates = some_certificates(2);
        w.courses.push_back(c);
    }
    for (int i = 0; i < 60; ++i) {
        Graduate g;
        g.id = "g" + std::to_string(i);
        g.institution_id = "inst";
        g.program_id = "p" + std::to_string(uni(0, 4));
        g.graduation_year = 2026;
        for (const SkillLevel& s : some_levels(0, 5)) g.skills.push_back({s.skill_id, s.level, {}});
        g.certificates = some_certificates(3);
        w.graduates.push_back(g);
    }
    w.job.id = "j";
    w.job.employer_id = "emp";
    for (int s = 0; s < skill_count; s += 2) {
        w.job.requirements.push_back({"s" + std::to_string(s), 3, 2, false});
    }
    return w;
}

// --- the reference (tests/common/credited_profile_reference.hpp), as maps
const Certificate& certificate(const World& w, const std::string& id) {
    return *std::find_if(w.certificates.begin(), w.certificates.end(),
                         [&](const Certificate& c) { return c.id == id; });
}
Levels as_levels(const std::vector<SkillLevel>& profile) {
    Levels out;
    for (const SkillLevel& s : profile) out[s.skill_id] = s.level;
    return out;
}
Levels reference_graduate(const World& w, const Graduate& g) {
    Levels out;
    const auto credited = talentmatch::testing::with_credited_skills(
        g, talentmatch::testing::certificates_by_id(w.certificates));
    for (const auto& s : credited.skills) out[s.skill_id] = s.level;
    return out;
}
Levels reference_program(const World& w, const Program& p) {
    return as_levels(talentmatch::testing::with_credited_curriculum(
                         p, w.courses, talentmatch::testing::certificates_by_id(w.certificates))
                         .curriculum);
}

Levels profile(const Snapshot& s, const CandidateSet& set, Index c) {
    Levels out;
    for (const SkillEntry& e : set.skills.row(c)) out[s.skills[e.skill]] = e.level;
    return out;
}

std::shared_ptr<const Snapshot> build(const World& w, unsigned seed) {
    SnapshotBuilder b;
    for (const auto& v : w.skills) b.add_skill(v);
    for (const auto& v : w.certificates) b.add_certificate(v);
    b.add_institution(w.institution);
    // Courses before, between and after their programs.
    std::mt19937 rng(seed);
    std::vector<const Course*> early, late;
    for (const Course& c : w.courses) (rng() % 2 ? early : late).push_back(&c);
    for (const Course* c : early) b.add_course(*c);
    for (const auto& v : w.programs) b.add_program(v);
    b.add_employer(w.employer);
    for (const auto& v : w.graduates) b.add_graduate(v);
    b.add_job(w.job);
    for (const Course* c : late) b.add_course(*c);
    return b.build();
}

// The merge itself, on random sorted lists of string keys (moved entries),
// against a map: every key of either, at the higher level, sorted.
TEST(CreditedLevels, TheMergeIsTheHigherLevelOfEveryKeyOfEither) {
    std::mt19937 rng(7);
    const auto random_levels = [&](std::size_t most) {
        Levels levels;
        const std::size_t n = rng() % (most + 1);
        for (std::size_t i = 0; i < n; ++i)
            levels["skill-with-a-long-id-" + std::to_string(rng() % 24)] = int(1 + rng() % 5);
        return levels;
    };
    const auto as_list = [](const Levels& levels) {
        std::vector<SkillLevel> out;
        for (const auto& [id, level] : levels) out.push_back({id, level});
        return out;
    };
    for (int trial = 0; trial < 2000; ++trial) {
        const Levels profile = random_levels(12), source = random_levels(8);
        Levels expected = profile;
        for (const auto& [id, level] : source) expected[id] = std::max(expected[id], level);
        std::vector<SkillLevel> merged = as_list(profile);
        const std::vector<SkillLevel> from = as_list(source);
        credit_levels(merged, std::span<const SkillLevel>(from),
                      [](const SkillLevel& e) -> const std::string& { return e.skill_id; });
        ASSERT_EQ(merged, as_list(expected)) << "trial " << trial;
    }
}

TEST(CreditedLevels, ProfilesOfABuiltSnapshotAreTheReferences) {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const World w = make_world(seed);
        const auto s = build(w, seed);
        for (const Graduate& g : w.graduates) {
            const Index i = *s->graduates.ids.find(g.id);
            EXPECT_EQ(profile(*s, s->graduates, i), reference_graduate(w, g))
                << seed << " " << g.id;
        }
        for (const Program& p : w.programs) {
            const Index i = *s->programs.ids.find(p.id);
            EXPECT_EQ(profile(*s, s->programs, i), reference_program(w, p)) << seed << " " << p.id;
        }
    }
}

TEST(CreditedLevels, AGraduatePatchCreditsItsNewCertificates) {
    World w = make_world(7);
    const auto base = build(w, 7);
    Graduate changed = w.graduates[3];
    changed.certificates = {"c1", "c4"};
    changed.skills = {{"s1", 1, {}}};
    const auto patched = patch_graduates(
        *base, [&](const std::string& id) { return id == changed.id ? &changed : nullptr; },
        {changed.id});
    const Index i = *patched->graduates.ids.find(changed.id);
    EXPECT_EQ(profile(*patched, patched->graduates, i), reference_graduate(w, changed));
}

TEST(CreditedLevels, TheExplanationNamesTheCertificatesThatEvidenceTheLevelUsed) {
    for (unsigned seed = 1; seed <= 10; ++seed) {
        const World w = make_world(seed);
        const auto s = build(w, seed);
        for (const Graduate& g : w.graduates) {
            const Explanation e = explain(*s, CandidateKind::kGraduates, g.id, "j", {});
            const Levels levels = reference_graduate(w, g);
            for (const RequirementContribution& c : e.contributions) {
                const auto has = levels.find(c.skill_id);
                EXPECT_EQ(c.has_level, has == levels.end() ? 0 : has->second);
                std::vector<std::string> expected;
                for (const auto& id : g.certificates) {
                    for (const auto& sl : certificate(w, id).skills) {
                        if (sl.skill_id == c.skill_id && sl.level == c.has_level) {
                            expected.push_back(id);
                        }
                    }
                }
                EXPECT_EQ(c.evidenced_by, expected) << seed << " " << g.id << " " << c.skill_id;
            }
        }
    }
}

TEST(CreditedLevels, ACourseOfAnUnknownProgramIsRefusedAtBuildNamingIt) {
    World w = make_world(3);
    w.courses[0].program_id = "nope";
    try {
        build(w, 3);
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 1u);
        EXPECT_EQ(e.errors()[0].path, "courses[" + w.courses[0].id + "].program_id");
    }
}

}  // namespace
}  // namespace talentmatch::matcher
