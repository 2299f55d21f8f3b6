// Programs <-> occupational standards ("curriculum standards <-> professional
// standards") over HTTP: standards as admin-written reference data, both
// query directions checked pair by pair against the SPEC score of a
// program's curriculum computed here (exact rationals, must-haves, ties by
// id), not against the matcher; a program's alignment with one chosen
// standard; a career office's tenancy.
#include <gtest/gtest.h>

#include <algorithm>
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
using talentmatch::testing::rank_best_first;
using talentmatch::testing::RankedPair;
using talentmatch::testing::reference_score;

json standard(const std::string& id, int s1_level = 3) {
    return {
        {"id", id},
        {"name_zh", "电池管理系统工程师"},
        {"name_en", "Battery management system engineer"},
        {"code", "6-25-04-07"},
        {"source", "国家职业技能标准 (2026)"},
        {"requirements",
         json::array({{{"skill_id", "s1"}, {"level", s1_level}, {"weight", 5}, {"must_have", true}},
                      {{"skill_id", "s3"}, {"level", 3}, {"weight", 2}, {"must_have", false}}})}};
}

TEST(Standards, AdminWritesThemEveryRoleReadsThem) {
    Harness h;
    EXPECT_EQ(h.put("/v1/occupational_standards/st1", standard("st1").dump()).status, 201);
    EXPECT_EQ(h.put("/v1/occupational_standards/st2", standard("st2").dump(), "office_I1").status,
              403);
    EXPECT_EQ(h.put("/v1/occupational_standards/st2", standard("st2").dump(), "assoc_A1").status,
              403);
    for (const char* key : {"office_I1", "assoc_A1", "viewer", "research_I1"}) {
        EXPECT_EQ(h.get("/v1/occupational_standards/st1", key).json(), standard("st1")) << key;
    }
    json bad = standard("st3");
    bad["requirements"] = json::array();
    const auto r = h.put("/v1/occupational_standards/st3", bad.dump());
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.json()["errors"][0]["path"], "requirements");
    // A skill a standard requires cannot be deleted.
    EXPECT_EQ(h.del("/v1/skills/s3").status, 409);
}

TEST(Standards, AProgramsAlignmentWithOneChosenStandardNamesWhatToAdd) {
    Harness h;
    ASSERT_EQ(h.put("/v1/occupational_standards/st1", standard("st1").dump()).status, 201);
    h.wait_snapshot_current();
    // P1 teaches s1 at 3 and s2 at 2: s1 is met, s3 (level 3, weight 2) is missing.
    const auto r = h.get("/v1/programs/P1/standards?standard=st1&lang=en", "office_I1");
    ASSERT_EQ(r.status, 200) << r.body;
    const json e = r.json()["explanation"];
    EXPECT_EQ(e["program_id"], "P1");
    EXPECT_EQ(e["occupational_standard_id"], "st1");
    EXPECT_NEAR(e["coverage"].get<double>(), 15.0 / 21.0, 1e-12);  // (5*3) / (5*3 + 2*3)
    bool names_s3 = false;
    for (const auto& step : json(e["learning_plan"])) names_s3 |= step["skill_id"] == "s3";
    EXPECT_TRUE(names_s3) << e.dump();
    EXPECT_EQ(h.get("/v1/programs/P1/standards?standard=st1", "office_I2").status, 404);
    EXPECT_EQ(h.get("/v1/programs/P1/standards?standard=nope", "office_I1").status, 422);
    EXPECT_EQ(h.get("/v1/programs/P1/standards", "assoc_A1").status, 403);
}

TEST(Standards, BothDirectionsAgreeWithTheReferenceScoreOnRandomData) {
    Harness h;
    std::mt19937 rng(41);
    const std::vector<std::string> skills = {"s1", "s2", "s3", "s4", "s5", "s6"};
    const std::string today = matcher::today_utc();
    std::vector<Program> programs;
    json program_bodies = json::array();
    for (int i = 0; i < 40; ++i) {
        Program p;
        p.id = cat("pr", 100 + i);
        p.institution_id = i % 3 == 0 ? "I2" : "I1";
        p.name = cat("专业 ", i);
        p.cohort_size = 30;
        for (const auto& s : skills) {
            if (rng() % 2) p.curriculum.push_back({s, 1 + static_cast<int>(rng() % 5)});
        }
        program_bodies.push_back(encode(p));
        programs.push_back(std::move(p));
    }
    std::vector<OccupationalStandard> standards;
    json standard_bodies = json::array();
    for (int i = 0; i < 25; ++i) {
        OccupationalStandard st;
        st.id = cat("st", 100 + i);
        st.name_en = cat("Standard ", i);
        std::vector<std::string> picked = skills;
        std::shuffle(picked.begin(), picked.end(), rng);
        const int n = 1 + static_cast<int>(rng() % 4);
        for (int r = 0; r < n; ++r) {
            st.requirements.push_back({picked[r], 1 + static_cast<int>(rng() % 5),
                                       1 + static_cast<int>(rng() % 10), rng() % 4 == 0});
        }
        standard_bodies.push_back(encode(st));
        standards.push_back(std::move(st));
    }
    ASSERT_EQ(h.post("/v1/programs:bulk?atomic=true", program_bodies.dump()).status, 200);
    ASSERT_EQ(h.post("/v1/occupational_standards:bulk?atomic=true", standard_bodies.dump()).status,
              200);
    h.wait_snapshot_current();
    // The seeded programs P1 and P2 are part of the world too.
    for (const char* id : {"P1", "P2"}) {
        std::vector<FieldError> errors;
        const auto seeded = decode_program(h.get(cat("/v1/programs/", id)).json(), "", errors);
        ASSERT_TRUE(seeded) << id;
        programs.push_back(*seeded);
    }

    std::size_t pairs = 0;
    for (const Program& p : programs) {
        std::vector<RankedPair> want;
        for (const OccupationalStandard& st : standards) {
            if (const auto s = reference_score(p, st, today)) want.push_back({st.id, *s});
        }
        rank_best_first(want);
        pairs += want.size();
        const auto got = h.get(cat("/v1/programs/", p.id, "/standards?k=1000"));
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], want, "occupational_standard_id", p.id);
    }
    for (const OccupationalStandard& st : standards) {
        std::vector<RankedPair> want, own;
        for (const Program& p : programs) {
            if (const auto s = reference_score(p, st, today)) {
                want.push_back({p.id, *s});
                if (p.institution_id == "I1") own.push_back({p.id, *s});
            }
        }
        rank_best_first(want);
        rank_best_first(own);
        const auto got = h.get(cat("/v1/occupational_standards/", st.id, "/programs?k=1000"));
        ASSERT_EQ(got.status, 200) << got.body;
        expect_match_list(got.json()["matches"], want, "program_id", st.id);
        // A career office sees only its own programs.
        const auto mine =
            h.get(cat("/v1/occupational_standards/", st.id, "/programs?k=1000"), "office_I1");
        ASSERT_EQ(mine.status, 200) << mine.body;
        expect_match_list(mine.json()["matches"], own, "program_id", cat(st.id, " (office_I1)"));
    }
    EXPECT_GT(pairs, 100u);  // the data is not so sparse that nothing is compared
    EXPECT_EQ(h.get("/v1/programs/pr100/standards", "office_I1").status, 404);  // I2's program
}

}  // namespace
}  // namespace talentmatch::api::testing
