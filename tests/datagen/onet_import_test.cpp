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
    // Quintile cuts 1.53, 2.30, 3.00, 3.68: a level per fifth of the ratings.
    EXPECT_EQ(onet_level(0.0), 1);
    EXPECT_EQ(onet_level(1.52), 1);
    EXPECT_EQ(onet_level(1.53), 2);
    EXPECT_EQ(onet_level(2.29), 2);
    EXPECT_EQ(onet_level(2.30), 3);
    EXPECT_EQ(onet_level(3.0), 4);
    EXPECT_EQ(onet_level(3.67), 4);
    EXPECT_EQ(onet_level(3.68), 5);
    EXPECT_EQ(onet_level(7.0), 5);
    // The linear mapping, kept as an option.
    EXPECT_EQ(onet_level(0.0, OnetLevels::kLinear), 1);
    EXPECT_EQ(onet_level(3.5, OnetLevels::kLinear), 3);  // 2.5 rounds up
    EXPECT_EQ(onet_level(4.38, OnetLevels::kLinear), 3);
    EXPECT_EQ(onet_level(6.3, OnetLevels::kLinear), 5);
    EXPECT_EQ(onet_level(7.0, OnetLevels::kLinear), 5);
    EXPECT_EQ(onet_weight(1.0), 2);
    EXPECT_EQ(onet_weight(3.0), 6);
    EXPECT_EQ(onet_weight(3.38), 7);
    EXPECT_EQ(onet_weight(5.0), 10);
    // Distinctive: IM x (1 + IM - the element's mean IM), factor in 0.2..3.
    EXPECT_EQ(onet_weight(4.0, 3.0, OnetWeights::kDistinctive), 8);
    EXPECT_EQ(onet_weight(4.0, 4.0, OnetWeights::kDistinctive), 4);
    EXPECT_EQ(onet_weight(2.0, 4.5, OnetWeights::kDistinctive), 1);   // factor 0.2: 0.4 -> 1
    EXPECT_EQ(onet_weight(5.0, 2.0, OnetWeights::kDistinctive), 10);  // factor 3: 15 -> 10
    EXPECT_EQ(onet_weight(3.0, 1.0, OnetWeights::kImportance), 6);
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
    // 17-2071.00: Reading Comprehension IM 4 (mean over jobs 3.48), LV 4.38;
    // Mathematics IM 3.38 (mean 2.57), LV 4.12; Persuasion IM 2.88 (mean
    // 2.75), LV 3 (kept: every rated element is); Computers and Electronics
    // IM 4.67, LV 6.01 (must-have: IM >= 4.5);
    // Installation LV marked Not Relevant (dropped). RL: 11 % associate,
    // 82 % bachelor.
    const Job& j = job("onet-17-2071.00");
    EXPECT_EQ(j.title, "Electrical Engineers");
    EXPECT_EQ(j.employer_id, "onet-emp-17");
    EXPECT_EQ(j.cluster, "soc-17");
    const Requirement* reading = requirement(j, "2.A.1.a");
    ASSERT_NE(reading, nullptr);
    EXPECT_EQ(reading->level, 5);
    EXPECT_EQ(reading->weight, 6);  // 4 x (1 + 4 - 3.48) = 6.09
    EXPECT_FALSE(reading->must_have);
    const Requirement* maths = requirement(j, "2.A.1.e");
    ASSERT_NE(maths, nullptr);
    EXPECT_EQ(maths->level, 5);
    EXPECT_EQ(maths->weight, 6);  // 3.38 x 1.81 = 6.12: rated above its mean, it gains
    const Requirement* persuasion = requirement(j, "2.B.1.c");
    ASSERT_NE(persuasion, nullptr);
    EXPECT_EQ(persuasion->level, 4);
    EXPECT_EQ(persuasion->weight, 3);  // 2.88 x 1.13 = 3.26
    const Requirement* computers = requirement(j, "2.C.3.a");
    ASSERT_NE(computers, nullptr);
    EXPECT_TRUE(computers->must_have);
    EXPECT_EQ(computers->weight, 10);  // 4.67 x 2.62, clamped
    EXPECT_EQ(requirement(j, "2.B.3.d"), nullptr);
    EXPECT_EQ(j.min_education, EducationLevel::kBachelor);
}

TEST(OnetImport, JobsKeepSuppressedRatingsWorkersDoNot) {
    // Knowledge.txt, 27-3043.00 English Language: IM 5 with Recommend Suppress = Y.
    EXPECT_NE(requirement(job("onet-27-3043.00"), "2.C.7.a"), nullptr);
    const auto& workers = onet().workers;
    const auto writer = std::find_if(workers.begin(), workers.end(), [](const Graduate& g) {
        return g.id == "onet-worker-27-3043.00";
    });
    ASSERT_NE(writer, workers.end());
    for (const auto& s : writer->skills) EXPECT_NE(s.skill_id, "2.C.7.a");
    OnetRules rules;
    rules.jobs_keep_suppressed = false;
    const auto strict = import_onet(TALENTMATCH_REALDATA_DIR "/onet-29.2", rules);
    for (const auto& j : strict.jobs) {
        if (j.id == "onet-27-3043.00") {
            EXPECT_EQ(requirement(j, "2.C.7.a"), nullptr);
        }
    }
}

TEST(OnetImport, WorkerProfileHoldsEveryRatedElementAtItsLevel) {
    // The holder of 17-2071.00 has Persuasion (IM 2.88) at LV 3 -> level 4,
    // and not Installation (LV Not Relevant) nor Sociology and
    // Anthropology (LV suppressed, which the job keeps).
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
    EXPECT_EQ(level("2.B.1.c"), 4);
    EXPECT_EQ(level("2.A.1.a"), 5);
    EXPECT_EQ(level("2.B.3.d"), 0);
    EXPECT_EQ(level("2.C.4.f"), 0);
    EXPECT_NE(requirement(job("onet-17-2071.00"), "2.C.4.f"), nullptr);
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
