// Research results <-> innovation demands ("achievement transformation")
// over HTTP: the research_office role and tenancy of the two kinds, their
// rules, CSV bulk, and both query directions checked pair by pair against
// the SPEC score computed here (exact rationals, must-haves, demands past
// valid_until, results not open to transfer, ties by id), not against the
// matcher.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "api_harness.hpp"
#include "match_list_check.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/json_codec.hpp"
#include "tests/common/connection_reference.hpp"

namespace talentmatch::api::testing {
namespace {

using nlohmann::json;

json result(const std::string& id, const std::string& institution, int s1_level = 4,
            bool available = true) {
    return {{"id", id},
            {"institution_id", institution},
            {"title", "固态电池界面改性技术"},
            {"profile", json::array({{{"skill_id", "s1"}, {"level", s1_level}}})},
            {"readiness_level", 6},
            {"available", available},
            {"description", ""}};
}

json demand(const std::string& id, const std::string& employer, int s1_level = 3) {
    return {{"id", id},
            {"employer_id", employer},
            {"association_id", ""},
            {"title", "电池热失控预警"},
            {"problem", "需要在 5 秒内识别电芯热失控前兆"},
            {"requirements",
             json::array(
                 {{{"skill_id", "s1"}, {"level", s1_level}, {"weight", 1}, {"must_have", true}}})},
            {"cluster", ""},
            {"valid_until", "2099-12-31"}};
}

TEST(ResearchDemands, TheResearchOfficeWritesItsOwnResultsAndReadsDemands) {
    Harness h;
    // A research office writes its institution's results; a career office of
    // the same institution does not, nor does another institution's office.
    EXPECT_EQ(h.put("/v1/research_results/r1", result("r1", "I1").dump(), "research_I1").status,
              201);
    const auto foreign = h.put("/v1/research_results/r2", result("r2", "I2").dump(), "research_I1");
    EXPECT_EQ(foreign.status, 422) << foreign.body;
    EXPECT_EQ(foreign.json()["errors"][0]["path"], "institution_id");
    EXPECT_EQ(h.put("/v1/research_results/r3", result("r3", "I1").dump(), "office_I1").status, 403);
    EXPECT_EQ(h.put("/v1/research_results/r2", result("r2", "I2").dump()).status, 201);  // admin
    // Results are offered to the alliance: every role but viewer reads them;
    // a research office's list holds its own.
    EXPECT_EQ(h.get("/v1/research_results/r2", "research_I1").json(), result("r2", "I2"));
    EXPECT_EQ(h.get("/v1/research_results/r1", "assoc_A1").status, 200);
    EXPECT_EQ(h.get("/v1/research_results/r1", "viewer").status, 403);
    const json own = h.get("/v1/research_results", "research_I1").json()["items"];
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0]["id"], "r1");
    EXPECT_EQ(h.get("/v1/research_results", "assoc_A1").json()["items"].size(), 2u);
    EXPECT_EQ(h.del("/v1/research_results/r2", "research_I1").status, 403);

    // Demands are an association's, for its own employers; a research office reads them.
    EXPECT_EQ(h.put("/v1/innovation_demands/d1", demand("d1", "E1").dump(), "assoc_A1").status,
              201);
    const auto other = h.put("/v1/innovation_demands/d2", demand("d2", "E2").dump(), "assoc_A1");
    EXPECT_EQ(other.status, 422) << other.body;
    EXPECT_EQ(other.json()["errors"][0]["path"], "employer_id");
    EXPECT_EQ(h.put("/v1/innovation_demands/d3", demand("d3", "E1").dump(), "research_I1").status,
              403);
    EXPECT_EQ(h.get("/v1/innovation_demands/d1", "research_I1").json(), demand("d1", "E1"));

    // The rules: a readiness level outside 1..9, an empty profile, no requirement.
    json bad = result("r4", "I1");
    bad["readiness_level"] = 10;
    bad["profile"] = json::array();
    const auto r4 = h.put("/v1/research_results/r4", bad.dump(), "research_I1");
    ASSERT_EQ(r4.status, 422) << r4.body;
    std::set<std::string> paths;
    for (const auto& e : json(r4.json()["errors"])) paths.insert(e["path"].get<std::string>());
    EXPECT_EQ(paths, (std::set<std::string>{"profile", "readiness_level"}));
    json no_need = demand("d4", "E1");
    no_need["requirements"] = json::array();
    no_need["valid_until"] = "2026-13-01";
    const auto d4 = h.put("/v1/innovation_demands/d4", no_need.dump(), "assoc_A1");
    ASSERT_EQ(d4.status, 422) << d4.body;
    paths.clear();
    for (const auto& e : json(d4.json()["errors"])) paths.insert(e["path"].get<std::string>());
    EXPECT_EQ(paths, (std::set<std::string>{"requirements", "valid_until"}));

    // The queries follow the same roles.
    h.wait_snapshot_current();
    EXPECT_EQ(h.get("/v1/research_results/r1/innovation_demands", "viewer").status, 403);
    EXPECT_EQ(h.get("/v1/research_results/r1/innovation_demands", "office_I1").status, 403);
    EXPECT_EQ(h.get("/v1/research_results/r1/innovation_demands", "assoc_A1").status, 403);
    EXPECT_EQ(h.get("/v1/research_results/r2/innovation_demands", "research_I1").status, 404);
    const auto mine = h.get("/v1/research_results/r1/innovation_demands", "research_I1");
    ASSERT_EQ(mine.status, 200) << mine.body;
    ASSERT_EQ(mine.json()["matches"].size(), 1u);
    EXPECT_EQ(mine.json()["matches"][0]["innovation_demand_id"], "d1");
    EXPECT_EQ(mine.json()["matches"][0]["title"], "电池热失控预警");
    EXPECT_EQ(h.get("/v1/innovation_demands/d1/research_results", "assoc_A2").status, 403);
    EXPECT_EQ(h.get("/v1/innovation_demands/d1/research_results", "office_I1").status, 403);
    // A research office sees its own results in a demand's list.
    const auto listed = h.get("/v1/innovation_demands/d1/research_results", "research_I1");
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json()["matches"].size(), 1u);
    EXPECT_EQ(listed.json()["matches"][0]["research_result_id"], "r1");
    EXPECT_EQ(
        h.get("/v1/innovation_demands/d1/research_results", "assoc_A1").json()["matches"].size(),
        2u);

    // An institution or employer still referenced cannot be deleted.
    EXPECT_EQ(h.del("/v1/institutions/I1").status, 409);
    EXPECT_EQ(h.del("/v1/research_results/r1", "research_I1").status, 204);
    EXPECT_EQ(h.get("/v1/research_results/r1", "research_I1").status, 404);
}

// An association's own demand (a problem its members share): no employer, its
// cluster stated; the association alone writes it and asks for its results.
TEST(ResearchDemands, AnAssociationSubmitsDemandsOfItsOwn) {
    Harness h;
    ASSERT_EQ(h.put("/v1/research_results/r1", result("r1", "I1").dump(), "research_I1").status,
              201);
    json own = demand("d5", "");
    own["association_id"] = "A1";
    own["cluster"] = "battery";
    const auto created = h.put("/v1/innovation_demands/d5", own.dump(), "assoc_A1");
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(h.get("/v1/innovation_demands/d5", "research_I1").json(), own);

    // Another association neither takes it over nor submits in A1's name.
    json taken = own;
    taken["association_id"] = "A2";
    EXPECT_EQ(h.put("/v1/innovation_demands/d5", taken.dump(), "assoc_A2").status, 403);
    EXPECT_EQ(h.del("/v1/innovation_demands/d5", "assoc_A2").status, 403);
    json forged = own;
    forged["id"] = "d6";
    const auto in_a1s_name = h.put("/v1/innovation_demands/d6", forged.dump(), "assoc_A2");
    ASSERT_EQ(in_a1s_name.status, 422) << in_a1s_name.body;
    EXPECT_EQ(in_a1s_name.json()["errors"][0]["path"], "association_id");

    // The rules: exactly one submitter; an association's own demand states its cluster.
    const auto errors_of = [&](json body) {
        body["id"] = "d7";
        const auto r = h.put("/v1/innovation_demands/d7", body.dump(), "assoc_A1");
        EXPECT_EQ(r.status, 422) << r.body;
        std::set<std::string> paths;
        for (const auto& e : json(r.json()["errors"])) paths.insert(e["path"].get<std::string>());
        return paths;
    };
    json both = own;
    both["employer_id"] = "E1";
    EXPECT_EQ(errors_of(both), std::set<std::string>{"association_id"});
    EXPECT_EQ(errors_of(demand("d7", "")), std::set<std::string>{"association_id"});
    json no_cluster = own;
    no_cluster["cluster"] = "";
    EXPECT_EQ(errors_of(no_cluster), std::set<std::string>{"cluster"});

    // Matched like any demand; its association (alone) asks for its results.
    h.wait_snapshot_current();
    const auto found = h.get("/v1/research_results/r1/innovation_demands", "research_I1");
    ASSERT_EQ(found.status, 200) << found.body;
    ASSERT_EQ(found.json()["matches"].size(), 1u) << found.body;
    EXPECT_EQ(found.json()["matches"][0]["innovation_demand_id"], "d5");
    EXPECT_EQ(found.json()["matches"][0]["employer_id"], "");
    EXPECT_EQ(found.json()["matches"][0]["cluster"], "battery");
    const auto results = h.get("/v1/innovation_demands/d5/research_results", "assoc_A1");
    ASSERT_EQ(results.status, 200) << results.body;
    ASSERT_EQ(results.json()["matches"].size(), 1u);
    EXPECT_EQ(results.json()["matches"][0]["research_result_id"], "r1");
    EXPECT_EQ(h.get("/v1/innovation_demands/d5/research_results", "assoc_A2").status, 403);
    EXPECT_EQ(h.del("/v1/innovation_demands/d5", "assoc_A1").status, 204);
}

TEST(ResearchDemands, BulkCsvTakesDemandsWithAResultPerRow) {
    Harness h;
    const std::string csv =
        "id,employer_id,title,problem,requirements,cluster,valid_until,association_id\n"
        "d1,E1,电池热失控预警,\"识别前兆, 5 秒内\",s1:3:5:must,,2099-12-31,\n"
        "d2,E1,未知技能,,s9:3,,,\n"
        "d3,E2,别家企业,,s1:2,,,\n"
        "d4,,协会共性难题,,s1:2,battery,,A1\n";
    const auto r = h.post("/v1/innovation_demands:bulk", csv, "assoc_A1", "text/csv");
    ASSERT_EQ(r.status, 200) << r.body;
    const json items = r.json()["items"];
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0]["status"], "created") << items[0].dump();
    EXPECT_EQ(items[1]["status"], "invalid");
    EXPECT_EQ(items[1]["errors"][0]["path"], "requirements[0].skill_id");
    EXPECT_EQ(items[2]["status"], "invalid");                     // another association's employer
    EXPECT_EQ(items[3]["status"], "created") << items[3].dump();  // the association's own
    const json d1 = h.get("/v1/innovation_demands/d1", "assoc_A1").json();
    EXPECT_EQ(d1["problem"], "识别前兆, 5 秒内");
    ASSERT_EQ(d1["requirements"].size(), 1u);
    EXPECT_EQ(d1["requirements"][0]["must_have"], true);
}

using talentmatch::testing::rank_best_first;
using talentmatch::testing::RankedPair;
using talentmatch::testing::reference_score;

// A demand's list with a minimum readiness level (technology readiness level,
// 1..9) against the reference: available results at that level or above.
void expect_ready_results(Harness& h, const InnovationDemand& d,
                          const std::vector<ResearchResult>& results, const std::string& today) {
    for (const int min : {4, 7}) {
        std::vector<RankedPair> want;
        for (const ResearchResult& v : results) {
            if (!v.available || v.readiness_level < min) continue;
            if (const auto s = reference_score(v, d, today)) want.push_back({v.id, *s});
        }
        rank_best_first(want);
        const auto got = h.get(
            cat("/v1/innovation_demands/", d.id, "/research_results?k=1000&min_readiness=", min));
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], want, "research_result_id",
                          cat(d.id, " min_readiness=", min));
    }
}

TEST(ResearchDemands, BothDirectionsAgreeWithTheReferenceScoreOnRandomData) {
    Harness h;
    std::mt19937 rng(29);
    const std::vector<std::string> skills = {"s1", "s2", "s3", "s4", "s5", "s6"};
    const std::string today = matcher::today_utc();
    std::vector<ResearchResult> results;
    json result_bodies = json::array();
    for (int i = 0; i < 50; ++i) {
        ResearchResult v;
        v.id = cat("r", 100 + i);
        v.institution_id = std::string(i % 3 == 0 ? "I2" : "I1");
        for (const auto& s : skills) {
            if (rng() % 2) v.profile.push_back({s, static_cast<int>(rng() % 6)});
        }
        if (v.profile.empty()) v.profile.push_back({"s1", 1});
        v.readiness_level = 1 + static_cast<int>(rng() % 9);
        v.available = rng() % 4 != 0;
        result_bodies.push_back(encode(v));
        results.push_back(std::move(v));
    }
    std::vector<InnovationDemand> demands;
    json demand_bodies = json::array();
    const std::string ends[] = {"", "2099-12-31", "2020-06-30", today};
    for (int i = 0; i < 30; ++i) {
        InnovationDemand d;
        d.id = cat("d", 100 + i);
        d.employer_id = i % 2 ? "E2" : "E1";
        d.title = cat("需求 ", i);
        d.valid_until = ends[rng() % 4];
        std::vector<std::string> picked = skills;
        std::shuffle(picked.begin(), picked.end(), rng);
        const int n = 1 + static_cast<int>(rng() % 4);
        for (int r = 0; r < n; ++r) {
            d.requirements.push_back({picked[r], 1 + static_cast<int>(rng() % 5),
                                      1 + static_cast<int>(rng() % 10), rng() % 4 == 0});
        }
        demand_bodies.push_back(encode(d));
        demands.push_back(std::move(d));
    }
    ASSERT_EQ(h.post("/v1/research_results:bulk?atomic=true", result_bodies.dump()).status, 200);
    ASSERT_EQ(h.post("/v1/innovation_demands:bulk?atomic=true", demand_bodies.dump()).status, 200);
    h.wait_snapshot_current();

    std::size_t pairs = 0;
    for (const ResearchResult& v : results) {
        std::vector<RankedPair> want;
        for (const InnovationDemand& d : demands) {
            if (const auto s = reference_score(v, d, today)) want.push_back({d.id, *s});
        }
        rank_best_first(want);
        pairs += want.size();
        const auto got = h.get(cat("/v1/research_results/", v.id, "/innovation_demands?k=1000"));
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], want, "innovation_demand_id", v.id);
    }
    for (const InnovationDemand& d : demands) {
        for (const bool everyone : {false, true}) {
            std::vector<RankedPair> want;
            for (const ResearchResult& v : results) {
                if (!v.available && !everyone) continue;
                if (const auto s = reference_score(v, d, today)) want.push_back({v.id, *s});
            }
            rank_best_first(want);
            const auto got = h.get(cat("/v1/innovation_demands/", d.id, "/research_results?k=1000",
                                       everyone ? "&include_not_available=true" : ""));
            ASSERT_EQ(got.status, 200) << got.body;
            expect_match_list(got.json()["matches"], want, "research_result_id", d.id);
        }
        expect_ready_results(h, d, results, today);
        // A research office sees only its own results.
        std::vector<RankedPair> own;
        for (const ResearchResult& v : results) {
            if (v.institution_id != "I1" || !v.available) continue;
            if (const auto s = reference_score(v, d, today)) own.push_back({v.id, *s});
        }
        rank_best_first(own);
        const auto got =
            h.get(cat("/v1/innovation_demands/", d.id, "/research_results?k=1000"), "research_I1");
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], own, "research_result_id",
                          cat(d.id, " (research_I1)"));
        EXPECT_EQ(
            h.get(cat("/v1/innovation_demands/", d.id, "/research_results"), "assoc_A1").status,
            d.employer_id == "E1" ? 200 : 403);
    }
    EXPECT_GT(pairs, 100u);  // the data is not so sparse that nothing is compared
    EXPECT_EQ(h.get("/v1/innovation_demands/d100/research_results?min_readiness=10").status, 400);

    // An explanation speaks of the pair under the kinds' own keys.
    const auto explained =
        h.get("/v1/research_results/r101/innovation_demands?k=3&explain=true", "research_I1");
    ASSERT_EQ(explained.status, 200) << explained.body;
    const json matches = explained.json()["matches"];
    ASSERT_FALSE(matches.empty());
    for (const auto& m : matches) {
        EXPECT_EQ(m["explanation"]["research_result_id"], "r101");
        EXPECT_EQ(m["explanation"]["innovation_demand_id"], m["innovation_demand_id"]);
        EXPECT_EQ(m["explanation"]["coverage"], m["coverage"]);
        EXPECT_FALSE(m["explanation"].contains("job_id"));
        EXPECT_FALSE(m["explanation"].contains("candidate_id"));
    }
}

}  // namespace
}  // namespace talentmatch::api::testing
