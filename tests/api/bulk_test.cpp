// POST /v1/<kind>:bulk: JSON array and JSON Lines, per-item results, atomic.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

std::string bad_job(const std::string& id) {
    return cat(R"({"id":")", id,
               R"(","employer_id":"E1","requirements":[{"skill_id":"s1","level":9,"weight":1}]})");
}

TEST(Bulk, JsonArrayGivesAResultPerItemAndCommitsTheValidOnes) {
    Harness h;
    const std::string body = cat("[", encode(make_job("b1", "E1")).dump(), ",", bad_job("b2"), ",",
                                 encode(make_job("j1", "E1")).dump(), "]");
    const auto r = h.post("/v1/jobs:bulk", body);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto json = r.json();
    EXPECT_EQ(json["applied"], 2);
    EXPECT_EQ(json["invalid"], 1);
    ASSERT_EQ(json["items"].size(), 3u);
    EXPECT_EQ(json["items"][0]["status"], "created");
    EXPECT_EQ(json["items"][1]["status"], "invalid");
    EXPECT_EQ(json["items"][1]["id"], "b2");
    EXPECT_EQ(json["items"][1]["errors"][0]["path"], "requirements[0].level");
    EXPECT_EQ(json["items"][2]["status"], "unchanged");  // j1 is seeded exactly so
    EXPECT_EQ(h.get("/v1/jobs/b1").status, 200);
    EXPECT_EQ(h.get("/v1/jobs/b2").status, 404);
}

TEST(Bulk, JsonLinesReportLineNumbersAndSkipBlankLines) {
    Harness h;
    const std::string body = cat(encode(make_job("b1", "E1")).dump(), "\n\n{not json\n",
                                 encode(make_job("b3", "E1")).dump(), "\n");
    const auto r = h.post("/v1/jobs:bulk", body, "admin", "application/x-ndjson");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0]["line"], 1);
    EXPECT_EQ(items[1]["line"], 3);
    EXPECT_EQ(items[1]["status"], "invalid");
    // The record's own column, not "line 1" of a one-line document.
    const std::string message = items[1]["errors"][0]["message"];
    EXPECT_EQ(message.rfind("invalid JSON: column 3: ", 0), 0u) << message;
    EXPECT_EQ(items[2]["line"], 4);
    EXPECT_EQ(items[2]["status"], "created");
}

TEST(Bulk, AtomicWritesNothingWhenAnyItemIsInvalid) {
    Harness h;
    const std::string body = cat("[", encode(make_job("b1", "E1")).dump(), ",", bad_job("b2"), "]");
    const auto r = h.post("/v1/jobs:bulk?atomic=true", body);
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.content_type, "application/problem+json");
    const auto json = r.json();
    EXPECT_EQ(json["errors"][0]["path"], "[1].requirements[0].level");
    EXPECT_EQ(json["items"][0]["status"], "not_applied");
    EXPECT_EQ(json["items"][1]["status"], "invalid");
    EXPECT_EQ(h.get("/v1/jobs/b1").status, 404);
}

TEST(Bulk, AtomicCommitsEverythingWhenAllAreValid) {
    Harness h;
    const std::string body = cat("[", encode(make_job("b1", "E1")).dump(), ",",
                                 encode(make_job("b2", "E1")).dump(), "]");
    const auto r = h.post("/v1/jobs:bulk?atomic=true", body);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["applied"], 2);
    EXPECT_EQ(h.get("/v1/jobs/b2").status, 200);
}

TEST(Bulk, ResubmissionIsIdempotent) {
    Harness h;
    const std::string body = cat("[", encode(make_graduate("n1", "I1", "P1")).dump(), "]");
    EXPECT_EQ(h.post("/v1/graduates:bulk", body).json()["items"][0]["status"], "created");
    EXPECT_EQ(h.post("/v1/graduates:bulk", body).json()["items"][0]["status"], "unchanged");
    Graduate changed = make_graduate("n1", "I1", "P1");
    changed.graduation_year += 1;
    const std::string changed_body = cat("[", encode(changed).dump(), "]");
    EXPECT_EQ(h.post("/v1/graduates:bulk", changed_body).json()["items"][0]["status"], "updated");
    EXPECT_EQ(h.get("/v1/graduates?limit=1000").json()["items"].size(), 4u);
}

TEST(Bulk, NonArrayJsonBodyIs422) {
    Harness h;
    EXPECT_EQ(h.post("/v1/employers:bulk", R"({"id":"E9"})").status, 422);
}

TEST(Bulk, AssociationItemsOfOtherTenantsAreInvalid) {
    Harness h;
    const std::string body = cat("[", encode(make_job("b1", "E1")).dump(), ",",
                                 encode(make_job("b2", "E2")).dump(), "]");
    const auto r = h.post("/v1/jobs:bulk", body, "assoc_A1");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    EXPECT_EQ(items[0]["status"], "created");
    EXPECT_EQ(items[1]["status"], "invalid");
    EXPECT_EQ(items[1]["errors"][0]["path"], "employer_id");
    EXPECT_EQ(h.get("/v1/jobs/b2").status, 404);
}

TEST(Bulk, ProgramsAndEmployersBulk) {
    Harness h;
    EXPECT_EQ(
        h.post("/v1/employers:bulk", R"([{"id":"E7","association_id":"A1"}])").json()["applied"],
        1);
    EXPECT_EQ(
        h.post("/v1/programs:bulk", R"([{"id":"P7","institution_id":"I1"}])").json()["applied"], 1);
}

}  // namespace
}  // namespace talentmatch::api::testing
