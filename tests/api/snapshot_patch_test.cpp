// patch_jobs (api/snapshot_holder.hpp), the incremental publication of a
// jobs-only delta, against the reference: a full build of the same store.
// Every job row must be identical, and so must every match list both ways.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "api/snapshot_holder.hpp"
#include "api_harness.hpp"
#include "matcher/match_query.hpp"
#include "store/store.hpp"

namespace talentmatch::api::testing {
namespace {

void expect_same_jobs(const matcher::Snapshot& a, const matcher::Snapshot& b) {
    ASSERT_EQ(a.jobs.ids.all(), b.jobs.ids.all());
    for (matcher::Index j = 0; j < a.jobs.size(); ++j) {
        const auto ra = a.jobs.requirements.row(j);
        const auto rb = b.jobs.requirements.row(j);
        ASSERT_EQ(ra.size(), rb.size()) << a.jobs.ids[j];
        for (std::size_t r = 0; r < ra.size(); ++r) {
            EXPECT_EQ(ra[r].skill, rb[r].skill);
            EXPECT_EQ(ra[r].level, rb[r].level);
            EXPECT_EQ(ra[r].weight, rb[r].weight);
            EXPECT_EQ(ra[r].must_have, rb[r].must_have);
        }
        const auto ca = a.jobs.certificates.row(j);
        const auto cb = b.jobs.certificates.row(j);
        EXPECT_EQ(std::vector<matcher::Index>(ca.begin(), ca.end()),
                  std::vector<matcher::Index>(cb.begin(), cb.end()));
        EXPECT_EQ(a.jobs.weighted_level_sum[j], b.jobs.weighted_level_sum[j]);
        EXPECT_EQ(a.jobs.employer[j], b.jobs.employer[j]);
        EXPECT_EQ(a.clusters[a.jobs.cluster[j]], b.clusters[b.jobs.cluster[j]]);
        EXPECT_EQ(a.districts[a.jobs.district[j]], b.districts[b.jobs.district[j]]);
        EXPECT_EQ(a.jobs.headcount[j], b.jobs.headcount[j]);
        EXPECT_EQ(a.jobs.min_education[j], b.jobs.min_education[j]);
        EXPECT_EQ(a.jobs.title[j], b.jobs.title[j]);
        EXPECT_EQ(a.jobs.valid_until[j], b.jobs.valid_until[j]);
    }
}

void expect_same_matches(const matcher::Snapshot& a, const matcher::Snapshot& b) {
    const auto compare = [](const matcher::MatchLists& x, const matcher::MatchLists& y) {
        ASSERT_EQ(x.size(), y.size());
        for (std::size_t q = 0; q < x.size(); ++q) {
            ASSERT_EQ(x[q].size(), y[q].size());
            for (std::size_t r = 0; r < x[q].size(); ++r) {
                EXPECT_EQ(x[q][r].id, y[q][r].id);
                EXPECT_EQ(x[q][r].score, y[q][r].score);
            }
        }
    };
    const matcher::ScoreConfig config;
    const auto& graduates = a.graduates.ids.all();
    compare(matcher::top_jobs_for_graduates(a, graduates, 1000, {}, config),
            matcher::top_jobs_for_graduates(b, graduates, 1000, {}, config));
    const auto& jobs = a.jobs.ids.all();
    compare(matcher::top_graduates_for_jobs(a, jobs, 1000, {}, config),
            matcher::top_graduates_for_jobs(b, jobs, 1000, {}, config));
}

TEST(SnapshotPatch, AJobsOnlyDeltaGivesWhatAFullBuildGives) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    std::mt19937 rng(17);
    const auto random_job = [&](const std::string& id) {
        Job job = make_job(id, rng() % 2 ? "E1" : "E2", 1 + int(rng() % 5));
        job.headcount = 1 + int(rng() % 4);
        job.title = cat("title ", rng() % 100);
        if (rng() % 3 == 0) job.required_certificates = {"c1"};
        if (rng() % 2 == 0)
            job.requirements.push_back({cat("s", 3 + rng() % 4), 2, 7, rng() % 2 == 0});
        job.min_education = static_cast<EducationLevel>(rng() % 3);
        return job;
    };
    for (int i = 0; i < 80; ++i) store.upsert(random_job(cat("k", 100 + i)));
    auto base = build_snapshot(store);

    for (int round = 0; round < 5; ++round) {
        std::map<std::string, Job> changed;  // id -> new value; deleted ones absent
        std::vector<std::string> ids;
        for (int n = 0; n < 25; ++n) {
            const std::string id = cat("k", 100 + rng() % 120);  // existing and new ids
            ids.push_back(id);
            if (rng() % 4 == 0) {
                store.delete_job(id);
                changed.erase(id);
            } else {
                const Job job = random_job(id);
                store.upsert(job);
                changed[id] = *store.get_job(id);
            }
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        const auto patched = patch_jobs(
            *base,
            [&](const std::string& id) -> const Job* {
                const auto it = changed.find(id);
                return it == changed.end() ? nullptr : &it->second;
            },
            ids);
        ASSERT_NE(patched, nullptr);
        const auto full = build_snapshot(store);
        expect_same_jobs(*patched, *full);
        expect_same_matches(*patched, *full);
        base = patched;  // the next round patches a patched snapshot
    }
}

TEST(SnapshotPatch, AStringTheDictionariesLackNeedsAFullBuild) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    const auto base = build_snapshot(store);
    Job job = make_job("new", "E1");
    job.district = "a district nothing else names";
    const std::vector<std::string> ids{"new"};
    EXPECT_EQ(patch_jobs(
                  *base, [&](const std::string&) { return &job; }, ids),
              nullptr);
    job.district = "Nanshan";
    job.employer_id = "E9";  // unknown
    EXPECT_EQ(patch_jobs(
                  *base, [&](const std::string&) { return &job; }, ids),
              nullptr);
    job.employer_id = "E1";
    EXPECT_NE(patch_jobs(
                  *base, [&](const std::string&) { return &job; }, ids),
              nullptr);
}

}  // namespace
}  // namespace talentmatch::api::testing
