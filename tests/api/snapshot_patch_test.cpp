// patch_jobs, patch_graduates and patch_candidates (matcher/snapshot/snapshot_patch.hpp), the
// incremental publications the API's SnapshotHolder makes of jobs-only and
// graduates-only deltas, against the reference: a full build of the same
// store. Every row must be identical, and so must every match list both ways.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <span>

#include "api/snapshot_holder.hpp"
#include "api_harness.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/snapshot/snapshot_patch.hpp"
#include "store/store.hpp"
#include "tests/common/snapshot_equality.hpp"

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

// Every member of the graduates' CandidateSet, the dictionaries and the
// derived stats the patch recomputes, exactly.
void expect_same_graduates(const matcher::Snapshot& a, const matcher::Snapshot& b) {
    ASSERT_EQ(a.districts.all(), b.districts.all());
    ASSERT_EQ(a.clusters.all(), b.clusters.all());
    talentmatch::testing::expect_same_candidates(a.graduates, b.graduates, "graduates");
    EXPECT_EQ(a.programs.ids.all(), b.programs.ids.all());
    EXPECT_TRUE(a.programs.blocks == b.programs.blocks);
    EXPECT_EQ(a.job_plan.all_jobs, b.job_plan.all_jobs);
    EXPECT_EQ(a.job_plan.skill_offsets, b.job_plan.skill_offsets);
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
                store.remove<Job>(id);
                changed.erase(id);
            } else {
                const Job job = random_job(id);
                store.upsert(job);
                changed[id] = *store.get<Job>(id);
            }
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        const auto patched = matcher::patch_jobs(
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
    EXPECT_EQ(matcher::patch_jobs(
                  *base, [&](const std::string&) { return &job; }, ids),
              nullptr);
    job.district = "Nanshan";
    job.employer_id = "E9";  // unknown
    EXPECT_EQ(matcher::patch_jobs(
                  *base, [&](const std::string&) { return &job; }, ids),
              nullptr);
    job.employer_id = "E1";
    EXPECT_NE(matcher::patch_jobs(
                  *base, [&](const std::string&) { return &job; }, ids),
              nullptr);
}

// Every graduate the store holds, as the API's mirror sees them.
std::vector<Graduate> all_graduates(store::Store& store) {
    std::vector<Graduate> out;
    store::ScanOptions options;
    options.with_evidence = false;
    store.scan<Graduate>(options, [&](const Graduate& g) { out.push_back(g); });
    return out;
}

std::shared_ptr<const matcher::Snapshot> patch_from_store(const matcher::Snapshot& base,
                                                          store::Store& store) {
    const std::vector<Graduate> graduates = all_graduates(store);
    std::vector<const Graduate*> pointers;
    for (auto it = graduates.rbegin(); it != graduates.rend(); ++it) pointers.push_back(&*it);
    return matcher::patch_candidates(base, pointers);  // any order: reversed here
}

// A graduate of the seeded market with random skills, gates and cluster
// preferences; `year_and_districts` also draws a graduation year and
// preferred districts.
Graduate random_market_graduate(std::mt19937& rng, const std::string& id, bool year_and_districts) {
    const bool first_institution = rng() % 2 != 0;  // P1 is I1's program, P2 is I2's
    const int level = int(rng() % 6);
    Graduate g =
        make_graduate(id, first_institution ? "I1" : "I2", first_institution ? "P1" : "P2", level);
    g.skills.push_back({cat("s", 4 + rng() % 3), int(rng() % 6), {}});
    g.education_level = static_cast<EducationLevel>(rng() % 3);
    g.seeking = rng() % 4 != 0;
    if (year_and_districts) g.graduation_year = 2024 + int(rng() % 3);
    if (rng() % 3 == 0) g.certificates = {"c1"};
    if (year_and_districts) {
        g.preferred_districts.clear();
        if (rng() % 2) g.preferred_districts.push_back("Nanshan");
        if (rng() % 2) g.preferred_districts.push_back("Futian");
    }
    if (rng() % 2) g.preferred_clusters.push_back(rng() % 2 ? "ict" : "battery");
    return g;
}

TEST(SnapshotPatch, AGraduatesOnlyDeltaGivesWhatAFullBuildGives) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    Job futian = make_job("j-futian", "E1");
    futian.district = "Futian";
    futian.cluster = "ict";
    store.upsert(futian);  // so the dictionaries hold two districts and two clusters
    std::mt19937 rng(23);
    const auto random_graduate = [&](const std::string& id) {
        return random_market_graduate(rng, id, true);
    };
    for (int i = 0; i < 70; ++i) store.upsert(random_graduate(cat("r", 100 + i)));
    for (int i = 0; i < 20; ++i)
        store.upsert(make_job(cat("k", i), i % 2 ? "E1" : "E2", 1 + i % 5));
    auto base = build_snapshot(store);

    for (int round = 0; round < 6; ++round) {
        for (int n = 0; n < 30; ++n) {
            const std::string id = cat("r", 100 + rng() % 110);  // existing and new ids
            if (rng() % 3 == 0) {
                store.remove<Graduate>(id);  // erasure (a no-op for an absent id)
            } else {
                store.upsert(random_graduate(id));
            }
        }
        const auto patched = patch_from_store(*base, store);
        ASSERT_NE(patched, nullptr) << "round " << round;
        const auto full = build_snapshot(store);
        expect_same_graduates(*patched, *full);
        expect_same_jobs(*patched, *full);
        expect_same_matches(*patched, *full);
        base = patched;  // the next round patches a patched snapshot
    }
}

// patch_graduates: only the changed ids are staged (new ids before, between
// and after the old ones, replaced and removed rows), over several blocks;
// odd rounds only update rows in place and append, so most blocks keep their
// layout (copied from the base) and must still equal a full build's.
TEST(SnapshotPatch, AGraduateIdDeltaGivesWhatAFullBuildGives) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    std::mt19937 rng(29);
    const auto random_graduate = [&](const std::string& id) {
        return random_market_graduate(rng, id, false);
    };
    for (int i = 0; i < 300; ++i) store.upsert(random_graduate(cat("m", 1000 + 2 * i)));
    auto base = build_snapshot(store);
    ASSERT_GT(base->graduates.block_count(), 3u);

    for (int round = 0; round < 6; ++round) {
        const bool in_place = round % 2 == 1;
        std::vector<std::string> changed;
        for (int n = 0; n < (in_place ? 3 : 25); ++n) {
            // Existing (even) and new (odd) ids, and ids sorting first and last.
            std::string id = n == 0   ? cat("a", round)
                             : n == 1 ? cat("z", round)
                                      : cat("m", 1000 + int(rng() % 640));
            if (in_place && n != 1)
                id = base->graduates.ids[matcher::Index(rng() % base->graduates.size())];
            if (!in_place && rng() % 4 == 0) {
                store.remove<Graduate>(id);  // removed (a no-op for an absent id)
            } else {
                store.upsert(random_graduate(id));
            }
            changed.push_back(id);
        }
        std::sort(changed.begin(), changed.end());
        changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
        const std::vector<Graduate> graduates = all_graduates(store);
        std::map<std::string, const Graduate*> by_id;
        for (const Graduate& g : graduates) by_id[g.id] = &g;
        const auto patched = matcher::patch_graduates(
            *base,
            [&](const std::string& id) -> const Graduate* {
                const auto it = by_id.find(id);
                return it == by_id.end() ? nullptr : it->second;
            },
            changed);
        ASSERT_NE(patched, nullptr) << "round " << round;
        const auto full = build_snapshot(store);
        expect_same_graduates(*patched, *full);
        expect_same_jobs(*patched, *full);
        expect_same_matches(*patched, *full);
        base = patched;  // the next round patches a patched snapshot
    }
}

TEST(SnapshotPatch, AnErasedGraduateIsGoneFromThePatchedSnapshot) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    const auto base = build_snapshot(store);
    ASSERT_TRUE(base->graduates.ids.find("g2").has_value());
    ASSERT_TRUE(store.remove<Graduate>("g2"));
    const auto patched = patch_from_store(*base, store);
    ASSERT_NE(patched, nullptr);
    EXPECT_FALSE(patched->graduates.ids.find("g2").has_value());
    EXPECT_EQ(patched->graduates.ids.all(), (std::vector<std::string>{"g1", "h1"}));
    const auto full = build_snapshot(store);
    expect_same_graduates(*patched, *full);
    expect_same_matches(*patched, *full);
}

TEST(SnapshotPatch, AGraduateDeltaTheBaseCannotResolveNeedsAFullBuild) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    const auto base = build_snapshot(store);
    Graduate g = make_graduate("new", "I1", "P1");
    const std::vector<const Graduate*> only{&g};
    EXPECT_NE(matcher::patch_candidates(*base, only), nullptr);
    g.preferred_districts = {"a district nothing else names"};
    EXPECT_EQ(matcher::patch_candidates(*base, only), nullptr);
    g.preferred_districts = {"Nanshan"};
    g.program_id = "P9";  // unknown
    EXPECT_EQ(matcher::patch_candidates(*base, only), nullptr);
    g.program_id = "P1";
    g.skills.push_back({"s9", 2, {}});  // unknown skill: the full build reports it
    EXPECT_EQ(matcher::patch_candidates(*base, only), nullptr);
}

TEST(SnapshotPatch, ADictionaryStringNothingUsesAnyMoreNeedsAFullBuild) {
    TempDir dir;
    const std::string db = (dir.path() / "tm.db").string();
    seed_market(db);
    store::Store store(db);
    Graduate g = make_graduate("only-one", "I1", "P1");
    g.preferred_districts = {"Longgang"};  // no one else names it
    store.upsert(g);
    const auto base = build_snapshot(store);
    ASSERT_TRUE(base->districts.find("Longgang").has_value());
    ASSERT_TRUE(store.remove<Graduate>("only-one"));
    // A full build no longer has "Longgang": the patch would differ from it.
    EXPECT_EQ(patch_from_store(*base, store), nullptr);
    EXPECT_FALSE(build_snapshot(store)->districts.find("Longgang").has_value());
}

}  // namespace
}  // namespace talentmatch::api::testing
