// Teachers <-> enterprise projects over HTTP: tenancy of the two kinds, their
// rules, and both query directions checked pair by pair against the SPEC
// score computed here (exact rationals, must-haves, ended projects, teachers
// not available, ties by id), not against the matcher.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "api_harness.hpp"
#include "match_list_check.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/json_codec.hpp"
#include "tests/common/connection_reference.hpp"

namespace talentmatch::api::testing {
namespace {

using nlohmann::json;

json teacher(const std::string& id, const std::string& institution, int s1_level = 4,
             bool available = true) {
    return {{"id", id},
            {"institution_id", institution},
            {"expertise", json::array({{{"skill_id", "s1"}, {"level", s1_level}}})},
            {"dual_qualified", true},
            {"available", available}};
}

json project(const std::string& id, const std::string& employer, int s1_level = 3) {
    return {{"id", id},
            {"employer_id", employer},
            {"title", "产线数字化改造"},
            {"requirements",
             json::array({{{"skill_id", "s1"}, {"level", s1_level}, {"must_have", true}}})},
            {"team_size", 2},
            {"start_date", "2026-03-01"},
            {"end_date", "2099-12-31"}};
}

TEST(TeachersProjects, EachTenantWritesAndSeesOnlyItsOwnTeachersAndProjects) {
    Harness h;
    EXPECT_EQ(h.put("/v1/teachers/t1", teacher("t1", "I1").dump(), "office_I1").status, 201);
    const auto foreign = h.put("/v1/teachers/t2", teacher("t2", "I2").dump(), "office_I1");
    EXPECT_EQ(foreign.status, 422) << foreign.body;
    EXPECT_EQ(foreign.json()["errors"][0]["path"], "institution_id");
    EXPECT_EQ(h.get("/v1/teachers/t1", "office_I1").json(), teacher("t1", "I1"));
    EXPECT_EQ(h.get("/v1/teachers/t1", "office_I2").status, 404);
    EXPECT_EQ(h.del("/v1/teachers/t1", "office_I2").status, 404);
    EXPECT_EQ(h.get("/v1/teachers", "assoc_A1").status, 403);
    EXPECT_EQ(h.get("/v1/teachers", "office_I2").json()["items"].size(), 0u);

    EXPECT_EQ(h.put("/v1/projects/p1", project("p1", "E1").dump(), "assoc_A1").status, 201);
    const auto other = h.put("/v1/projects/p2", project("p2", "E2").dump(), "assoc_A1");
    EXPECT_EQ(other.status, 422) << other.body;
    EXPECT_EQ(other.json()["errors"][0]["path"], "employer_id");
    EXPECT_EQ(h.put("/v1/projects/p3", project("p3", "E1").dump(), "office_I1").status, 403);
    EXPECT_EQ(h.get("/v1/projects/p1", "office_I1").status, 200);
    EXPECT_EQ(h.get("/v1/projects/p1", "viewer").status, 403);

    // The rules: a period that ends before it starts, no requirement, a team of 0.
    json bad = project("p4", "E1");
    bad["end_date"] = "2026-02-01";
    const auto backwards = h.put("/v1/projects/p4", bad.dump(), "assoc_A1");
    EXPECT_EQ(backwards.status, 422) << backwards.body;
    EXPECT_EQ(backwards.json()["errors"][0]["path"], "end_date");
    bad = project("p4", "E1");
    bad["requirements"] = json::array();
    bad["team_size"] = 0;
    const auto empty = h.put("/v1/projects/p4", bad.dump(), "assoc_A1");
    ASSERT_EQ(empty.status, 422) << empty.body;
    std::set<std::string> paths;
    const json errors = empty.json()["errors"];
    for (const auto& e : errors) paths.insert(e["path"].get<std::string>());
    EXPECT_EQ(paths, (std::set<std::string>{"requirements", "team_size"}));

    // The queries follow the same roles: a viewer asks neither; an association
    // asks no teacher's projects; a career office only its own teacher's.
    h.wait_snapshot_current();
    EXPECT_EQ(h.get("/v1/teachers/t1/projects", "viewer").status, 403);
    EXPECT_EQ(h.get("/v1/projects/p1/teachers", "viewer").status, 403);
    EXPECT_EQ(h.get("/v1/teachers/t1/projects", "assoc_A1").status, 403);
    EXPECT_EQ(h.get("/v1/teachers/t1/projects", "office_I2").status, 404);
    EXPECT_EQ(h.get("/v1/teachers/t1/projects", "office_I1").status, 200);
    EXPECT_EQ(h.get("/v1/projects/p1/teachers", "assoc_A2").status, 403);
    EXPECT_EQ(h.get("/v1/projects/nope/teachers", "assoc_A1").status, 404);

    // An employer or institution still referenced cannot be deleted.
    EXPECT_EQ(h.del("/v1/employers/E1").status, 409);
    EXPECT_EQ(h.del("/v1/teachers/t1", "office_I1").status, 204);
    EXPECT_EQ(h.get("/v1/teachers/t1", "office_I1").status, 404);
}

TEST(TeachersProjects, BulkCsvTakesTeachersWithAResultPerRow) {
    Harness h;
    const std::string csv =
        "id,institution_id,expertise,dual_qualified,available\n"
        "t1,I1,s1:4;s2:2,true,true\n"
        "t2,I1,s9:3,false,true\n"
        "t3,I2,s1:1,false,false\n";
    const auto r = h.post("/v1/teachers:bulk", csv, "office_I1", "text/csv");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items[0]["status"], "created");
    EXPECT_EQ(items[1]["status"], "invalid");
    EXPECT_EQ(items[1]["errors"][0]["path"], "expertise[0].skill_id");
    EXPECT_EQ(items[2]["status"], "invalid");  // another institution's teacher
    const auto t1 = h.get("/v1/teachers/t1", "office_I1").json();
    EXPECT_EQ(t1["expertise"].size(), 2u);
}

using talentmatch::testing::rank_best_first;
using talentmatch::testing::RankedPair;
using talentmatch::testing::reference_score;

TEST(TeachersProjects, BothDirectionsAgreeWithTheReferenceScoreOnRandomData) {
    Harness h;
    std::mt19937 rng(13);
    const std::vector<std::string> skills = {"s1", "s2", "s3", "s4", "s5", "s6"};
    const std::string today = matcher::today_utc();
    std::vector<Teacher> teachers;
    json teacher_bodies = json::array();
    for (int i = 0; i < 60; ++i) {
        Teacher t{cat("t", 100 + i), i % 3 == 0 ? "I2" : "I1", {}, false, rng() % 4 != 0};
        for (const auto& s : skills) {
            if (rng() % 2) t.expertise.push_back({s, static_cast<int>(rng() % 6)});
        }
        teacher_bodies.push_back(encode(t));
        teachers.push_back(std::move(t));
    }
    std::vector<Project> projects;
    json project_bodies = json::array();
    const std::string ends[] = {"", "2099-12-31", "2020-06-30", today};
    for (int i = 0; i < 30; ++i) {
        Project p{cat("p", 100 + i), i % 2 ? "E2" : "E1", cat("项目 ", i), {}, 1, "",
                  ends[rng() % 4]};
        std::vector<std::string> picked = skills;
        std::shuffle(picked.begin(), picked.end(), rng);
        const int n = 1 + static_cast<int>(rng() % 4);
        for (int r = 0; r < n; ++r) {
            p.requirements.push_back({picked[r], 1 + static_cast<int>(rng() % 5),
                                      1 + static_cast<int>(rng() % 10), rng() % 4 == 0});
        }
        project_bodies.push_back(encode(p));
        projects.push_back(std::move(p));
    }
    ASSERT_EQ(h.post("/v1/teachers:bulk?atomic=true", teacher_bodies.dump()).status, 200);
    ASSERT_EQ(h.post("/v1/projects:bulk?atomic=true", project_bodies.dump()).status, 200);
    h.wait_snapshot_current();

    std::size_t pairs = 0;
    for (const Teacher& t : teachers) {
        std::vector<RankedPair> want;
        for (const Project& p : projects) {
            if (const auto s = reference_score(t, p, today)) want.push_back({p.id, *s});
        }
        rank_best_first(want);
        pairs += want.size();
        const auto got = h.get(cat("/v1/teachers/", t.id, "/projects?k=1000"));
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], want, "project_id", t.id);
    }
    for (const Project& p : projects) {
        for (const bool everyone : {false, true}) {
            std::vector<RankedPair> want;
            for (const Teacher& t : teachers) {
                if (!t.available && !everyone) continue;
                if (const auto s = reference_score(t, p, today)) want.push_back({t.id, *s});
            }
            rank_best_first(want);
            const auto got = h.get(cat("/v1/projects/", p.id, "/teachers?k=1000",
                                       everyone ? "&include_not_available=true" : ""));
            ASSERT_EQ(got.status, 200) << got.body;
            expect_match_list(got.json()["matches"], want, "teacher_id", p.id);
        }
        // A career office sees only its own teachers.
        std::vector<RankedPair> own;
        for (const Teacher& t : teachers) {
            if (t.institution_id != "I1" || !t.available) continue;
            if (const auto s = reference_score(t, p, today)) own.push_back({t.id, *s});
        }
        rank_best_first(own);
        const auto got = h.get(cat("/v1/projects/", p.id, "/teachers?k=1000"), "office_I1");
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], own, "teacher_id", cat(p.id, " (office_I1)"));
        // An association queries its own employers' projects only.
        EXPECT_EQ(h.get(cat("/v1/projects/", p.id, "/teachers"), "assoc_A1").status,
                  p.employer_id == "E1" ? 200 : 403);
    }
    EXPECT_GT(pairs, 100u);  // the data is not so sparse that nothing is compared

    // A teacher of another institution is not found; an explanation speaks of the pair.
    EXPECT_EQ(h.get("/v1/teachers/t100/projects", "office_I1").status, 404);  // t100 is I2's
    const auto explained = h.get("/v1/teachers/t101/projects?k=3&explain=true", "office_I1");
    ASSERT_EQ(explained.status, 200) << explained.body;
    const json matches = explained.json()["matches"];
    ASSERT_FALSE(matches.empty());
    for (const auto& m : matches) {
        EXPECT_EQ(m["explanation"]["teacher_id"], "t101");
        EXPECT_EQ(m["explanation"]["project_id"], m["project_id"]);
        EXPECT_EQ(m["explanation"]["coverage"], m["coverage"]);
        EXPECT_FALSE(m["explanation"].contains("job_id"));
    }
}

TEST(TeachersProjects, AChangedTeacherIsVisibleWithoutRebuildingTheMainSnapshotsContent) {
    Harness h;
    ASSERT_EQ(h.put("/v1/projects/p1", project("p1", "E1", 3).dump(), "assoc_A1").status, 201);
    ASSERT_EQ(h.put("/v1/teachers/t1", teacher("t1", "I1", 2).dump(), "office_I1").status, 201);
    h.wait_snapshot_current();
    const auto before = h.get("/v1/graduates/g1/matches").json();
    EXPECT_EQ(h.get("/v1/teachers/t1/projects", "office_I1").json()["matches"].size(), 0u);
    ASSERT_EQ(h.put("/v1/teachers/t1", teacher("t1", "I1", 3).dump(), "office_I1").status, 200);
    h.wait_snapshot_current();
    const auto after = h.get("/v1/teachers/t1/projects", "office_I1").json()["matches"];
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0]["project_id"], "p1");
    EXPECT_EQ(after[0]["employer_id"], "E1");
    EXPECT_EQ(h.get("/v1/graduates/g1/matches").json(), before);
}

}  // namespace
}  // namespace talentmatch::api::testing
