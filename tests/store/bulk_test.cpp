#include <gtest/gtest.h>

#include "store/canonical.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using BulkTest = testing::TempDirTest;
using testing::add_catalog;
using testing::make_job;

std::vector<Job> jobs_with_two_invalid() {
    std::vector<Job> jobs;
    for (int i = 0; i < 5; ++i) jobs.push_back(make_job("job-" + std::to_string(i)));
    jobs[1].headcount = 0;
    jobs[3].requirements.clear();
    return jobs;
}

TEST_F(BulkTest, CommitValidWritesTheValidItemsAndReportsEachInvalidOne) {
    Store store(db_path());
    add_catalog(store);
    Job earlier = make_job("job-0");
    earlier.headcount += 1;
    store.upsert(earlier);
    const BulkResult result =
        store.upsert_many(std::span<const Job>(jobs_with_two_invalid()), BulkMode::kCommitValid);
    ASSERT_EQ(result.items.size(), 5u);
    EXPECT_EQ(result.applied, 3u);
    EXPECT_EQ(result.invalid, 2u);
    EXPECT_EQ(result.items[0].status, ItemStatus::kUpdated);
    EXPECT_EQ(result.items[1].status, ItemStatus::kInvalid);
    ASSERT_EQ(result.items[1].errors.size(), 1u);
    EXPECT_EQ(result.items[1].errors[0].path, "headcount");
    EXPECT_EQ(result.items[1].id, "job-1");
    EXPECT_EQ(result.items[2].status, ItemStatus::kCreated);
    EXPECT_EQ(result.items[3].errors[0].path, "requirements");
    EXPECT_EQ(result.items[4].index, 4u);
    EXPECT_EQ(store.count(EntityKind::kJobs), 3);
    EXPECT_FALSE(store.get<Job>("job-1"));
    EXPECT_TRUE(store.get<Job>("job-4"));
}

TEST_F(BulkTest, AllOrNothingWithAnInvalidItemLeavesNothing) {
    Store store(db_path());
    add_catalog(store);
    const auto version = store.data_version();
    const BulkResult result =
        store.upsert_many(std::span<const Job>(jobs_with_two_invalid()), BulkMode::kAllOrNothing);
    EXPECT_EQ(result.applied, 0u);
    EXPECT_EQ(result.invalid, 2u);
    EXPECT_EQ(result.items[0].status, ItemStatus::kNotApplied);
    EXPECT_EQ(result.items[1].status, ItemStatus::kInvalid);
    EXPECT_EQ(store.count(EntityKind::kJobs), 0);
    EXPECT_EQ(store.data_version(), version);
}

TEST_F(BulkTest, AllOrNothingWithValidItemsWritesThemAll) {
    Store store(db_path());
    add_catalog(store);
    std::vector<Job> jobs = {make_job("a"), make_job("b")};
    const BulkResult result =
        store.upsert_many(std::span<const Job>(jobs), BulkMode::kAllOrNothing);
    EXPECT_EQ(result.applied, 2u);
    EXPECT_EQ(store.count(EntityKind::kJobs), 2);
}

TEST_F(BulkTest, ReImportingTheSameItemsIsIdempotent) {
    Store store(db_path());
    add_catalog(store);
    std::vector<Job> jobs;
    for (int i = 0; i < 50; ++i) jobs.push_back(make_job("job-" + std::to_string(i)));
    store.upsert_many(std::span<const Job>(jobs), BulkMode::kCommitValid);
    const BulkResult again = store.upsert_many(std::span<const Job>(jobs), BulkMode::kCommitValid);
    const auto version = store.data_version();
    const BulkResult third = store.upsert_many(std::span<const Job>(jobs), BulkMode::kCommitValid);
    for (const ItemResult& item : third.items) EXPECT_EQ(item.status, ItemStatus::kUnchanged);
    EXPECT_EQ(third.applied, jobs.size());
    EXPECT_EQ(store.data_version(), version);  // nothing rewritten
    for (const ItemResult& item : again.items) EXPECT_EQ(item.status, ItemStatus::kUnchanged);
    EXPECT_EQ(store.count(EntityKind::kJobs), 50);
    Job expected = make_job("job-7");
    canonicalize(expected);
    EXPECT_EQ(store.get<Job>("job-7"), expected);
}

TEST_F(BulkTest, ReferencesAddedEarlierInTheSameScopeResolve) {
    Store store(db_path());
    {
        Store::WriteScope scope(store);
        add_catalog(store);  // skills, employer ... then jobs refer to them
        std::vector<Job> jobs = {make_job("a")};
        EXPECT_EQ(store.upsert_many(std::span<const Job>(jobs), BulkMode::kAllOrNothing).applied,
                  1u);
        scope.commit();
    }
    EXPECT_TRUE(store.get<Job>("a"));
}

TEST_F(BulkTest, AWriteScopeNotCommittedRollsBackEveryCallInIt) {
    Store store(db_path());
    {
        Store::WriteScope scope(store);
        add_catalog(store);
        std::vector<Job> jobs = {make_job("a")};
        store.upsert_many(std::span<const Job>(jobs), BulkMode::kCommitValid);
    }
    for (EntityKind kind : kAllEntityKinds) EXPECT_EQ(store.count(kind), 0) << to_string(kind);
    // The known-id cache forgot the rolled-back ids.
    EXPECT_TRUE(store.known_ids().skills.empty());
    EXPECT_THROW(store.upsert(make_job("b")), ValidationError);
}

}  // namespace
}  // namespace talentmatch::store
