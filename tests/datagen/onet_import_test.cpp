// The O*NET 29.2 importer on the real tables in data/realdata.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "datagen/dataset_writer.hpp"
#include "datagen/onet_generator.hpp"
#include "datagen/onet_import.hpp"
#include "models/validation.hpp"
#include "tests/datagen/dataset_files.hpp"

namespace talentmatch::datagen {
namespace {

namespace fs = std::filesystem;

const OnetDataset& onet() {
    static const OnetDataset data = import_onet(TALENTMATCH_REALDATA_DIR "/onet-29.2");
    return data;
}

const Job& job(const std::string& id) {
    const auto& jobs = onet().jobs;
    const auto it =
        std::find_if(jobs.begin(), jobs.end(), [&](const Job& j) { return j.id == id; });
    if (it == jobs.end()) throw std::runtime_error("no job " + id);
    return *it;
}

const Requirement* requirement(const Job& j, const std::string& skill) {
    for (const auto& r : j.requirements) {
        if (r.skill_id == skill) return &r;
    }
    return nullptr;
}

TEST(OnetMapping, RescalesLevelsAndWeights) {
    EXPECT_EQ(onet_level(0.0), 1);
    EXPECT_EQ(onet_level(3.5), 3);  // 2.5 rounds up
    EXPECT_EQ(onet_level(4.38), 3);
    EXPECT_EQ(onet_level(6.3), 5);
    EXPECT_EQ(onet_level(7.0), 5);
    EXPECT_EQ(onet_weight(1.0), 2);
    EXPECT_EQ(onet_weight(3.0), 6);
    EXPECT_EQ(onet_weight(3.38), 7);
    EXPECT_EQ(onet_weight(5.0), 10);
    EXPECT_EQ(onet_education_from_rl_category(2), EducationLevel::kSecondaryVocational);
    EXPECT_EQ(onet_education_from_rl_category(5), EducationLevel::kHigherVocational);
    EXPECT_EQ(onet_education_from_rl_category(6), EducationLevel::kBachelor);
    EXPECT_EQ(onet_education_from_rl_category(8), EducationLevel::kMaster);
    EXPECT_EQ(onet_education_from_job_zone(3), EducationLevel::kHigherVocational);
}

TEST(OnetImport, CountsSkillsJobsAndEmployers) {
    const auto& d = onet();
    EXPECT_EQ(d.skills.size(), 68u);  // 35 skills + 33 knowledge elements
    EXPECT_EQ(d.stats.occupations_listed, 1016u);
    EXPECT_EQ(d.jobs.size(), 879u);  // the occupations with ratings
    EXPECT_EQ(d.employers.size(), 22u);
    std::size_t requirements = 0;
    for (const auto& j : d.jobs) requirements += j.requirements.size();
    EXPECT_EQ(requirements, d.stats.requirements);
    EXPECT_GT(d.stats.rows_suppressed, 0u);
    EXPECT_GT(d.stats.rows_not_relevant, 0u);
}

TEST(OnetImport, SkillsAreBilingualAndGroupedByContentModel) {
    for (const auto& s : onet().skills) {
        EXPECT_FALSE(s.name_en.empty()) << s.id;
        EXPECT_FALSE(s.name_zh.empty()) << s.id;
        EXPECT_TRUE(validate(s, s.id).empty()) << s.id;
    }
    const auto& first = onet().skills.front();
    EXPECT_EQ(first.id, "2.A.1.a");
    EXPECT_EQ(first.name_en, "Reading Comprehension");
    EXPECT_EQ(first.category, "onet.skills.content");
}

TEST(OnetImport, MapsElectricalEngineersRequirements) {
    // Skills.txt, 17-2071.00: Reading Comprehension IM 4, LV 4.38; Mathematics
    // IM 3.38, LV 4.12; Persuasion IM 2.88 (below 3.0: dropped); Installation
    // LV marked Not Relevant (dropped). RL: 11 % associate, 82 % bachelor.
    const Job& j = job("onet-17-2071.00");
    EXPECT_EQ(j.title, "Electrical Engineers");
    EXPECT_EQ(j.employer_id, "onet-emp-17");
    EXPECT_EQ(j.cluster, "soc-17");
    const Requirement* reading = requirement(j, "2.A.1.a");
    ASSERT_NE(reading, nullptr);
    EXPECT_EQ(reading->level, 3);
    EXPECT_EQ(reading->weight, 8);
    EXPECT_TRUE(reading->must_have);
    const Requirement* maths = requirement(j, "2.A.1.e");
    ASSERT_NE(maths, nullptr);
    EXPECT_EQ(maths->level, 3);
    EXPECT_EQ(maths->weight, 7);
    EXPECT_FALSE(maths->must_have);
    EXPECT_EQ(requirement(j, "2.B.1.c"), nullptr);
    EXPECT_EQ(requirement(j, "2.B.3.d"), nullptr);
    EXPECT_EQ(j.min_education, EducationLevel::kBachelor);
}

TEST(OnetImport, SkipsSuppressedRatings) {
    // Knowledge.txt, 27-3043.00 English Language: IM 5 but Recommend Suppress = Y.
    EXPECT_EQ(requirement(job("onet-27-3043.00"), "2.C.7.a"), nullptr);
}

TEST(OnetImport, WorkerProfileHoldsEveryRatedElementAtItsLevel) {
    // The holder of 17-2071.00 has Persuasion (IM 2.88, dropped from the job)
    // at LV 3 -> level 2, and not Installation (LV Not Relevant).
    const auto& d = onet();
    ASSERT_EQ(d.workers.size(), d.jobs.size());
    const auto it = std::find_if(d.workers.begin(), d.workers.end(), [](const Graduate& g) {
        return g.id == "onet-worker-17-2071.00";
    });
    ASSERT_NE(it, d.workers.end());
    const auto level = [&](const std::string& skill) {
        for (const auto& s : it->skills) {
            if (s.skill_id == skill) return s.level;
        }
        return 0;
    };
    EXPECT_EQ(level("2.B.1.c"), 2);
    EXPECT_EQ(level("2.A.1.a"), 3);
    EXPECT_EQ(level("2.B.3.d"), 0);
    EXPECT_GT(it->skills.size(), job("onet-17-2071.00").requirements.size());
    EXPECT_EQ(it->education_level, EducationLevel::kMaster);
    EXPECT_FALSE(it->seeking);
    EXPECT_EQ(it->institution_id, kOnetWorkerInstitution);
}

TEST(OnetImport, SkillsOnlyImportLeavesKnowledgeOut) {
    OnetRules rules;
    rules.knowledge = false;
    const auto d = import_onet(TALENTMATCH_REALDATA_DIR "/onet-29.2", rules);
    EXPECT_EQ(d.skills.size(), 35u);
    EXPECT_EQ(d.jobs.size(), 879u);
    for (const auto& w : d.workers) {
        for (const auto& s : w.skills) EXPECT_FALSE(s.skill_id.starts_with("2.C")) << w.id;
    }
}

TEST(OnetImport, EveryJobIsValid) {
    KnownIds known;
    for (const auto& s : onet().skills) known.skills.insert(s.id);
    for (const auto& e : onet().employers) known.employers.insert(e.id);
    for (const auto& j : onet().jobs) {
        const auto errors = validate(j, known, j.id);
        EXPECT_TRUE(errors.empty()) << j.id << ": " << (errors.empty() ? "" : to_string(errors[0]));
    }
}

TEST(OnetGenerator, WritesAValidDataSetWithAttribution) {
    const fs::path dir = testing::fresh_dir("onet");
    OnetGenerationConfig config;
    config.graduates = 400;
    config.seed = 3;
    {
        DatasetWriter out(dir);
        const auto summary =
            generate_from_onet(onet(), {{"nanshan", "南山区", "Nanshan"}}, config, out);
        out.finish();
        EXPECT_EQ(summary.graduates, 400 + 879);  // synthetic + one holder per occupation
        EXPECT_EQ(summary.jobs, 879);
    }
    const auto data = testing::read_dataset(dir);
    const auto errors = testing::validate_dataset(data);
    EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : to_string(errors[0]));
    std::size_t with_job = 0;
    for (const auto& g : data.graduates) {
        with_job += std::any_of(data.jobs.begin(), data.jobs.end(),
                                [&](const Job& j) { return testing::eligible(g, j); })
                        ? 1
                        : 0;
    }
    EXPECT_GE(with_job, data.graduates.size() / 4);
    const auto workers =
        std::count_if(data.graduates.begin(), data.graduates.end(),
                      [](const Graduate& g) { return g.program_id == kOnetWorkerProgram; });
    EXPECT_EQ(workers, 879);
    EXPECT_NE(testing::file_bytes(dir / "ATTRIBUTION.txt").find("CC BY 4.0"), std::string::npos);
    EXPECT_TRUE(fs::exists(dir / ".complete"));
    fs::remove_all(dir);
}

}  // namespace
}  // namespace talentmatch::datagen
