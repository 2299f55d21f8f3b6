#pragma once
// Shared by the store tests: a fresh temporary directory per test (real
// SQLite files, removed afterwards) and a small valid data set.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "models/entities.hpp"
#include "store/store.hpp"

namespace talentmatch::store::testing {

class TempDirTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "tm-store-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string db_path() const { return (dir_ / "test.db").string(); }
    std::filesystem::path dir_;
};

inline Skill make_skill(const std::string& id) {
    return {id, "技能" + id, "Skill " + id, "ict.software", {"alias-b-" + id, "alias-a-" + id}};
}

inline Job make_job(const std::string& id, const std::string& employer = "emp-1") {
    Job job;
    job.id = id;
    job.employer_id = employer;
    job.title = "Engineer " + id;
    job.cluster = "ict";
    job.district = "nanshan";
    job.headcount = 3;
    job.min_education = EducationLevel::kHigherVocational;
    job.required_certificates = {"cert-1"};
    job.valid_until = "2027-06-30";
    job.requirements = {{"s3", 3, 8, true}, {"s1", 2, 5, false}};
    return job;
}

inline Graduate make_graduate(const std::string& id) {
    Graduate g;
    g.id = id;
    g.institution_id = "inst-1";
    g.program_id = "prog-1";
    g.graduation_year = 2026;
    g.education_level = EducationLevel::kHigherVocational;
    g.skills = {{"s2", 4, {{EvidenceKind::kCourse, "CS101"}, {EvidenceKind::kProject, "robot"}}},
                {"s1", 3, {}}};
    g.certificates = {"cert-1"};
    g.preferred_districts = {"nanshan", "futian"};
    g.preferred_clusters = {"ict"};
    g.seeking = true;
    return g;
}

// Skills s1..s3, certificate cert-1, institution inst-1, program prog-1,
// employer emp-1 (association assoc-1).
inline void add_catalog(Store& store) {
    for (const char* id : {"s1", "s2", "s3"}) store.upsert(make_skill(id));
    store.upsert(Certificate{
        "cert-1", "证书", "Certificate", CertificateKind::kOnePlusX, "intermediate", "MoE", {}});
    store.upsert(
        Institution{"inst-1", "Polytechnic", "nanshan", EducationLevel::kHigherVocational});
    Program program;
    program.id = "prog-1";
    program.institution_id = "inst-1";
    program.name = "Software Technology";
    program.code = "510203";
    program.cluster = "ict";
    program.cohort_size = 120;
    program.curriculum = {{"s2", 3}, {"s1", 2}};
    program.certificates = {"cert-1"};
    store.upsert(program);
    store.upsert(Employer{"emp-1", "Acme", "ict", "nanshan", "assoc-1"});
}

}  // namespace talentmatch::store::testing
