// Names beside ids wherever a person reads an answer (issue 14), over real
// HTTP on loopback: employer, institution and program names in match lists,
// cluster and district names in the reader's language, skill names in
// alignment and supply-demand answers.
#include <gtest/gtest.h>
#include <httplib.h>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

TEST(Names, JobMatchesNameTheEmployerClusterAndDistrictInTheReadersLanguage) {
    Harness h;
    for (const char* explain : {"false", "true"}) {
        const auto zh =
            h.get(cat("/v1/graduates/g1/matches?lang=zh&explain=", explain), "office_I1");
        ASSERT_EQ(zh.status, 200) << zh.body;
        const auto body = zh.json();
        ASSERT_FALSE(body["matches"].empty());
        for (const auto& m : body["matches"]) {
            EXPECT_EQ(m["employer_name"], cat("Employer ", m["employer_id"].get<std::string>()));
            EXPECT_EQ(m["cluster"], "battery");
            EXPECT_EQ(m["cluster_name"], "锂电池与储能");
            EXPECT_EQ(m["district"], "Nanshan");  // an id the shipped list lacks is its own name
            EXPECT_EQ(m["district_name"], "Nanshan");
        }
        const auto en =
            h.get(cat("/v1/graduates/g1/matches?lang=en&explain=", explain), "office_I1");
        EXPECT_EQ(en.json()["matches"][0]["cluster_name"], "Lithium batteries and energy storage");
    }
}

TEST(Names, CandidateListsNameTheInstitutionAndProgram) {
    Harness h;
    const auto graduates = h.get("/v1/jobs/j1/candidates?k=10", "admin");
    ASSERT_EQ(graduates.status, 200) << graduates.body;
    const auto g = graduates.json()["matches"];
    ASSERT_FALSE(g.empty());
    for (const auto& m : g) {
        const std::string inst = m["institution_id"];
        EXPECT_EQ(m["institution_name"], "Institution " + inst);
        EXPECT_EQ(m["program_name"], "Program " + m["program_id"].get<std::string>());
    }
    const auto programs = h.get("/v1/jobs/j1/programs?k=10&explain=true", "admin");
    ASSERT_EQ(programs.status, 200) << programs.body;
    const auto p = programs.json()["matches"];
    ASSERT_FALSE(p.empty());
    for (const auto& m : p) {
        EXPECT_EQ(m["name"], "Program " + m["program_id"].get<std::string>());
        EXPECT_EQ(m["institution_name"], "Institution " + m["institution_id"].get<std::string>());
        EXPECT_TRUE(m.contains("explanation"));
    }
}

TEST(Names, AlignmentAndSupplyDemandNameSkillsAndGroups) {
    Harness h;
    ASSERT_EQ(
        h.put(
             "/v1/skills/s1",
             R"({"id":"s1","name_zh":"电池测试","name_en":"Battery testing","category":"battery"})")
            .status,
        200);
    ASSERT_EQ(h.put("/v1/jobs/jx", encode(make_job("jx", "E1", 5)).dump()).status, 201);
    h.wait_snapshot_current();
    const auto align = h.get("/v1/programs/P1/alignment?lang=zh&min_coverage=1", "office_I1");
    ASSERT_EQ(align.status, 200) << align.body;
    const auto a = align.json();
    EXPECT_EQ(a["program_name"], "Program P1");
    ASSERT_FALSE(a["top_shortfalls"].empty()) << align.body;
    for (const auto& sf : a["top_shortfalls"]) {
        if (sf["skill_id"] == "s1") {
            EXPECT_EQ(sf["skill_name"], "电池测试");
        }
        EXPECT_FALSE(sf["skill_name"].get<std::string>().empty());
    }
    const auto sd = h.get("/v1/supply-demand?group_by=cluster&lang=zh", "admin");
    ASSERT_EQ(sd.status, 200) << sd.body;
    const auto body = sd.json();
    bool battery = false;
    for (const auto& g : body["groups"]) {
        if (g["group"] == "battery") battery = g["group_name"] == "锂电池与储能";
    }
    EXPECT_TRUE(battery) << sd.body;
    bool s1 = false;
    for (const auto& k : body["skills"]) {
        if (k["skill_id"] == "s1") s1 = k["skill_name"] == "电池测试";
    }
    EXPECT_TRUE(s1) << sd.body;
}

}  // namespace
}  // namespace talentmatch::api::testing
