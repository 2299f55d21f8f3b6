// plainly_valid (store/plain_checks.hpp) against the reference, the models
// validation: for valid values and for each way a field can be wrong, both
// must agree on "no error".
#include "store/plain_checks.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

KnownIds known() {
    KnownIds ids;
    ids.skills = {"s1", "s2", "s3"};
    ids.certificates = {"cert-1", "cert-2"};
    ids.institutions = {"inst-1"};
    ids.programs = {"prog-1"};
    ids.employers = {"emp-1"};
    return ids;
}

template <class T>
void expect_agrees(const T& value, const std::string& what) {
    const KnownIds ids = known();
    const bool reference = validate(value, ids, "").empty();
    EXPECT_EQ(plainly_valid(value, ids), reference) << what;
}

TEST(PlainChecks, JobsAgreeWithTheModelsValidation) {
    const std::string long_name(201, 'x');
    const std::string long_cjk = [] {
        std::string s;
        for (int i = 0; i < 200; ++i) s += "技";  // 600 bytes, 200 code points: valid
        return s;
    }();
    const std::vector<std::pair<std::string, std::function<void(Job&)>>> cases = {
        {"valid", [](Job&) {}},
        {"no optional fields",
         [](Job& j) {
             j.title.clear();
             j.valid_until.clear();
             j.required_certificates.clear();
         }},
        {"200 CJK characters", [&](Job& j) { j.title = long_cjk; }},
        {"empty id", [](Job& j) { j.id.clear(); }},
        {"id with a space", [](Job& j) { j.id = "a b"; }},
        {"id too long", [](Job& j) { j.id = std::string(65, 'a'); }},
        {"unknown employer", [](Job& j) { j.employer_id = "emp-9"; }},
        {"empty employer", [](Job& j) { j.employer_id.clear(); }},
        {"title too long", [&](Job& j) { j.title = long_name; }},
        {"cluster too long", [&](Job& j) { j.cluster = long_name; }},
        {"district too long", [&](Job& j) { j.district = long_name; }},
        {"headcount 0", [](Job& j) { j.headcount = 0; }},
        {"bad education", [](Job& j) { j.min_education = static_cast<EducationLevel>(9); }},
        {"unknown certificate", [](Job& j) { j.required_certificates = {"cert-9"}; }},
        {"repeated certificate",
         [](Job& j) {
             j.required_certificates = {"cert-1", "cert-1"};
         }},
        {"bad date", [](Job& j) { j.valid_until = "2027-02-30"; }},
        {"no requirements", [](Job& j) { j.requirements.clear(); }},
        {"unknown skill", [](Job& j) { j.requirements[0].skill_id = "s9"; }},
        {"repeated skill", [](Job& j) { j.requirements[1].skill_id = j.requirements[0].skill_id; }},
        {"level 0", [](Job& j) { j.requirements[0].level = 0; }},
        {"level 6", [](Job& j) { j.requirements[0].level = 6; }},
        {"weight 0", [](Job& j) { j.requirements[1].weight = 0; }},
        {"weight 11", [](Job& j) { j.requirements[1].weight = 11; }},
        {"1001 requirements", [](Job& j) { j.requirements.resize(1001, j.requirements[0]); }},
    };
    for (const auto& [what, mutate] : cases) {
        Job job = testing::make_job("j-1");
        mutate(job);
        expect_agrees(job, what);
    }
}

TEST(PlainChecks, GraduatesAgreeWithTheModelsValidation) {
    const std::vector<std::pair<std::string, std::function<void(Graduate&)>>> cases = {
        {"valid", [](Graduate&) {}},
        {"no skills", [](Graduate& g) { g.skills.clear(); }},
        {"level 0 skill", [](Graduate& g) { g.skills[0].level = 0; }},
        {"empty id", [](Graduate& g) { g.id.clear(); }},
        {"unknown institution", [](Graduate& g) { g.institution_id = "inst-9"; }},
        {"unknown program", [](Graduate& g) { g.program_id = "prog-9"; }},
        {"year 1949", [](Graduate& g) { g.graduation_year = 1949; }},
        {"year 2101", [](Graduate& g) { g.graduation_year = 2101; }},
        {"bad education", [](Graduate& g) { g.education_level = static_cast<EducationLevel>(5); }},
        {"unknown skill", [](Graduate& g) { g.skills[1].skill_id = "s9"; }},
        {"repeated skill", [](Graduate& g) { g.skills[1].skill_id = g.skills[0].skill_id; }},
        {"level 6", [](Graduate& g) { g.skills[0].level = 6; }},
        {"level -1", [](Graduate& g) { g.skills[0].level = -1; }},
        {"bad evidence kind",
         [](Graduate& g) { g.skills[0].evidence[0].kind = static_cast<EvidenceKind>(6); }},
        {"evidence ref too long",
         [](Graduate& g) { g.skills[0].evidence[0].ref = std::string(201, 'r'); }},
        {"unknown certificate", [](Graduate& g) { g.certificates = {"cert-9"}; }},
        {"repeated certificate",
         [](Graduate& g) {
             g.certificates = {"cert-2", "cert-2"};
         }},
        {"empty district", [](Graduate& g) { g.preferred_districts = {""}; }},
        {"cluster too long", [](Graduate& g) { g.preferred_clusters = {std::string(201, 'c')}; }},
        {"repeated district (allowed)",
         [](Graduate& g) {
             g.preferred_districts = {"nanshan", "nanshan"};
         }},
    };
    for (const auto& [what, mutate] : cases) {
        Graduate graduate = testing::make_graduate("g-1");
        mutate(graduate);
        expect_agrees(graduate, what);
    }
}

}  // namespace
}  // namespace talentmatch::store
