// Practice bases' training programs ("practical training <-> job skills") over
// HTTP against a real server on loopback: a career office keeps its own, every
// role but viewer reads them; both query directions pair by pair against
// SPEC's score computed here from the entities (tests/common/connection_reference.hpp),
// not against the matcher; a program not taking trainees (capacity 0) is left
// out of a job's list; and its capacity counts as projected supply.
#include <gtest/gtest.h>

#include <set>

#include "api_harness.hpp"
#include "match_list_check.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/json_codec.hpp"

namespace talentmatch::api::testing {
namespace {

using nlohmann::json;
using talentmatch::testing::rank_best_first;
using talentmatch::testing::RankedPair;
using talentmatch::testing::reference_score;

json training(const std::string& id, const std::string& institution, int s1_level, int capacity) {
    return {{"id", id},
            {"institution_id", institution},
            {"base", "新能源汽车产业学院"},
            {"base_kind", "industry_college"},
            {"name", "动力电池装配实训"},
            {"cluster", "battery"},
            {"district", "Nanshan"},
            {"skills", json::array({{{"skill_id", "s1"}, {"level", s1_level}},
                                    {{"skill_id", "s2"}, {"level", 2}}})},
            {"certificates", json::array()},
            {"capacity", capacity}};
}

// The projected supply of s1 in the overall supply-demand answer.
std::uint64_t projected_s1(Harness& h) {
    const json answer = h.get("/v1/supply-demand").json();
    for (const json& k : answer["skills"]) {
        if (k["skill_id"] == "s1") return k["projected"].get<std::uint64_t>();
    }
    ADD_FAILURE() << answer;
    return 0;
}

TEST(TrainingPrograms, CareerOfficesKeepTheirOwnAndEveryoneButViewersReadThem) {
    Harness h;
    EXPECT_EQ(
        h.put("/v1/training_programs/T1", training("T1", "I1", 3, 40).dump(), "office_I1").status,
        201);
    const auto other =
        h.put("/v1/training_programs/T2", training("T2", "I1", 3, 40).dump(), "office_I2");
    ASSERT_EQ(other.status, 422) << other.body;
    EXPECT_EQ(other.json()["errors"][0]["path"], "institution_id");
    EXPECT_EQ(
        h.put("/v1/training_programs/T2", training("T2", "I2", 1, 0).dump(), "office_I2").status,
        201);
    EXPECT_EQ(h.get("/v1/training_programs/T1", "assoc_A1").json(), training("T1", "I1", 3, 40));
    EXPECT_EQ(h.get("/v1/training_programs/T1", "office_I2").status, 200);
    EXPECT_EQ(h.get("/v1/training_programs/T1", "viewer").status, 403);
    EXPECT_EQ(h.get("/v1/training_programs", "office_I1").json()["items"].size(), 1u);
    EXPECT_EQ(h.get("/v1/training_programs", "assoc_A1").json()["items"].size(), 2u);
    EXPECT_EQ(h.del("/v1/training_programs/T2", "office_I1").status, 403);
    json bad = training("T3", "I1", 3, -1);
    bad["skills"] = json::array();
    const auto t3 = h.put("/v1/training_programs/T3", bad.dump(), "office_I1");
    ASSERT_EQ(t3.status, 422) << t3.body;
    std::set<std::string> paths;
    for (const auto& e : json(t3.json()["errors"])) paths.insert(e["path"].get<std::string>());
    EXPECT_EQ(paths, (std::set<std::string>{"capacity", "skills"}));
    json garage = training("T3", "I1", 3, 10);
    garage["base_kind"] = "garage";
    const auto t4 = h.put("/v1/training_programs/T3", garage.dump(), "office_I1");
    ASSERT_EQ(t4.status, 422) << t4.body;
    EXPECT_EQ(t4.json()["errors"][0]["path"], "base_kind");
}

TEST(TrainingPrograms, BothDirectionsAreTheReferenceRanking) {
    Harness h;
    const std::vector<json> programs = {training("T1", "I1", 3, 40), training("T2", "I1", 2, 25),
                                        training("T3", "I2", 1, 0)};
    for (const json& t : programs) {
        ASSERT_EQ(h.put("/v1/training_programs/" + t["id"].get<std::string>(), t.dump()).status,
                  201);
    }
    h.wait_snapshot_current();
    const std::string today = matcher::today_utc();
    std::vector<Job> jobs;
    for (const char* id : {"j1", "j2"}) {
        std::vector<FieldError> errors;
        jobs.push_back(*decode_job(h.get(std::string("/v1/jobs/") + id).json(), "", errors));
    }
    const auto profile = [](const json& t) {
        std::vector<SkillLevel> out;
        for (const json& s : t["skills"]) out.push_back({s["skill_id"], s["level"].get<int>()});
        return out;
    };
    for (const json& t : programs) {
        std::vector<RankedPair> want;
        for (const Job& j : jobs) {
            if (const auto score =
                    reference_score(profile(t), j.requirements, j.valid_until, today))
                want.push_back({j.id, *score});
        }
        rank_best_first(want);
        const std::string id = t["id"];
        const auto r = h.get("/v1/training_programs/" + id + "/jobs");
        ASSERT_EQ(r.status, 200) << r.body;
        expect_match_list(r.json()["matches"], want, "job_id", id);
    }
    for (const Job& j : jobs) {
        for (const bool all : {false, true}) {
            std::vector<RankedPair> want;
            for (const json& t : programs) {
                if (!all && t["capacity"] == 0) continue;  // not taking trainees
                if (const auto score =
                        reference_score(profile(t), j.requirements, j.valid_until, today))
                    want.push_back({t["id"], *score});
            }
            rank_best_first(want);
            const auto r = h.get("/v1/jobs/" + j.id + "/training_programs" +
                                 (all ? "?include_not_available=true" : ""));
            ASSERT_EQ(r.status, 200) << r.body;
            expect_match_list(r.json()["matches"], want, "training_program_id", j.id);
        }
    }
    // Tenancy: a training program's list is its own office's; a job's list,
    // for an office, holds its own institution's programs.
    EXPECT_EQ(h.get("/v1/training_programs/T1/jobs", "office_I2").status, 404);
    EXPECT_EQ(h.get("/v1/training_programs/T1/jobs", "office_I1").status, 200);
    const json for_i2 =
        h.get("/v1/jobs/j1/training_programs?include_not_available=true", "office_I2")
            .json()["matches"];
    ASSERT_EQ(for_i2.size(), 1u);
    EXPECT_EQ(for_i2[0]["training_program_id"], "T3");
    EXPECT_EQ(h.get("/v1/jobs/j2/training_programs", "assoc_A1").status, 403);  // A2's job
}

TEST(TrainingPrograms, CapacityCountsAsProjectedSupply) {
    Harness h;
    h.wait_snapshot_current();
    const std::uint64_t before = projected_s1(h);
    // Trains s1 to 3, every level j1 and j2 ask for: 40 more at every level.
    ASSERT_EQ(h.put("/v1/training_programs/T1", training("T1", "I1", 3, 40).dump()).status, 201);
    h.wait_snapshot_current();
    EXPECT_EQ(projected_s1(h), before + 40);
    const json groups = h.get("/v1/supply-demand").json()["groups"];
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0]["projected_training"], 40);
}

}  // namespace
}  // namespace talentmatch::api::testing
