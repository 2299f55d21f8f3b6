#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "store/canonical.hpp"
#include "store/store.hpp"
#include "store_fixture.hpp"

namespace talentmatch::store {
namespace {

using ScanTest = testing::TempDirTest;

// A random but valid data set, written in shuffled order; the maps hold the
// canonical form of what was written, keyed (and so ordered) by id.
struct RandomData {
    std::map<std::string, Graduate> graduates;
    std::map<std::string, Job> jobs;
};

RandomData write_random(Store& store, int graduates, int jobs, unsigned seed) {
    std::mt19937 rng(seed);
    testing::add_catalog(store);
    std::vector<std::string> skills = {"s1", "s2", "s3"};
    for (int s = 4; s <= 40; ++s) {
        skills.push_back("s" + std::to_string(s));
        store.upsert(testing::make_skill(skills.back()));
    }
    const auto pick = [&](int max) {
        std::vector<std::string> chosen = skills;
        std::shuffle(chosen.begin(), chosen.end(), rng);
        chosen.resize(std::uniform_int_distribution<int>(0, max)(rng));
        return chosen;
    };
    RandomData data;
    std::vector<Graduate> gs;
    for (int i = 0; i < graduates; ++i) {
        Graduate g = testing::make_graduate("g" + std::to_string(rng() % 100000));
        g.skills.clear();
        for (const std::string& s : pick(12)) {
            GraduateSkill skill{s, std::uniform_int_distribution<int>(0, 5)(rng), {}};
            for (unsigned e = rng() % 3; e > 0; --e) {
                skill.evidence.push_back({EvidenceKind::kInternship, "ref" + std::to_string(e)});
            }
            g.skills.push_back(skill);
        }
        if (rng() % 4 == 0) g.certificates.clear();
        if (rng() % 3 == 0) g.preferred_districts = {"longgang"};
        gs.push_back(g);
    }
    store.upsert_many(std::span<const Graduate>(gs), BulkMode::kCommitValid);
    std::vector<Job> js;
    for (int i = 0; i < jobs; ++i) {
        Job j = testing::make_job("j" + std::to_string(rng() % 100000));
        j.requirements.clear();
        for (const std::string& s : pick(9))
            j.requirements.push_back({s, 1 + int(rng() % 5), 1 + int(rng() % 10), rng() % 2 == 0});
        if (j.requirements.empty()) j.requirements.push_back({"s1", 1, 1, false});
        js.push_back(j);
    }
    store.upsert_many(std::span<const Job>(js), BulkMode::kCommitValid);
    // Later duplicates of an id replaced earlier ones.
    for (Graduate g : gs) {
        canonicalize(g);
        data.graduates[g.id] = g;
    }
    for (Job j : js) {
        canonicalize(j);
        data.jobs[j.id] = j;
    }
    return data;
}

TEST_F(ScanTest, ScansReturnWhatWasWrittenInIdOrder) {
    Store store(db_path());
    const RandomData data = write_random(store, 400, 150, 7);
    std::vector<Graduate> scanned;
    store.scan<Graduate>({}, [&](const Graduate& g) { scanned.push_back(g); });
    ASSERT_EQ(scanned.size(), data.graduates.size());
    auto expected = data.graduates.begin();
    for (const Graduate& g : scanned) EXPECT_EQ(g, (expected++)->second);
    std::vector<Job> jobs;
    store.scan<Job>({}, [&](const Job& j) { jobs.push_back(j); });
    ASSERT_EQ(jobs.size(), data.jobs.size());
    auto expected_job = data.jobs.begin();
    for (const Job& j : jobs) EXPECT_EQ(j, (expected_job++)->second);
}

TEST_F(ScanTest, ScanAgreesWithPointReads) {
    Store store(db_path());
    write_random(store, 120, 60, 11);
    store.scan<Graduate>({}, [&](const Graduate& g) { EXPECT_EQ(store.get<Graduate>(g.id), g); });
    store.scan<Job>({}, [&](const Job& j) { EXPECT_EQ(store.get<Job>(j.id), j); });
    store.scan<Program>({}, [&](const Program& p) { EXPECT_EQ(store.get<Program>(p.id), p); });
    store.scan<Skill>({}, [&](const Skill& s) { EXPECT_EQ(store.get<Skill>(s.id), s); });
}

TEST_F(ScanTest, SkippingEvidenceLeavesEverythingElse) {
    Store store(db_path());
    const RandomData data = write_random(store, 100, 0, 3);
    ScanOptions options;
    options.with_evidence = false;
    auto expected = data.graduates.begin();
    store.scan<Graduate>(options, [&](const Graduate& g) {
        Graduate stripped = (expected++)->second;
        for (GraduateSkill& s : stripped.skills) s.evidence.clear();
        EXPECT_EQ(g, stripped);
    });
    EXPECT_EQ(expected, data.graduates.end());
}

TEST_F(ScanTest, ScanRangesSplitTheDataWithoutGapsOrOverlap) {
    Store store(db_path());
    const RandomData data = write_random(store, 200, 0, 5);
    std::vector<std::string> ids;
    ScanOptions options;
    options.limit = 33;
    for (;;) {
        std::size_t got = 0;
        store.scan<Graduate>(options, [&](const Graduate& g) {
            ids.push_back(g.id);
            options.after_id = g.id;
            EXPECT_EQ(g, data.graduates.at(g.id));
            ++got;
        });
        if (got < options.limit) break;
    }
    std::vector<std::string> expected;
    for (const auto& [id, g] : data.graduates) expected.push_back(id);
    EXPECT_EQ(ids, expected);
}

TEST_F(ScanTest, AnEmptyStoreScansNothing) {
    Store store(db_path());
    int calls = 0;
    store.scan<Graduate>({}, [&](const Graduate&) { ++calls; });
    store.scan<Job>({}, [&](const Job&) { ++calls; });
    EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace talentmatch::store
