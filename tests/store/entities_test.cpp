#include <gtest/gtest.h>

#include "store/canonical.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using EntitiesTest = testing::TempDirTest;
using testing::add_catalog;
using testing::make_graduate;
using testing::make_job;
using testing::make_skill;

template <class T>
T canonical(T value) {
    canonicalize(value);
    return value;
}

TEST_F(EntitiesTest, EveryKindReadsBackAsWrittenInCanonicalOrder) {
    Store store(db_path());
    add_catalog(store);
    const Job job = make_job("job-1");
    const Graduate graduate = make_graduate("g-1");
    EXPECT_EQ(store.upsert(job), UpsertOutcome::kCreated);
    EXPECT_EQ(store.upsert(graduate), UpsertOutcome::kCreated);
    EXPECT_EQ(store.get<Skill>("s1"), canonical(make_skill("s1")));
    EXPECT_EQ(store.get<Job>("job-1"), canonical(job));
    EXPECT_EQ(store.get<Graduate>("g-1"), canonical(graduate));
    ASSERT_TRUE(store.get<Program>("prog-1"));
    EXPECT_EQ(store.get<Program>("prog-1")->curriculum.front().skill_id, "s1");
    EXPECT_EQ(store.get<Certificate>("cert-1")->kind, CertificateKind::kOnePlusX);
    EXPECT_EQ(store.get<Institution>("inst-1")->district, "nanshan");
    EXPECT_EQ(store.get<Employer>("emp-1")->association_id, "assoc-1");
    EXPECT_FALSE(store.get<Job>("nope"));
}

TEST_F(EntitiesTest, ReUpsertingReplacesTheEntityAndAllItsChildRows) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("job-1"));
    Job changed = make_job("job-1");
    changed.requirements = {{"s1", 2, 3, false}, {"s2", 5, 10, false}};
    changed.required_certificates.clear();
    changed.headcount = 7;
    EXPECT_EQ(store.upsert(changed), UpsertOutcome::kUpdated);
    const auto version = store.data_version();
    EXPECT_EQ(store.upsert(changed), UpsertOutcome::kUnchanged);  // idempotent, not rewritten
    EXPECT_EQ(store.data_version(), version);
    Job reordered = changed;  // the same job with its lists in another order is the same job
    reordered.requirements = {{"s2", 5, 10, false}, {"s1", 2, 3, false}};
    EXPECT_EQ(store.upsert(reordered), UpsertOutcome::kUnchanged);
    EXPECT_EQ(store.get<Job>("job-1"), changed);
    EXPECT_EQ(store.count(EntityKind::kJobs), 1);
}

TEST_F(EntitiesTest, InvalidInputIsAValidationErrorNamingTheFieldAndChangesNothing) {
    Store store(db_path());
    add_catalog(store);
    const auto version = store.data_version();
    Job job = make_job("job-1");
    job.requirements[1].level = 7;
    job.requirements.push_back({"unknown-skill", 2, 3, false});
    try {
        store.upsert(job);
        FAIL() << "accepted an invalid job";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 2u);
        EXPECT_EQ(e.errors()[0].path, "requirements[1].level");
        EXPECT_NE(e.errors()[0].message.find("7"), std::string::npos);
        EXPECT_EQ(e.errors()[1].path, "requirements[2].skill_id");
    }
    EXPECT_FALSE(store.get<Job>("job-1"));
    EXPECT_EQ(store.data_version(), version);
}

TEST_F(EntitiesTest, EveryCommittedWriteBumpsTheDataVersion) {
    Store store(db_path());
    const auto v0 = store.data_version();
    store.upsert(make_skill("s1"));
    const auto v1 = store.data_version();
    EXPECT_GT(v1, v0);
    store.remove<Skill>("s1");
    EXPECT_GT(store.data_version(), v1);
    const auto v2 = store.data_version();
    EXPECT_FALSE(store.remove<Skill>("s1"));  // nothing deleted: no bump
    EXPECT_EQ(store.data_version(), v2);
}

TEST_F(EntitiesTest, DeletingAJobCascadesToItsChildRows) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("job-1"));
    store.upsert(make_job("job-2"));
    EXPECT_TRUE(store.remove<Job>("job-1"));
    EXPECT_FALSE(store.get<Job>("job-1"));
    EXPECT_EQ(store.get<Job>("job-2"), canonical(make_job("job-2")));
    Database db(db_path());
    for (const char* table : {"job_requirements", "job_certificates"}) {
        Statement rows(db,
                       std::string("SELECT count(*) FROM ") + table + " WHERE job_id = 'job-1'");
        ASSERT_TRUE(rows.step());
        EXPECT_EQ(rows.column_int(0), 0) << table;
    }
    // Re-creating the id starts from nothing left over.
    Job fresh = make_job("job-1");
    fresh.requirements = {{"s1", 1, 1, false}};
    EXPECT_EQ(store.upsert(fresh), UpsertOutcome::kCreated);
    EXPECT_EQ(store.get<Job>("job-1")->requirements.size(), 1u);
}

TEST_F(EntitiesTest, DeletingProgramsAndSkillsRemovesTheirChildRows) {
    Store store(db_path());
    add_catalog(store);
    EXPECT_TRUE(store.remove<Program>("prog-1"));
    store.upsert(make_skill("s9"));
    EXPECT_TRUE(store.remove<Skill>("s9"));
    Database db(db_path());
    for (const char* sql :
         {"SELECT count(*) FROM program_curriculum", "SELECT count(*) FROM program_certificates",
          "SELECT count(*) FROM skill_aliases WHERE skill_id = 's9'"}) {
        Statement rows(db, sql);
        ASSERT_TRUE(rows.step());
        EXPECT_EQ(rows.column_int(0), 0) << sql;
    }
}

TEST_F(EntitiesTest, DeletingSomethingStillReferencedIsAConflict) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("job-1"));
    store.upsert(make_graduate("g-1"));
    EXPECT_THROW(store.remove<Skill>("s3"), ConflictError);  // job-1 requires it
    EXPECT_THROW(store.remove<Skill>("s2"), ConflictError);  // program and graduate
    EXPECT_THROW(store.remove<Certificate>("cert-1"), ConflictError);
    EXPECT_THROW(store.remove<Employer>("emp-1"), ConflictError);
    EXPECT_THROW(store.remove<Program>("prog-1"), ConflictError);
    EXPECT_THROW(store.remove<Institution>("inst-1"), ConflictError);
    EXPECT_TRUE(store.get<Skill>("s3"));
    EXPECT_TRUE(store.remove<Job>("job-1"));
    EXPECT_TRUE(store.remove<Employer>("emp-1"));
    // A deleted employer is no longer a valid reference.
    EXPECT_THROW(store.upsert(make_job("job-2")), ValidationError);
}

TEST_F(EntitiesTest, ListPagesWithACursorInIdOrder) {
    Store store(db_path());
    add_catalog(store);
    for (int i = 9; i >= 0; --i) store.upsert(make_job("job-" + std::to_string(i)));
    std::vector<std::string> seen;
    PageRequest request;
    request.limit = 3;
    int pages = 0;
    do {
        const Page<Job> page = store.list<Job>(request);
        for (const Job& job : page.items) {
            EXPECT_EQ(job.requirements.size(), 2u);
            seen.push_back(job.id);
        }
        request.after_id = page.next_after_id;
        ++pages;
    } while (!request.after_id.empty());
    EXPECT_EQ(pages, 4);
    std::vector<std::string> expected;
    for (int i = 0; i < 10; ++i) expected.push_back("job-" + std::to_string(i));
    EXPECT_EQ(seen, expected);
}

TEST_F(EntitiesTest, ListFiltersByTenant) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(Employer{"emp-2", "Other", "ict", "futian", "assoc-2"});
    store.upsert(make_job("job-a", "emp-1"));
    store.upsert(make_job("job-b", "emp-2"));
    store.upsert(make_job("job-c", "emp-1"));
    PageRequest request;
    request.org_id = "assoc-1";
    const Page<Job> jobs = store.list<Job>(request);
    ASSERT_EQ(jobs.items.size(), 2u);
    EXPECT_EQ(jobs.items[0].id, "job-a");
    EXPECT_EQ(jobs.items[1].id, "job-c");
    EXPECT_EQ(jobs.items[1].requirements.size(), 2u);
    EXPECT_EQ(store.list<Employer>(request).items.size(), 1u);
    request.org_id = "inst-1";
    store.upsert(make_graduate("g-1"));
    EXPECT_EQ(store.list<Graduate>(request).items.size(), 1u);
    request.org_id = "inst-other";
    EXPECT_TRUE(store.list<Graduate>(request).items.empty());
}

TEST_F(EntitiesTest, WritesSurviveClosingAndReopening) {
    {
        Store store(db_path());
        add_catalog(store);
        store.upsert(make_job("job-1"));
        store.upsert(make_graduate("g-1"));
    }
    Store reopened(db_path());
    EXPECT_EQ(reopened.get<Job>("job-1"), canonical(make_job("job-1")));
    EXPECT_EQ(reopened.get<Graduate>("g-1"), canonical(make_graduate("g-1")));
    EXPECT_EQ(reopened.count(EntityKind::kSkills), 3);
}

TEST_F(EntitiesTest, ASecondConnectionSeesCommittedWritesAndKnownIdsFollow) {
    Store writer(db_path());
    Store other(db_path());
    add_catalog(writer);
    EXPECT_EQ(other.known_ids().skills.size(), 3u);  // loaded now
    writer.upsert(make_skill("s4"));
    EXPECT_TRUE(other.known_ids().skills.contains("s4"));  // reloaded: version moved
    Job job = make_job("job-1");
    job.requirements.push_back({"s4", 1, 1, false});
    EXPECT_EQ(other.upsert(job), UpsertOutcome::kCreated);
    EXPECT_EQ(writer.get<Job>("job-1")->requirements.size(), 3u);
}

TEST_F(EntitiesTest, RepeatedPointReadsSeeWritesFromAnotherConnection) {
    Store reader(db_path());
    Store writer(db_path());
    add_catalog(writer);
    writer.upsert(make_job("job-1"));
    EXPECT_EQ(reader.get<Job>("job-1")->headcount, 3);  // statements now cached and reset
    Job changed = make_job("job-1");
    changed.headcount = 9;
    writer.upsert(changed);
    EXPECT_EQ(reader.get<Job>("job-1")->headcount, 9);
    writer.remove<Job>("job-1");
    EXPECT_FALSE(reader.get<Job>("job-1"));
    // The reader holds no read transaction between calls: the writer can checkpoint.
    Database db(db_path());
    Statement checkpoint(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    ASSERT_TRUE(checkpoint.step());
    EXPECT_EQ(checkpoint.column_int(0), 0);  // not busy
}

TEST_F(EntitiesTest, SummaryCountsEntitiesAndJobsPerClusterAndDistrict) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("job-1"));
    Job other = make_job("job-2");
    other.cluster = "nev";
    other.district = "futian";
    other.headcount = 10;
    store.upsert(other);
    store.upsert(make_graduate("g-1"));
    const StoreSummary summary = store.summary();
    ASSERT_EQ(summary.counts.size(), 15u);
    EXPECT_EQ(summary.counts[0], std::make_pair(EntityKind::kSkills, std::int64_t{3}));
    EXPECT_EQ(summary.counts[5], std::make_pair(EntityKind::kJobs, std::int64_t{2}));
    EXPECT_EQ(summary.counts[7], std::make_pair(EntityKind::kPlacements, std::int64_t{0}));
    EXPECT_EQ(summary.counts[9], std::make_pair(EntityKind::kProjects, std::int64_t{0}));
    EXPECT_EQ(summary.counts[11], std::make_pair(EntityKind::kResearchResults, std::int64_t{0}));
    ASSERT_EQ(summary.jobs_by_cluster.size(), 2u);
    EXPECT_EQ(summary.jobs_by_cluster[0].key, "ict");
    EXPECT_EQ(summary.jobs_by_cluster[0].openings, 3);
    EXPECT_EQ(summary.jobs_by_cluster[1].openings, 10);
    EXPECT_EQ(summary.jobs_by_district[0].key, "futian");
    EXPECT_EQ(summary.seeking_graduates, 1);
}

// A graduate's program is one of its own institution's (models/validation):
// so a program cannot move to another institution while graduates of its
// current one reference it, singly or in a bulk, and can once they are gone.
TEST_F(EntitiesTest, AProgramDoesNotMoveAwayFromItsGraduatesInstitution) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(Institution{"inst-2", "College", "futian", EducationLevel::kHigherVocational});
    store.upsert(make_graduate("g-1"));
    Program moved = *store.get<Program>("prog-1");
    moved.institution_id = "inst-2";
    try {
        store.upsert(moved);
        ADD_FAILURE() << "the move was accepted";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.errors().size(), 1u);
        EXPECT_EQ(e.errors()[0].path, "institution_id");
        EXPECT_NE(e.errors()[0].message.find("g-1"), std::string::npos) << e.errors()[0].message;
    }
    EXPECT_EQ(store.get<Program>("prog-1")->institution_id, "inst-1");

    Program renamed = *store.get<Program>("prog-1");  // same institution: fine
    renamed.name = "Software Engineering";
    EXPECT_EQ(store.upsert(renamed), UpsertOutcome::kUpdated);

    const std::vector<Program> bulk = {moved};
    const BulkResult result =
        store.upsert_many(std::span<const Program>(bulk), BulkMode::kCommitValid);
    ASSERT_EQ(result.items.size(), 1u);
    EXPECT_EQ(result.items[0].status, ItemStatus::kInvalid);
    EXPECT_EQ(store.get<Program>("prog-1")->institution_id, "inst-1");

    ASSERT_TRUE(store.remove<Graduate>("g-1"));
    EXPECT_EQ(store.upsert(moved), UpsertOutcome::kUpdated);
    EXPECT_EQ(store.get<Program>("prog-1")->institution_id, "inst-2");
}

}  // namespace
}  // namespace talentmatch::store
