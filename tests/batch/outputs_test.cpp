// The batch's output layer: atomic publishing, CSV quoting, the HTML report.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "batch/csv_writer.hpp"
#include "batch/progress.hpp"
#include "batch/report_charts.hpp"
#include "batch/report_html.hpp"
#include "batch/report_strings.hpp"
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

ReportData hand_made_report(std::size_t programs) {
    ReportData d;
    d.counts.run_id = 7;
    d.counts.as_of = "2026-06-01";
    d.counts.graduates = 1000;
    d.shortages.push_back({{"s1", "<script>alert(1)</script>", ""}, {"ict", "", ""}, 3, 40, 10, 5});
    d.shortages.push_back({{"bms", "电池管理系统", "Battery management systems"},
                           {"nev.electrical", "", ""},
                           4,
                           9,
                           2,
                           1});
    d.cluster_by_category = {{{"battery", "动力电池", "Power batteries"}},
                             {{"ict", "信息技术", "Information technology"}, {"energy", "", ""}},
                             {{0.5, std::nullopt}}};
    for (std::size_t i = 0; i < programs; ++i) {
        d.programs.push_back({"p" + std::to_string(100 + i),
                              "专业 " + std::to_string(100 + i),
                              "Shenzhen Polytechnic",
                              {"battery", "动力电池", "Power batteries"},
                              120,
                              0.75 - 0.01 * double(i),
                              0.6});
    }
    d.funnel = {100, 80, 60, 50};
    d.changes.has_previous = true;
    d.changes.new_shortages = 2;
    d.changes.new_shortage_skills = {{"bms", "电池管理系统", "Battery management systems"}};
    return d;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(ReportHtml, SelfContainedEscapedAndDeterministic) {
    const ReportData d = hand_made_report(3);
    for (const auto lang : {models::Lang::kEn, models::Lang::kZh}) {
        const std::string html = render_report_html(d, lang);
        EXPECT_EQ(html, render_report_html(d, lang));
        EXPECT_EQ(html.find("<script"), std::string::npos);
        EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
        EXPECT_EQ(html.find("http"), std::string::npos);  // nothing fetched from the network
        EXPECT_EQ(count(html, "<"), count(html, ">"));
        EXPECT_NE(html.find("50 (50.0%)"), std::string::npos);  // funnel: placed
        EXPECT_NE(html.find("</html>"), std::string::npos);
    }
}

TEST(ReportHtml, OutcomesSectionShowsEachProgramsPlacedAndRateInBothLanguages) {
    ReportData d = hand_made_report(3);
    EXPECT_NE(render_report_html(d, models::Lang::kEn).find("No placements recorded"),
              std::string::npos);
    d.outcomes.graduation_year = 2026;
    d.outcomes.graduates = 50;
    d.outcomes.placed = 40;
    d.outcomes.programs.push_back({"p100", "专业 100", "Shenzhen Polytechnic", 50, 40, 30, 0.25});
    const std::string en = render_report_html(d, models::Lang::kEn);
    const std::string zh = render_report_html(d, models::Lang::kZh);
    EXPECT_NE(en.find("What became of the 2026 graduates"), std::string::npos);
    EXPECT_NE(en.find("40 of 50 graduates placed (80.0%)"), std::string::npos);
    EXPECT_NE(en.find("<td class=\"n\">80.0%</td><td class=\"n\">75.0%</td><td class=\"n\">25.0%"),
              std::string::npos);
    EXPECT_NE(zh.find("2026 届毕业生去向"), std::string::npos);
    EXPECT_NE(zh.find("就业率"), std::string::npos);
    EXPECT_EQ(count(en, "<"), count(en, ">"));
}

TEST(ReportHtml, NamesHeaderAndTermsInTheReadersLanguage) {
    const ReportData d = hand_made_report(3);
    const std::string en = render_report_html(d, models::Lang::kEn);
    const std::string zh = render_report_html(d, models::Lang::kZh);
    EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
    EXPECT_NE(zh.find("<html lang=\"zh-CN\">"), std::string::npos);
    EXPECT_NE(en.find("Run 7 · run date 2026-06-01"), std::string::npos);
    EXPECT_NE(zh.find("第 7 次运行 · 运行日期 2026-06-01"), std::string::npos);
    EXPECT_NE(en.find("<a href=\"report.zh.html\" hreflang=\"zh\">中文版</a>"), std::string::npos);
    EXPECT_NE(zh.find("<a href=\"report.html\" hreflang=\"en\">English version</a>"),
              std::string::npos);
    // Skills at their level, clusters and categories: the page's language,
    // the other when that one is missing, the id when both are.
    EXPECT_NE(en.find(">Battery management systems (level 4)<"), std::string::npos);
    EXPECT_NE(zh.find(">电池管理系统（4 级）<"), std::string::npos);
    EXPECT_EQ(en.find("电池管理系统"), std::string::npos);
    EXPECT_NE(zh.find("&lt;script&gt;alert(1)&lt;/script&gt;（3 级）"), std::string::npos);
    EXPECT_NE(en.find(">Power batteries<"), std::string::npos);
    EXPECT_NE(zh.find(">动力电池<"), std::string::npos);
    EXPECT_NE(en.find(">Information technology<"), std::string::npos);
    EXPECT_NE(zh.find(">信息技术<"), std::string::npos);
    EXPECT_NE(zh.find(">energy<"), std::string::npos);
    EXPECT_EQ(zh.find(">battery<"), std::string::npos);
    EXPECT_NE(zh.find("新增紧缺:</b> 电池管理系统"), std::string::npos);
    // Terms explained, the thresholds quoted from the data.
    EXPECT_NE(en.find("<dt>bottleneck level</dt>"), std::string::npos);
    EXPECT_NE(zh.find("<dt>瓶颈等级</dt>"), std::string::npos);
    EXPECT_NE(en.find("Below 0.80 is a shortage, above 1.25 a surplus"), std::string::npos);
    EXPECT_NE(zh.find("低于 0.80 为紧缺，高于 1.25 为富余"), std::string::npos);
}

TEST(ReportHtml, EveryProgramIsListedAndTheChartSaysWhichItShows) {
    const ReportData few = hand_made_report(25), many = hand_made_report(57);
    const std::string en_few = render_report_html(few, models::Lang::kEn);
    EXPECT_NE(en_few.find("The chart shows all 25 programs."), std::string::npos);
    for (const auto lang : {models::Lang::kEn, models::Lang::kZh}) {
        const std::string html = render_report_html(many, lang);
        EXPECT_EQ(count(html, "<tr><td class=\"n\">"), 57u);  // the table: every program
        for (const auto& p : many.programs)
            EXPECT_NE(html.find("<td>" + p.program_name + "</td>"), std::string::npos);
        // The chart: 15 best and 10 worst, with the institution.
        EXPECT_EQ(count(html, "text-anchor=\"end\">专业 "), 25u);
        EXPECT_NE(html.find(">专业 100 · Shenzhen Polytechnic</text>"), std::string::npos);
        EXPECT_EQ(html.find(">专业 115 · "), std::string::npos);
        EXPECT_NE(html.find(">专业 156 · "), std::string::npos);
    }
    EXPECT_NE(render_report_html(many, models::Lang::kEn)
                  .find("the best 15 and the worst 10 of 57 programs; the table below lists every "
                        "program"),
              std::string::npos);
    EXPECT_NE(
        render_report_html(many, models::Lang::kZh).find("57 个专业中最好的 15 个和最差的 10 个"),
        std::string::npos);
}

// No label is cut: the label column of a chart is at least as wide as the
// label's estimated width, whatever its script.
TEST(ReportCharts, LabelColumnsFitTheLongestLabel) {
    EXPECT_DOUBLE_EQ(text_width("ab", 10), 12.4);
    EXPECT_DOUBLE_EQ(text_width("电池", 10), 20);
    const std::string long_label(90, 'W');
    const std::string svg = shortage_svg({{long_label, {3, 2, 1}}}, {"d", "s", "p"});
    // The label is right-aligned at x = label column - 6; it starts at x - width >= 0.
    const auto x_at = svg.find("<text x=\"") + 9;
    const double x = std::stod(svg.substr(x_at));
    EXPECT_GE(x - text_width(long_label, 12), 0);
    std::string chinese;
    for (int i = 0; i < 40; ++i) chinese += "电";
    const std::string heat = heatmap_svg({chinese}, {chinese}, {{1.0}}, {"a", "b", "c", "d"});
    const auto width_at = heat.find("width=\"") + 7;
    EXPECT_GE(std::stod(heat.substr(width_at)), 2 * text_width(chinese, 12) * 0.7);
}

TEST(ReportStrings, BothLanguagesCarryTheSamePlaceholders) {
    auto placeholders = [](std::string_view text) {
        std::vector<std::string> out;
        for (auto at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1))
            out.emplace_back(text.substr(at, text.find('}', at) - at + 1));
        std::sort(out.begin(), out.end());
        return out;
    };
    for (int i = 0; i < int(ReportText::kCount); ++i) {
        const auto key = ReportText(i);
        EXPECT_FALSE(report_text(key, models::Lang::kEn).empty());
        EXPECT_FALSE(report_text(key, models::Lang::kZh).empty());
        EXPECT_EQ(placeholders(report_text(key, models::Lang::kEn)),
                  placeholders(report_text(key, models::Lang::kZh)))
            << i;
    }
    EXPECT_EQ(fill("{a} and {b}, {a}{c", {{"a", "1"}, {"b", "{a}"}}), "1 and {a}, 1{c");
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
    EXPECT_FALSE(d.placements_compared);  // no outcomes.csv then
}

TEST(RunDiff, CountsGraduatesPlacedSinceInTheSameOutcomesYear) {
    TempDir dir;
    std::ofstream(dir.path / "outcomes.csv")
        << "scope,id,name,institution_id,cluster,graduation_year,graduates,placed\n"
           "program,p1,,i1,ict,2026,10,4\nprogram,p2,,i1,ict,2026,10,7\n"
           "program,p3,,i1,ict,2026,5,5\ninstitution,i1,,i1,,2026,25,16\n"
           "total,,,,,2026,25,16\n";
    DiffInputs now;
    now.outcomes_year = 2026;
    now.placed_per_program = {{"p1", 6}, {"p2", 7}, {"p3", 4}, {"p4", 1}};
    const RunDiff d = diff_against(dir.path, now);
    EXPECT_TRUE(d.placements_compared);
    EXPECT_EQ(d.placed_since, 3);  // p1 +2, p4 +1; p3 fell by one (a correction)
    ASSERT_EQ(d.placed_changes.size(), 3u);
    EXPECT_EQ(d.placed_changes[0].program_id, "p1");
    EXPECT_EQ(d.placed_changes[1].current_placed, 4);
    now.outcomes_year = 2027;  // a new cohort: nothing to compare with
    EXPECT_FALSE(diff_against(dir.path, now).placements_compared);
}

}  // namespace
}  // namespace talentmatch::batch
