// The nightly batch's answers checked against the store with independent
// code: expired jobs (valid_until before --as-of) appear in no output file,
// graduates who are not seeking in no job's candidate list nor the
// assignment, and the published assignment has no blocking pair by SPEC's
// untruncated rule, found by brute force over every eligible pair from the
// reference scorer (even with --depth 1, which truncated lists before).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "batch/nightly_batch.hpp"
#include "matcher/score/reference_scorer.hpp"
#include "store/store.hpp"
#include "tests/batch/file_text.hpp"
#include "tests/common/credited_profile_reference.hpp"

namespace talentmatch::batch {
namespace {
namespace fs = std::filesystem;

using testing::file_text;

// Rows of a CSV without quoted commas (ids and numbers only).
std::vector<std::vector<std::string>> csv_rows(const fs::path& p) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(file_text(p));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ls(line);
        std::string c;
        while (std::getline(ls, c, ',')) cells.push_back(c);
        rows.push_back(cells);
    }
    return rows;
}

class AssignmentTruth : public ::testing::Test {
  protected:
    static fs::path root, db;
    static std::vector<Job> jobs;
    static std::vector<Graduate> graduates;
    static void SetUpTestSuite() {
        root = fs::temp_directory_path() / ("tm_truth_" + std::to_string(::getpid()));
        fs::create_directories(root);
        db = root / "tm.db";
        const std::string bin = TALENTMATCH_BIN;
        ASSERT_EQ(std::system((bin + " generate --preset tiny --seed 5 --date 2026-12-01 --out " +
                               (root / "data").string() + " >/dev/null 2>&1")
                                  .c_str()),
                  0);
        ASSERT_EQ(std::system((bin + " import --db " + db.string() + " " +
                               (root / "data").string() + " >/dev/null 2>&1")
                                  .c_str()),
                  0);
        store::Store s(db.string());
        store::ScanOptions scan;
        s.scan<Job>(scan, [](const Job& j) { jobs.push_back(j); });
        std::vector<Certificate> certificates;
        s.scan<Certificate>(scan, [&](const Certificate& c) { certificates.push_back(c); });
        const auto by_id = talentmatch::testing::certificates_by_id(certificates);
        // As the matcher sees them: certificates credit their evidence.
        s.scan<Graduate>(scan, [&](const Graduate& g) {
            graduates.push_back(talentmatch::testing::with_credited_skills(g, by_id));
        });
    }
    static void TearDownTestSuite() { fs::remove_all(root); }

    static fs::path run(const std::string& out, const std::string& as_of, std::size_t depth) {
        BatchOptions o;
        o.db_path = db;
        o.out_dir = root / out;
        o.threads = 2;
        o.as_of = as_of;
        o.assignment_depth = depth;
        return run_batch(o).run_dir;
    }
};
fs::path AssignmentTruth::root, AssignmentTruth::db;
std::vector<Job> AssignmentTruth::jobs;
std::vector<Graduate> AssignmentTruth::graduates;

TEST_F(AssignmentTruth, ExpiredJobsAppearInNoOutputFile) {
    const std::string as_of = "2027-03-15";
    std::set<std::string> expired;
    std::int64_t expired_openings = 0;
    for (const auto& j : jobs) {
        if (!j.valid_until.empty() && j.valid_until < as_of) {
            expired.insert(j.id);
            expired_openings += j.headcount;
        }
    }
    ASSERT_GT(expired.size(), 5u);
    ASSERT_LT(expired.size(), jobs.size());
    const fs::path dir = run("out_expiry", as_of, 20);
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string text = file_text(e.path());
        ++files;
        for (const auto& id : expired) {
            // ids are fixed-width, so a substring match is the id itself
            EXPECT_EQ(text.find(id), std::string::npos) << id << " in " << e.path().filename();
        }
    }
    EXPECT_GT(files, 15);
    const auto summary = nlohmann::json::parse(file_text(dir / "summary.json"));
    EXPECT_EQ(summary.at("counts").at("expired_jobs").get<std::size_t>(), expired.size());
    EXPECT_EQ(summary.at("counts").at("expired_openings").get<std::int64_t>(), expired_openings);
    EXPECT_EQ(summary.at("counts").at("jobs").get<std::size_t>(), jobs.size() - expired.size());
    EXPECT_EQ(summary.at("as_of"), as_of);
}

TEST_F(AssignmentTruth, GeneratedJobsAreMostlyValidOnTheGenerationDate) {
    std::size_t valid = 0;
    for (const auto& j : jobs) valid += j.valid_until >= "2026-12-01";
    EXPECT_GT(valid * 10, jobs.size() * 8);  // > 80 %
}

TEST_F(AssignmentTruth, NotSeekingGraduatesAreInNoCandidateListNorTheAssignment) {
    std::set<std::string> idle;
    for (const auto& g : graduates) {
        if (!g.seeking) idle.insert(g.id);
    }
    ASSERT_FALSE(idle.empty());
    const fs::path dir = run("out_seeking", "2000-01-01", 20);
    int listed = 0;
    for (const auto& row : csv_rows(dir / "graduates_per_job.csv")) {
        EXPECT_EQ(idle.count(row.at(2)), 0u) << row.at(2);
        ++listed;
    }
    EXPECT_GT(listed, 50);
    for (const auto& row : csv_rows(dir / "assignment.csv")) EXPECT_EQ(idle.count(row.at(0)), 0u);
}

TEST_F(AssignmentTruth, NoBlockingPairOverEveryEligiblePairEvenWithDepthOne) {
    const fs::path dir = run("out_depth1", "2000-01-01", 1);
    std::map<std::string, std::string> job_of;
    for (const auto& row : csv_rows(dir / "assignment.csv")) job_of[row.at(0)] = row.at(1);
    ASSERT_GT(job_of.size(), 10u);
    const matcher::ScoreConfig config;
    // Every acceptable pair (seeking, eligible, coverage >= 0.5), exact score.
    struct Pair {
        std::size_t g, j;
        matcher::PairScore s;
    };
    std::map<std::pair<std::size_t, std::size_t>, matcher::PairScore> score;
    std::vector<Pair> pairs;
    for (std::size_t g = 0; g < graduates.size(); ++g) {
        if (!graduates[g].seeking) continue;
        for (std::size_t j = 0; j < jobs.size(); ++j) {
            const auto s = matcher::reference_score(graduates[g], jobs[j], config);
            if (!s || std::uint64_t(s->cov_num) * 2 < s->cov_den) continue;
            pairs.push_back({g, j, *s});
            score[{g, j}] = *s;
        }
    }
    std::map<std::string, std::size_t> job_index;
    for (std::size_t j = 0; j < jobs.size(); ++j) job_index[jobs[j].id] = j;
    std::vector<std::vector<std::size_t>> holders(jobs.size());
    for (std::size_t g = 0; g < graduates.size(); ++g) {
        const auto it = job_of.find(graduates[g].id);
        if (it == job_of.end()) continue;
        const std::size_t j = job_index.at(it->second);
        ASSERT_TRUE(score.count({g, j})) << "assigned pair is not acceptable";
        holders[j].push_back(g);
    }
    // ids sort as indices here (scan order is id order)
    int blocking = 0;
    for (const Pair& p : pairs) {
        const auto mine = job_of.find(graduates[p.g].id);
        if (mine != job_of.end()) {
            const std::size_t cur = job_index.at(mine->second);
            const int c = matcher::compare_scores(p.s, score.at({p.g, cur}));
            if (c < 0 || (c == 0 && p.j >= cur)) continue;  // not preferred
        }
        bool wants = holders[p.j].size() < std::size_t(jobs[p.j].headcount);
        for (std::size_t h : holders[p.j]) {
            const int c = matcher::compare_scores(p.s, score.at({h, p.j}));
            if (c > 0 || (c == 0 && p.g < h)) wants = true;
        }
        blocking += wants;
    }
    EXPECT_EQ(blocking, 0);
    const auto a = nlohmann::json::parse(file_text(dir / "assignment.json"));
    EXPECT_EQ(a.at("blocking_pairs").get<int>(), 0);
    EXPECT_TRUE(a.at("blocking_pairs_check").at("method").get<std::string>().starts_with("exact"));
    EXPECT_LE(a.at("weight").get<double>(), a.at("max_weight_upper_bound").get<double>());

    // The maximum-weight assignment over the same pairs (networkx min-cost
    // flow, weights in millionths) lies between the weight and the bound.
    const fs::path file = root / "pairs.txt";
    {
        std::ofstream out(file);
        out << graduates.size() << " " << jobs.size() << "\n";
        for (const auto& j : jobs) out << j.headcount << "\n";
        for (const Pair& p : pairs)
            out << p.g << " " << p.j << " " << std::llround(p.s.score() * 1e6) << "\n";
    }
    const std::string cmd = "/usr/bin/python3 " TALENTMATCH_SOURCE_DIR
                            "/tests/batch/max_weight_assignment.py " +
                            file.string();
    FILE* pipe = popen(cmd.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string text;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
    ASSERT_EQ(pclose(pipe), 0) << cmd;
    const double optimum = nlohmann::json::parse(text).at("total").get<double>() / 1e6;
    const double slack = 1e-6 * double(pairs.size());
    EXPECT_LE(a.at("weight").get<double>(), optimum + slack);
    EXPECT_LE(optimum, a.at("max_weight_upper_bound").get<double>() + slack);
    std::cout << "tiny preset: stable " << a.at("weight").get<double>() << ", max-weight "
              << optimum << ", bound " << a.at("max_weight_upper_bound").get<double>() << "\n";
}

}  // namespace
}  // namespace talentmatch::batch
