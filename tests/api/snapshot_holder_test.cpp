// SnapshotHolder (api/snapshot_holder.hpp) against the reference, a full
// build of the store: after every round of writes by another connection,
// each published snapshot (the main one and the four connections') equals
// what build_snapshots makes of the store at that version. And the sharing
// the publication promises: a round of job writes keeps the graduates part,
// a round of graduate writes or erasures keeps the job side, a round that
// touches only a connection's kinds keeps the main snapshot, and a change to
// reference data is a full read (new parts).
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "api/snapshot_holder.hpp"
#include "api_harness.hpp"
#include "store/store.hpp"
#include "tests/common/snapshot_equality.hpp"

namespace talentmatch::api::testing {
namespace {

using std::chrono::milliseconds;

void expect_same_set(const PublishedSnapshot& published, const matcher::SnapshotSet& full) {
    using talentmatch::testing::expect_same_snapshot;
    {
        SCOPED_TRACE("main");
        expect_same_snapshot(*published.snapshot, *full.main);
    }
    {
        SCOPED_TRACE("teachers_projects");
        expect_same_snapshot(*published.teachers_projects, *full.teachers_projects);
    }
    {
        SCOPED_TRACE("research_demands");
        expect_same_snapshot(*published.research_demands, *full.research_demands);
    }
    {
        SCOPED_TRACE("programs_standards");
        expect_same_snapshot(*published.programs_standards, *full.programs_standards);
    }
    {
        SCOPED_TRACE("training_jobs");
        expect_same_snapshot(*published.training_jobs, *full.training_jobs);
    }
}

TEST(SnapshotHolder, EveryPublicationEqualsAFullBuildOfTheStore) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store writer(db);
    std::vector<std::string> errors;
    std::mutex errors_mutex;
    SnapshotHolder holder(db, {milliseconds(1), milliseconds(5), milliseconds(1000)},
                          [&](const std::string& e) {
                              std::lock_guard lock(errors_mutex);
                              errors.push_back(e);
                          });
    ASSERT_TRUE(holder.wait_for_version(writer.data_version(), std::chrono::seconds(10)));

    std::mt19937 rng(29);
    enum Round { kJobs, kGraduates, kErasure, kTeachersAndProjects, kEmployer, kRoundKinds };
    int next_id = 0;
    std::vector<std::string> graduates;
    for (int round = 0; round < 3 * kRoundKinds; ++round) {
        SCOPED_TRACE(round);
        const PublishedSnapshot before = holder.current();
        const auto kind = static_cast<Round>(round % kRoundKinds);
        for (int n = 0; n < 6; ++n) {
            const std::string id = cat("x", next_id++);
            switch (kind) {
                case kJobs: {
                    Job job = make_job(id, rng() % 2 ? "E1" : "E2", 1 + int(rng() % 5));
                    job.headcount = 1 + int(rng() % 3);
                    writer.upsert(job);
                    if (n == 5) writer.remove<Job>(id);
                    break;
                }
                case kGraduates:
                    writer.upsert(make_graduate(id, "I1", "P1", 1 + int(rng() % 5)));
                    graduates.push_back(id);
                    break;
                case kErasure:
                    if (!graduates.empty()) {
                        writer.remove<Graduate>(graduates.back());
                        graduates.pop_back();
                    }
                    break;
                case kTeachersAndProjects: {
                    writer.upsert(Teacher{
                        id, "I1", {{"s1", 1 + int(rng() % 5)}, {"s4", 2}}, rng() % 2 == 0, true});
                    Project project;
                    project.id = cat("p", id);
                    project.employer_id = "E1";
                    project.title = "Project";
                    project.requirements = {{"s1", 2, 3, false},
                                            {"s4", 1 + int(rng() % 5), 2, false}};
                    writer.upsert(project);
                    break;
                }
                case kEmployer: {
                    Employer employer = *writer.get<Employer>("E2");
                    employer.name = cat("Employer E2, round ", round, ".", n);
                    writer.upsert(employer);
                    break;
                }
                case kRoundKinds:
                    break;
            }
        }
        holder.notify_write();
        ASSERT_TRUE(holder.wait_for_version(writer.data_version(), std::chrono::seconds(10)));
        const PublishedSnapshot published = holder.current();
        ASSERT_EQ(published.data_version, writer.data_version());
        expect_same_set(published, build_snapshots(writer));
        switch (kind) {
            case kJobs:
                EXPECT_EQ(published.snapshot->graduates_part, before.snapshot->graduates_part);
                EXPECT_NE(published.snapshot->job_side, before.snapshot->job_side);
                break;
            case kGraduates:
            case kErasure:
                EXPECT_EQ(published.snapshot->job_side, before.snapshot->job_side);
                EXPECT_NE(published.snapshot->graduates_part, before.snapshot->graduates_part);
                break;
            case kTeachersAndProjects:
                EXPECT_EQ(published.snapshot, before.snapshot);
                EXPECT_NE(published.teachers_projects, before.teachers_projects);
                break;
            case kEmployer:
                EXPECT_NE(published.snapshot->graduates_part, before.snapshot->graduates_part);
                EXPECT_NE(published.snapshot->job_side, before.snapshot->job_side);
                break;
            case kRoundKinds:
                break;
        }
    }
    std::lock_guard lock(errors_mutex);
    EXPECT_TRUE(errors.empty()) << errors.front();
}

}  // namespace
}  // namespace talentmatch::api::testing
