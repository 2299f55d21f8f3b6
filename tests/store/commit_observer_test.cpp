// Store::on_data_commit: the observer hears of every committed change of
// entities exactly once per transaction, only after another connection can
// read it, and never of writes that changed nothing or were rolled back.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using testing::add_catalog;
using testing::make_graduate;
using testing::make_job;

class CommitObserverTest : public testing::TempDirTest {
  protected:
    void SetUp() override {
        TempDirTest::SetUp();
        writer_.emplace(db_path());
        add_catalog(*writer_);
        other_.emplace(db_path());  // a second connection: what others can read
        writer_->on_data_commit([this] { seen_.push_back(other_->data_version()); });
    }
    Store& store() { return *writer_; }
    // data_version as another connection read it at each call.
    const std::vector<std::int64_t>& seen() const { return seen_; }

  private:
    std::optional<Store> writer_;
    std::optional<Store> other_;
    std::vector<std::int64_t> seen_;
};

TEST_F(CommitObserverTest, EachCommittedWriteIsObservedOnceAndIsAlreadyReadableElsewhere) {
    const std::int64_t start = store().data_version();
    store().upsert(make_job("job-1"));
    ASSERT_EQ(seen(), (std::vector<std::int64_t>{start + 1}));
    store().upsert(make_graduate("g-1"));
    EXPECT_EQ(seen(), (std::vector<std::int64_t>{start + 1, start + 2}));
    EXPECT_TRUE(store().remove<Job>("job-1"));
    EXPECT_EQ(seen(), (std::vector<std::int64_t>{start + 1, start + 2, start + 3}));
}

TEST_F(CommitObserverTest, WritesThatChangeNothingOrFailAreNotObserved) {
    store().upsert(make_job("job-1"));
    const auto before = seen();
    store().upsert(make_job("job-1"));             // the same job again
    EXPECT_FALSE(store().remove<Job>("job-404"));  // nothing to delete
    Job invalid = make_job("job-2");
    invalid.headcount = 0;
    EXPECT_THROW(store().upsert(invalid), ValidationError);
    const std::vector<Job> with_invalid = {make_job("job-3"), invalid};
    const BulkResult result =
        store().upsert_many(std::span<const Job>(with_invalid), BulkMode::kAllOrNothing);
    EXPECT_EQ(result.applied, 0u);
    EXPECT_EQ(seen(), before);
}

TEST_F(CommitObserverTest, AWriteScopeIsObservedOnceAtItsCommitAndNotAtAllWhenRolledBack) {
    const std::int64_t start = store().data_version();
    {
        Store::WriteScope scope(store());
        store().upsert(make_job("job-1"));
        store().upsert(make_job("job-2"));
        EXPECT_TRUE(seen().empty());  // nothing is committed yet
        scope.commit();
    }
    ASSERT_EQ(seen(), (std::vector<std::int64_t>{start + 2}));
    {
        Store::WriteScope scope(store());
        store().upsert(make_job("job-3"));
    }  // rolled back
    EXPECT_EQ(seen().size(), 1u);
    EXPECT_FALSE(store().get<Job>("job-3"));
    store().upsert(make_graduate("g-1"));  // the rolled-back scope leaves nothing pending
    EXPECT_EQ(seen(), (std::vector<std::int64_t>{start + 2, start + 3}));
}

TEST_F(CommitObserverTest, ACommitValidBulkIsObservedOnceAndARemovedObserverHearsNothing) {
    const std::int64_t start = store().data_version();
    Job invalid = make_job("job-2");
    invalid.headcount = 0;
    const std::vector<Job> jobs = {make_job("job-1"), invalid, make_job("job-3")};
    const BulkResult result =
        store().upsert_many(std::span<const Job>(jobs), BulkMode::kCommitValid);
    EXPECT_EQ(result.applied, 2u);
    ASSERT_EQ(seen().size(), 1u);
    EXPECT_GT(seen()[0], start);
    store().on_data_commit({});
    store().upsert(make_job("job-4"));
    EXPECT_EQ(seen().size(), 1u);
}

}  // namespace
}  // namespace talentmatch::store
