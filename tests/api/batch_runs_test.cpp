// Batch runs over HTTP: POST /v1/batch-runs starts the real nightly batch on
// the server's worker thread, GET polls it, and the result endpoints answer
// from the published files (checked here against those files, read with a
// plain line splitter). Real loopback server, real SQLite file, real threads.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "api_harness.hpp"
#include "models/json_codec.hpp"
#include "store/store.hpp"

namespace talentmatch::api::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path latest_dir(Harness& h) {
    return fs::path(h.db()).parent_path() / "out" / "latest";
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Rows of a result CSV without quoted fields (the seeded ids have no commas),
// split on commas: a reference independent of the CSV reader the API uses.
std::vector<std::vector<std::string>> plain_csv(const fs::path& file) {
    std::istringstream in(read_file(file));
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream cells_in(line);
        std::string cell;
        while (std::getline(cells_in, cell, ',')) cells.push_back(cell);
        rows.push_back(cells);
    }
    return rows;
}

// Two graduates no job accepts (only skill s5, which no job asks for): they
// stay unplaced, one per institution.
void add_unplaceable_graduates(Harness& h) {
    for (const auto& [id, inst, prog] :
         {std::tuple{"g3", "I1", "P1"}, std::tuple{"h2", "I2", "P2"}}) {
        Graduate g = make_graduate(id, inst, prog);
        g.skills = {{"s5", 1, {}}};
        ASSERT_LT(h.put(cat("/v1/graduates/", id), encode(g).dump()).status, 300) << id;
    }
}

json wait_for_run(Harness& h, std::int64_t id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
        const auto r = h.get(cat("/v1/batch-runs/", id));
        EXPECT_EQ(r.status, 200) << r.body;
        const json run = r.json();
        if (run["status"] == "succeeded" || run["status"] == "failed") return run;
        if (std::chrono::steady_clock::now() > deadline) {
            ADD_FAILURE() << "run " << id << " did not finish: " << r.body;
            return run;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::int64_t start_run(Harness& h, const std::string& body = R"({"threads": 1})") {
    const auto r = h.post("/v1/batch-runs", body);
    EXPECT_EQ(r.status, 202) << r.body;
    return r.json().at("id").get<std::int64_t>();
}

std::int64_t run_to_success(Harness& h) {
    const std::int64_t id = start_run(h);
    const json run = wait_for_run(h, id);
    EXPECT_EQ(run["status"], "succeeded") << run.dump();
    return id;
}

// Every item of a paged list, following next_cursor with `limit`.
std::vector<json> all_pages(Harness& h, const std::string& path, const std::string& key,
                            int limit) {
    std::vector<json> items;
    std::string cursor;
    for (int guard = 0; guard < 100; ++guard) {
        std::string url = cat(path, "?limit=", limit);
        if (!cursor.empty()) url += "&cursor=" + cursor;
        const auto r = h.get(url, key);
        EXPECT_EQ(r.status, 200) << url << " " << r.body;
        const json page = r.json();
        for (const auto& item : page["items"]) items.push_back(item);
        if (page["next_cursor"].is_null()) break;
        cursor = page["next_cursor"].get<std::string>();
    }
    return items;
}

std::set<std::string> ids_of(const std::vector<json>& items, const char* field) {
    std::set<std::string> out;
    for (const auto& item : items) out.insert(item.at(field).get<std::string>());
    return out;
}

std::set<std::string> ids_in_json_file(const fs::path& file, const char* field) {
    std::set<std::string> out;
    for (const auto& item : json::parse(read_file(file)))
        out.insert(item.at(field).get<std::string>());
    return out;
}

TEST(BatchRuns, StartPollAndServeTheLatestResults) {
    Harness h;
    add_unplaceable_graduates(h);
    const auto started = h.post("/v1/batch-runs", R"({"threads": 1, "k": 5})");
    ASSERT_EQ(started.status, 202) << started.body;
    const json body = started.json();
    const std::int64_t id = body["id"].get<std::int64_t>();
    EXPECT_EQ(body["status"], "queued");
    EXPECT_EQ(started.headers.at("Location"), cat("/v1/batch-runs/", id));

    const json run = wait_for_run(h, id);
    ASSERT_EQ(run["status"], "succeeded") << run.dump();
    EXPECT_DOUBLE_EQ(run["progress"].get<double>(), 1.0);
    EXPECT_TRUE(run["summary"].contains("run"));  // timings (run.json)
    EXPECT_TRUE(run["summary"]["run"].contains("stage_seconds"));
    EXPECT_EQ(run["summary"]["settings"]["k"], 5) << run["summary"].dump();

    const fs::path dir = latest_dir(h);
    const auto summary = h.get("/v1/batch-runs/latest/summary");
    ASSERT_EQ(summary.status, 200) << summary.body;
    EXPECT_EQ(summary.json()["run_id"], id);
    EXPECT_EQ(summary.json()["summary"], json::parse(read_file(dir / "summary.json")));
    EXPECT_EQ(summary.json()["assignment"], json::parse(read_file(dir / "assignment.json")));

    // Placements: exactly the rows of assignment.csv.
    std::map<std::string, std::string> placed;
    for (const auto& row : plain_csv(dir / "assignment.csv")) placed[row.at(0)] = row.at(1);
    EXPECT_FALSE(placed.empty());
    for (const std::string g : {"g1", "g2", "g3", "h1", "h2"}) {
        const auto r = h.get("/v1/assignment/graduates/" + g);
        ASSERT_EQ(r.status, 200) << g << " " << r.body;
        const json a = r.json();
        EXPECT_EQ(a["run_id"], id);
        EXPECT_EQ(a["placed"].get<bool>(), placed.count(g) == 1) << g;
        if (placed.count(g)) {
            EXPECT_EQ(a["job_id"], placed[g]) << g;
        }
    }
    // Job fills: exactly assignment_jobs.csv.
    for (const auto& row : plain_csv(dir / "assignment_jobs.csv")) {
        const auto r = h.get("/v1/assignment/jobs/" + row.at(0));
        ASSERT_EQ(r.status, 200) << r.body;
        const json j = r.json();
        EXPECT_EQ(j["headcount"], std::stoll(row.at(1)));
        EXPECT_EQ(j["filled"], std::stoll(row.at(2)));
        EXPECT_EQ(j["unfilled"], std::stoll(row.at(3)));
    }
    // Diagnostics: the files' ids, across pages of one item.
    const auto unplaced_file = ids_in_json_file(dir / "unplaced_graduates.json", "graduate_id");
    EXPECT_TRUE(unplaced_file.count("g3") && unplaced_file.count("h2"));
    EXPECT_EQ(ids_of(all_pages(h, "/v1/diagnostics/unplaced-graduates", "admin", 1), "graduate_id"),
              unplaced_file);
    EXPECT_EQ(ids_of(all_pages(h, "/v1/diagnostics/unfilled-openings", "admin", 1), "job_id"),
              ids_in_json_file(dir / "unfilled_openings.json", "job_id"));
    // Aggregates.
    const json sd_file = json::parse(read_file(dir / "supply_demand.json"));
    for (const std::string group_by : {"overall", "cluster", "district"}) {
        const auto r = h.get("/v1/reports/supply-demand?group_by=" + group_by);
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(r.json()["skills"], sd_file[group_by]["skills"]) << group_by;
        EXPECT_EQ(r.json()["groups"], sd_file[group_by]["groups"]) << group_by;
    }
    EXPECT_EQ(h.get("/v1/reports/supply-demand?group_by=city").status, 400);
    const auto alignment = all_pages(h, "/v1/reports/program-alignment", "admin", 1);
    EXPECT_EQ(ids_of(alignment, "program_id"),
              ids_in_json_file(dir / "program_alignment.json", "program_id"));
}

TEST(BatchRuns, ResultsAre404BeforeAnyRunPublished) {
    Harness h;
    for (const std::string path :
         {"/v1/batch-runs/latest/summary", "/v1/assignment/graduates/g1", "/v1/assignment/jobs/j1",
          "/v1/diagnostics/unfilled-openings", "/v1/diagnostics/unplaced-graduates",
          "/v1/reports/supply-demand", "/v1/reports/program-alignment"}) {
        const auto r = h.get(path);
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(r.content_type, "application/problem+json") << path;
        EXPECT_NE(r.body.find("POST /v1/batch-runs"), std::string::npos) << r.body;
    }
}

TEST(BatchRuns, SecondStartWhileOneRunsIs409) {
    Harness h;
    // Hold the first run at its first progress event until the second POST answered.
    std::atomic<bool> reached{false}, release{false};
    h.server().batch_runner().set_progress_observer(
        [&](std::int64_t, const runfmt::ProgressEvent&) {
            reached = true;
            while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        });
    const std::int64_t first = start_run(h);
    while (!reached) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const auto second = h.post("/v1/batch-runs", "{}");
    EXPECT_EQ(second.status, 409) << second.body;
    EXPECT_EQ(second.content_type, "application/problem+json");
    EXPECT_NE(second.json()["detail"].get<std::string>().find(cat("batch run ", first)),
              std::string::npos)
        << second.body;
    // Held at its first progress event: recorded as queued or, once the
    // batch wrote its first stage, running.
    const json held = h.get(cat("/v1/batch-runs/", first)).json();
    EXPECT_TRUE(held["status"] == "queued" || held["status"] == "running") << held.dump();
    release = true;
    EXPECT_EQ(wait_for_run(h, first)["status"], "succeeded");
    // Once it ended, a new run may start.
    const std::int64_t next = start_run(h);
    EXPECT_GT(next, first);
    EXPECT_EQ(wait_for_run(h, next)["status"], "succeeded");
}

TEST(BatchRuns, ShutdownAbandonsARunningBatchAndKeepsThePreviousResults) {
    Harness h;
    const std::int64_t first = run_to_success(h);
    const std::string summary_before = read_file(latest_dir(h) / "summary.json");
    const fs::path target_before = fs::canonical(latest_dir(h));

    BatchRunner& runner = h.server().batch_runner();
    std::atomic<bool> reached{false};
    // Hold the run until the server is shutting down, then let it see the stop.
    runner.set_progress_observer([&](std::int64_t, const runfmt::ProgressEvent&) {
        reached = true;
        while (!runner.stopping()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
    const std::int64_t second = start_run(h);
    while (!reached) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    h.stop();  // joins the worker

    {
        store::Store s(h.db());
        const auto run = s.get_batch_run(second);
        ASSERT_TRUE(run.has_value());
        EXPECT_EQ(run->status, store::RunStatus::kFailed);
        EXPECT_NE(run->error.find("cancelled"), std::string::npos) << run->error;
    }
    EXPECT_EQ(fs::canonical(latest_dir(h)), target_before);
    EXPECT_EQ(read_file(latest_dir(h) / "summary.json"), summary_before);
    h.start();
    EXPECT_EQ(h.get("/v1/batch-runs/latest/summary").json()["run_id"], first);
}

TEST(BatchRuns, BadRequestBodies) {
    Harness h;
    const auto invalid = h.post("/v1/batch-runs", R"({"k": 0, "threads": -1, "colour": 1})");
    ASSERT_EQ(invalid.status, 422) << invalid.body;
    std::set<std::string> paths;
    const json problem = invalid.json();
    for (const auto& e : problem["errors"]) paths.insert(e["path"].get<std::string>());
    EXPECT_EQ(paths, (std::set<std::string>{"k", "threads", "colour"})) << invalid.body;
    EXPECT_EQ(h.post("/v1/batch-runs", "{\"k\":").status, 400);
    EXPECT_EQ(h.post("/v1/batch-runs", "k=3", "admin", "text/plain").status, 415);
    // Nothing was started by the failed requests.
    EXPECT_TRUE(h.get("/v1/batch-runs").json()["items"].empty());
}

TEST(BatchRuns, ErasedGraduateIsNotServedFromTheLatestRun) {
    Harness h;
    add_unplaceable_graduates(h);
    run_to_success(h);
    ASSERT_EQ(h.get("/v1/assignment/graduates/g3").status, 200);
    ASSERT_EQ(h.del("/v1/graduates/g3").status, 204);
    // The published file still names g3; the API does not.
    EXPECT_TRUE(
        ids_in_json_file(latest_dir(h) / "unplaced_graduates.json", "graduate_id").count("g3"));
    EXPECT_EQ(h.get("/v1/assignment/graduates/g3").status, 404);
    for (const std::string key : {"admin", "office_I1"}) {
        const auto ids =
            ids_of(all_pages(h, "/v1/diagnostics/unplaced-graduates", key, 1000), "graduate_id");
        EXPECT_EQ(ids.count("g3"), 0u) << key;
    }
}

TEST(BatchRuns, ViewerSeesSupplySuppressedForSmallGroups) {
    Harness h;
    run_to_success(h);
    // 3 seeking graduates in all: under 5, so the viewer sees no supply.
    const json viewer = h.get("/v1/reports/supply-demand", "viewer").json();
    ASSERT_FALSE(viewer["groups"].empty());
    for (const auto& g : viewer["groups"]) EXPECT_TRUE(g["suppressed"].get<bool>()) << g.dump();
    for (const auto& k : viewer["skills"]) {
        EXPECT_TRUE(k["supply"].is_null()) << k.dump();
        EXPECT_EQ(k["label"], "suppressed");
    }
    const json admin = h.get("/v1/reports/supply-demand", "admin").json();
    for (const auto& k : admin["skills"]) EXPECT_FALSE(k["supply"].is_null()) << k.dump();
}

TEST(BatchRuns, AuthMatrixOfTheNewRoutes) {
    Harness h;
    add_unplaceable_graduates(h);
    run_to_success(h);
    h.wait_snapshot_current();  // association lists filter by the (lagging) snapshot
    struct Case {
        std::string method, path, key;
        int expected;
    };
    std::vector<Case> cases;
    for (const std::string key : {"assoc_A1", "office_I1", "viewer"}) {
        cases.push_back({"POST", "/v1/batch-runs", key, 403});
        cases.push_back({"GET", "/v1/batch-runs/latest/summary", key, 200});
        cases.push_back({"GET", "/v1/reports/supply-demand", key, 200});
        cases.push_back({"GET", "/v1/reports/program-alignment", key, 200});
    }
    const std::map<std::string, std::map<std::string, int>> by_key = {
        {"/v1/assignment/graduates/g1",
         {{"admin", 200},
          {"office_I1", 200},
          {"office_I2", 404},
          {"assoc_A1", 403},
          {"viewer", 403}}},
        {"/v1/assignment/graduates/h1",
         {{"admin", 200},
          {"office_I1", 404},
          {"office_I2", 200},
          {"assoc_A1", 403},
          {"viewer", 403}}},
        {"/v1/assignment/graduates/nobody", {{"admin", 404}, {"office_I1", 404}}},
        {"/v1/assignment/jobs/j1",
         {{"admin", 200},
          {"assoc_A1", 200},
          {"assoc_A2", 404},
          {"office_I1", 403},
          {"viewer", 403}}},
        {"/v1/assignment/jobs/j2", {{"assoc_A1", 404}, {"assoc_A2", 200}}},
        {"/v1/diagnostics/unfilled-openings",
         {{"admin", 200}, {"assoc_A1", 200}, {"office_I1", 403}, {"viewer", 403}}},
        {"/v1/diagnostics/unplaced-graduates",
         {{"admin", 200}, {"office_I1", 200}, {"assoc_A1", 403}, {"viewer", 403}}},
        {"/v1/batch-runs/latest/summary", {{"admin", 200}}},
    };
    for (const auto& [path, expected] : by_key) {
        for (const auto& [key, status] : expected) cases.push_back({"GET", path, key, status});
        cases.push_back({"GET", path, "", 401});
    }
    cases.push_back({"POST", "/v1/batch-runs", "", 401});
    for (const auto& c : cases) {
        const auto r =
            h.send(c.method, c.path, c.method == "POST" ? "{}" : "", c.key, "application/json");
        EXPECT_EQ(r.status, c.expected)
            << c.key << " " << c.method << " " << c.path << " -> " << r.body;
    }
    // Own tenant only, in the lists.
    EXPECT_EQ(ids_of(all_pages(h, "/v1/diagnostics/unplaced-graduates", "office_I1", 1000),
                     "graduate_id"),
              (std::set<std::string>{"g3"}));
    EXPECT_EQ(ids_of(all_pages(h, "/v1/diagnostics/unplaced-graduates", "office_I2", 1000),
                     "graduate_id"),
              (std::set<std::string>{"h2"}));
    for (const std::string key : {"assoc_A1", "assoc_A2"}) {
        const std::string own = key == "assoc_A1" ? "j1" : "j2";
        for (const auto& id :
             ids_of(all_pages(h, "/v1/diagnostics/unfilled-openings", key, 1000), "job_id")) {
            EXPECT_EQ(id, own) << key;
        }
    }
}

// A career office sees only its institution's programs in the aggregate
// program-alignment report, as GET /v1/programs/{id} would; paging with a
// page of 1 still reaches every own row.
TEST(BatchRuns, ProgramAlignmentShowsACareerOfficeOnlyItsOwnPrograms) {
    Harness h;
    run_to_success(h);
    EXPECT_EQ(ids_of(all_pages(h, "/v1/reports/program-alignment", "admin", 1), "program_id"),
              (std::set<std::string>{"P1", "P2"}));
    for (const auto& [key, own] : {std::pair{"office_I1", "P1"}, std::pair{"office_I2", "P2"}}) {
        for (int limit : {1, 1000}) {
            const auto ids =
                ids_of(all_pages(h, "/v1/reports/program-alignment", key, limit), "program_id");
            EXPECT_EQ(ids, (std::set<std::string>{own})) << key << " limit " << limit;
            for (const auto& id : ids) EXPECT_EQ(h.get(cat("/v1/programs/", id), key).status, 200);
        }
    }
}

}  // namespace
}  // namespace talentmatch::api::testing
