// The synthetic generator on the tiny preset: determinism, validity,
// reference integrity, realistic shape, attainable jobs.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include "datagen/dataset_writer.hpp"
#include "datagen/synthetic_generator.hpp"
#include "tests/datagen/dataset_files.hpp"

namespace talentmatch::datagen {
namespace {

namespace fs = std::filesystem;
using testing::file_bytes;
using testing::fresh_dir;
using testing::shipped;

fs::path generate_tiny(std::uint64_t seed, const std::string& name, std::int64_t graduates = 200) {
    const fs::path dir = fresh_dir(name);
    auto config = *preset("tiny");
    config.seed = seed;
    config.graduates = graduates;
    DatasetWriter out(dir);
    generate_synthetic(shipped(), config, out);
    out.finish();
    return dir;
}

const char* const kFiles[] = {"skills.jsonl",   "certificates.jsonl", "institutions.jsonl",
                              "programs.jsonl", "employers.jsonl",    "jobs.jsonl",
                              "graduates.jsonl"};

TEST(SyntheticGenerator, SameSeedGivesByteIdenticalFiles) {
    const fs::path a = generate_tiny(5, "same-a");
    const fs::path b = generate_tiny(5, "same-b");
    for (const char* f : kFiles) {
        const std::string bytes = file_bytes(a / f);
        EXPECT_FALSE(bytes.empty()) << f;
        EXPECT_EQ(bytes, file_bytes(b / f)) << f;
    }
    EXPECT_TRUE(fs::exists(a / ".complete"));
    fs::remove_all(a);
    fs::remove_all(b);
}

TEST(SyntheticGenerator, DifferentSeedGivesDifferentData) {
    const fs::path a = generate_tiny(5, "seed-a");
    const fs::path b = generate_tiny(6, "seed-b");
    EXPECT_NE(file_bytes(a / "graduates.jsonl"), file_bytes(b / "graduates.jsonl"));
    EXPECT_NE(file_bytes(a / "jobs.jsonl"), file_bytes(b / "jobs.jsonl"));
    // The taxonomy itself does not depend on the seed.
    EXPECT_EQ(file_bytes(a / "skills.jsonl"), file_bytes(b / "skills.jsonl"));
    fs::remove_all(a);
    fs::remove_all(b);
}

TEST(SyntheticGenerator, OneThreadAndManyThreadsGiveTheSameBytes) {
    // 3,000 graduates: several parallel chunks per batch.
    const fs::path many = generate_tiny(8, "threads-many", 3000);
    fs::path one;
    {
        tbb::global_control single(tbb::global_control::max_allowed_parallelism, 1);
        one = generate_tiny(8, "threads-one", 3000);
    }
    EXPECT_EQ(file_bytes(many / "graduates.jsonl"), file_bytes(one / "graduates.jsonl"));
    fs::remove_all(many);
    fs::remove_all(one);
}

class TinyDataset : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new fs::path(generate_tiny(1, "tiny"));
        data_ = new testing::Dataset(testing::read_dataset(*dir_));
    }
    static void TearDownTestSuite() {
        fs::remove_all(*dir_);
        delete data_;
        delete dir_;
    }
    static fs::path* dir_;
    static testing::Dataset* data_;
};
fs::path* TinyDataset::dir_ = nullptr;
testing::Dataset* TinyDataset::data_ = nullptr;

TEST_F(TinyDataset, EveryEntityPassesValidationWithResolvedReferences) {
    const auto errors = testing::validate_dataset(*data_);
    for (std::size_t i = 0; i < std::min<std::size_t>(errors.size(), 10); ++i) {
        ADD_FAILURE() << to_string(errors[i]);
    }
    EXPECT_TRUE(errors.empty());
}

TEST_F(TinyDataset, HasThePresetSizes) {
    EXPECT_EQ(data_->institutions.size(), 3u);
    EXPECT_EQ(data_->graduates.size(), 200u);
    EXPECT_EQ(data_->jobs.size(), 50u);
    EXPECT_EQ(data_->employers.size(), 15u);
    EXPECT_GE(data_->programs.size(), 6u);
    int cohorts = 0;
    for (const auto& p : data_->programs) cohorts += p.cohort_size;
    EXPECT_EQ(cohorts, 200);
}

TEST_F(TinyDataset, GraduatesHaveAboutThirtySkillsWithEvidenceAndVariation) {
    std::size_t skills = 0, with_extra_evidence = 0;
    std::set<int> levels;
    for (const auto& g : data_->graduates) {
        skills += g.skills.size();
        bool extra = false;
        for (const auto& s : g.skills) {
            levels.insert(s.level);
            EXPECT_FALSE(s.evidence.empty()) << g.id;
            for (const auto& e : s.evidence) extra = extra || e.kind != EvidenceKind::kCourse;
        }
        with_extra_evidence += extra ? 1 : 0;
        EXPECT_FALSE(g.preferred_districts.empty()) << g.id;
    }
    const double mean = double(skills) / double(data_->graduates.size());
    EXPECT_GE(mean, 24.0);
    EXPECT_LE(mean, 38.0);
    EXPECT_GE(levels.size(), 4u);  // weaker and stronger graduates
    EXPECT_GT(with_extra_evidence, data_->graduates.size() / 2);
}

TEST_F(TinyDataset, JobsHaveAboutFifteenRequirementsAndMostlySmallHeadcounts) {
    std::size_t requirements = 0, small = 0;
    for (const auto& j : data_->jobs) {
        requirements += j.requirements.size();
        small += j.headcount <= 5 ? 1 : 0;
        EXPECT_FALSE(j.valid_until.empty()) << j.id;
        for (const auto& r : j.requirements) {
            if (r.must_have) {
                EXPECT_LE(r.level, 3) << j.id << " must-have " << r.skill_id;
            }
        }
    }
    const double mean = double(requirements) / double(data_->jobs.size());
    EXPECT_GE(mean, 11.0);
    EXPECT_LE(mean, 19.0);
    EXPECT_GE(small, data_->jobs.size() * 7 / 10);
}

TEST_F(TinyDataset, AFairShareOfGraduatesIsEligibleForSomeJob) {
    std::size_t with_job = 0;
    for (const auto& g : data_->graduates) {
        const bool any = std::any_of(data_->jobs.begin(), data_->jobs.end(),
                                     [&](const Job& j) { return testing::eligible(g, j); });
        with_job += any ? 1 : 0;
    }
    EXPECT_GE(with_job, data_->graduates.size() / 2)
        << with_job << " of " << data_->graduates.size();
}

TEST_F(TinyDataset, EmployersSitInShenzhenDistrictsWithAssociations) {
    std::set<std::string> districts;
    for (const auto& d : shipped().districts) districts.insert(d.id);
    std::size_t with_association = 0;
    for (const auto& e : data_->employers) {
        EXPECT_TRUE(districts.contains(e.district)) << e.id;
        with_association += e.association_id.empty() ? 0 : 1;
    }
    EXPECT_GE(with_association, data_->employers.size() / 2);
}

}  // namespace
}  // namespace talentmatch::datagen
