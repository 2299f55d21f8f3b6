// CRUD + cursor lists for every entity kind, success and error paths.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

TEST(Entities, PutCreatesThenReplacesIdempotently) {
    Harness h;
    const std::string body = encode(make_job("j9", "E1")).dump();
    auto created = h.put("/v1/jobs/j9", body);
    EXPECT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.headers.at("Location"), "/v1/jobs/j9");
    EXPECT_EQ(created.json()["employer_id"], "E1");
    // /readyz names the published snapshot's version: wait until it has the
    // write (under load the first publication may still be on its way).
    h.wait_snapshot_current();
    const auto version = h.get("/readyz").json()["data_version"];
    auto again = h.put("/v1/jobs/j9", body);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(again.json(), created.json());
    EXPECT_EQ(h.get("/readyz").json()["data_version"], version);  // unchanged: nothing written
    EXPECT_EQ(h.get("/v1/jobs/j9").json(), created.json());
}

TEST(Entities, EveryKindReadsWritesAndDeletes) {
    Harness h;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"skills", R"({"id":"s7","name_en":"Welding","category":"battery"})"},
        {"certificates", R"({"id":"c2","name_en":"Electrician","kind":"licence"})"},
        {"institutions", R"({"id":"I3","name":"Polytechnic 3","district":"Futian"})"},
        {"programs", R"({"id":"P3","institution_id":"I1","name":"Batteries","cohort_size":30,
                       "curriculum":[{"skill_id":"s1","level":3}]})"},
        {"graduates", R"({"id":"g3","institution_id":"I1","program_id":"P1","graduation_year":2026,
                        "skills":[{"skill_id":"s1","level":2}]})"},
        {"employers", R"({"id":"E3","name":"Cells Inc","association_id":"A1"})"},
        {"jobs", R"({"id":"j3","employer_id":"E1","requirements":[{"skill_id":"s1","level":2,
                   "weight":5,"must_have":true}]})"},
    };
    for (const auto& [plural, body] : cases) {
        const std::string id = nlohmann::json::parse(body)["id"];
        const std::string path = "/v1/" + plural + "/" + id;
        EXPECT_EQ(h.put(path, body).status, 201) << plural << " " << h.put(path, body).body;
        EXPECT_EQ(h.get(path).status, 200) << plural;
        const auto list = h.get("/v1/" + plural + "?limit=1000");
        ASSERT_EQ(list.status, 200) << plural;
        bool listed = false;
        for (const auto& item : nlohmann::json(list.json()["items"]))
            listed = listed || item["id"] == id;
        EXPECT_TRUE(listed) << plural << list.body;
        const auto deleted = h.del(path);
        EXPECT_EQ(deleted.status, 204) << plural << " " << deleted.body;
        EXPECT_EQ(h.get(path).status, 404) << plural;
        EXPECT_EQ(h.del(path).status, 404) << plural;
    }
}

TEST(Entities, ListPagesWithACursor) {
    Harness h;
    std::vector<std::string> seen;
    std::string cursor;
    int pages = 0;
    while (true) {
        const auto r = h.get("/v1/skills?limit=4" + (cursor.empty() ? "" : "&cursor=" + cursor));
        ASSERT_EQ(r.status, 200);
        const auto body = r.json();
        for (const auto& item : body["items"]) seen.push_back(item["id"]);
        ++pages;
        if (body["next_cursor"].is_null()) break;
        cursor = body["next_cursor"];
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"s1", "s2", "s3", "s4", "s5", "s6"}));
    EXPECT_EQ(pages, 2);
}

TEST(Entities, ValidationErrorsAre422WithFieldPathsAndWriteNothing) {
    Harness h;
    const auto r = h.put("/v1/jobs/j8", R"({"id":"j8","employer_id":"E1","requirements":[
        {"skill_id":"s1","level":7,"weight":5},{"skill_id":"nope","level":2,"weight":1}]})");
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.content_type, "application/problem+json");
    std::set<std::string> paths;
    for (const auto& e : nlohmann::json(r.json()["errors"]))
        paths.insert(e["path"].get<std::string>());
    EXPECT_TRUE(paths.count("requirements[0].level")) << r.body;
    EXPECT_TRUE(paths.count("requirements[1].skill_id")) << r.body;
    EXPECT_EQ(h.get("/v1/jobs/j8").status, 404);
}

TEST(Entities, AGraduateInAnotherInstitutionsProgramIs422) {
    Harness h;
    Graduate g = make_graduate("x1", "I1", "P2");  // P2 is I2's program
    const auto r = h.put("/v1/graduates/x1", encode(g).dump(), "office_I1");
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.json()["errors"][0]["path"], "program_id") << r.body;
    EXPECT_NE(r.body.find("belongs to institution \\\"I2\\\""), std::string::npos) << r.body;
    EXPECT_EQ(h.get("/v1/graduates/x1").status, 404);
    const auto bulk = h.post("/v1/graduates:bulk", cat("[", encode(g).dump(), "]"), "office_I1");
    ASSERT_EQ(bulk.status, 200) << bulk.body;
    EXPECT_EQ(bulk.json()["items"][0]["status"], "invalid");
    EXPECT_EQ(bulk.json()["items"][0]["errors"][0]["path"], "program_id");
    g.program_id = "P1";
    EXPECT_EQ(h.put("/v1/graduates/x1", encode(g).dump(), "office_I1").status, 201);
}

TEST(Entities, UnknownFieldAndWrongTypeAre422) {
    Harness h;
    const auto r = h.put("/v1/skills/s9", R"({"id":"s9","name_en":5,"weigth":1})");
    ASSERT_EQ(r.status, 422) << r.body;
    std::set<std::string> paths;
    for (const auto& e : nlohmann::json(r.json()["errors"]))
        paths.insert(e["path"].get<std::string>());
    EXPECT_TRUE(paths.count("name_en"));
    EXPECT_TRUE(paths.count("weigth"));
}

TEST(Entities, BodyIdMustMatchThePath) {
    Harness h;
    const auto r = h.put("/v1/skills/s9", R"({"id":"other"})");
    ASSERT_EQ(r.status, 422);
    EXPECT_EQ(r.json()["errors"][0]["path"], "id");
    EXPECT_EQ(h.put("/v1/skills/s9", R"({"name_en":"id from the path"})").status, 201);
}

TEST(Entities, DeletingSomethingReferencedIs409) {
    Harness h;
    const auto r = h.del("/v1/skills/s1");
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(r.content_type, "application/problem+json");
    EXPECT_EQ(h.get("/v1/skills/s1").status, 200);
}

TEST(Entities, GraduateErasureRemovesItFromStoreAndSnapshot) {
    Harness h;
    ASSERT_EQ(h.get("/v1/graduates/g1/matches").status, 200);
    ASSERT_EQ(h.del("/v1/graduates/g1").status, 204);
    EXPECT_EQ(h.get("/v1/graduates/g1").status, 404);
    h.wait_snapshot_current();
    EXPECT_EQ(h.get("/v1/graduates/g1/matches").status, 404);
    for (const auto& m : nlohmann::json(h.get("/v1/jobs/j1/candidates?k=100").json()["matches"])) {
        EXPECT_NE(m["graduate_id"], "g1");
    }
}

}  // namespace
}  // namespace talentmatch::api::testing
