// The demo preset's teachers and enterprise projects
// (datagen/synthetic_teams.hpp) on a small world: the rules of the header
// checked on the files read back, every entity valid, bytes repeatable by seed.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "datagen/civil_date.hpp"
#include "datagen/dataset_writer.hpp"
#include "datagen/shipped_data.hpp"
#include "datagen/synthetic_config.hpp"
#include "datagen/synthetic_generator.hpp"
#include "dataset_files.hpp"

namespace talentmatch::datagen {
namespace {
namespace fs = std::filesystem;
using testing::file_bytes;
using testing::fresh_dir;
using testing::shipped;

fs::path generate_with_teams(std::uint64_t seed, const std::string& name) {
    const fs::path dir = fresh_dir(name);
    auto config = *preset("tiny");
    config.seed = seed;
    config.teachers_per_program = 4;
    config.projects = 60;
    DatasetWriter out(dir);
    generate_synthetic(shipped(), config, out);
    out.finish();
    return dir;
}

TEST(SyntheticTeams, TeachersKnowTheirProgramsCurriculumAndProjectsAskMoreThanJobs) {
    const fs::path dir = generate_with_teams(5, "teams");
    const auto data = testing::read_dataset(dir);
    EXPECT_TRUE(testing::validate_dataset(data).empty());
    ASSERT_EQ(data.teachers.size(), data.programs.size() * 4);
    ASSERT_EQ(data.projects.size(), 60u);

    std::map<std::string, const Program*> program_of_teacher;
    for (const auto& p : data.programs) {
        for (int n = 1; n <= 4; ++n) program_of_teacher["t-" + p.id + "-" + std::to_string(n)] = &p;
    }
    int available = 0, dual = 0;
    for (const Teacher& t : data.teachers) {
        const auto it = program_of_teacher.find(t.id);
        ASSERT_NE(it, program_of_teacher.end()) << t.id;
        const Program& program = *it->second;
        EXPECT_EQ(t.institution_id, program.institution_id);
        std::map<std::string, int> level;
        for (const auto& s : t.expertise) level[s.skill_id] = s.level;
        for (const auto& s : program.curriculum) {
            ASSERT_TRUE(level.count(s.skill_id)) << t.id << " lacks " << s.skill_id;
            EXPECT_GE(level[s.skill_id], s.level);
            EXPECT_LE(level[s.skill_id], std::min(5, s.level + 1));
        }
        if (!t.dual_qualified) {
            EXPECT_EQ(t.expertise.size(), program.curriculum.size()) << t.id;
        }
        available += t.available ? 1 : 0;
        dual += t.dual_qualified ? 1 : 0;
    }
    const double n = static_cast<double>(data.teachers.size());
    EXPECT_NEAR(available / n, 0.7, 0.15);
    EXPECT_NEAR(dual / n, 0.4, 0.15);

    std::set<std::string> employers;
    for (const auto& e : data.employers) employers.insert(e.id);
    const long start = days_from_civil(SyntheticConfig{}.postings_date);
    for (const Project& p : data.projects) {
        EXPECT_TRUE(employers.count(p.employer_id)) << p.id;
        EXPECT_FALSE(p.requirements.empty());
        for (const auto& r : p.requirements) EXPECT_GE(r.level, 2) << p.id;  // a job's + 1
        EXPECT_GE(p.team_size, 1);
        EXPECT_LE(p.team_size, 4);
        EXPECT_EQ(p.start_date, iso_date(SyntheticConfig{}.postings_date));
        EXPECT_GE(p.end_date, iso_date(civil_from_days(start + 90))) << p.id;
        EXPECT_LE(p.end_date, iso_date(civil_from_days(start + 365))) << p.id;
    }

    const fs::path again = generate_with_teams(5, "teams-again");
    EXPECT_EQ(file_bytes(dir / "teachers.jsonl"), file_bytes(again / "teachers.jsonl"));
    EXPECT_EQ(file_bytes(dir / "projects.jsonl"), file_bytes(again / "projects.jsonl"));
}

}  // namespace
}  // namespace talentmatch::datagen
