#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using BatchRunsTest = testing::TempDirTest;

TEST_F(BatchRunsTest, ARunMovesFromRunningToSucceededWithItsSummary) {
    Store store(db_path());
    const auto id = store.create_batch_run("/tmp/out-1");
    EXPECT_EQ(store.get_batch_run(id)->status, RunStatus::kRunning);
    store.update_batch_run(id, "top-k graduates", 0.25);
    auto run = store.get_batch_run(id);
    EXPECT_EQ(run->stage, "top-k graduates");
    EXPECT_DOUBLE_EQ(run->progress, 0.25);
    EXPECT_FALSE(run->finished_at);
    store.finish_batch_run(id, RunStatus::kSucceeded, R"({"placed":3})", "");
    run = store.get_batch_run(id);
    EXPECT_EQ(run->status, RunStatus::kSucceeded);
    EXPECT_EQ(run->summary_json, R"({"placed":3})");
    EXPECT_DOUBLE_EQ(run->progress, 1.0);
    EXPECT_TRUE(run->finished_at);
    EXPECT_EQ(run->out_dir, "/tmp/out-1");
}

TEST_F(BatchRunsTest, LatestSucceededSkipsFailedAndRunningRuns) {
    Store store(db_path());
    EXPECT_FALSE(store.latest_succeeded_batch_run());
    const auto first = store.create_batch_run("a");
    store.finish_batch_run(first, RunStatus::kSucceeded, "{}", "");
    const auto failed = store.create_batch_run("b");
    store.finish_batch_run(failed, RunStatus::kFailed, "", "disk full");
    store.create_batch_run("c", RunStatus::kQueued);
    EXPECT_EQ(store.latest_succeeded_batch_run()->id, first);
    EXPECT_EQ(store.get_batch_run(failed)->error, "disk full");
    const auto runs = store.list_batch_runs(10);
    ASSERT_EQ(runs.size(), 3u);
    EXPECT_GT(runs[0].id, runs[1].id);  // newest first
    EXPECT_EQ(runs[0].status, RunStatus::kQueued);
    EXPECT_EQ(store.list_batch_runs(1).size(), 1u);
}

TEST_F(BatchRunsTest, UpdatingAnUnknownRunIsAStoreError) {
    Store store(db_path());
    EXPECT_THROW(store.update_batch_run(42, "x", 0.5), StoreError);
    EXPECT_FALSE(store.get_batch_run(42));
}

TEST_F(BatchRunsTest, RunHistoryIsDurableAndDoesNotBumpTheDataVersion) {
    std::int64_t id = 0;
    std::int64_t version = 0;
    {
        Store store(db_path());
        version = store.data_version();
        id = store.create_batch_run("out");
        store.finish_batch_run(id, RunStatus::kSucceeded, "{}", "");
        EXPECT_EQ(store.data_version(), version);
    }
    Store reopened(db_path());
    EXPECT_EQ(reopened.latest_succeeded_batch_run()->id, id);
}

}  // namespace
}  // namespace talentmatch::store
