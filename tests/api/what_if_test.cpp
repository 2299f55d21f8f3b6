// POST /v1/programs/{id}/what-if over real HTTP against a real server on
// loopback: the before/after figures by hand on the seeded market, nothing
// written, tenancy, and field-named errors.
#include <gtest/gtest.h>

#include "api_harness.hpp"

namespace talentmatch::api::testing {
namespace {

// Seeded market (api_harness.cpp): P1 (institution I1) teaches s1 at 3 and s2
// at 2; jobs j1 (s1 level 3, s2 level 2) and j2 (s1 level 2, s2 level 2),
// weights 5 and 3, 2 openings each. Teaching s1 at 1 instead gives coverage
// (5·1 + 3·2) / (5·3 + 3·2) = 11/21 for j1 and 11/16 for j2: both under 0.8.
TEST(WhatIf, LoweringALevelLosesTheOpeningsItCovered) {
    Harness h;
    const auto r = h.post("/v1/programs/P1/what-if?min_coverage=0.8",
                          R"({"curriculum": [{"skill_id": "s1", "level": 1}]})", "office_I1");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto a = r.json();
    EXPECT_EQ(a["written"], false);
    EXPECT_EQ(a["before"]["openings"], 4);
    EXPECT_EQ(a["before"]["aligned_openings"], 4);
    EXPECT_EQ(a["after"]["aligned_openings"], 0);
    EXPECT_EQ(a["change"]["aligned_openings"], -4);
    EXPECT_NEAR(a["after"]["mean_coverage"].get<double>(), (11.0 / 21 + 11.0 / 16) / 2, 1e-9);
    EXPECT_EQ(a["after"]["top_shortfalls"][0]["skill_id"], "s1");
    // Nothing written: the program and its alignment are as before.
    const auto program = h.get("/v1/programs/P1").json();
    EXPECT_EQ(program["curriculum"][0]["level"], 3) << program;
    EXPECT_EQ(h.get("/v1/programs/P1/alignment?min_coverage=0.8").json()["aligned_openings"], 4);
}

TEST(WhatIf, OnlyTheProgramsOwnInstitutionMayAsk) {
    Harness h;
    const std::string body = R"({"curriculum": [{"skill_id": "s3", "level": 2}]})";
    EXPECT_EQ(h.post("/v1/programs/P1/what-if", body, "office_I2").status, 404);
    EXPECT_EQ(h.post("/v1/programs/P1/what-if", body, "viewer").status, 403);
    EXPECT_EQ(h.post("/v1/programs/P1/what-if", body, "admin").status, 200);
    EXPECT_EQ(h.post("/v1/programs/nope/what-if", body, "admin").status, 404);
}

TEST(WhatIf, BadChangesAre422NamingTheField) {
    Harness h;
    const auto field_of = [&h](const std::string& body) {
        const auto r = h.post("/v1/programs/P1/what-if", body);
        EXPECT_EQ(r.status, 422) << body << " -> " << r.body;
        return r.status == 422 ? r.json()["errors"][0]["path"].get<std::string>() : "";
    };
    EXPECT_EQ(field_of(R"({"curriculum": [{"skill_id": "nope", "level": 2}]})"),
              "curriculum[0].skill_id");
    EXPECT_EQ(field_of(R"({"curriculum": [{"skill_id": "s1", "level": 9}]})"),
              "curriculum[0].level");
    EXPECT_EQ(field_of(R"({"add_certificates": ["nope"]})"), "add_certificates[0]");
    EXPECT_EQ(field_of(R"({"colour": "red"})"), "colour");
    EXPECT_EQ(field_of(R"({})"), "");
}

}  // namespace
}  // namespace talentmatch::api::testing
