// The ingest step against a real SQLite store: one outcome per item, batches,
// skill names resolved, the caller's check, and a check that writes nothing.
#include "ingest/ingest.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "tests/store/store_fixture.hpp"

namespace talentmatch::ingest {
namespace {

using IngestTest = store::testing::TempDirTest;
using store::ItemStatus;
using store::testing::add_catalog;
using store::testing::make_job;

TEST_F(IngestTest, EveryItemGetsOneOutcomeAndBatchesAreStored) {
    store::Store store(db_path());
    add_catalog(store);
    std::map<std::size_t, Outcome> outcomes;
    std::size_t calls = 0;
    std::size_t stored_when_third_reported = 0;
    Ingest<Job> ingest(store, store::BulkMode::kCommitValid, 2, [&](Outcome& o) {
        ++calls;
        if (o.index == 2) stored_when_third_reported = store.get<Job>("job-2").has_value();
        outcomes[o.index] = std::move(o);
    });
    Job bad_headcount = make_job("job-1");
    bad_headcount.headcount = 0;
    ingest.add(make_job("job-0"), {}, 10);
    ingest.add(bad_headcount, {}, 11);
    ingest.add(make_job("job-2"), {}, 12);
    ingest.add(std::nullopt, {{"requirements[0].level", "expected an integer"}}, 13);
    EXPECT_TRUE(store.get<Job>("job-0").has_value());   // the first batch of 2 is stored
    EXPECT_FALSE(store.get<Job>("job-2").has_value());  // queued, its batch not full
    ingest.add(make_job("job-4"), {}, 14);
    ingest.flush();

    EXPECT_EQ(calls, 5u);
    ASSERT_EQ(outcomes.size(), 5u);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(outcomes[i].line, 10 + i);
    EXPECT_EQ(outcomes[0].status, ItemStatus::kCreated);
    EXPECT_EQ(outcomes[1].status, ItemStatus::kInvalid);
    ASSERT_EQ(outcomes[1].errors.size(), 1u);
    EXPECT_EQ(outcomes[1].errors[0].path, "headcount");
    EXPECT_EQ(outcomes[2].status, ItemStatus::kCreated);
    EXPECT_TRUE(stored_when_third_reported);  // its batch was written before its outcome
    EXPECT_EQ(outcomes[3].status, ItemStatus::kInvalid);
    EXPECT_EQ(outcomes[3].errors[0].path, "requirements[0].level");
    EXPECT_EQ(outcomes[4].status, ItemStatus::kCreated);
    // The store, read independently.
    for (const char* id : {"job-0", "job-2", "job-4"}) EXPECT_TRUE(store.get<Job>(id)) << id;
    EXPECT_FALSE(store.get<Job>("job-1"));
    const Totals& t = ingest.totals();
    EXPECT_EQ(t.created, 3u);
    EXPECT_EQ(t.invalid, 2u);
    EXPECT_EQ(t.applied(), 3u);

    // The same items again: unchanged.
    Ingest<Job> again(store, store::BulkMode::kCommitValid, kNoBatches, [](Outcome&) {});
    again.add(make_job("job-0"), {}, 1);
    again.flush();
    EXPECT_EQ(again.totals().unchanged, 1u);
}

TEST_F(IngestTest, SkillNamesAreResolvedAndTheCallersCheckRejects) {
    store::Store store(db_path());
    add_catalog(store);
    std::map<std::size_t, Outcome> outcomes;
    Ingest<Job> ingest(
        store, store::BulkMode::kCommitValid, kNoBatches,
        [&](Outcome& o) { outcomes[o.index] = std::move(o); },
        [](const Job& job, std::vector<FieldError>& errors) {
            if (job.id == "job-foreign") errors.push_back({"employer_id", "not yours"});
        });
    Job by_name = make_job("job-named");
    by_name.requirements[1].skill_id = "Skill s1";  // s1's English name
    Job unknown = make_job("job-unknown");
    unknown.requirements[1].skill_id = "no such skill at all";
    ingest.add(by_name, {}, 1);
    ingest.add(unknown, {}, 2);
    ingest.add(make_job("job-foreign"), {}, 3);
    ingest.flush();

    ASSERT_EQ(outcomes.size(), 3u);
    EXPECT_EQ(outcomes[0].status, ItemStatus::kCreated);
    ASSERT_EQ(outcomes[0].resolved.size(), 1u);
    EXPECT_EQ(outcomes[0].resolved[0].skill_id, "s1");
    const auto stored = store.get<Job>("job-named");
    ASSERT_TRUE(stored);
    EXPECT_TRUE(std::any_of(stored->requirements.begin(), stored->requirements.end(),
                            [](const Requirement& r) { return r.skill_id == "s1"; }));
    EXPECT_EQ(outcomes[1].status, ItemStatus::kInvalid);
    EXPECT_EQ(outcomes[1].errors[0].path, "requirements[1].skill_id");
    EXPECT_EQ(outcomes[2].status, ItemStatus::kInvalid);
    EXPECT_EQ(outcomes[2].errors[0].message, "not yours");
    EXPECT_FALSE(store.get<Job>("job-unknown"));
    EXPECT_FALSE(store.get<Job>("job-foreign"));
    EXPECT_EQ(ingest.totals().resolved, 1u);
}

TEST_F(IngestTest, CheckQueuedValidatesAsAWriteWouldAndWritesNothing) {
    store::Store store(db_path());
    add_catalog(store);
    std::map<std::size_t, Outcome> outcomes;
    Ingest<Job> ingest(store, store::BulkMode::kAllOrNothing, kNoBatches,
                       [&](Outcome& o) { outcomes[o.index] = std::move(o); });
    ingest.add(make_job("job-ok"), {}, 1);
    ingest.add(make_job("job-orphan", "emp-missing"), {}, 2);
    ingest.check_queued();

    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(outcomes[0].status, ItemStatus::kNotApplied);
    EXPECT_TRUE(outcomes[0].errors.empty());
    EXPECT_EQ(outcomes[1].status, ItemStatus::kInvalid);
    EXPECT_EQ(outcomes[1].errors[0].path, "employer_id");
    EXPECT_FALSE(store.get<Job>("job-ok"));
    EXPECT_FALSE(store.get<Job>("job-orphan"));
    ingest.flush();  // the queue is empty: nothing more is written or reported
    EXPECT_FALSE(store.get<Job>("job-ok"));
    EXPECT_EQ(outcomes.size(), 2u);
}

}  // namespace
}  // namespace talentmatch::ingest
