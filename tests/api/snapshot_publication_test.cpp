// How writes reach the snapshot queries run on (api/snapshot_holder.hpp):
// an acknowledged write shows up in queries, an erased graduate is gone from
// the next snapshot, and no snapshot ever shows part of a bulk batch. Real
// server, real socket, real threads; no timing asserts (the latency is
// measured by bench/api_bench.sh), only generous deadlines.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "api_harness.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Polls `ready` until it holds or 10 s passed.
template <class F>
bool eventually(F ready) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
        if (ready()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return ready();
}

// True once GET /v1/jobs/{job}/candidates answers and ranks `graduate`.
bool in_candidates(Harness& h, const std::string& job, const std::string& graduate) {
    const auto res = h.get(cat("/v1/jobs/", job, "/candidates?k=1000"));
    if (res.status != 200) return false;
    const nlohmann::json body = res.json();  // kept alive for the loop
    for (const auto& m : body["matches"]) {
        if (m["graduate_id"] == graduate) return true;
    }
    return false;
}

TEST(SnapshotPublication, AnAcknowledgedWriteShowsUpInMatchQueries) {
    Harness h;
    ASSERT_FALSE(in_candidates(h, "fresh", "g1"));
    ASSERT_EQ(h.put("/v1/jobs/fresh", encode(make_job("fresh", "E1")).dump()).status, 201);
    EXPECT_TRUE(eventually([&] { return in_candidates(h, "fresh", "g1"); }));
    // A delete is published the same way.
    ASSERT_LT(h.del("/v1/jobs/fresh").status, 300);
    EXPECT_TRUE(eventually([&] { return !in_candidates(h, "fresh", "g1"); }));
}

TEST(SnapshotPublication, AnErasedGraduateIsGoneFromTheNextSnapshot) {
    Harness h;
    h.wait_snapshot_current();
    ASSERT_TRUE(h.server().snapshots().current().snapshot->graduates.ids.find("g2").has_value());
    ASSERT_LT(h.del("/v1/graduates/g2").status, 300);
    h.wait_snapshot_current();
    const auto snapshot = h.server().snapshots().current().snapshot;
    EXPECT_FALSE(snapshot->graduates.ids.find("g2").has_value());
    EXPECT_TRUE(snapshot->graduates.ids.find("g1").has_value());
    EXPECT_EQ(h.get("/v1/graduates/g2/matches").status, 404);
    // And a graduate written after the erasure is published as usual.
    ASSERT_EQ(h.put("/v1/graduates/g9", encode(make_graduate("g9", "I1", "P1")).dump()).status,
              201);
    h.wait_snapshot_current();
    EXPECT_TRUE(h.server().snapshots().current().snapshot->graduates.ids.find("g9").has_value());
}

// The DELETE's 204 means no query returns the person any more: right after
// it, candidates of the job the graduate matched, its matches and explain
// never show it (50 graduates, each checked at once after its 204).
TEST(SnapshotPublication, AnErasedGraduateIsNotMatchableOnceTheDeleteIsAcknowledged) {
    Harness h;
    constexpr int kGraduates = 50;
    std::string batch = "[";
    for (int i = 0; i < kGraduates; ++i) {
        if (i) batch += ",";
        batch += encode(make_graduate(cat("er", i), "I1", "P1", 3)).dump();
    }
    batch += "]";
    ASSERT_EQ(h.post("/v1/graduates:bulk", batch).json()["applied"], kGraduates);
    h.wait_snapshot_current();
    ASSERT_TRUE(in_candidates(h, "j1", "er0"));
    int still_served = 0;
    for (int i = 0; i < kGraduates; ++i) {
        const std::string id = cat("er", i);
        ASSERT_EQ(h.del(cat("/v1/graduates/", id)).status, 204) << id;
        still_served += in_candidates(h, "j1", id);
        still_served += h.get(cat("/v1/graduates/", id, "/matches")).status == 200;
        still_served += h.get(cat("/v1/graduates/", id, "/explain/j1")).status == 200;
    }
    EXPECT_EQ(still_served, 0);
}

// Batch b holds jobs "b<b>-000".."b<b>-<n-1>", all with one title per
// version of the batch: a snapshot holding some but not all of a batch, or
// two titles within one batch, shows part of a batch.
TEST(SnapshotPublication, NoSnapshotShowsPartOfABulkBatch) {
    Harness h;
    constexpr int kBatches = 6;
    constexpr int kJobs = 300;
    std::atomic<bool> done{false};
    std::atomic<int> torn{0};
    std::atomic<int> seen{0};
    std::thread reader([&] {
        while (!done) {
            const auto snapshot = h.server().snapshots().current().snapshot;
            const auto& ids = snapshot->jobs.ids;
            for (int b = 0; b < kBatches; ++b) {
                int present = 0;
                std::string title;
                bool mixed = false;
                for (int i = 0; i < kJobs; ++i) {
                    char id[32];
                    std::snprintf(id, sizeof id, "b%d-%03d", b, i);
                    const auto index = ids.find(id);
                    if (!index) continue;
                    ++present;
                    const std::string& t = snapshot->jobs.title[*index];
                    if (title.empty()) title = t;
                    mixed = mixed || t != title;
                }
                if ((present != 0 && present != kJobs) || mixed) ++torn;
            }
            ++seen;
        }
    });
    for (int version = 1; version <= 2; ++version) {
        for (int b = 0; b < kBatches; ++b) {
            std::string body;
            for (int i = 0; i < kJobs; ++i) {
                char id[32];
                std::snprintf(id, sizeof id, "b%d-%03d", b, i);
                Job job = make_job(id, "E1");
                job.title = cat("version ", version);
                body += encode(job).dump() + "\n";
            }
            const auto res = h.post("/v1/jobs:bulk", body, "admin", "application/x-ndjson");
            ASSERT_EQ(res.status, 200) << res.body;
            ASSERT_EQ(res.json()["applied"], kJobs);
        }
    }
    h.wait_snapshot_current();
    done = true;
    reader.join();
    EXPECT_EQ(torn.load(), 0);
    EXPECT_GT(seen.load(), 0);
    const auto snapshot = h.server().snapshots().current().snapshot;
    const auto last = snapshot->jobs.ids.find("b5-299");
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(snapshot->jobs.title[*last], "version 2");
}

}  // namespace
}  // namespace talentmatch::api::testing
