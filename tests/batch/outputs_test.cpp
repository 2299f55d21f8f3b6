// The batch's output layer: atomic publishing, CSV quoting, the HTML report.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "batch/csv_writer.hpp"
#include "batch/progress.hpp"
#include "batch/report_html.hpp"
#include "batch/run_diff.hpp"
#include "batch/run_publisher.hpp"
#include "tests/batch/file_text.hpp"

namespace talentmatch::batch {
namespace {
namespace fs = std::filesystem;

using testing::file_text;

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("tm_outputs_" + std::to_string(::getpid()) + "_" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

TEST(RunPublisher, PublishesAndSwapsLatest) {
    TempDir dir;
    EXPECT_FALSE(latest_run_dir(dir.path));
    {
        RunPublisher p(dir.path, "run-1");
        p.write_file("a.csv", "x\n");
        EXPECT_FALSE(latest_run_dir(dir.path));
        p.publish();
    }
    ASSERT_TRUE(latest_run_dir(dir.path));
    EXPECT_EQ(file_text(*latest_run_dir(dir.path) / "a.csv"), "x\n");
    RunPublisher p2(dir.path, "run-2");
    p2.write_file("a.csv", "y\n");
    // Until publish(), readers see run-1 only.
    EXPECT_EQ(file_text(*latest_run_dir(dir.path) / "a.csv"), "x\n");
    p2.publish();
    EXPECT_EQ(latest_run_dir(dir.path)->filename(), "run-2");
    EXPECT_EQ(file_text(dir.path / "runs/run-1/a.csv"), "x\n");
}

TEST(RunPublisher, AbandonedStagingIsSweptAndNeverReadable) {
    TempDir dir;
    {
        RunPublisher p(dir.path, "run-1");
        p.write_file("a.csv", "x\n");
        p.publish();
    }
    {
        RunPublisher killed(dir.path, "run-2");  // never published: like a kill -9
        killed.write_file("a.csv", "half");
    }
    EXPECT_EQ(latest_run_dir(dir.path)->filename(), "run-1");
    EXPECT_TRUE(fs::exists(dir.path / "runs/run-2.tmp"));
    sweep_staging_leftovers(dir.path);
    EXPECT_FALSE(fs::exists(dir.path / "runs/run-2.tmp"));
    EXPECT_TRUE(fs::exists(dir.path / "runs/run-1/a.csv"));
    EXPECT_THROW(RunPublisher(dir.path, "run-1"), std::runtime_error);  // never reused
}

TEST(CsvWriter, QuotesOnlyWhenNeededAndFormatsLocaleFree) {
    CsvWriter w;
    w.cell("id").cell("name").cell("score").end_row();
    w.cell("g-1").cell("a, \"b\"").cell(0.5, 3).end_row();
    w.cell(std::int64_t{-12}).cell("line\nbreak").cell(-0.0000001, 2).end_row();
    EXPECT_EQ(w.text(), "id,name,score\ng-1,\"a, \"\"b\"\"\",0.500\n-12,\"line\nbreak\",0.00\n");
}

TEST(Progress, PlainLinesWhenNotATerminal) {
    std::ostringstream out;
    ProgressPrinter printer(out, false);
    ProgressEvent e{"top-k", 2, 5, 0, 100, "graduates", false, 0, 0};
    printer(e);
    e.done = 50, e.stage_seconds = 1;
    printer(e);
    e.done = 51;
    printer(e);  // same decile: no line
    e.done = 100, e.stage_finished = true, e.stage_seconds = 2;
    printer(e);
    const std::string text = out.str();
    EXPECT_EQ(text.find('\r'), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
    EXPECT_NE(text.find("[2/5] top-k"), std::string::npos);
    EXPECT_NE(text.find("50 graduates/s"), std::string::npos);
}

TEST(Progress, CarriageReturnsOnATerminal) {
    std::ostringstream out;
    ProgressPrinter printer(out, true);
    ProgressEvent e{"assignment", 1, 1, 10, 100, "graduates", false, 1, 0};
    printer(e);
    e.done = 100, e.stage_finished = true;
    printer(e);
    EXPECT_EQ(out.str().front(), '\r');
    EXPECT_NE(out.str().find("ETA"), std::string::npos);
    EXPECT_EQ(format_duration(3725), "1:02:05");
    EXPECT_EQ(format_count(1234567), "1,234,567");
}

TEST(ReportHtml, SelfContainedEscapedAndDeterministic) {
    ReportData d;
    d.counts.graduates = 1000;
    d.shortages.push_back({"s1", "<script>alert(1)</script>", "ict", 40, 10, 5});
    d.cluster_by_category = {{"battery"}, {"ict", "energy"}, {{0.5, std::nullopt}}};
    d.alignment.push_back({"p1", "Mechatronics", 0.75, 0.6});
    d.funnel = {100, 80, 60, 50};
    d.changes.has_previous = true;
    d.changes.new_shortages = 2;
    const std::string html = render_report_html(d);
    EXPECT_EQ(html, render_report_html(d));
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);  // nothing fetched from the network
    EXPECT_EQ(std::count(html.begin(), html.end(), '<') - std::count(html.begin(), html.end(), '>'),
              0);
    EXPECT_NE(html.find("50 (50.0%)"), std::string::npos);  // funnel: placed
    EXPECT_GE(static_cast<int>(html.find("</html>")), 0);
}

TEST(RunDiff, ReportsNewAndResolvedShortagesChangedBestMatchesAndOpenings) {
    TempDir dir;
    {
        std::ofstream(dir.path / "supply_demand_skills.csv")
            << "grouping,group,skill_id,label\noverall,,a,shortage\noverall,,b,shortage\n"
               "cluster,x,c,shortage\noverall,,d,surplus\n";
        std::ofstream(dir.path / "best_matches.csv")
            << "graduate_id,job_id,score\ng1,j1,0.5\ng2,j2,0.4\ng3,\"j,3\",0.1\n";
        std::ofstream(dir.path / "assignment_jobs.csv")
            << "job_id,headcount,filled\nj1,3,1\nj2,2,2\ngone,1,1\n";
    }
    DiffInputs now;
    now.shortage_skills = {"b", "c"};
    now.best_match = {{"g1", "j1"}, {"g2", "j9"}, {"g4", "j1"}};
    now.job_filled = {{"j1", 3}, {"j2", 2}};
    const RunDiff d = diff_against(dir.path, now);
    EXPECT_TRUE(d.has_previous);
    EXPECT_EQ(d.new_shortages, std::vector<std::string>{"c"});  // c was a cluster row only
    EXPECT_EQ(d.resolved_shortages, std::vector<std::string>{"a"});
    ASSERT_EQ(d.best_match_changes.size(), 3u);  // g2 changed, g3 gone (quoted id), g4 new
    EXPECT_EQ(d.best_match_changes[0].current_job_id, "j9");
    EXPECT_EQ(d.best_match_changes[1].previous_job_id, "j,3");
    EXPECT_EQ(d.best_match_changes[2].graduate_id, "g4");
    EXPECT_EQ(d.openings_filled_since, 2);    // j1: 1 -> 3
    EXPECT_EQ(d.openings_unfilled_since, 1);  // "gone": 1 -> 0
    EXPECT_FALSE(diff_against(std::nullopt, now).has_previous);
}

}  // namespace
}  // namespace talentmatch::batch
