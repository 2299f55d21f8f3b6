// The nightly batch end to end on generated data imported into a temp SQLite
// file: determinism (threads, shard size, re-runs), stability of the published
// assignment, diagnostics against a brute-force oracle, and kill -9 at random
// points of the real binary leaving the previous results intact.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api/snapshot_holder.hpp"
#include "batch/diagnostics.hpp"
#include "batch/nightly_batch.hpp"
#include "batch/report_html.hpp"
#include "batch/run_diff.hpp"
#include "batch/run_publisher.hpp"
#include "batch/snapshot_loader.hpp"
#include "matcher/query/explanation.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/place_names.hpp"
#include "store/store.hpp"
#include "tests/batch/file_text.hpp"
#include "tests/common/connection_reference.hpp"
#include "tests/common/credited_profile_reference.hpp"
#include "tests/common/snapshot_equality.hpp"

namespace talentmatch::batch {
namespace {
namespace fs = std::filesystem;

using testing::file_text;

int run_command(const std::string& cmd) {
    return std::system((cmd + " >/dev/null 2>&1").c_str());
}

// One generated + imported tiny data set shared by the suite.
class NightlyBatch : public ::testing::Test {
  protected:
    static fs::path root;
    static fs::path db;
    static void SetUpTestSuite() {
        root = fs::temp_directory_path() / ("tm_batch_" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
        db = root / "t.db";
        const std::string bin = TALENTMATCH_BIN;
        ASSERT_EQ(run_command(bin + " generate --preset tiny --seed 11 --out " +
                              (root / "data").string()),
                  0);
        ASSERT_EQ(run_command(bin + " import --db " + db.string() + " " + (root / "data").string()),
                  0);
    }
    static void TearDownTestSuite() { fs::remove_all(root); }

    static BatchResult run(const fs::path& out, int threads, std::size_t shard = 65536) {
        BatchOptions o;
        o.db_path = db;
        o.out_dir = out;
        o.threads = threads;
        o.shard_graduates = shard;
        return run_batch(o);
    }
};
fs::path NightlyBatch::root;
fs::path NightlyBatch::db;

// `serve` (the API's mirror of the change log, api/snapshot_holder.hpp) and
// the batch (full scans, snapshot_loader.hpp) publish the same snapshot from
// one store, and the same connection snapshots; the run date leaves every
// job valid, so the batch drops none.
TEST_F(NightlyBatch, ServeAndTheBatchPublishTheSameSnapshot) {
    store::Store store(db.string());
    StageReporter rep({{"snapshot", 1}}, {}, {});
    const auto loaded = load_snapshot(store, rep, "2000-01-01");
    ASSERT_EQ(loaded.expired_jobs, 0u);
    const auto served = api::build_snapshot(store);
    ASSERT_NE(served, nullptr);
    ASSERT_GT(loaded.snapshot->graduates.size(), 0u);
    ASSERT_GT(loaded.snapshot->jobs.size(), 0u);
    talentmatch::testing::expect_same_snapshot(*loaded.snapshot, *served);
}

// `text` with every `from` replaced by `to`.
std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// name -> bytes of every file of a run except run.json (times, run id); the
// reports' header names the run's number (run.json's run_id), written as "#" here.
std::map<std::string, std::string> result_files(const fs::path& dir, bool with_diff = true) {
    std::map<std::string, std::string> files;
    const std::string id =
        std::to_string(nlohmann::json::parse(file_text(dir / "run.json")).at("run_id").get<int>());
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name == "run.json") continue;
        const bool report = name.rfind("report", 0) == 0;
        if (!with_diff && (name.rfind("diff", 0) == 0 || name == "summary.json" || report))
            continue;
        files[name] = file_text(e.path());
        if (report) {
            files[name] = replace_all(replace_all(files[name], "Run " + id + " ", "Run # "),
                                      "第 " + id + " 次", "第 # 次");
        }
    }
    return files;
}

void expect_same_files(const std::map<std::string, std::string>& a,
                       const std::map<std::string, std::string>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [name, bytes] : a) {
        ASSERT_TRUE(b.count(name)) << name;
        EXPECT_TRUE(bytes == b.at(name)) << name << " differs";
    }
}

TEST_F(NightlyBatch, OneAndTwoThreadsAndAnyShardSizeGiveIdenticalFiles) {
    const auto one = run(root / "det1", 1);
    const auto two = run(root / "det2", 2, 64);  // 64-graduate shards: several merges
    const auto a = result_files(one.run_dir), b = result_files(two.run_dir);
    EXPECT_GE(a.size(), 20u);
    expect_same_files(a, b);
}

TEST_F(NightlyBatch, ReRunOnUnchangedDataIsByteIdentical) {
    const fs::path out = root / "rerun";
    const auto first = run(out, 2);
    const auto second = run(out, 2);
    const auto third = run(out, 1);
    EXPECT_NE(first.run_dir, second.run_dir);
    // Against run 1 everything but the diff (run 1 had no previous) is identical ...
    expect_same_files(result_files(first.run_dir, false), result_files(second.run_dir, false));
    // ... and once the previous run is the same data, every file is.
    expect_same_files(result_files(second.run_dir), result_files(third.run_dir));
    const auto diff = nlohmann::json::parse(file_text(third.run_dir / "diff.json"));
    EXPECT_TRUE(diff.at("has_previous").get<bool>());
    EXPECT_EQ(diff.at("best_match_changed").get<int>(), 0);
    EXPECT_EQ(latest_run_dir(out)->filename(), third.run_dir.filename());
    // Run history: the three runs succeeded with their summaries.
    store::Store store(db.string());
    const auto run3 = store.get_batch_run(third.run_id);
    ASSERT_TRUE(run3);
    EXPECT_EQ(run3->status, store::RunStatus::kSucceeded);
    EXPECT_NE(run3->summary_json.find("data_hash"), std::string::npos);
}

// outcomes.csv / outcomes.json: the latest graduation year's graduates and
// placed graduates per program, against a count made here from the store.
TEST_F(NightlyBatch, OutcomesCountTheLatestYearsPlacementsAndRepeatByteForByte) {
    std::map<std::string, std::int64_t> graduates, placed;  // per program
    int year = 0;
    {
        store::Store store(db.string());
        std::vector<Graduate> all;
        store.scan<Graduate>({}, [&](const Graduate& g) { all.push_back(g); });
        ASSERT_FALSE(all.empty());
        for (const auto& g : all) year = std::max(year, g.graduation_year);
        std::vector<Employer> employers;
        store.scan<Employer>({}, [&](const Employer& e) { employers.push_back(e); });
        ASSERT_FALSE(employers.empty());
        int n = 0;
        for (const auto& g : all) {
            if (g.graduation_year != year) continue;
            ++graduates[g.program_id];
            if (++n % 3 == 0) continue;  // every third graduate stays unplaced
            ++placed[g.program_id];
            const Placement p{"pl-" + g.id, g.id,         employers[n % employers.size()].id,
                              "",           "2026-07-01", PlacementSource::kSurvey};
            store.upsert(p);
        }
    }
    const auto first = run(root / "outcomes", 1);
    const auto report = nlohmann::json::parse(file_text(first.run_dir / "outcomes.json"));
    EXPECT_EQ(report.at("graduation_year").get<int>(), year);
    std::int64_t total_graduates = 0, total_placed = 0;
    for (const auto& row : report.at("programs")) {
        const std::string id = row.at("id");
        EXPECT_EQ(row.at("graduates").get<std::int64_t>(), graduates[id]) << id;
        EXPECT_EQ(row.at("placed").get<std::int64_t>(), placed[id]) << id;
        total_graduates += graduates[id];
        total_placed += placed[id];
    }
    EXPECT_EQ(report.at("total").at("graduates").get<std::int64_t>(), total_graduates);
    EXPECT_EQ(report.at("total").at("placed").get<std::int64_t>(), total_placed);
    const std::string csv = file_text(first.run_dir / "outcomes.csv");
    EXPECT_EQ(
        csv.rfind("scope,id,name,institution_id,cluster,graduation_year,graduates,placed,", 0), 0u);
    EXPECT_NE(csv.find("\ntotal,"), std::string::npos);
    const auto second = run(root / "outcomes", 2);
    EXPECT_EQ(file_text(second.run_dir / "outcomes.csv"), csv);
    EXPECT_EQ(file_text(second.run_dir / "outcomes.json"),
              file_text(first.run_dir / "outcomes.json"));
}

TEST_F(NightlyBatch, PublishedAssignmentIsStableAndWithinHeadcount) {
    const auto r = run(root / "stable", 0);
    const auto a = nlohmann::json::parse(file_text(r.run_dir / "assignment.json"));
    EXPECT_EQ(a.at("blocking_pairs").get<int>(), 0);
    EXPECT_GT(a.at("placed_graduates").get<int>(), 0);
    const auto f = a.at("funnel");
    EXPECT_GE(f.at("openings").get<int>(), f.at("eligible").get<int>());
    EXPECT_GE(f.at("eligible").get<int>(), f.at("matched").get<int>());
    EXPECT_GE(f.at("matched").get<int>(), f.at("placed").get<int>());
    // Every job's filled count from the pairs file is within its headcount.
    std::map<std::string, int> filled, headcount;
    const auto pairs = parse_csv(file_text(r.run_dir / "assignment.csv"));
    std::set<std::string> graduates;
    for (std::size_t i = 1; i < pairs.size(); ++i) {
        ++filled[pairs[i][1]];
        EXPECT_TRUE(graduates.insert(pairs[i][0]).second) << "graduate placed twice";
    }
    const auto jobs = parse_csv(file_text(r.run_dir / "assignment_jobs.csv"));
    for (std::size_t i = 1; i < jobs.size(); ++i) headcount[jobs[i][0]] = std::stoi(jobs[i][1]);
    for (const auto& [job, n] : filled) EXPECT_LE(n, headcount.at(job)) << job;
    const auto report = file_text(r.run_dir / "report.html");
    EXPECT_NE(report.find("<svg"), std::string::npos);
    EXPECT_EQ(report.find("<script"), std::string::npos);
}

// The two reports a dean reads: the run's number and date in the header,
// every program by name with its institution, the shortage skills and the
// clusters by their names in the page's language (not ids), terms explained.
TEST_F(NightlyBatch, ReportsInChineseAndEnglishNameEverythingAndSayWhichRun) {
    BatchOptions o;
    o.db_path = db;
    o.out_dir = root / "names";
    o.threads = 2;
    o.as_of = "2026-06-01";
    const auto r = run_batch(o);
    const std::string en = file_text(r.run_dir / "report.html");
    const std::string zh = file_text(r.run_dir / "report.zh.html");
    const std::string id = std::to_string(r.run_id);
    EXPECT_NE(en.find("Run " + id + " · run date 2026-06-01"), std::string::npos);
    EXPECT_NE(zh.find("第 " + id + " 次运行 · 运行日期 2026-06-01"), std::string::npos);
    EXPECT_NE(en.find("<a href=\"report.zh.html\""), std::string::npos);
    EXPECT_NE(zh.find("<a href=\"report.html\""), std::string::npos);
    EXPECT_NE(en.find("bottleneck level</dt>"), std::string::npos);
    EXPECT_NE(zh.find("瓶颈等级</dt>"), std::string::npos);

    store::Store store(db.string());
    StageReporter rep({{"snapshot", 1}}, {}, {});
    const auto loaded = load_snapshot(store, rep, "2026-06-01");
    const auto& s = *loaded.snapshot;
    // Every program is listed (one table row each) by name, with its institution.
    ASSERT_GT(s.programs.size(), 0u);
    for (const auto* html : {&en, &zh}) {
        std::size_t rows = 0;
        for (auto at = html->find("<tr><td class=\"n\">"); at != std::string::npos;
             at = html->find("<tr><td class=\"n\">", at + 1))
            ++rows;
        EXPECT_EQ(rows, s.programs.size());
        for (matcher::Index p = 0; p < s.programs.size(); ++p) {
            ASSERT_FALSE(s.program_name[p].empty());
            EXPECT_NE(
                html->find("<td>" + html_escape(s.program_name[p]) + "</td><td>" +
                           html_escape(s.institution_name[s.programs.institution[p]]) + "</td>"),
                std::string::npos)
                << s.programs.ids[p];
            EXPECT_EQ(html->find(">" + s.programs.ids[p] + "<"), std::string::npos);
        }
    }
    // The overall shortage skills by their names at their level, never by id.
    const auto skills = parse_csv(file_text(r.run_dir / "supply_demand_skills.csv"));
    const auto col = [&](const char* name) {
        return std::size_t(std::find(skills[0].begin(), skills[0].end(), name) - skills[0].begin());
    };
    int named = 0;
    for (std::size_t i = 1; i < skills.size(); ++i) {
        const auto& row = skills[i];
        if (row[col("grouping")] != "overall" || row[col("label")] != "shortage") continue;
        const auto k = s.skills.find(row[col("skill_id")]);
        ASSERT_TRUE(k);
        const std::string level = row[col("bottleneck_level")];
        if (en.find(">" + html_escape(s.skill_name_en[*k]) + " (level " + level + ")<") !=
            std::string::npos) {
            ++named;
            EXPECT_NE(zh.find(">" + html_escape(s.skill_name_zh[*k]) + "（" + level + " 级）<"),
                      std::string::npos)
                << row[col("skill_id")];
        }
        EXPECT_EQ(en.find(">" + row[col("skill_id")]), std::string::npos);
        EXPECT_EQ(zh.find(">" + row[col("skill_id")]), std::string::npos);
    }
    EXPECT_GT(named, 0) << "no shortage skill shown by name";
    // Clusters (heatmap rows, table column) by their shipped names.
    int clusters = 0;
    for (const auto& c : s.clusters.all()) {
        const auto* place = models::find_place(models::PlaceKind::kCluster, c);
        if (place == nullptr) continue;
        ++clusters;
        EXPECT_NE(en.find(">" + html_escape(place->name_en) + "<"), std::string::npos) << c;
        EXPECT_NE(zh.find(">" + html_escape(place->name_zh) + "<"), std::string::npos) << c;
        EXPECT_EQ(zh.find(">" + c + "<"), std::string::npos) << c;
    }
    EXPECT_GT(clusters, 0);
}

TEST_F(NightlyBatch, RelaxationCountsMatchABruteForceOverExplanations) {
    store::Store store(db.string());
    StageReporter rep({{"snapshot", 1}}, {}, {});
    const auto loaded = load_snapshot(store, rep, "2000-01-01");
    const auto& s = *loaded.snapshot;
    AssignmentStage nothing;
    nothing.capacity.assign(s.jobs.size(), 1);  // all unfilled
    nothing.first_choice.assign(s.graduates.size(), matcher::kUnassigned);
    nothing.filled.assign(s.jobs.size(), 0);
    nothing.acceptable_proposers.assign(s.jobs.size(), 0);
    nothing.assignment.job_of.assign(s.graduates.size(), matcher::kUnassigned);
    matcher::TopKLists empty_g, empty_j, empty_p;
    empty_g.offsets.assign(s.graduates.size() + 1, 0);
    empty_j.offsets.assign(s.jobs.size() + 1, 0);
    empty_p.offsets.assign(s.programs.size() + 1, 0);
    const Diagnostics d = diagnose(s, nothing, empty_g, empty_j, empty_p, {}, 1000, 2);
    int checked = 0;
    for (const auto& u : d.unfilled_jobs) {
        if (!u.relaxation_analysed) continue;
        std::uint64_t eligible = 0;
        std::map<std::string, std::uint64_t> added;
        for (matcher::Index g = 0; g < s.graduates.size(); ++g) {
            if (!s.graduates.seeking[g]) continue;
            const auto e =
                matcher::explain_indices(s, matcher::CandidateKind::kGraduates, g, u.job);
            if (e.failed_gates.empty()) ++eligible;
            if (e.failed_gates.size() == 1 &&
                e.failed_gates[0].kind == matcher::GateKind::kMustHaveSkill &&
                e.failed_gates[0].has == e.failed_gates[0].needs - 1) {
                ++added[e.failed_gates[0].id];
            }
        }
        EXPECT_EQ(u.eligible_seeking, eligible) << s.jobs.ids[u.job];
        for (const auto& r : u.relaxations) {
            EXPECT_EQ(r.added_graduates, added[r.skill_id])
                << s.jobs.ids[u.job] << " " << r.skill_id;
        }
        ++checked;
    }
    EXPECT_GT(checked, 10);
}

// Runs the binary, kills it with SIGKILL after `delay`; returns true if it had
// already exited on its own.
// With `wait` it waits for the exit instead (delay ignored) and returns true.
bool run_and_kill(const std::string& db, const fs::path& out, std::chrono::microseconds delay,
                  bool wait) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execl(TALENTMATCH_BIN, TALENTMATCH_BIN, "batch", "--db", db.c_str(), "--out", out.c_str(),
              "--threads", "2", static_cast<char*>(nullptr));
        _exit(127);
    }
    if (wait) {
        int status = 0;
        waitpid(pid, &status, 0);
        return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    std::this_thread::sleep_for(delay);
    const bool finished = waitpid(pid, nullptr, WNOHANG) == pid;
    if (!finished) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    return finished;
}

TEST_F(NightlyBatch, KillNineAtRandomPointsLeavesThePreviousRunIntact) {
    const fs::path out = root / "killed";
    run(out, 2);
    const auto second = run(out, 2);  // a reference run with a previous one: its files are final
    const auto reference = result_files(second.run_dir);
    // One uninterrupted run of the binary (process start included) sets the
    // range of kill times.
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(run_and_kill(db.string(), out, std::chrono::seconds(600), true));
    const auto span = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - t0);
    std::mt19937_64 rng(5);
    std::uniform_int_distribution<long> when(0, span.count());
    int killed_before_publication = 0;
    for (int i = 0; i < 30; ++i) {
        const auto before = latest_run_dir(out);
        run_and_kill(db.string(), out, std::chrono::microseconds(when(rng)), false);
        const auto latest = latest_run_dir(out);
        ASSERT_TRUE(latest) << "latest lost after kill " << i;
        // Whatever run `latest` names is complete and equal to the reference
        // (unchanged data; its previous run is again the same data).
        expect_same_files(reference, result_files(*latest));
        ASSERT_TRUE(fs::exists(*latest / "run.json"));
        if (latest == before) ++killed_before_publication;  // else it published first: fine
    }
    EXPECT_GT(killed_before_publication, 0) << "no kill landed before publication";
    // The next run sweeps the killed runs' staging directories.
    run(out, 1);
    for (const auto& e : fs::directory_iterator(out / "runs")) {
        EXPECT_NE(e.path().extension(), ".tmp") << e.path();
    }
}

// A connection's two list files (row_id,rank,other_id,score,fit,coverage,
// relevance) against SPEC's score computed in the test from the store's
// supplies and demands (tests/common/connection_reference.hpp): the top k of
// every list, in order, with its coverage and fit; a demand's list holds
// available supplies only (as a job's holds seeking graduates). Returns how
// many eligible pairs the supplies' lists were checked against.
template <class Supply, class Demand>
std::size_t expect_reference_lists(const fs::path& per_supply_file, const fs::path& per_demand_file,
                                   const std::vector<Supply>& supplies,
                                   const std::vector<Demand>& demands) {
    const std::size_t k = BatchOptions{}.k;
    const std::string today = matcher::today_utc();
    using Row = std::tuple<std::string, double, double>;  // other id, fit, coverage
    const auto read_lists = [](const fs::path& file) {
        std::map<std::string, std::vector<Row>> lists;
        std::istringstream in(file_text(file));
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            std::vector<std::string> cells;
            std::stringstream cells_in(line);
            for (std::string cell; std::getline(cells_in, cell, ',');) cells.push_back(cell);
            if (cells.size() != 7) ADD_FAILURE() << file << ": " << line;
            if (cells.size() != 7) continue;
            lists[cells[0]].emplace_back(cells[2], std::stod(cells[4]), std::stod(cells[5]));
        }
        return lists;
    };
    const auto expect_top_k = [&](const auto& lists, const std::string& who,
                                  std::vector<talentmatch::testing::RankedPair> want) {
        const auto it = lists.find(who);
        const std::vector<Row> got = it == lists.end() ? std::vector<Row>{} : it->second;
        talentmatch::testing::rank_best_first(want);
        if (want.size() > k) want.resize(k);
        ASSERT_EQ(got.size(), want.size()) << who;
        for (std::size_t i = 0; i < want.size(); ++i) {
            EXPECT_EQ(std::get<0>(got[i]), want[i].id) << who << " #" << i;
            EXPECT_NEAR(std::get<1>(got[i]), want[i].score.fit(), 1e-6) << who;
            EXPECT_NEAR(std::get<2>(got[i]), want[i].score.coverage, 1e-6) << who;
        }
    };
    const auto per_supply = read_lists(per_supply_file);
    const auto per_demand = read_lists(per_demand_file);
    std::size_t listed = 0;
    for (const Supply& v : supplies) {
        std::vector<talentmatch::testing::RankedPair> want;
        for (const Demand& d : demands) {
            if (const auto s = talentmatch::testing::reference_score(v, d, today))
                want.push_back({d.id, *s});
        }
        listed += want.size();
        expect_top_k(per_supply, v.id, std::move(want));
    }
    for (const Demand& d : demands) {
        std::vector<talentmatch::testing::RankedPair> want;
        for (const Supply& v : supplies) {
            if (!talentmatch::testing::offered(v)) continue;
            if (const auto s = talentmatch::testing::reference_score(v, d, today))
                want.push_back({v.id, *s});
        }
        expect_top_k(per_demand, d.id, std::move(want));
    }
    return listed;
}

// Every connection's list files are the reference top k (above).
TEST_F(NightlyBatch, ConnectionListsAreTheReferenceTopK) {
    std::vector<Teacher> teachers;
    std::vector<Project> projects;
    std::vector<ResearchResult> results;
    std::vector<InnovationDemand> demands;
    std::vector<Program> programs;
    std::vector<OccupationalStandard> standards;
    std::vector<TrainingProgram> training;
    std::vector<Job> jobs;
    {
        store::Store store(db.string());
        store.scan<Teacher>({}, [&](const Teacher& v) { teachers.push_back(v); });
        store.scan<Project>({}, [&](const Project& v) { projects.push_back(v); });
        store.scan<ResearchResult>({}, [&](const ResearchResult& v) { results.push_back(v); });
        store.scan<InnovationDemand>({}, [&](const InnovationDemand& v) { demands.push_back(v); });
        std::vector<Certificate> certificates;
        store.scan<Certificate>({}, [&](const Certificate& v) { certificates.push_back(v); });
        std::vector<Course> courses;
        store.scan<Course>({}, [&](const Course& v) { courses.push_back(v); });
        const auto by_id = talentmatch::testing::certificates_by_id(certificates);
        // As the matcher sees them: courses and certificates credit their levels.
        store.scan<Program>({}, [&](const Program& v) {
            programs.push_back(talentmatch::testing::with_credited_curriculum(v, courses, by_id));
        });
        store.scan<TrainingProgram>({}, [&](const TrainingProgram& v) {
            training.push_back(talentmatch::testing::with_credited_skills(v, by_id));
        });
        store.scan<Job>({}, [&](const Job& v) { jobs.push_back(v); });
        store.scan<OccupationalStandard>(
            {}, [&](const OccupationalStandard& v) { standards.push_back(v); });
    }
    ASSERT_GE(teachers.size(), 10u);
    ASSERT_GE(projects.size(), 10u);
    ASSERT_GE(results.size(), 10u);
    ASSERT_GE(demands.size(), 10u);
    ASSERT_GE(standards.size(), 10u);
    const auto result = run(root / "connections", 2);
    // Enough eligible pairs that the comparison means something.
    EXPECT_GT(
        expect_reference_lists(result.run_dir / "projects_per_teacher.csv",
                               result.run_dir / "teachers_per_project.csv", teachers, projects),
        50u);
    EXPECT_GT(expect_reference_lists(result.run_dir / "innovation_demands_per_research_result.csv",
                                     result.run_dir / "research_results_per_innovation_demand.csv",
                                     results, demands),
              20u);
    EXPECT_GT(expect_reference_lists(result.run_dir / "occupational_standards_per_program.csv",
                                     result.run_dir / "programs_per_occupational_standard.csv",
                                     programs, standards),
              10u);
    ASSERT_GE(training.size(), 3u);
    EXPECT_GT(
        expect_reference_lists(result.run_dir / "jobs_per_training_program.csv",
                               result.run_dir / "training_programs_per_job.csv", training, jobs),
        20u);
    const auto summary = nlohmann::json::parse(file_text(result.run_dir / "summary.json"));
    EXPECT_EQ(summary["counts"]["teachers"].get<std::size_t>(), teachers.size());
    EXPECT_EQ(summary["counts"]["occupational_standards"].get<std::size_t>(), standards.size());
    // The report's row per connection: its sizes and the demands whose best
    // supply (by the reference ranking) covers at least the minimum.
    const std::string report = file_text(result.run_dir / "report.html");
    const auto expect_row = [&](const std::string& name, const auto& supplies,
                                const auto& demand_list) {
        const std::string today = matcher::today_utc();
        std::size_t answered = 0, live = 0;
        for (const auto& d : demand_list) {
            std::string ends;  // a project's end_date, a demand's valid_until
            if constexpr (requires { d.end_date; }) ends = d.end_date;
            if constexpr (requires { d.valid_until; }) ends = d.valid_until;
            if (!ends.empty() && ends < today) continue;  // not in the run
            ++live;
            std::vector<talentmatch::testing::RankedPair> ranked;
            for (const auto& v : supplies) {
                if (!talentmatch::testing::offered(v)) continue;
                if (const auto s = talentmatch::testing::reference_score(v, d, today))
                    ranked.push_back({v.id, *s});
            }
            talentmatch::testing::rank_best_first(ranked);
            if (!ranked.empty() &&
                ranked.front().score.coverage >= BatchOptions{}.assignment_min_coverage)
                ++answered;
        }
        const std::string row = "<tr><td>" + name + "</td><td class=\"n\">" +
                                format_count(double(supplies.size())) + "</td><td class=\"n\">" +
                                format_count(double(live)) + "</td><td class=\"n\">" +
                                format_count(double(answered)) + " (";
        EXPECT_NE(report.find(row), std::string::npos) << row;
    };
    expect_row("teachers ↔ enterprise projects", teachers, projects);
    expect_row("research results ↔ innovation demands", results, demands);
    expect_row("programs ↔ occupational standards", programs, standards);
    expect_row("training programs ↔ jobs", training, jobs);
    EXPECT_EQ(summary["counts"]["research_results"].get<std::size_t>(), results.size());
}

TEST_F(NightlyBatch, BadOptionsNameTheField) {
    BatchOptions o;
    o.db_path = root / "missing.db";
    o.out_dir = root / "x";
    o.k = 0;
    try {
        validate(o);
        FAIL() << "no error";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 2u);
        EXPECT_EQ(e.errors()[0].path, "db");
        EXPECT_EQ(e.errors()[1].path, "k");
    }
    EXPECT_FALSE(fs::exists(root / "missing.db"));
}

}  // namespace
}  // namespace talentmatch::batch
