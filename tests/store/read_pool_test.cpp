// Point reads, pages and key lookups run on pooled reader connections
// (store/reader_pool.hpp) beside the writer connection. These tests pin down
// what that must not change: a thread inside its own write sees its
// uncommitted rows; other threads see only committed data and are not held
// up by an open write; every read is one consistent entity; a reader sees a
// write as soon as it was acknowledged.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using ReadPoolTest = testing::TempDirTest;
using testing::add_catalog;
using testing::make_job;

TEST_F(ReadPoolTest, AWriteScopeSeesItsOwnRowsAndOthersOnlyCommittedOnes) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("job-old"));
    {
        Store::WriteScope scope(store);
        store.upsert(make_job("job-new"));
        // Same thread, same open transaction: its own uncommitted row.
        EXPECT_TRUE(store.get<Job>("job-new"));
        EXPECT_EQ(store.list<Job>({}).items.size(), 2u);
        // Another thread reads at once (the scope holds the Store's mutex)
        // and sees the committed state only.
        auto other = std::async(std::launch::async, [&] {
            return std::make_pair(store.get<Job>("job-new").has_value(),
                                  store.get<Job>("job-old").has_value());
        });
        ASSERT_EQ(other.wait_for(std::chrono::seconds(5)), std::future_status::ready)
            << "a reader waited for an open write scope";
        const auto [saw_new, saw_old] = other.get();
        EXPECT_FALSE(saw_new);
        EXPECT_TRUE(saw_old);
        scope.commit();
    }
    auto after = std::async(std::launch::async, [&] { return store.get<Job>("job-new"); });
    EXPECT_TRUE(after.get());
}

TEST_F(ReadPoolTest, ARolledBackScopeLeavesNothingForReaders) {
    Store store(db_path());
    add_catalog(store);
    {
        Store::WriteScope scope(store);
        store.upsert(make_job("job-gone"));
        EXPECT_TRUE(store.get<Job>("job-gone"));
    }
    EXPECT_FALSE(store.get<Job>("job-gone"));
    auto other = std::async(std::launch::async, [&] { return store.get<Job>("job-gone"); });
    EXPECT_FALSE(other.get());
}

// Readers on many threads while one thread keeps replacing a job's
// requirements: every read is a whole version (never a mix of two), and a
// write is visible to the next read after upsert() returned.
TEST_F(ReadPoolTest, ConcurrentReadsSeeWholeVersionsAndAcknowledgedWrites) {
    Store store(db_path());
    add_catalog(store);
    const auto version = [](int n) {
        Job job = make_job("job-1");
        job.headcount = n + 1;  // version n; headcount must be >= 1
        // Odd versions require s1..s3, even ones s1 only: a torn read would
        // pair a headcount with the other version's requirement count.
        job.requirements = {{"s1", 2, 5, false}};
        if (n % 2 == 1) {
            job.requirements.push_back({"s2", 3, 4, false});
            job.requirements.push_back({"s3", 3, 8, true});
        }
        return job;
    };
    store.upsert(version(0));
    std::atomic<bool> done{false};
    std::atomic<int> torn{0};
    std::atomic<long> reads{0};
    std::vector<std::thread> readers;
    for (int t = 0; t < 4; ++t) {
        readers.emplace_back([&] {
            while (!done.load()) {
                const auto job = store.get<Job>("job-1");
                if (!job) {
                    ++torn;
                    continue;
                }
                const std::size_t expected = (job->headcount - 1) % 2 == 1 ? 3u : 1u;
                if (job->requirements.size() != expected) ++torn;
                ++reads;
            }
        });
    }
    for (int n = 1; n <= 60; ++n) {
        store.upsert(version(n));
        const auto seen = store.get<Job>("job-1");
        ASSERT_TRUE(seen);
        EXPECT_EQ(seen->headcount, n + 1)
            << "an acknowledged write was not visible to the next read";
    }
    done = true;
    for (auto& t : readers) t.join();
    EXPECT_EQ(torn.load(), 0);
    EXPECT_GT(reads.load(), 0);
}

}  // namespace
}  // namespace talentmatch::store
