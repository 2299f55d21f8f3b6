#include <gtest/gtest.h>

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

}  // namespace
}  // namespace talentmatch::store
