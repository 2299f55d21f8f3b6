// Placement outcomes over HTTP: tenancy (a career office writes and reads
// only its own graduates' placements; associations and viewers see
// aggregates only), bulk per-item errors and idempotent re-submission,
// erasure, and GET /v1/reports/outcomes checked against a count made here.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "api/outcome_report_cache.hpp"
#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

using nlohmann::json;

std::string placement(const std::string& id, const std::string& graduate,
                      const std::string& employer = "E1", const std::string& date = "2026-07-01",
                      const std::string& job = "") {
    return json{
        {"id", id},     {"graduate_id", graduate}, {"employer_id", employer}, {"job_id", job},
        {"date", date}, {"source", "survey"}}
        .dump();
}

TEST(Placements, ACareerOfficeWritesAndReadsOnlyItsOwnGraduatesPlacements) {
    Harness h;
    EXPECT_EQ(
        h.put("/v1/placements/pl-1", placement("pl-1", "g1", "E1", "2026-07-01", "j1"), "office_I1")
            .status,
        201);
    const auto other = h.put("/v1/placements/pl-2", placement("pl-2", "h1"), "office_I1");
    EXPECT_EQ(other.status, 422) << other.body;
    EXPECT_EQ(other.json()["errors"][0]["path"], "graduate_id");
    EXPECT_EQ(h.put("/v1/placements/pl-2", placement("pl-2", "h1"), "office_I2").status, 201);

    EXPECT_EQ(h.get("/v1/placements/pl-1", "office_I1").status, 200);
    EXPECT_EQ(h.get("/v1/placements/pl-1", "office_I2").status, 404);
    EXPECT_EQ(h.del("/v1/placements/pl-1", "office_I2").status, 404);
    EXPECT_EQ(h.get("/v1/placements/pl-1", "assoc_A1").status, 403);
    EXPECT_EQ(h.get("/v1/placements", "viewer").status, 403);
    EXPECT_EQ(h.put("/v1/placements/pl-3", placement("pl-3", "g1"), "assoc_A1").status, 403);

    const auto mine = h.get("/v1/placements", "office_I1").json()["items"];
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0]["id"], "pl-1");
    EXPECT_EQ(h.get("/v1/placements", "admin").json()["items"].size(), 2u);

    // A job must be the employer's; unknown references are 422 at their field.
    const auto wrong_job =
        h.put("/v1/placements/pl-4", placement("pl-4", "g2", "E1", "2026-07-01", "j2"));
    EXPECT_EQ(wrong_job.status, 422) << wrong_job.body;
    EXPECT_EQ(wrong_job.json()["errors"][0]["path"], "job_id");
    const auto bad_date = h.put("/v1/placements/pl-4", placement("pl-4", "g2", "E1", "July"));
    EXPECT_EQ(bad_date.status, 422);
    EXPECT_EQ(bad_date.json()["errors"][0]["path"], "date");

    EXPECT_EQ(h.del("/v1/placements/pl-1", "office_I1").status, 204);
    EXPECT_EQ(h.get("/v1/placements/pl-1", "office_I1").status, 404);
}

TEST(Placements, BulkGivesAResultPerItemAndAResubmissionIsUnchanged) {
    Harness h;
    const std::string body =
        cat(placement("b1", "g1"), "\n", placement("b2", "nobody"), "\n",
            R"({"id":"b3","graduate_id":"g2","employer_id":"E1",)",
            R"("date":"2026-07-01","source":"rumour"})", "\n", placement("b4", "h1"), "\n");
    const auto r = h.post("/v1/placements:bulk", body, "office_I1", "application/x-ndjson");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    ASSERT_EQ(items.size(), 4u);
    EXPECT_EQ(items[0]["status"], "created");
    EXPECT_EQ(items[1]["status"], "invalid");
    EXPECT_EQ(items[1]["errors"][0]["path"], "graduate_id");
    EXPECT_EQ(items[2]["status"], "invalid");
    EXPECT_EQ(items[2]["errors"][0]["path"], "source");
    EXPECT_EQ(items[3]["status"], "invalid");  // another institution's graduate
    EXPECT_EQ(items[3]["line"], 4);

    const auto again =
        h.post("/v1/placements:bulk", placement("b1", "g1"), "office_I1", "application/x-ndjson");
    EXPECT_EQ(again.json()["items"][0]["status"], "unchanged");

    const std::string csv =
        "id,graduate_id,employer_id,job_id,date,source\n"
        "c1,g2,E1,j1,2026-08-01,employer_report\n"
        "c2,g2,E1,,2026-08-32,survey\n";
    const auto from_csv = h.post("/v1/placements:bulk", csv, "office_I1", "text/csv");
    ASSERT_EQ(from_csv.status, 200) << from_csv.body;
    EXPECT_EQ(from_csv.json()["items"][0]["status"], "created");
    EXPECT_EQ(from_csv.json()["items"][1]["status"], "invalid");
    EXPECT_EQ(from_csv.json()["items"][1]["errors"][0]["path"], "date");
    EXPECT_EQ(h.get("/v1/placements/c1", "office_I1").json()["source"], "employer_report");
}

TEST(Placements, ErasingAGraduateErasesItsPlacements) {
    Harness h;
    ASSERT_EQ(h.put("/v1/placements/pl-1", placement("pl-1", "g1")).status, 201);
    ASSERT_EQ(h.del("/v1/graduates/g1").status, 204);
    EXPECT_EQ(h.get("/v1/placements/pl-1").status, 404);
}

// The report's figures against a count made here from what the test wrote.
// The report is computed once per state of the store and snapshot: every
// write shows in the next answer, and every page of placements is read.
TEST(Placements, OutcomesReportFollowsEveryWriteAndReadsEveryPage) {
    Harness h;
    auto report = [&] {
        const auto r = h.get("/v1/reports/outcomes", "admin");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.json();
    };
    const json before = report();
    EXPECT_EQ(report(), before);  // unchanged state, the same answer
    const std::int64_t placed = before["total"]["placed"];

    // More placements of g1 than one page holds: each is counted.
    std::string body;
    const std::size_t many = OutcomeReportCache::kPage + 50;
    for (std::size_t i = 0; i < many; ++i) body += placement(cat("m", 100000 + i), "g1") + "\n";
    const auto bulk = h.post("/v1/placements:bulk", body, "admin", "application/x-ndjson");
    ASSERT_EQ(bulk.json()["applied"], many) << bulk.body.substr(0, 300);
    const json after_bulk = report();
    EXPECT_EQ(after_bulk["placements_counted"],
              before["placements_counted"].get<std::int64_t>() + std::int64_t(many));
    EXPECT_EQ(after_bulk["total"]["placed"], placed + 1);  // g1, once

    ASSERT_EQ(h.put("/v1/placements/one", placement("one", "g2")).status, 201);
    EXPECT_EQ(report()["total"]["placed"], placed + 2);
    ASSERT_EQ(h.del("/v1/placements/one").status, 204);
    EXPECT_EQ(report()["total"]["placed"], placed + 1);
}

TEST(Placements, OutcomesReportCountsEachGraduateOnceByItsLatestPlacement) {
    Harness h;
    // E3: an employer in another cluster, outside every association.
    ASSERT_EQ(h.put("/v1/employers/E3",
                    R"({"id":"E3","name":"Grid","cluster":"energy","association_id":""})")
                  .status,
              201);
    // 10 more graduates of P1 (I1) in 2026, 3 of P1 in 2025; h1 (P2, I2) stays.
    std::map<std::string, std::pair<std::string, int>> graduates = {
        {"g1", {"P1", 2026}}, {"g2", {"P1", 2026}}, {"h1", {"P2", 2026}}};
    for (int i = 0; i < 13; ++i) {
        const std::string id = cat("x", i);
        const int year = i < 10 ? 2026 : 2025;
        Graduate g = make_graduate(id, "I1", "P1");
        g.graduation_year = year;
        ASSERT_EQ(h.put(cat("/v1/graduates/", id), encode(g).dump()).status, 201);
        graduates[id] = {"P1", year};
    }
    // (id, graduate, employer, date): x0 moves from E1 to E3 (counts in E3's
    // cluster), x1 has two E1 placements, x10 is of 2025.
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> written = {
        {"p01", "g1", "E1", "2026-07-01"}, {"p02", "x0", "E1", "2026-07-01"},
        {"p03", "x0", "E3", "2026-09-01"}, {"p04", "x1", "E1", "2026-07-01"},
        {"p05", "x1", "E1", "2026-08-01"}, {"p06", "x2", "E3", "2026-07-15"},
        {"p07", "x3", "E2", "2026-07-01"}, {"p08", "x4", "E1", "2026-07-01"},
        {"p09", "x5", "E3", "2026-06-30"}, {"p10", "x10", "E1", "2025-07-01"},
        {"p11", "h1", "E2", "2026-07-01"}};
    std::string body;
    for (const auto& [id, g, e, date] : written) body += placement(id, g, e, date) + "\n";
    const auto bulk = h.post("/v1/placements:bulk", body, "admin", "application/x-ndjson");
    ASSERT_EQ(bulk.json()["applied"], written.size()) << bulk.body;
    h.wait_snapshot_current();

    // The oracle: latest placement per graduate, clusters by employer.
    const std::map<std::string, std::string> cluster = {
        {"E1", "battery"}, {"E2", "battery"}, {"E3", "energy"}};
    std::map<std::string, std::pair<std::string, std::string>> latest;  // graduate -> (date+id, e)
    for (const auto& [id, g, e, date] : written) {
        const std::string key = date + id;
        if (!latest.count(g) || latest[g].first < key) latest[g] = {key, e};
    }
    std::map<std::string, std::int64_t> grads, placed, own;
    std::map<std::string, std::map<std::string, std::int64_t>> by_cluster;
    for (const auto& [g, info] : graduates) {
        if (info.second != 2026) continue;
        ++grads[info.first];
        if (!latest.count(g)) continue;
        ++placed[info.first];
        const std::string c = cluster.at(latest[g].second);
        ++by_cluster[info.first][c];
        if (c == "battery") ++own[info.first];  // P1 and P2 are battery programs
    }

    const auto r = h.get("/v1/reports/outcomes?graduation_year=2026", "admin");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto report = r.json();
    EXPECT_EQ(report["graduation_year"], 2026);
    ASSERT_EQ(report["programs"].size(), 2u);
    for (const auto& row : report["programs"]) {
        const std::string p = row["id"];
        EXPECT_EQ(row["graduates"], grads[p]) << p;
        EXPECT_EQ(row["placed"], placed[p]) << p;
        EXPECT_DOUBLE_EQ(row["employment_rate"].get<double>(),
                         static_cast<double>(placed[p]) / static_cast<double>(grads[p]));
        EXPECT_EQ(row["placed_in_own_cluster"], own[p]) << p;
        std::map<std::string, std::int64_t> seen;
        for (const auto& c : row["placed_by_cluster"]) seen[c["cluster"]] = c["placed"];
        EXPECT_EQ(seen, by_cluster[p]) << p;
    }
    EXPECT_EQ(report["total"]["graduates"], grads["P1"] + grads["P2"]);
    EXPECT_EQ(report["total"]["placed"], placed["P1"] + placed["P2"]);
    EXPECT_EQ(report["placements_counted"], written.size() - 1);  // p10 is of 2025

    // The default year is the latest any graduate has.
    EXPECT_EQ(h.get("/v1/reports/outcomes").json()["graduation_year"], 2026);
    EXPECT_EQ(h.get("/v1/reports/outcomes?graduation_year=2025").json()["total"]["placed"], 1);
    EXPECT_EQ(h.get("/v1/reports/outcomes?graduation_year=20x").status, 400);

    // A career office sees its institution's rows only; its total is its own.
    const auto office = h.get("/v1/reports/outcomes?graduation_year=2026", "office_I2").json();
    ASSERT_EQ(office["programs"].size(), 1u);
    EXPECT_EQ(office["programs"][0]["id"], "P2");
    ASSERT_EQ(office["institutions"].size(), 1u);
    EXPECT_EQ(office["total"]["graduates"], 1);
    EXPECT_FALSE(office.contains("placements_counted"));

    // A viewer: P2 (1 graduate) suppressed, P1 (12) shown without cells under 5.
    const auto viewer = h.get("/v1/reports/outcomes?graduation_year=2026", "viewer").json();
    for (const auto& row : viewer["programs"]) {
        if (row["id"] == "P2") {
            EXPECT_TRUE(row["suppressed"].get<bool>());
            EXPECT_TRUE(row["employment_rate"].is_null());
            EXPECT_TRUE(row["placed"].is_null());
        } else {
            EXPECT_FALSE(row["suppressed"].get<bool>());
            EXPECT_EQ(row["placed"], placed["P1"]);
            for (const auto& c : row["placed_by_cluster"]) EXPECT_GE(c["placed"].get<int>(), 5);
        }
    }
}

}  // namespace
}  // namespace talentmatch::api::testing
