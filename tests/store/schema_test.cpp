#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"
#include "store/change_log.hpp"
#include "store/schema.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using SchemaTest = testing::TempDirTest;

std::string pragma(Database& db, const std::string& name) {
    Statement stmt(db, "PRAGMA " + name);
    EXPECT_TRUE(stmt.step());
    return stmt.column_string(0);
}

TEST_F(SchemaTest, MigratesAnEmptyFileToTheLatestVersion) {
    Database db(db_path());
    EXPECT_EQ(schema_version(db), 0);
    EXPECT_EQ(migrate(db), 0);
    EXPECT_EQ(schema_version(db), latest_schema_version());
    for (const char* table : {"skills",
                              "skill_aliases",
                              "certificates",
                              "institutions",
                              "programs",
                              "program_curriculum",
                              "program_certificates",
                              "employers",
                              "jobs",
                              "job_requirements",
                              "job_certificates",
                              "graduates",
                              "graduate_skills",
                              "graduate_skill_evidence",
                              "graduate_certificates",
                              "graduate_districts",
                              "graduate_clusters",
                              "placements",
                              "api_keys",
                              "batch_runs",
                              "meta"}) {
        Statement stmt(db, "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?1");
        stmt.bind(1, std::string_view(table));
        ASSERT_TRUE(stmt.step());
        EXPECT_EQ(stmt.column_int(0), 1) << table;
    }
}

TEST_F(SchemaTest, ReopeningAMigratedFileChangesNothing) {
    { Store store(db_path()); }
    Database db(db_path());
    EXPECT_EQ(migrate(db), latest_schema_version());
    Statement rows(db, "SELECT count(*) FROM schema_version");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_int(0), 1);
}

// A field added to a Description after a file was made: the file's parent
// table lacks its column. Opening the file adds it, the rows already there
// read back with the field's default, and the new field is stored from then
// on. Simulated by dropping columns from a current file (SQLite DROP COLUMN).
// (The store reads a job's requirements in skill id order.)
Job in_stored_order(Job job) {
    std::sort(job.requirements.begin(), job.requirements.end(),
              [](const Requirement& a, const Requirement& b) { return a.skill_id < b.skill_id; });
    return job;
}

TEST_F(SchemaTest, AFileMadeBeforeAFieldWasDescribedGainsItsColumnWithTheDefault) {
    {
        Store store(db_path());
        testing::add_catalog(store);
        store.upsert(testing::make_job("j1"));
    }
    std::int64_t described_columns = 0;
    {
        Database db(db_path());
        Statement count(db, "SELECT count(*) FROM pragma_table_info('jobs')");
        ASSERT_TRUE(count.step());
        described_columns = count.column_int(0);
        db.exec("ALTER TABLE jobs DROP COLUMN valid_until; ALTER TABLE jobs DROP COLUMN headcount");
    }
    Store store(db_path());
    const auto job = store.get<Job>("j1");
    ASSERT_TRUE(job.has_value());
    Job expected = in_stored_order(testing::make_job("j1"));
    expected.valid_until = Job{}.valid_until;  // "" (open-ended)
    expected.headcount = Job{}.headcount;      // 1
    EXPECT_EQ(*job, expected) << encode(*job).dump();

    Job later = in_stored_order(testing::make_job("j2"));
    later.headcount = 7;
    store.upsert(later);
    EXPECT_EQ(store.get<Job>("j2"), later);
    int scanned = 0;
    store.scan<Job>({}, [&](const Job& j) { scanned += j.id == "j2" && j == later ? 1 : 0; });
    EXPECT_EQ(scanned, 1);

    // The column is an ordinary NOT NULL column: nothing else to migrate on the next open.
    Database db(db_path());
    const std::string cookie = pragma(db, "schema_version");
    Statement columns(db, "SELECT count(*) FROM pragma_table_info('jobs')");
    ASSERT_TRUE(columns.step());
    EXPECT_EQ(columns.column_int(0), described_columns);
    { Store again(db_path()); }
    EXPECT_EQ(pragma(db, "schema_version"), cookie);
}

TEST_F(SchemaTest, RefusesAFileNewerThanThisBinary) {
    { Store store(db_path()); }
    {
        Database db(db_path());
        db.exec("UPDATE schema_version SET version = " +
                std::to_string(latest_schema_version() + 1));
    }
    try {
        Store store(db_path());
        FAIL() << "a newer file was opened";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer than this talentmatch knows"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(SchemaTest, ConnectionUsesWalFullSyncForeignKeysAndSecureDelete) {
    Store store(db_path());
    Database db(db_path());
    configure_connection(db, 1000);
    EXPECT_EQ(pragma(db, "journal_mode"), "wal");
    EXPECT_EQ(pragma(db, "synchronous"), "2");  // FULL
    EXPECT_EQ(pragma(db, "foreign_keys"), "1");
    EXPECT_EQ(pragma(db, "secure_delete"), "1");
}

TEST_F(SchemaTest, AFileThatIsNotADatabaseIsAStoreError) {
    {
        std::FILE* f = std::fopen(db_path().c_str(), "wb");
        ASSERT_NE(f, nullptr);
        const std::string junk(4096, 'x');
        std::fwrite(junk.data(), 1, junk.size(), f);
        std::fclose(f);
    }
    EXPECT_THROW(Store store(db_path()), StoreError);
}

TEST_F(SchemaTest, ATransactionRolledBackByAnExceptionLeavesNothing) {
    Database db(db_path());
    migrate(db);
    try {
        Transaction txn(db);
        db.exec("INSERT INTO skills VALUES ('x', 'x', 'x', 'x')");
        throw std::runtime_error("boom");
    } catch (const std::runtime_error&) {
    }
    Statement count(db, "SELECT count(*) FROM skills");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.column_int(0), 0);
    EXPECT_TRUE(db.autocommit());
}

// A file written by a version-1 binary: the v1 tables only, rows inserted
// the way v1 wrote them.
void write_version_1_file(const std::string& path) {
    Database db(path);
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    db.exec(migrations()[0]);
    db.exec(R"sql(
INSERT INTO schema_version VALUES (1);
INSERT INTO skills VALUES ('s1', '技能', 'Skill 1', 'ict'), ('s2', '技能', 'Skill 2', 'ict');
INSERT INTO certificates VALUES ('c1', '证书', 'Cert', 0, '', '');
INSERT INTO institutions VALUES ('i1', 'Poly', 'nanshan', 1);
INSERT INTO programs VALUES ('p1', 'i1', 'Software', '510203', 'ict', 1, 100);
INSERT INTO program_curriculum VALUES ('p1', 's1', 3);
INSERT INTO employers VALUES ('e1', 'Acme', 'ict', 'nanshan', 'a1');
INSERT INTO jobs VALUES ('j1', 'e1', 'Engineer', 'ict', 'nanshan', 2, 1, '2027-01-31');
INSERT INTO job_requirements VALUES ('j1', 's1', 3, 8, 1), ('j1', 's2', 2, 4, 0);
INSERT INTO job_certificates VALUES ('j1', 'c1');
INSERT INTO graduates VALUES ('g1', 'i1', 'p1', 2026, 1, 1);
INSERT INTO graduate_skills VALUES ('g1', 's1', 4);
INSERT INTO graduate_skill_evidence VALUES ('g1', 's1', 0, 0, 'CS101');
UPDATE meta SET value = 7 WHERE key = 'data_version';
)sql");
}

struct CountingSink final : ChangeSink {
    std::size_t size(EntityKind) const override { return 0; }
    void clear(EntityKind) override {}
    void put(const Skill&) override { ++entities; }
    void put(const Certificate&) override { ++entities; }
    void put(const Institution&) override { ++entities; }
    void put(const Program&) override { ++entities; }
    void put(const Employer&) override { ++entities; }
    void put(const Job& v) override { jobs.push_back(v.id); }
    void put(const Graduate&) override { ++entities; }
    void put(const Placement&) override { ++entities; }
    void put(const Teacher&) override { ++entities; }
    void put(const Project&) override { ++entities; }
    void put(const InnovationDemand&) override { ++entities; }
    void put(const ResearchResult&) override { ++entities; }
    void put(const OccupationalStandard&) override { ++entities; }
    void put(const Course&) override { ++entities; }
    void put(const TrainingProgram&) override { ++entities; }
    void erase(EntityKind, const std::string&) override {}
    void retain(EntityKind, const std::vector<std::string>&) override {}
    int entities = 0;
    std::vector<std::string> jobs;
};

TEST_F(SchemaTest, AVersion1FileMigratesToTheChangeLogAndEveryReadPathWorks) {
    write_version_1_file(db_path());
    Store store(db_path());
    EXPECT_EQ(store.schema_version(), latest_schema_version());
    EXPECT_EQ(latest_schema_version(), 9);
    EXPECT_EQ(store.data_version(), 7);

    // Every read path over the migrated rows.
    const auto job = store.get<Job>("j1");
    ASSERT_TRUE(job.has_value());
    ASSERT_EQ(job->requirements.size(), 2u);
    EXPECT_EQ(job->requirements[0].skill_id, "s1");
    EXPECT_TRUE(job->requirements[0].must_have);
    EXPECT_EQ(job->required_certificates, std::vector<std::string>{"c1"});
    const auto graduate = store.get<Graduate>("g1");
    ASSERT_TRUE(graduate.has_value());
    ASSERT_EQ(graduate->skills.size(), 1u);
    ASSERT_EQ(graduate->skills[0].evidence.size(), 1u);
    EXPECT_EQ(graduate->skills[0].evidence[0].ref, "CS101");
    EXPECT_EQ(store.list<Job>({}).items.size(), 1u);
    EXPECT_EQ(store.get<Program>("p1")->curriculum.size(), 1u);
    int scanned = 0;
    store.scan<Graduate>({}, [&](const Graduate&) { ++scanned; });
    EXPECT_EQ(scanned, 1);

    // The new log starts empty: a reader's first call is a full load, and
    // writes after the migration are logged.
    CountingSink sink;
    const ChangePosition first = store.read_changes(-1, sink);
    EXPECT_TRUE(first.full);
    EXPECT_EQ(first.seq, 0);
    EXPECT_EQ(sink.jobs, std::vector<std::string>{"j1"});
    EXPECT_EQ(sink.entities, 2 + 1 + 1 + 1 + 1 + 1);  // skills, cert, institution, ...
    Job second = *job;
    second.id = "j2";
    store.upsert(second);
    sink.jobs.clear();
    const ChangePosition next = store.read_changes(first.seq, sink);
    EXPECT_FALSE(next.full);
    EXPECT_EQ(sink.jobs, std::vector<std::string>{"j2"});
    EXPECT_EQ(next.data_version, 8);
}

}  // namespace
}  // namespace talentmatch::store
