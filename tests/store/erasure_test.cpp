#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using ErasureTest = testing::TempDirTest;

bool file_contains(const std::filesystem::path& path, const std::string& needle) {
    if (!std::filesystem::exists(path)) return false;
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes.find(needle) != std::string::npos;
}

bool store_files_contain(const std::string& db, const std::string& needle) {
    return file_contains(db, needle) || file_contains(db + "-wal", needle);
}

TEST_F(ErasureTest, DeletedGraduateRowsAreGoneFromTheStoreAndFromTheFileBytes) {
    const std::string marker = "ERASE-ME-7f3a9c";
    {
        Store store(db_path());
        testing::add_catalog(store);
        Graduate g = testing::make_graduate("grad-" + marker);
        g.skills[0].evidence.push_back({EvidenceKind::kCompetition, "comp-" + marker});
        g.preferred_districts.push_back("district-" + marker);
        store.upsert(g);
        store.upsert(testing::make_graduate("keeper"));
        ASSERT_TRUE(store_files_contain(db_path(), marker));  // the test can see it when present
        EXPECT_TRUE(store.remove<Graduate>("grad-" + marker));
        EXPECT_FALSE(store.get<Graduate>("grad-" + marker));
        EXPECT_TRUE(store.get<Graduate>("keeper"));
        EXPECT_FALSE(store_files_contain(db_path(), marker));
    }
    EXPECT_FALSE(store_files_contain(db_path(), marker));
    Database db(db_path());
    for (const char* table : {"graduate_skills", "graduate_skill_evidence", "graduate_certificates",
                              "graduate_districts", "graduate_clusters"}) {
        Statement rows(
            db, std::string("SELECT count(*) FROM ") + table + " WHERE graduate_id LIKE 'grad-%'");
        ASSERT_TRUE(rows.step());
        EXPECT_EQ(rows.column_int(0), 0) << table;
    }
}

TEST_F(ErasureTest, DeletingAnUnknownGraduateReportsFalse) {
    Store store(db_path());
    EXPECT_FALSE(store.remove<Graduate>("nobody"));
}

}  // namespace
}  // namespace talentmatch::store
