// Placements in the store: referential checks, tenancy filter of the list,
// idempotent bulk, erasure cascade from the graduate, references that refuse
// deleting an employer or a job, and the migration of a version-3 file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/schema.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using PlacementStoreTest = testing::TempDirTest;

Placement make_placement(const std::string& id, const std::string& graduate,
                         const std::string& job = "job-1") {
    return {id, graduate, "emp-1", job, "2026-07-01", PlacementSource::kEmployerReport};
}

// The catalog, job-1 of emp-1, graduates g-1 and g-2 of inst-1.
void add_world(Store& store) {
    testing::add_catalog(store);
    store.upsert(testing::make_job("job-1"));
    store.upsert(testing::make_graduate("g-1"));
    store.upsert(testing::make_graduate("g-2"));
}

std::vector<std::string> error_paths(const ValidationError& e) {
    std::vector<std::string> paths;
    for (const auto& f : e.errors()) paths.push_back(f.path);
    return paths;
}

TEST_F(PlacementStoreTest, StoresAndReadsBackAPlacement) {
    Store store(db_path());
    add_world(store);
    const Placement p = make_placement("pl-1", "g-1");
    EXPECT_EQ(store.upsert(p), UpsertOutcome::kCreated);
    EXPECT_EQ(store.get<Placement>("pl-1"), p);
    EXPECT_EQ(store.upsert(p), UpsertOutcome::kUnchanged);
    Placement moved = p;
    moved.job_id = "";
    moved.source = PlacementSource::kSurvey;
    EXPECT_EQ(store.upsert(moved), UpsertOutcome::kUpdated);
    EXPECT_EQ(store.get<Placement>("pl-1"), moved);
    EXPECT_EQ(store.count(EntityKind::kPlacements), 1);
}

TEST_F(PlacementStoreTest, RefusesUnknownGraduateEmployerJobAndAJobOfAnotherEmployer) {
    Store store(db_path());
    add_world(store);
    store.upsert(Employer{"emp-2", "Other", "energy", "futian", ""});
    store.upsert(testing::make_job("job-2", "emp-2"));
    try {
        store.upsert(Placement{"pl-x", "nobody", "emp-9", "", "2026-07-01", {}});
        FAIL() << "accepted unknown references";
    } catch (const ValidationError& e) {
        EXPECT_EQ(error_paths(e), std::vector<std::string>{"employer_id"});  // checked first
    }
    try {
        store.upsert(Placement{"pl-x", "nobody", "emp-1", "job-9", "2026-07-01", {}});
        FAIL() << "accepted unknown graduate and job";
    } catch (const ValidationError& e) {
        EXPECT_EQ(error_paths(e), (std::vector<std::string>{"graduate_id", "job_id"}));
    }
    try {
        store.upsert(Placement{"pl-x", "g-1", "emp-1", "job-2", "2026-07-01", {}});
        FAIL() << "accepted a job of another employer";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 1u);
        EXPECT_EQ(e.errors()[0].path, "job_id");
        EXPECT_NE(e.errors()[0].message.find("emp-2"), std::string::npos) << e.what();
    }
    try {
        store.upsert(Placement{"pl-x", "g-1", "emp-1", "", "2026-02-30", {}});
        FAIL() << "accepted 30 February";
    } catch (const ValidationError& e) {
        EXPECT_EQ(error_paths(e), std::vector<std::string>{"date"});
    }
    EXPECT_EQ(store.count(EntityKind::kPlacements), 0);
}

TEST_F(PlacementStoreTest, BulkReportsEachItemAndAResubmissionIsUnchanged) {
    Store store(db_path());
    add_world(store);
    const std::vector<Placement> items = {make_placement("pl-1", "g-1"),
                                          make_placement("pl-2", "ghost"),
                                          make_placement("pl-3", "g-2", "")};
    const BulkResult first =
        store.upsert_many(std::span<const Placement>(items), BulkMode::kCommitValid);
    ASSERT_EQ(first.items.size(), 3u);
    EXPECT_EQ(first.items[0].status, ItemStatus::kCreated);
    EXPECT_EQ(first.items[1].status, ItemStatus::kInvalid);
    EXPECT_EQ(first.items[1].errors.at(0).path, "graduate_id");
    EXPECT_EQ(first.items[2].status, ItemStatus::kCreated);
    const std::int64_t version = store.data_version();
    const BulkResult again =
        store.upsert_many(std::span<const Placement>(items), BulkMode::kCommitValid);
    EXPECT_EQ(again.items[0].status, ItemStatus::kUnchanged);
    EXPECT_EQ(again.items[2].status, ItemStatus::kUnchanged);
    EXPECT_EQ(store.data_version(), version);  // nothing rewritten
}

TEST_F(PlacementStoreTest, ACareerOfficeListsOnlyPlacementsOfItsInstitutionsGraduates) {
    Store store(db_path());
    add_world(store);
    store.upsert(Institution{"inst-2", "College", "futian", EducationLevel::kHigherVocational});
    Program other;
    other.id = "prog-2";
    other.institution_id = "inst-2";
    store.upsert(other);
    Graduate g = testing::make_graduate("g-3");
    g.institution_id = "inst-2";
    g.program_id = "prog-2";
    store.upsert(g);
    store.upsert(make_placement("pl-1", "g-1"));
    store.upsert(make_placement("pl-3", "g-3"));
    PageRequest own;
    own.org_id = "inst-2";
    const auto page = store.list<Placement>(own);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].id, "pl-3");
    EXPECT_EQ(store.list<Placement>({}).items.size(), 2u);
}

bool file_contains(const std::filesystem::path& path, const std::string& needle) {
    if (!std::filesystem::exists(path)) return false;
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return bytes.find(needle) != std::string::npos;
}

TEST_F(PlacementStoreTest, ErasingAGraduateErasesItsPlacementsFromTheFile) {
    const std::string marker = "PLACED-7c1e";
    Store store(db_path());
    add_world(store);
    store.upsert(make_placement("pl-" + marker, "g-1"));
    store.upsert(make_placement("pl-keep", "g-2"));
    ASSERT_TRUE(file_contains(db_path(), marker) || file_contains(db_path() + "-wal", marker));
    EXPECT_TRUE(store.remove<Graduate>("g-1"));
    EXPECT_FALSE(store.get<Placement>("pl-" + marker));
    EXPECT_TRUE(store.get<Placement>("pl-keep"));
    EXPECT_FALSE(file_contains(db_path(), marker));
    EXPECT_FALSE(file_contains(db_path() + "-wal", marker));
    Database db(db_path());
    Statement rows(db, "SELECT count(*) FROM placements WHERE graduate_id = 'g-1'");
    ASSERT_TRUE(rows.step());
    EXPECT_EQ(rows.column_int(0), 0);
}

TEST_F(PlacementStoreTest, AnEmployerOrJobAPlacementNamesCannotBeDeleted) {
    Store store(db_path());
    add_world(store);
    store.upsert(make_placement("pl-1", "g-1"));
    EXPECT_THROW(store.remove<Job>("job-1"), ConflictError);
    EXPECT_TRUE(store.remove<Placement>("pl-1"));
    EXPECT_FALSE(store.remove<Placement>("pl-1"));
    EXPECT_TRUE(store.remove<Job>("job-1"));
    store.upsert(make_placement("pl-2", "g-1", ""));
    EXPECT_THROW(store.remove<Employer>("emp-1"), ConflictError);
}

// A file as a version-3 binary left it: every table but placements, a graduate in it.
TEST_F(PlacementStoreTest, AVersion3FileMigratesAndTakesPlacements) {
    {
        Store store(db_path());
        add_world(store);
    }
    {
        Database db(db_path());
        // A version-3 file has neither placements nor the tables of versions 5 to 9.
        db.exec(
            "DROP TABLE placements; DROP TABLE teachers; DROP TABLE teacher_expertise; "
            "DROP TABLE projects; DROP TABLE project_requirements; "
            "DROP TABLE innovation_demands; DROP TABLE innovation_demand_requirements; "
            "DROP TABLE research_results; DROP TABLE research_result_profile; "
            "DROP TABLE occupational_standards; DROP TABLE occupational_standard_requirements; "
            "DROP TABLE certificate_skills; DROP TABLE courses; DROP TABLE course_skills; "
            "DROP TABLE course_certificates; DROP TABLE training_programs; "
            "DROP TABLE training_program_skills; DROP TABLE training_program_certificates; "
            "UPDATE schema_version SET version = 3");
    }
    Store store(db_path());
    EXPECT_EQ(store.schema_version(), latest_schema_version());
    EXPECT_TRUE(store.get<Graduate>("g-1"));
    EXPECT_EQ(store.count(EntityKind::kPlacements), 0);
    EXPECT_EQ(store.upsert(make_placement("pl-1", "g-1")), UpsertOutcome::kCreated);
    EXPECT_EQ(store.list<Placement>({}).items.size(), 1u);
}

}  // namespace
}  // namespace talentmatch::store
