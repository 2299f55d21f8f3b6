// Transport-level behaviour over a real socket: system routes, 404/405/413/
// 415/400/401, the problem+json shape, revocation, request ids.
#include <gtest/gtest.h>

#include "api_harness.hpp"
#include "store/store.hpp"

namespace talentmatch::api::testing {
namespace {

void expect_problem(const HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.content_type, "application/problem+json") << r.body;
    const auto body = r.json();
    EXPECT_EQ(body["status"], status);
    EXPECT_TRUE(body.contains("type") && body.contains("title") && body.contains("detail") &&
                body["errors"].is_array())
        << r.body;
}

TEST(HttpErrors, HealthAndReadinessArePublic) {
    Harness h;
    EXPECT_EQ(h.get("/healthz", "").status, 200);
    const auto ready = h.get("/readyz", "");
    EXPECT_EQ(ready.status, 200);
    EXPECT_EQ(ready.json()["status"], "ready");
}

TEST(HttpErrors, UnknownRouteIs404Problem) {
    Harness h;
    expect_problem(h.get("/v1/nothing-here"), 404);
    expect_problem(h.get("/v2/jobs"), 404);
}

TEST(HttpErrors, WrongMethodIs405WithAllow) {
    Harness h;
    const auto r = h.post("/v1/jobs/j1", "{}");
    expect_problem(r, 405);
    EXPECT_EQ(r.headers.at("Allow"), "DELETE, GET, PUT");
    expect_problem(h.send("PATCH", "/v1/skills/s1", "{}", "admin", "application/json"), 405);
}

TEST(HttpErrors, BodyOverTheLimitIs413Problem) {
    Harness h;
    const std::string big(5 * 1024 * 1024, ' ');
    expect_problem(h.post("/v1/jobs:bulk", big), 413);
    EXPECT_EQ(h.get("/v1/jobs/j1").status, 200);  // the server still serves
}

TEST(HttpErrors, WrongContentTypeIs415) {
    Harness h;
    expect_problem(h.put("/v1/skills/s9", R"({"id":"s9"})", "admin", "text/plain"), 415);
    expect_problem(h.post("/v1/jobs:bulk", "[]", "admin", "text/plain"), 415);
    EXPECT_EQ(h.get("/v1/skills/s9").status, 404);  // nothing written
}

TEST(HttpErrors, MalformedJsonIs400) {
    Harness h;
    expect_problem(h.put("/v1/skills/s9", R"({"id": "s9",)"), 400);
    expect_problem(h.post("/v1/jobs:bulk", "[{"), 400);
}

TEST(HttpErrors, BadQueryParameterIs400NamingIt) {
    Harness h;
    const auto r = h.get("/v1/graduates/g1/matches?k=zero");
    expect_problem(r, 400);
    EXPECT_EQ(r.json()["errors"][0]["path"], "k");
    expect_problem(h.get("/v1/jobs?limit=0"), 400);
}

TEST(HttpErrors, MissingOrBadKeyIs401) {
    Harness h;
    auto r = h.get("/v1/jobs/j1", "");
    expect_problem(r, 401);
    EXPECT_EQ(r.headers.at("WWW-Authenticate"), "Bearer");
    expect_problem(h.get("/v1/jobs/j1", "tm_0000000000000000000000000000000000000000"), 401);
    expect_problem(h.send("GET", "/v1/jobs/j1", "", "", ""), 401);
}

TEST(HttpErrors, RevocationTakesEffectOnTheNextRequest) {
    Harness h;
    ASSERT_EQ(h.get("/v1/jobs/j1", "assoc_A1").status, 200);
    std::string id;
    for (const auto& key : h.server().store().list_api_keys()) {
        if (key.role == store::Role::kAssociation && key.org_id == "A1") id = key.id;
    }
    ASSERT_TRUE(h.server().store().revoke_api_key(id));
    expect_problem(h.get("/v1/jobs/j1", "assoc_A1"), 401);
}

TEST(HttpErrors, EveryResponseCarriesARequestId) {
    Harness h;
    const auto a = h.get("/healthz", "");
    const auto b = h.get("/healthz", "");
    ASSERT_TRUE(a.headers.count("X-Request-Id"));
    EXPECT_NE(a.headers.at("X-Request-Id"), b.headers.at("X-Request-Id"));
}

TEST(HttpErrors, MetricsCountRequestsByRoutePattern) {
    Harness h;
    h.get("/v1/jobs/j1");
    h.get("/v1/jobs/j2");
    h.get("/v1/jobs/nope");
    const auto r = h.get("/metrics", "");
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.content_type.find("text/plain"), std::string::npos);
    EXPECT_NE(
        r.body.find(
            R"(talentmatch_http_requests_total{method="GET",route="/v1/jobs/{id}",status="200"} 2)"),
        std::string::npos)
        << r.body;
    EXPECT_NE(
        r.body.find(
            R"(talentmatch_http_requests_total{method="GET",route="/v1/jobs/{id}",status="404"} 1)"),
        std::string::npos);
    EXPECT_NE(r.body.find("talentmatch_http_request_duration_seconds_bucket"), std::string::npos);
    EXPECT_NE(r.body.find("talentmatch_snapshot_version"), std::string::npos);
    EXPECT_NE(r.body.find("talentmatch_snapshot_age_seconds"), std::string::npos);
    EXPECT_NE(r.body.find("\ntalentmatch_queries_waiting 0\n"), std::string::npos);
    EXPECT_EQ(r.body.find("j1"), std::string::npos);  // no concrete ids in labels
}

}  // namespace
}  // namespace talentmatch::api::testing
