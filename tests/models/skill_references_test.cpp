// Skill references given by name or alias (models/skill_references.hpp):
// every kind with skill references is rewritten at the right path, ids are
// left alone, and ambiguity is an error that names the candidates.
#include "models/skill_references.hpp"

#include <gtest/gtest.h>

namespace talentmatch {
namespace {

SkillDirectory directory() {
    return SkillDirectory({{"b", "测试", "Testing", "qa", {"QA"}},
                           {"a", "电池管理", "Battery management", "battery", {"BMS", "电池"}},
                           {"c", "电池安全", "Battery safety", "battery", {"电池"}}});
}

TEST(SkillReferences, ProgramsGraduatesAndJobsAreRewrittenAtTheirPaths) {
    const auto dir = directory();
    std::vector<SkillResolution> resolved;
    std::vector<FieldError> errors;
    Program p;
    p.curriculum = {{"a", 2}, {" bms ", 3}};
    resolve_skill_references(p, dir, resolved, errors);
    Graduate g;
    g.skills = {{"qa", 1, {}}};
    resolve_skill_references(g, dir, resolved, errors);
    Job j;
    j.requirements = {{"电池管理", 2, 1, true}, {"Battery SAFETY", 1, 1, false}};
    resolve_skill_references(j, dir, resolved, errors);
    EXPECT_TRUE(errors.empty());
    EXPECT_EQ(p.curriculum[1].skill_id, "a");
    EXPECT_EQ(g.skills[0].skill_id, "b");
    EXPECT_EQ(j.requirements[0].skill_id, "a");
    EXPECT_EQ(j.requirements[1].skill_id, "c");
    ASSERT_EQ(resolved.size(), 4u);
    EXPECT_EQ(resolved[0].path, "curriculum[1].skill_id");
    EXPECT_EQ(resolved[0].given, " bms ");
    EXPECT_EQ(resolved[1].path, "skills[0].skill_id");
    EXPECT_EQ(resolved[3].path, "requirements[1].skill_id");
}

TEST(SkillReferences, AmbiguousAndUnknownNamesAreErrorsWithSuggestions) {
    const auto dir = directory();
    std::vector<SkillResolution> resolved;
    std::vector<FieldError> errors;
    Job j;
    j.requirements = {{"电池", 2, 1, true}, {"batt", 1, 1, false}, {"", 1, 1, false}};
    resolve_skill_references(j, dir, resolved, errors);
    EXPECT_TRUE(resolved.empty());
    ASSERT_EQ(errors.size(), 2u);  // the empty id is left to validation
    EXPECT_EQ(errors[0].path, "requirements[0].skill_id");
    EXPECT_EQ(
        errors[0].message,
        "skill \"电池\" is ambiguous: it names 2 skills, give the id of one: \"a\" (电池管理 / "
        "Battery management), \"c\" (电池安全 / Battery safety)");
    EXPECT_EQ(errors[1].message,
              "unknown skill \"batt\"; did you mean \"a\" (电池管理 / Battery management), \"c\" "
              "(电池安全 / Battery safety)?");
    EXPECT_EQ(j.requirements[0].skill_id, "电池");  // unchanged
}

}  // namespace
}  // namespace talentmatch
