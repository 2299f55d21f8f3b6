// The import/export/summary commands, run as a real process on real files:
// per-item errors name file, line and field; valid rows are never lost;
// --all-or-nothing applies nothing; re-import is idempotent; export then
// import gives the same store.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_fixture.hpp"
#include "store/store.hpp"

namespace talentmatch::store {
namespace {

using testing::ProcessResult;

class ImportCliTest : public testing::CliTest {
  protected:
    void write(const std::string& name, const std::string& text) {
        std::filesystem::create_directories(dir_ / "data");
        std::ofstream(dir_ / "data" / name) << text;
    }

    // Line 3 of jobs.jsonl is malformed JSON, line 4 breaks a domain rule.
    void write_data_set() {
        write("skills.jsonl",
              "{\"id\":\"s1\",\"name_en\":\"Routing\"}\n{\"id\":\"s2\",\"name_en\":\"Python\"}\n");
        write("employers.jsonl",
              "{\"id\":\"emp-1\",\"name\":\"Acme\",\"cluster\":\"ict\","
              "\"district\":\"nanshan\"}\n");
        write("jobs.jsonl",
              "{\"id\":\"j1\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":\"s1\","
              "\"level\":3}]}\n"
              "{\"id\":\"j2\",\"employer_id\":\"emp-1\",\"headcount\":4,\"cluster\":\"ict\","
              "\"requirements\":[{\"skill_id\":\"s2\",\"level\":2,\"weight\":9}]}\n"
              "{\"id\":\"j3\",\"employer_id\":\n"
              "{\"id\":\"j4\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":\"s1\","
              "\"level\":7}]}\n"
              "{\"id\":\"j5\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":\"s2\","
              "\"level\":1}]}\n");
    }

    std::string data_dir() const { return (dir_ / "data").string(); }
};

TEST_F(ImportCliTest, RejectedItemsNameFileLineAndFieldAndValidOnesAreCommitted) {
    write_data_set();
    const ProcessResult run = talentmatch("import --db " + db_path() + " " + data_dir());
    EXPECT_EQ(run.exit_code, 3) << run.output;
    EXPECT_NE(run.output.find("jobs.jsonl:3: "), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("jobs.jsonl:4: requirements[0].level: "), std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("jobs: 3 created, 0 updated, 0 unchanged, 2 invalid"),
              std::string::npos)
        << run.output;
    Store store(db_path());
    EXPECT_EQ(store.count(EntityKind::kJobs), 3);
    EXPECT_TRUE(store.get<Job>("j5"));
    EXPECT_EQ(store.get<Job>("j2")->requirements.at(0).weight, 9);
}

// Skills given by name or alias (both languages, any case) are resolved to
// the one skill they name and said so; an ambiguous or unknown one rejects
// the item with suggestions.
TEST_F(ImportCliTest, SkillNamesAndAliasesResolveWhenUnambiguousAndSuggestWhenNot) {
    write("skills.jsonl",
          "{\"id\":\"s1\",\"name_en\":\"Routing\",\"name_zh\":\"路由\",\"aliases\":[\"OSPF\"]}\n"
          "{\"id\":\"s2\",\"name_en\":\"Python\",\"aliases\":[\"scripting\"]}\n"
          "{\"id\":\"s3\",\"name_en\":\"Bash\",\"aliases\":[\"Scripting\"]}\n");
    write("employers.jsonl", "{\"id\":\"emp-1\",\"name\":\"Acme\"}\n");
    write("jobs.jsonl",
          "{\"id\":\"j1\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":\"ospf\","
          "\"level\":3},{\"skill_id\":\"PYTHON\",\"level\":2}]}\n"
          "{\"id\":\"j2\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":\"路由\","
          "\"level\":2}]}\n"
          "{\"id\":\"j3\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":"
          "\"scripting\",\"level\":2}]}\n"
          "{\"id\":\"j4\",\"employer_id\":\"emp-1\",\"requirements\":[{\"skill_id\":\"Rout\","
          "\"level\":2}]}\n");
    const ProcessResult run = talentmatch("import --db " + db_path() + " " + data_dir());
    EXPECT_EQ(run.exit_code, 3) << run.output;
    EXPECT_NE(run.output.find("jobs.jsonl:1: requirements[0].skill_id: \"ospf\" resolved to "
                              "skill \"s1\""),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("jobs.jsonl:1: requirements[1].skill_id: \"PYTHON\" resolved to "
                              "skill \"s2\""),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("jobs.jsonl:3: requirements[0].skill_id: skill \"scripting\" is "
                              "ambiguous: it names 2 skills, give the id of one: \"s2\" (Python), "
                              "\"s3\" (Bash)"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("jobs.jsonl:4: requirements[0].skill_id: unknown skill \"Rout\"; "
                              "did you mean \"s1\" (路由 / Routing)?"),
              std::string::npos)
        << run.output;
    EXPECT_NE(run.output.find("jobs: 2 created, 0 updated, 0 unchanged, 2 invalid, 3 skill names "
                              "resolved to ids"),
              std::string::npos)
        << run.output;
    Store store(db_path());
    const auto j1 = store.get<Job>("j1");
    ASSERT_TRUE(j1);
    EXPECT_EQ(j1->requirements.at(0).skill_id, "s1");
    EXPECT_EQ(j1->requirements.at(1).skill_id, "s2");
    EXPECT_EQ(store.get<Job>("j2")->requirements.at(0).skill_id, "s1");
    EXPECT_FALSE(store.get<Job>("j3"));
    EXPECT_FALSE(store.get<Job>("j4"));
}

TEST_F(ImportCliTest, AllOrNothingAppliesNothingWhenAnItemIsInvalid) {
    write_data_set();
    const ProcessResult run =
        talentmatch("import --all-or-nothing --db " + db_path() + " " + data_dir());
    EXPECT_EQ(run.exit_code, 4) << run.output;
    Store store(db_path());
    for (EntityKind kind : kAllEntityKinds) EXPECT_EQ(store.count(kind), 0) << to_string(kind);
}

TEST_F(ImportCliTest, ReImportUpdatesAndExportRoundTrips) {
    write_data_set();
    EXPECT_EQ(talentmatch("import --db " + db_path() + " " + data_dir()).exit_code, 3);
    const ProcessResult again = talentmatch("import --db " + db_path() + " " + data_dir());
    EXPECT_NE(again.output.find("jobs: 0 created, 0 updated, 3 unchanged, 2 invalid"),
              std::string::npos)
        << again.output;
    const std::string exported = (dir_ / "exported").string();
    const ProcessResult exported_run =
        talentmatch("export --db " + db_path() + " --out " + exported);
    ASSERT_EQ(exported_run.exit_code, 0) << exported_run.output;
    const std::string copy = (dir_ / "copy.db").string();
    const ProcessResult reimport =
        talentmatch("import --all-or-nothing --db " + copy + " " + exported);
    ASSERT_EQ(reimport.exit_code, 0) << reimport.output;
    Store original(db_path());
    Store round_tripped(copy);
    for (const char* id : {"j1", "j2", "j5"})
        EXPECT_EQ(original.get<Job>(id), round_tripped.get<Job>(id));
    EXPECT_EQ(original.get<Skill>("s2"), round_tripped.get<Skill>("s2"));
    EXPECT_EQ(round_tripped.count(EntityKind::kJobs), 3);
}

TEST_F(ImportCliTest, SummaryPrintsCountsAndOpeningsPerClusterAndDistrict) {
    write_data_set();
    talentmatch("import --db " + db_path() + " " + data_dir());
    const ProcessResult run = talentmatch("summary --db " + db_path());
    ASSERT_EQ(run.exit_code, 0) << run.output;
    EXPECT_NE(run.output.find("per cluster"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("per district"), std::string::npos);
    EXPECT_NE(run.output.find("jobs"), std::string::npos);
}

TEST_F(ImportCliTest, AMissingInputIsAUsageErrorAndAMissingDatabaseTooForSummary) {
    EXPECT_EQ(talentmatch("import --db " + db_path() + " " + (dir_ / "nope").string()).exit_code,
              2);
    EXPECT_EQ(talentmatch("summary --db " + (dir_ / "absent.db").string()).exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(dir_ / "absent.db"));
}

TEST_F(ImportCliTest, AWorkbookIsAUsageErrorSayingHowToSaveItAsCsv) {
    const auto workbook = dir_ / "jobs.xlsx";
    std::ofstream(workbook, std::ios::binary) << std::string("PK\x03\x04\x14\x00\x06\x00", 8);
    const auto run = talentmatch("import --db " + db_path() + " " + workbook.string());
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find("Save As > \"CSV UTF-8"), std::string::npos) << run.output;
    // Renamed to jobs.csv it is read, and refused whole for what it is.
    const auto renamed = dir_ / "jobs.csv";
    std::filesystem::rename(workbook, renamed);
    const auto csv = talentmatch("import --db " + db_path() + " " + renamed.string());
    EXPECT_NE(csv.exit_code, 0);
    EXPECT_NE(csv.output.find("spreadsheet workbook"), std::string::npos) << csv.output;
}

}  // namespace
}  // namespace talentmatch::store
