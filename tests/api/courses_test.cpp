// Course-certificate co-growth over HTTP against a real server on loopback:
// a program's courses and the certificates it prepares for raise its profile
// (models/credited_levels.hpp), a certificate a graduate holds credits the
// levels it evidences and the explanation names it, the what-if of adding a
// course answers exactly what the program's alignment and projected supply
// become once the course is written, and courses belong to their program's institution.
#include <gtest/gtest.h>

#include "api_harness.hpp"

namespace talentmatch::api::testing {
namespace {

using nlohmann::json;

// Seeded market (api_harness.cpp): P1 (I1) teaches s1 at 3, s2 at 2 (its
// course K1 s1 at 3); g1 (I1, P1) has s1 3, s2 2, s3 1; jobs j1, j2 need s1
// and s2.
json course(const std::string& id, const std::string& institution, const std::string& program) {
    return {{"id", id},
            {"institution_id", institution},
            {"program_id", program},
            {"name", "动力电池装配"},
            {"skills", json::array({{{"skill_id", "s5"}, {"level", 2}}})},
            {"certificates", json::array({"c2"})}};
}

// c2 evidences s4 at 3 and s5 at 1; j3 needs s4 at 3 (weight 4) and s1 at 3 (weight 1).
void add_battery_demand(Harness& h) {
    const json c2 = {{"id", "c2"},
                     {"name_en", "Battery cell assembly (1+X)"},
                     {"kind", "1+x"},
                     {"skills", json::array({{{"skill_id", "s4"}, {"level", 3}},
                                             {{"skill_id", "s5"}, {"level", 1}}})}};
    ASSERT_EQ(h.put("/v1/certificates/c2", c2.dump()).status, 201);
    const json j3 = {
        {"id", "j3"},
        {"employer_id", "E1"},
        {"title", "Cell assembler"},
        {"cluster", "battery"},
        {"headcount", 5},
        {"requirements", json::array({{{"skill_id", "s4"}, {"level", 3}, {"weight", 4}},
                                      {{"skill_id", "s1"}, {"level", 3}, {"weight", 1}}})}};
    ASSERT_EQ(h.put("/v1/jobs/j3", j3.dump()).status, 201);
}

TEST(Courses, WhatIfOfAddingACourseIsTheAlignmentOnceItIsWritten) {
    Harness h;
    add_battery_demand(h);
    h.wait_snapshot_current();
    const std::string query = "?min_coverage=0.8";
    const json before = h.get("/v1/programs/P1/alignment" + query, "office_I1").json();
    const auto w =
        h.post("/v1/programs/P1/what-if" + query,
               json{{"add_courses", json::array({{{"skills", course("x", "", "")["skills"]},
                                                  {"certificates", json::array({"c2"})}}})}}
                   .dump(),
               "office_I1");
    ASSERT_EQ(w.status, 200) << w.body;
    const json what_if = w.json();
    EXPECT_EQ(what_if["before"]["aligned_openings"], before["aligned_openings"]);
    // j3 becomes reachable: coverage (4·3 + 1·3) / 15 = 1 once c2 credits s4 at 3.
    EXPECT_EQ(what_if["change"]["aligned_openings"], 5) << what_if;

    // The supply–demand side: s4 (demanded by j3) is now taught at 3; s5 is
    // taught but not demanded, so it has no row.
    const auto projected_s4 = [&] {
        const json report = h.get("/v1/supply-demand").json();
        for (const json& row : report["skills"])
            if (row["skill_id"] == "s4") return row["projected"].get<std::int64_t>();
        ADD_FAILURE() << "no s4 row";
        return std::int64_t{-1};
    };
    ASSERT_EQ(what_if["supply_demand"].size(), 1u) << what_if["supply_demand"];
    const json& s4 = what_if["supply_demand"][0];
    EXPECT_EQ(s4["skill_id"], "s4");
    EXPECT_EQ(s4["before"]["level_taught"], 0);
    EXPECT_EQ(s4["after"]["level_taught"], 3);
    EXPECT_EQ(s4["before"]["projected"], projected_s4());
    EXPECT_GT(s4["projected_change"].get<std::int64_t>(), 0);

    ASSERT_EQ(h.put("/v1/courses/C-101", course("C-101", "I1", "P1").dump(), "office_I1").status,
              201);
    h.wait_snapshot_current();
    EXPECT_EQ(s4["after"]["projected"], projected_s4());
    const json after = h.get("/v1/programs/P1/alignment" + query, "office_I1").json();
    for (const char* field : {"aligned_openings", "eligible_openings", "openings"}) {
        EXPECT_EQ(what_if["after"][field], after[field]) << field;
    }
    EXPECT_NEAR(what_if["after"]["mean_coverage"].get<double>(),
                after["mean_coverage"].get<double>(), 1e-12);
    // The program's record is what was written; its profile is derived.
    EXPECT_EQ(h.get("/v1/programs/P1").json()["curriculum"].size(), 2u);
    EXPECT_EQ(h.get("/v1/courses/C-101", "office_I1").json(), course("C-101", "I1", "P1"));
}

TEST(Courses, AHeldCertificateCreditsItsLevelsAndTheExplanationNamesIt) {
    Harness h;
    add_battery_demand(h);
    json g1 = h.get("/v1/graduates/g1").json();
    g1["certificates"] = json::array({"c2"});
    ASSERT_EQ(h.put("/v1/graduates/g1", g1.dump()).status, 200);
    h.wait_snapshot_current();
    const auto r = h.get("/v1/graduates/g1/explain/j3");
    ASSERT_EQ(r.status, 200) << r.body;
    const json e = r.json();
    EXPECT_EQ(e["coverage"], 1.0) << e;  // s4 credited at 3 by c2, s1 own at 3
    bool named = false;
    for (const json& c : e["contributions"]) {
        if (c["skill_id"] == "s4") {
            EXPECT_EQ(c["has_level"], 3);
            EXPECT_EQ(c["evidenced_by"], json::array({"c2"}));
            named = true;
        } else {
            EXPECT_EQ(c["evidenced_by"], json::array()) << c;  // s1 is g1's own level 3
        }
    }
    EXPECT_TRUE(named) << e;
    // Without the certificate, s4 is missing again.
    g1["certificates"] = json::array();
    ASSERT_EQ(h.put("/v1/graduates/g1", g1.dump()).status, 200);
    h.wait_snapshot_current();
    EXPECT_LT(h.get("/v1/graduates/g1/explain/j3").json()["coverage"].get<double>(), 0.5);
}

TEST(Courses, BelongToTheirProgramsInstitution) {
    Harness h;
    add_battery_demand(h);
    ASSERT_EQ(h.put("/v1/courses/C-101", course("C-101", "I1", "P1").dump(), "office_I1").status,
              201);
    // Another institution's office neither writes nor sees it.
    const auto other = h.put("/v1/courses/C-102", course("C-102", "I1", "P1").dump(), "office_I2");
    ASSERT_EQ(other.status, 422) << other.body;
    EXPECT_EQ(other.json()["errors"][0]["path"], "institution_id");
    EXPECT_EQ(h.get("/v1/courses/C-101", "office_I2").status, 404);
    // The seeded K1 (I1) and K2 (I2), and C-101.
    EXPECT_EQ(h.get("/v1/courses", "office_I2").json()["items"].size(), 1u);
    EXPECT_EQ(h.get("/v1/courses", "office_I1").json()["items"].size(), 2u);
    EXPECT_EQ(h.get("/v1/courses", "assoc_A1").status, 403);
    // Its own institution with another institution's program: the field is named.
    const auto moved = h.put("/v1/courses/C-103", course("C-103", "I2", "P1").dump(), "office_I2");
    ASSERT_EQ(moved.status, 422) << moved.body;
    EXPECT_EQ(moved.json()["errors"][0]["path"], "program_id");
    // What a course names cannot be deleted under it.
    EXPECT_EQ(h.del("/v1/programs/P1").status, 409);
    EXPECT_EQ(h.del("/v1/certificates/c2").status, 409);
    EXPECT_EQ(h.del("/v1/skills/s5").status, 409);
    EXPECT_EQ(h.del("/v1/courses/C-101", "office_I1").status, 204);
    EXPECT_EQ(h.del("/v1/skills/s4").status, 409);  // c2 evidences it
    EXPECT_EQ(h.del("/v1/certificates/c2").status, 204);
}

}  // namespace
}  // namespace talentmatch::api::testing
