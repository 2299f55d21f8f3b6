// The demo preset's placement outcomes (datagen/synthetic_placements.hpp) on
// a small world: only the latest cohort, 70-95 % placed, mostly in the
// program's own cluster, references valid, bytes repeatable by seed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "datagen/dataset_writer.hpp"
#include "datagen/shipped_data.hpp"
#include "datagen/synthetic_config.hpp"
#include "datagen/synthetic_generator.hpp"
#include "dataset_files.hpp"
#include "models/validation.hpp"

namespace talentmatch::datagen {
namespace {
namespace fs = std::filesystem;
using testing::file_bytes;
using testing::fresh_dir;
using testing::shipped;

fs::path generate_with_placements(std::uint64_t seed, const std::string& name) {
    const fs::path dir = fresh_dir(name);
    auto config = *preset("tiny");
    config.seed = seed;
    config.graduates = 2000;
    config.employers = 40;
    config.jobs = 200;
    config.placements = true;
    DatasetWriter out(dir);
    generate_synthetic(shipped(), config, out);
    out.finish();
    return dir;
}

TEST(SyntheticPlacements, OnlyTheLatestCohortMostlyPlacedMostlyInItsOwnCluster) {
    const fs::path dir = generate_with_placements(3, "placements");
    const auto data = testing::read_dataset(dir);
    ASSERT_FALSE(data.placements.empty());
    const int year = preset("tiny")->graduation_year;

    std::map<std::string, const Graduate*> graduates;
    std::int64_t cohort = 0;
    for (const auto& g : data.graduates) {
        graduates[g.id] = &g;
        if (g.graduation_year == year) ++cohort;
    }
    std::map<std::string, const Employer*> employers;
    for (const auto& e : data.employers) employers[e.id] = &e;
    std::map<std::string, std::string> employer_of_job;
    for (const auto& j : data.jobs) employer_of_job[j.id] = j.employer_id;
    std::map<std::string, std::string> cluster_of_program;
    for (const auto& p : data.programs) cluster_of_program[p.id] = p.cluster;

    KnownIds known;
    for (const auto& e : data.employers) known.employers.insert(e.id);
    std::set<std::string> placed;
    std::int64_t own_cluster = 0;
    for (const auto& p : data.placements) {
        EXPECT_TRUE(validate(p, known, p.id).empty()) << p.id;
        ASSERT_TRUE(graduates.count(p.graduate_id)) << p.graduate_id;
        const Graduate& g = *graduates[p.graduate_id];
        EXPECT_EQ(g.graduation_year, year) << p.id;
        EXPECT_TRUE(placed.insert(p.graduate_id).second) << "placed twice: " << p.graduate_id;
        if (!p.job_id.empty()) {
            EXPECT_EQ(employer_of_job.at(p.job_id), p.employer_id) << p.id;
        }
        if (employers.at(p.employer_id)->cluster == cluster_of_program.at(g.program_id))
            ++own_cluster;
        EXPECT_GE(p.date, std::to_string(year) + "-06-15");
    }
    const double share = static_cast<double>(placed.size()) / static_cast<double>(cohort);
    EXPECT_GE(share, 0.70);
    EXPECT_LE(share, 0.95);
    EXPECT_GE(static_cast<double>(own_cluster) / static_cast<double>(placed.size()), 0.6);

    const fs::path again = generate_with_placements(3, "placements-again");
    EXPECT_EQ(file_bytes(dir / "placements.jsonl"), file_bytes(again / "placements.jsonl"));
    const fs::path other = generate_with_placements(4, "placements-other");
    EXPECT_NE(file_bytes(dir / "placements.jsonl"), file_bytes(other / "placements.jsonl"));
    for (const auto& d : {dir, again, other}) fs::remove_all(d);
}

TEST(SyntheticPlacements, OnlyTheDemoPresetHasThem) {
    EXPECT_TRUE(preset("demo")->placements);
    EXPECT_FALSE(preset("tiny")->placements);
    EXPECT_FALSE(preset("province")->placements);
}

}  // namespace
}  // namespace talentmatch::datagen
