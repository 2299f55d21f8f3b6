// The change log (store/change_log.hpp): a sink that applies every
// read_changes delivery holds exactly what the tables hold (checked against
// full scans, the reference), rolled-back writes log nothing, erasure leaves
// no trace of the id in the log, and a reader the pruned log no longer
// covers gets a full load.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "store/change_log.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using ChangeLogTest = testing::TempDirTest;
using testing::add_catalog;
using testing::make_graduate;
using testing::make_job;

// A plain sink: every kind in an ordered map, plus counts of the calls.
class MapSink final : public ChangeSink {
  public:
    std::size_t size(EntityKind kind) const override { return ids(kind).size(); }
    void clear(EntityKind kind) override {
        ids(kind).clear();
        ++clears;
    }
    void put(const Skill& v) override { ids(EntityKind::kSkills)[v.id] = v.name_en; }
    void put(const Certificate& v) override { ids(EntityKind::kCertificates)[v.id] = v.name_en; }
    void put(const Institution& v) override { ids(EntityKind::kInstitutions)[v.id] = v.name; }
    void put(const Program& v) override { ids(EntityKind::kPrograms)[v.id] = v.name; }
    void put(const Employer& v) override { ids(EntityKind::kEmployers)[v.id] = v.name; }
    void put(const Job& v) override {
        ids(EntityKind::kJobs)[v.id] = v.title;
        jobs[v.id] = v;
        ++puts;
    }
    void put(const Graduate& v) override {
        ids(EntityKind::kGraduates)[v.id] = std::to_string(v.graduation_year);
        graduates[v.id] = v;
        ++puts;
    }
    void put(const Placement& v) override { ids(EntityKind::kPlacements)[v.id] = v.date; }
    void put(const Teacher& v) override { ids(EntityKind::kTeachers)[v.id] = v.institution_id; }
    void put(const Project& v) override { ids(EntityKind::kProjects)[v.id] = v.title; }
    void put(const InnovationDemand& v) override {
        ids(EntityKind::kInnovationDemands)[v.id] = v.title;
    }
    void put(const ResearchResult& v) override {
        ids(EntityKind::kResearchResults)[v.id] = v.title;
    }
    void put(const OccupationalStandard& v) override {
        ids(EntityKind::kOccupationalStandards)[v.id] = v.name_en;
    }
    void put(const Course& v) override { ids(EntityKind::kCourses)[v.id] = v.name; }
    void put(const TrainingProgram& v) override {
        ids(EntityKind::kTrainingPrograms)[v.id] = v.name;
    }
    void erase(EntityKind kind, const std::string& id) override {
        ids(kind).erase(id);
        if (kind == EntityKind::kJobs) jobs.erase(id);
        if (kind == EntityKind::kGraduates) graduates.erase(id);
        ++erases;
    }
    void retain(EntityKind kind, const std::vector<std::string>& sorted_ids) override {
        std::erase_if(ids(kind), [&](const auto& entry) {
            return !std::binary_search(sorted_ids.begin(), sorted_ids.end(), entry.first);
        });
        if (kind == EntityKind::kGraduates) {
            std::erase_if(graduates, [&](const auto& entry) {
                return !std::binary_search(sorted_ids.begin(), sorted_ids.end(), entry.first);
            });
        }
        ++retains;
    }

    std::map<std::string, std::string>& ids(EntityKind kind) {
        return by_kind[static_cast<std::size_t>(kind)];
    }
    const std::map<std::string, std::string>& ids(EntityKind kind) const {
        return by_kind[static_cast<std::size_t>(kind)];
    }

    std::map<std::string, std::string> by_kind[std::size(kAllEntityKinds)];
    std::map<std::string, Job> jobs;
    std::map<std::string, Graduate> graduates;
    int clears = 0, puts = 0, erases = 0, retains = 0;
};

// The reference: what full scans of the store hold.
void expect_sink_matches_store(Store& store, const MapSink& sink) {
    std::map<std::string, Job> jobs;
    store.scan<Job>({}, [&](const Job& v) { jobs[v.id] = v; });
    std::map<std::string, Graduate> graduates;
    ScanOptions no_evidence;
    no_evidence.with_evidence = false;
    store.scan<Graduate>(no_evidence, [&](const Graduate& v) { graduates[v.id] = v; });
    EXPECT_EQ(sink.jobs, jobs);
    EXPECT_EQ(sink.graduates, graduates);
    std::vector<std::string> skills;
    store.scan<Skill>({}, [&](const Skill& v) { skills.push_back(v.id); });
    std::vector<std::string> held;
    for (const auto& [id, name] : sink.ids(EntityKind::kSkills)) held.push_back(id);
    EXPECT_EQ(held, skills);
}

std::int64_t log_rows_naming(const std::string& path, const std::string& id) {
    Database db(path);
    Statement stmt(db, "SELECT count(*) FROM change_log WHERE id = ?1");
    stmt.bind(1, id);
    stmt.step();
    return stmt.column_int(0);
}

TEST_F(ChangeLogTest, FirstReadIsAFullLoadThenOnlyTheChangedIds) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("j1"));
    store.upsert(make_job("j2"));
    store.upsert(make_graduate("g1"));

    MapSink sink;
    const ChangePosition first = store.read_changes(-1, sink);
    EXPECT_TRUE(first.full);
    EXPECT_EQ(first.data_version, store.data_version());
    expect_sink_matches_store(store, sink);

    // Nothing new: nothing delivered.
    sink.puts = 0;
    const ChangePosition same = store.read_changes(first.seq, sink);
    EXPECT_FALSE(same.full);
    EXPECT_EQ(same.changed, 0u);
    EXPECT_EQ(same.seq, first.seq);
    EXPECT_EQ(sink.puts, 0);

    Job changed = make_job("j2");
    changed.title = "Changed";
    store.upsert(changed);
    store.upsert(make_job("j3"));
    EXPECT_TRUE(store.remove<Job>("j1"));
    const ChangePosition next = store.read_changes(first.seq, sink);
    EXPECT_FALSE(next.full);
    EXPECT_EQ(next.changed, 3u);
    EXPECT_EQ(sink.puts, 2);    // j2, j3
    EXPECT_EQ(sink.erases, 1);  // j1
    EXPECT_EQ(next.data_version, store.data_version());
    expect_sink_matches_store(store, sink);
}

TEST_F(ChangeLogTest, ARolledBackBulkLogsNothing) {
    Store store(db_path());
    add_catalog(store);
    MapSink sink;
    const ChangePosition start = store.read_changes(-1, sink);
    std::vector<Job> jobs = {make_job("ok-1"), make_job("bad", "no-such-employer")};
    const BulkResult result =
        store.upsert_many(std::span<const Job>(jobs), BulkMode::kAllOrNothing);
    EXPECT_EQ(result.applied, 0u);
    const ChangePosition after = store.read_changes(start.seq, sink);
    EXPECT_EQ(after.seq, start.seq);
    EXPECT_EQ(after.changed, 0u);
    EXPECT_EQ(log_rows_naming(db_path(), "ok-1"), 0);
}

TEST_F(ChangeLogTest, ErasureLeavesNoTraceOfTheIdAndTheSinkDropsIt) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_graduate("g-erased"));
    store.upsert(make_graduate("g-kept"));
    MapSink sink;
    const ChangePosition start = store.read_changes(-1, sink);
    ASSERT_EQ(sink.graduates.count("g-erased"), 1u);
    store.upsert(make_graduate("g-erased"));  // logged again after the reader's position
    EXPECT_GT(log_rows_naming(db_path(), "g-erased"), 0);

    ASSERT_TRUE(store.remove<Graduate>("g-erased"));
    EXPECT_EQ(log_rows_naming(db_path(), "g-erased"), 0);
    store.read_changes(start.seq, sink);
    EXPECT_EQ(sink.graduates.count("g-erased"), 0u);
    EXPECT_EQ(sink.graduates.count("g-kept"), 1u);
    EXPECT_GE(sink.retains, 1);
    expect_sink_matches_store(store, sink);
}

TEST_F(ChangeLogTest, AReaderThePrunedLogNoLongerCoversGetsAFullLoad) {
    Store store(db_path());
    add_catalog(store);
    store.upsert(make_job("j1"));
    MapSink sink;
    const ChangePosition start = store.read_changes(-1, sink);
    store.upsert(make_job("j2"));
    store.upsert(make_job("j3"));
    {
        // What pruning does to rows the reader has not seen yet.
        Database db(db_path());
        Statement prune(db, "DELETE FROM change_log WHERE seq <= ?1");
        prune.bind(1, start.seq + 1);
        prune.run();
    }
    sink.clears = 0;
    const ChangePosition next = store.read_changes(start.seq, sink);
    EXPECT_TRUE(next.full);
    EXPECT_EQ(sink.clears, static_cast<int>(std::size(kAllEntityKinds)));
    expect_sink_matches_store(store, sink);
}

TEST_F(ChangeLogTest, RandomWritesAndDeletesAlwaysMatchTheTables) {
    Store store(db_path());
    add_catalog(store);
    MapSink sink;
    std::int64_t seq = store.read_changes(-1, sink).seq;
    std::mt19937 rng(5);
    for (int round = 0; round < 30; ++round) {
        std::vector<Job> jobs;
        for (int i = 0; i < 1 + static_cast<int>(rng() % 40); ++i) {
            Job job = make_job("j-" + std::to_string(rng() % 60));
            job.headcount = 1 + static_cast<int>(rng() % 9);
            if (std::none_of(jobs.begin(), jobs.end(),
                             [&](const Job& j) { return j.id == job.id; }))
                jobs.push_back(job);
        }
        store.upsert_many(std::span<const Job>(jobs), BulkMode::kCommitValid);
        for (int i = 0; i < 3; ++i) store.remove<Job>("j-" + std::to_string(rng() % 60));
        const std::string g = "g-" + std::to_string(rng() % 20);
        if (rng() % 3 == 0) {
            store.remove<Graduate>(g);
        } else {
            Graduate graduate = make_graduate(g);
            graduate.graduation_year = 2000 + static_cast<int>(rng() % 30);
            store.upsert(graduate);
        }
        if (round % 3 == 2) {
            seq = store.read_changes(seq, sink).seq;
            expect_sink_matches_store(store, sink);
        }
    }
}

}  // namespace
}  // namespace talentmatch::store
