// Query endpoints against the seeded market; results checked against the
// matcher called directly on the same snapshot (the reference).
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api_harness.hpp"
#include "matcher/query/match_query.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

TEST(Queries, GraduateMatchesAgreeWithTheMatcher) {
    Harness h;
    const auto r = h.get("/v1/graduates/g1/matches?k=5");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto snapshot = h.server().snapshots().current().snapshot;
    const std::vector<std::string> ids{"g1"};
    const auto expected =
        matcher::top_jobs_for_graduates(*snapshot, ids, 5, {}, matcher::ScoreConfig{});
    const auto matches = r.json()["matches"];
    ASSERT_EQ(matches.size(), expected[0].size());
    ASSERT_FALSE(matches.empty());
    for (std::size_t i = 0; i < matches.size(); ++i) {
        EXPECT_EQ(matches[i]["job_id"], expected[0][i].id);
        EXPECT_DOUBLE_EQ(matches[i]["fit"].get<double>(), expected[0][i].fit);
    }
}

// Match lists are written as text, not through a JSON DOM (bulk/json_line.hpp):
// every direction's body is nlohmann's canonical dump of itself (sorted keys,
// its number format), and the same lists with explain=true (the DOM path)
// carry the same fields.
TEST(Queries, MatchListsAreCanonicalJsonEqualToTheExplainPath) {
    Harness h;
    for (const std::string path : {"/v1/graduates/g1/matches?k=5", "/v1/programs/P1/matches?k=5",
                                   "/v1/jobs/j1/candidates?k=5", "/v1/jobs/j1/programs?k=5"}) {
        const auto plain = h.get(path);
        ASSERT_EQ(plain.status, 200) << path << plain.body;
        const auto body = nlohmann::json::parse(plain.body);
        EXPECT_EQ(plain.body, body.dump()) << path;
        ASSERT_FALSE(body["matches"].empty()) << path;
        auto explained = h.get(path + "&explain=true").json();
        for (auto& m : explained["matches"]) m.erase("explanation");
        EXPECT_EQ(body, explained) << path;
    }
}

TEST(Queries, FiltersAndExplainAreApplied) {
    Harness h;
    auto r = h.get("/v1/graduates/g1/matches?employer=E2&explain=true");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto matches = r.json()["matches"];
    ASSERT_EQ(matches.size(), 1u);
    EXPECT_EQ(matches[0]["job_id"], "j2");
    EXPECT_TRUE(matches[0]["explanation"]["contributions"].is_array());
    EXPECT_EQ(h.get("/v1/graduates/g1/matches?min_coverage=1.5").status, 400);
    EXPECT_EQ(h.get("/v1/graduates/g1/matches?district=Nowhere").status, 422);
}

TEST(Queries, EveryDirectionAnswers) {
    Harness h;
    EXPECT_EQ(h.get("/v1/jobs/j1/candidates?k=3").status, 200);
    EXPECT_EQ(h.get("/v1/programs/P1/matches").status, 200);
    EXPECT_EQ(h.get("/v1/jobs/j1/programs").status, 200);
    const auto explain = h.get("/v1/graduates/g2/explain/j1");
    ASSERT_EQ(explain.status, 200) << explain.body;
    EXPECT_EQ(explain.json()["learning_plan"][0]["skill_id"], "s1");  // has 2, needs 3
    const auto align = h.get("/v1/programs/P1/alignment?min_coverage=0.5");
    ASSERT_EQ(align.status, 200) << align.body;
    EXPECT_EQ(align.json()["openings"], 4);
    const auto sd = h.get("/v1/supply-demand?group_by=cluster");
    ASSERT_EQ(sd.status, 200) << sd.body;
    EXPECT_FALSE(sd.json()["skills"].empty());
    EXPECT_EQ(h.get("/v1/supply-demand?group_by=planet").status, 400);
}

TEST(Queries, UnknownIdsAre404) {
    Harness h;
    EXPECT_EQ(h.get("/v1/graduates/nope/matches").status, 404);
    EXPECT_EQ(h.get("/v1/jobs/nope/candidates").status, 404);
    EXPECT_EQ(h.get("/v1/programs/nope/alignment").status, 404);
    EXPECT_EQ(h.get("/v1/graduates/g1/explain/nope").status, 404);
}

TEST(Queries, ViewerSupplyIsSuppressedForSmallGroups) {
    Harness h;  // 3 seeking graduates: under 5
    const auto viewer = h.get("/v1/supply-demand", "viewer").json();
    EXPECT_EQ(viewer["suppression_min_group"], 5);
    for (const auto& row : viewer["skills"]) EXPECT_TRUE(row["supply"].is_null()) << row;
    const auto admin = h.get("/v1/supply-demand", "admin").json();
    bool any_supply = false;
    for (const auto& row : admin["skills"]) any_supply = any_supply || !row["supply"].is_null();
    EXPECT_TRUE(any_supply);
}

// SPEC: a 2xx write is visible to queries within 1 second.
TEST(Queries, AcknowledgedWriteIsVisibleWithinOneSecond) {
    Harness h;
    Job job = make_job("fresh", "E1", 3);
    job.district = "Futian";
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(h.put("/v1/jobs/fresh", encode(job).dump()).status, 201);
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) {
        for (const auto& m :
             nlohmann::json(h.get("/v1/graduates/g1/matches?k=100").json()["matches"])) {
            seen = seen || m["job_id"] == "fresh";
        }
        if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    EXPECT_TRUE(seen) << "not visible after " << ms << " ms";
    RecordProperty("visible_after_ms", static_cast<int>(ms));
}

}  // namespace
}  // namespace talentmatch::api::testing

namespace talentmatch::api::testing {
namespace {

bool lists(const nlohmann::json& body, const std::string& key, const std::string& id) {
    for (const auto& m : body["matches"]) {
        if (m[key] == id) return true;
    }
    return false;
}

TEST(Queries, AJobPastValidUntilIsInNoMatchListAndListsNoCandidate) {
    Harness h;
    const auto demand = [&h] {  // openings in P1's alignment and in supply-demand
        const auto align = h.get("/v1/programs/P1/alignment");
        const auto balance = h.get("/v1/supply-demand?group_by=cluster");
        EXPECT_EQ(align.status, 200) << align.body;
        EXPECT_EQ(balance.status, 200) << balance.body;
        const nlohmann::json groups = balance.json()["groups"];
        std::int64_t balance_openings = 0;
        for (const auto& g : groups) balance_openings += g["openings"].get<std::int64_t>();
        return std::pair{align.json()["openings"].get<std::int64_t>(), balance_openings};
    };
    const auto before = demand();
    Job expired = make_job("j3", "E1", 3);
    expired.valid_until = "2020-01-31";
    Job open = make_job("j4", "E1", 3);
    open.valid_until = "2999-12-31";
    ASSERT_EQ(h.put("/v1/jobs/j3", encode(expired).dump()).status / 100, 2);
    ASSERT_EQ(h.put("/v1/jobs/j4", encode(open).dump()).status / 100, 2);
    h.wait_snapshot_current();
    const auto mine = h.get("/v1/graduates/g1/matches?k=50");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_FALSE(lists(mine.json(), "job_id", "j3"));
    EXPECT_TRUE(lists(mine.json(), "job_id", "j4"));
    EXPECT_FALSE(lists(h.get("/v1/graduates/g1/matches?k=50&explain=true").json(), "job_id", "j3"));
    EXPECT_TRUE(h.get("/v1/jobs/j3/candidates").json()["matches"].empty());
    EXPECT_TRUE(h.get("/v1/jobs/j3/programs").json()["matches"].empty());
    EXPECT_FALSE(h.get("/v1/jobs/j4/candidates").json()["matches"].empty());
    // Demand counts only the valid job's openings, in alignment and supply-demand alike.
    const auto after = demand();
    EXPECT_EQ(after.first - before.first, open.headcount);
    EXPECT_EQ(after.second - before.second, open.headcount);
    // Asked directly, the expired pair is explained as ineligible, naming the expiry.
    const auto why = h.get("/v1/graduates/g1/explain/j3");
    ASSERT_EQ(why.status, 200) << why.body;
    EXPECT_FALSE(why.json()["eligible"].get<bool>());
    const nlohmann::json gates = why.json()["failed_gates"];
    ASSERT_FALSE(gates.empty()) << why.body;
    EXPECT_EQ(gates.back()["kind"], "job_expired");
    EXPECT_EQ(gates.back()["id"], "2020-01-31");
    const nlohmann::json open_gates = h.get("/v1/graduates/g1/explain/j4").json()["failed_gates"];
    for (const auto& gate : open_gates) EXPECT_NE(gate["kind"], "job_expired");
}

TEST(Queries, GraduatesNotSeekingAreListedOnlyOnRequest) {
    Harness h;
    ASSERT_TRUE(lists(h.get("/v1/jobs/j1/candidates?k=50").json(), "graduate_id", "g2"));
    Graduate idle = make_graduate("g2", "I1", "P1", 2);
    idle.seeking = false;
    ASSERT_EQ(h.put("/v1/graduates/g2", encode(idle).dump()).status / 100, 2);
    h.wait_snapshot_current();
    const auto hidden = h.get("/v1/jobs/j1/candidates?k=50");
    ASSERT_EQ(hidden.status, 200) << hidden.body;
    EXPECT_FALSE(lists(hidden.json(), "graduate_id", "g2"));
    EXPECT_TRUE(lists(hidden.json(), "graduate_id", "g1"));
    EXPECT_TRUE(lists(h.get("/v1/jobs/j1/candidates?k=50&include_not_seeking=true").json(),
                      "graduate_id", "g2"));
    // The graduate's own list is not restricted.
    EXPECT_FALSE(h.get("/v1/graduates/g2/matches").json()["matches"].empty());
}

}  // namespace
}  // namespace talentmatch::api::testing
