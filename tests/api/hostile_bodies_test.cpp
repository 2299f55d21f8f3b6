// Request bodies built to break the decoders (issue 16), over the real
// loopback server: JSON nested 70,000+ deep (~140 KB; it used to overflow the
// stack and take the process down), numbers out of range (1e999: a 500) and
// invalid UTF-8 in an atomic bulk (a 500). Every one must be a 4xx
// problem+json naming the field, store nothing, and leave the server serving.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "models/json_codec.hpp"
#include "models/limits.hpp"
#include "tests/models/hostile_json.hpp"

namespace talentmatch::api::testing {
namespace {

using talentmatch::testing::deep_arrays;
using talentmatch::testing::deep_objects;
using talentmatch::testing::kCrashDepth;
using talentmatch::testing::kIssueDepth;
using talentmatch::testing::kObjectDepth;
using talentmatch::testing::repeat;

// Job `id` of employer E1 (association A1) with `field`'s value replaced by raw JSON.
std::string job_with(const std::string& id, const std::string& field, const std::string& raw) {
    return talentmatch::testing::with_field(make_job(id, "E1"), field, raw);
}

// A 4xx problem+json whose first error has `path`; the body is valid JSON
// (HttpResult::json() parses strictly, UTF-8 included).
void expect_problem(const HttpResult& r, int status, const std::string& path) {
    EXPECT_EQ(r.status, status) << r.body.substr(0, 300);
    EXPECT_EQ(r.content_type, "application/problem+json");
    const auto body = r.json();
    ASSERT_FALSE(body["errors"].empty()) << r.body.substr(0, 300);
    EXPECT_EQ(body["errors"][0]["path"], path) << r.body.substr(0, 300);
}

void expect_serving(Harness& h) {
    EXPECT_EQ(h.get("/healthz", "").status, 200);
    EXPECT_EQ(h.get("/v1/jobs/j1").status, 200);
}

TEST(HostileBodies, DeepNestingIsA422OnEveryJsonRouteAndTheServerKeepsServing) {
    Harness h;
    struct Case {
        std::string job;        // the body of PUT /v1/jobs/x
        std::string path;       // the error's path in it
        std::string bulk_path;  // ... in a JSON-array bulk holding it (the depth is absolute)
    };
    const std::size_t d = kMaxJsonDepth;
    const Case cases[] = {
        {deep_arrays(kIssueDepth), repeat("[0]", d), repeat("[0]", d)},
        {deep_arrays(kCrashDepth), repeat("[0]", d), repeat("[0]", d)},
        {deep_objects(kObjectDepth), cat("a", repeat(".a", d - 1)),
         cat("[0].a", repeat(".a", d - 2))},
        {job_with("x", "title", deep_arrays(kCrashDepth)), cat("title", repeat("[0]", d - 1)),
         cat("[0].title", repeat("[0]", d - 2))},
        {job_with("x", "title", deep_objects(kObjectDepth)), cat("title", repeat(".a", d - 1)),
         cat("[0].title", repeat(".a", d - 2))},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.path.substr(0, 12));
        expect_problem(h.put("/v1/jobs/x", c.job, "assoc_A1"), 422, c.path);
        expect_serving(h);
        expect_problem(h.post("/v1/jobs:bulk", cat("[", c.job, "]"), "assoc_A1"), 422, c.bulk_path);
        expect_serving(h);
        // JSON Lines: the record is refused; atomic, the whole request is.
        const std::string lines = cat(encode(make_job("ok", "E1")).dump(), "\n", c.job, "\n");
        const auto atomic =
            h.post("/v1/jobs:bulk?atomic=true", lines, "assoc_A1", "application/x-ndjson");
        expect_problem(atomic, 422, cat(c.path.starts_with("[") ? "line 2" : "line 2.", c.path));
        const auto each = h.post("/v1/jobs:bulk", c.job, "assoc_A1", "application/x-ndjson");
        ASSERT_EQ(each.status, 200) << each.body.substr(0, 300);
        EXPECT_EQ(each.json()["items"][0]["status"], "invalid");
        EXPECT_EQ(each.json()["items"][0]["errors"][0]["path"], c.path);
        expect_serving(h);
        // The batch-run parameters.
        expect_problem(h.post("/v1/batch-runs", c.job), 422, c.path);
        expect_serving(h);
    }
    EXPECT_EQ(h.get("/v1/jobs/x").status, 404);
    EXPECT_EQ(h.get("/v1/jobs/ok").status, 404);
    EXPECT_TRUE(h.get("/v1/batch-runs").json()["items"].empty());
}

TEST(HostileBodies, NumbersOutOfRangeAre422NamingTheField) {
    Harness h;
    const std::string numbers[] = {"1e999", "-1e999", cat("1", std::string(400, '0'))};
    for (const std::string& number : numbers) {
        SCOPED_TRACE(number.substr(0, 10));
        const std::string job = job_with("x", "headcount", number);
        expect_problem(h.put("/v1/jobs/x", job, "assoc_A1"), 422, "headcount");
        expect_problem(
            h.post("/v1/jobs:bulk", cat("[", encode(make_job("ok", "E1")).dump(), ",", job, "]")),
            422, "[1].headcount");
        expect_problem(h.post("/v1/jobs:bulk?atomic=true", job, "admin", "application/x-ndjson"),
                       422, "line 1.headcount");
        expect_problem(h.post("/v1/batch-runs", cat("{\"k\": ", number, "}")), 422, "k");
        expect_problem(h.post("/v1/batch-runs", cat("{\"k\": 5, \"min_coverage\": ", number, "}")),
                       422, "min_coverage");
    }
    // NaN and Infinity are not JSON at all.
    expect_problem(h.put("/v1/jobs/x", job_with("x", "headcount", "NaN"), "assoc_A1"), 400, "");
    expect_problem(h.post("/v1/batch-runs", R"({"min_coverage": Infinity})"), 400, "");
    EXPECT_EQ(h.get("/v1/jobs/x").status, 404);
    EXPECT_EQ(h.get("/v1/jobs/ok").status, 404);
    EXPECT_TRUE(h.get("/v1/batch-runs").json()["items"].empty());
    expect_serving(h);
}

TEST(HostileBodies, InvalidUtf8InAnAtomicBulkIsA4xxAndStoresNothing) {
    Harness h;
    const std::string bad[] = {"\xC0\xAF",         "\xE0\x80\xAF", "\xED\xA0\x80",
                               "\xF4\x90\x80\x80", "\xFF",         "\xD6\xD0\xCE\xC4"};
    for (const std::string& bytes : bad) {
        const std::string job = job_with("b2", "title", cat("\"x", bytes, "\""));
        const std::string good = encode(make_job("b1", "E1")).dump();
        // JSON Lines: the line is invalid, so atomic=true writes nothing.
        const auto lines = h.post("/v1/jobs:bulk?atomic=true", cat(good, "\n", job, "\n"),
                                  "assoc_A1", "application/x-ndjson");
        expect_problem(lines, 422, "line 2");
        EXPECT_EQ(lines.json()["items"][1]["status"], "invalid");
        // A JSON array is not JSON at all with those bytes in it.
        expect_problem(
            h.post("/v1/jobs:bulk?atomic=true", cat("[", good, ",", job, "]"), "assoc_A1"), 400,
            "");
        expect_problem(h.put("/v1/jobs/b2", job, "assoc_A1"), 400, "");
        // Not atomic: the good line is written, the bad one reported in valid JSON.
        const auto each =
            h.post("/v1/jobs:bulk", cat(job, "\n"), "assoc_A1", "application/x-ndjson");
        ASSERT_EQ(each.status, 200);
        EXPECT_EQ(each.json()["items"][0]["status"], "invalid");
    }
    EXPECT_EQ(h.get("/v1/jobs/b1").status, 404);
    EXPECT_EQ(h.get("/v1/jobs/b2").status, 404);
    expect_serving(h);
}

}  // namespace
}  // namespace talentmatch::api::testing
