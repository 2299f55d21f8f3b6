// No silent empty store: a path that is not an existing talentmatch store is
// refused, by the library (NotAStoreError) and by every command that opens
// one (exit code 2, a plain message, no file left behind); --create, import
// and generate create it. Keys name organisations that exist.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_fixture.hpp"
#include "store/schema.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace talentmatch::store {
namespace {

using testing::ProcessResult;

class StoreOpenTest : public testing::CliTest {
  protected:
    std::string missing() const { return (dir_ / "typo.db").string(); }
    std::string corrupt() const {
        const std::string path = (dir_ / "corrupt.db").string();
        std::ofstream(path) << std::string(4096, 'x');
        return path;
    }
    static StoreOptions existing() {
        StoreOptions options;
        options.create = false;
        return options;
    }
};

TEST_F(StoreOpenTest, AMissingFileIsRefusedWithoutCreateAndNotCreated) {
    EXPECT_THROW(Store(missing(), existing()), NotAStoreError);
    EXPECT_FALSE(std::filesystem::exists(missing()));
}

TEST_F(StoreOpenTest, ACorruptFileIsNotAStoreInPlainWords) {
    try {
        Store store(corrupt());
        FAIL() << "opened a corrupt file";
    } catch (const NotAStoreError& e) {
        EXPECT_NE(std::string(e.what()).find("not a talentmatch store or is corrupt"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(StoreOpenTest, AnotherSqliteDatabaseIsNotAStore) {
    {
        Database other(db_path());
        other.exec("CREATE TABLE t (x INTEGER)");
    }
    EXPECT_THROW(Store(db_path(), existing()), NotAStoreError);
    EXPECT_THROW(Store(db_path(), StoreOptions{}), NotAStoreError);
}

TEST_F(StoreOpenTest, AnExistingStoreOpensWithoutCreate) {
    { Store created(db_path()); }
    Store store(db_path(), existing());
    EXPECT_EQ(store.schema_version(), latest_schema_version());
}

TEST_F(StoreOpenTest, EveryCommandRefusesAMissingOrCorruptStoreWithExitCode2) {
    const std::string bad_paths[] = {missing(), corrupt()};
    for (const std::string& db : bad_paths) {
        for (const std::string& command :
             {"summary --db " + db, "export --db " + db + " --out " + (dir_ / "dump").string(),
              "keys create --db " + db + " --role admin", "keys list --db " + db,
              "runs list --db " + db, "batch --db " + db + " --out " + (dir_ / "o").string(),
              "serve --port 0 --db " + db}) {
            const ProcessResult run = talentmatch(command);
            EXPECT_EQ(run.exit_code, 2) << command << "\n" << run.output;
            EXPECT_NE(run.output.find("talentmatch store"), std::string::npos) << run.output;
            EXPECT_EQ(run.output.find("SQL"), std::string::npos) << run.output;
        }
    }
    EXPECT_FALSE(std::filesystem::exists(missing()));
}

TEST_F(StoreOpenTest, KeysNameAnExistingInstitutionOrAssociation) {
    {
        Store store(db_path());
        testing::add_catalog(store);
    }
    const ProcessResult bad =
        talentmatch("keys create --db " + db_path() + " --role career_office --org no-such");
    EXPECT_EQ(bad.exit_code, 2) << bad.output;
    EXPECT_NE(bad.output.find("no institution 'no-such'"), std::string::npos) << bad.output;
    const ProcessResult bad_association =
        talentmatch("keys create --db " + db_path() + " --role association --org no-such");
    EXPECT_EQ(bad_association.exit_code, 2) << bad_association.output;
    Store store(db_path());
    EXPECT_TRUE(store.list_api_keys().empty());
}

}  // namespace
}  // namespace talentmatch::store

namespace talentmatch::store {
namespace {

TEST_F(StoreOpenTest, ABadBatchOptionNamesTheFlagTyped) {
    { Store created(db_path()); }
    const ProcessResult run = talentmatch("batch --db " + db_path() + " --out " +
                                          (dir_ / "o").string() + " --min-coverage 1.5");
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_NE(run.output.find("--min-coverage: must be in [0, 1]"), std::string::npos)
        << run.output;
    EXPECT_EQ(run.output.find("assignment_min_coverage"), std::string::npos) << run.output;
}

}  // namespace
}  // namespace talentmatch::store
