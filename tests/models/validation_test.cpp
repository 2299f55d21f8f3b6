#include "models/validation.hpp"

#include <gtest/gtest.h>

#include "models/limits.hpp"
#include "tests/models/sample_entities.hpp"

namespace talentmatch {
namespace {

using namespace talentmatch::testing;
using Errors = std::vector<FieldError>;

TEST(Validation, AcceptsTheValidSamples) {
    const KnownIds known = sample_known();
    EXPECT_EQ(validate(sample_skill(), "s"), Errors{});
    EXPECT_EQ(validate(sample_certificate(), known, "c"), Errors{});
    EXPECT_EQ(validate(sample_institution(), "i"), Errors{});
    EXPECT_EQ(validate(sample_program(), known, "p"), Errors{});
    EXPECT_EQ(validate(sample_graduate(), known, "g"), Errors{});
    EXPECT_EQ(validate(sample_employer(), "e"), Errors{});
    EXPECT_EQ(validate(sample_job(), known, "j"), Errors{});
}

TEST(Validation, JobRequirementRanges) {
    Job job = sample_job();
    job.requirements[1].level = 7;
    job.requirements[0].level = 0;
    job.requirements[0].weight = 11;
    job.requirements[1].weight = 0;
    const Errors expected = {
        {"jobs[3].requirements[0].level", "must be 1..5, got 0"},
        {"jobs[3].requirements[0].weight", "must be 1..10, got 11"},
        {"jobs[3].requirements[1].level", "must be 1..5, got 7"},
        {"jobs[3].requirements[1].weight", "must be 1..10, got 0"},
    };
    EXPECT_EQ(validate(job, sample_known(), "jobs[3]"), expected);
}

TEST(Validation, JobHeadcountReferencesDatesAndEmptyRequirements) {
    Job job = sample_job();
    job.headcount = 0;
    job.employer_id = "emp.404";
    job.required_certificates = {"cert.nope"};
    job.valid_until = "2026-02-30";
    job.requirements.clear();
    const Errors expected = {
        {"employer_id", "unknown employer \"emp.404\""},
        {"headcount", "must be >= 1, got 0"},
        {"required_certificates[0]", "unknown certificate \"cert.nope\""},
        {"valid_until", "must be a date YYYY-MM-DD, got \"2026-02-30\""},
        {"requirements", "must not be empty"},
    };
    EXPECT_EQ(validate(job, sample_known(), ""), expected);
}

TEST(Validation, JobDuplicateAndUnknownRequirementSkills) {
    Job job = sample_job();
    job.requirements.push_back({"ict.net.routing", 2, 2, false});
    job.requirements.push_back({"ict.unknown", 2, 2, false});
    const Errors expected = {
        {"j.requirements[2].skill_id", "duplicate skill \"ict.net.routing\" (first at [0])"},
        {"j.requirements[3].skill_id", "unknown skill \"ict.unknown\""},
    };
    EXPECT_EQ(validate(job, sample_known(), "j"), expected);
}

TEST(Validation, DatesMustExist) {
    Job job = sample_job();
    for (const char* good : {"2024-02-29", "2000-02-29", "2026-12-31", ""}) {
        job.valid_until = good;
        EXPECT_EQ(validate(job, sample_known(), ""), Errors{}) << good;
    }
    for (const char* bad : {"2023-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-1-01",
                            "2026/01/01", "tomorrow", "2026-01-00"}) {
        job.valid_until = bad;
        EXPECT_EQ(validate(job, sample_known(), "").size(), 1u) << bad;
    }
}

TEST(Validation, IdCharsetAndLength) {
    Skill skill = sample_skill();
    skill.id = "";
    EXPECT_EQ(validate(skill, "s"), (Errors{{"s.id", "must not be empty"}}));
    skill.id = "a b";
    EXPECT_EQ(
        validate(skill, "s"),
        (Errors{{"s.id", "may contain only letters, digits, '.', '_' and '-', got \"a b\""}}));
    skill.id = "ict:routing";
    EXPECT_EQ(validate(skill, "s").size(), 1u);
    skill.id = std::string(kMaxIdLength, 'x');
    EXPECT_EQ(validate(skill, "s"), Errors{});
    skill.id += "x";
    EXPECT_EQ(validate(skill, "s")[0].message.rfind("must be at most 64 characters, got 65", 0),
              0u);
}

TEST(Validation, StringLengthsCountCharactersNotBytes) {
    Skill skill = sample_skill();
    std::string name;
    for (std::size_t i = 0; i < kMaxNameLength; ++i) name += "路";  // 3 bytes each
    skill.name_zh = name;
    EXPECT_EQ(validate(skill, ""), Errors{});
    skill.name_zh += "由";
    EXPECT_EQ(validate(skill, ""),
              (Errors{{"name_zh", "must be at most 200 characters, got 201"}}));
    skill.name_zh.clear();
    skill.aliases = {"ok", ""};
    EXPECT_EQ(validate(skill, ""), (Errors{{"aliases[1]", "must not be empty"}}));
}

TEST(Validation, EveryFreeTextFieldMustBeValidUtf8) {
    // Whatever decoded it (JSON, the fast parsers, CSV), nothing garbled is
    // stored: every store write runs these rules.
    const KnownIds known = sample_known();
    Job job = sample_job();
    job.title = "ab\xC0\x80";       // overlong NUL
    job.district = "\xED\xA0\x80";  // surrogate U+D800
    EXPECT_EQ(
        validate(job, known, "jobs[2]"),
        (Errors{{"jobs[2].title", "must be valid UTF-8 (invalid byte 0xC0 at offset 2)"},
                {"jobs[2].district", "must be valid UTF-8 (invalid byte 0xED at offset 0)"}}));
    Graduate graduate = sample_graduate();
    graduate.preferred_districts = {"ok", "x\xFF"};
    graduate.skills[0].evidence[0].ref = "\xE4\xB8";  // truncated
    EXPECT_EQ(
        validate(graduate, known, ""),
        (Errors{
            {"skills[0].evidence[0].ref", "must be valid UTF-8 (invalid byte 0xE4 at offset 0)"},
            {"preferred_districts[1]", "must be valid UTF-8 (invalid byte 0xFF at offset 1)"}}));
    Skill skill = sample_skill();
    skill.name_zh = "\xF4\x90\x80\x80";  // above U+10FFFF
    skill.aliases = {"\x80"};
    EXPECT_EQ(validate(skill, "").size(), 2u);
    Employer employer = sample_employer();
    employer.name = "\xC1\xBF";
    EXPECT_EQ(validate(employer, "").size(), 1u);
    Program program = sample_program();
    program.name = "\xE0\x80\xAF";
    EXPECT_EQ(validate(program, known, "").size(), 1u);
}

TEST(Validation, ListLengths) {
    Skill skill = sample_skill();
    skill.aliases.assign(kMaxListLength + 1, "a");
    EXPECT_EQ(validate(skill, ""), (Errors{{"aliases", "must have at most 1000 items, got 1001"}}));
}

TEST(Validation, GraduateRules) {
    const KnownIds known = sample_known();
    Graduate g = sample_graduate();
    g.institution_id = "";
    g.program_id = "nope";
    g.graduation_year = 1800;
    g.skills[1].level = 6;
    g.skills.push_back({"common.english", -1, {}});
    g.certificates = {"cert.1x.net.mid", "cert.1x.net.mid"};
    g.preferred_districts = {""};
    const Errors expected = {
        {"graduates[0].institution_id", "must not be empty"},
        {"graduates[0].program_id", "unknown program \"nope\""},
        {"graduates[0].graduation_year", "must be 1950..2100, got 1800"},
        {"graduates[0].skills[1].level", "must be 0..5, got 6"},
        {"graduates[0].skills[2].skill_id", "duplicate skill \"common.english\" (first at [1])"},
        {"graduates[0].skills[2].level", "must be 0..5, got -1"},
        {"graduates[0].certificates[1]",
         "duplicate certificate \"cert.1x.net.mid\" (first at [0])"},
        {"graduates[0].preferred_districts[0]", "must not be empty"},
    };
    EXPECT_EQ(validate(g, known, "graduates[0]"), expected);
}

TEST(Validation, AGraduatesProgramBelongsToItsInstitution) {
    KnownIds known = sample_known();
    known.institutions.insert("other");
    Graduate g = sample_graduate();
    g.program_id = "other.510202";
    const Errors expected = {
        {"program_id", "program \"other.510202\" belongs to institution \"other\", not \"szpt\""}};
    EXPECT_EQ(validate(g, known, ""), expected);
    g.institution_id = "other";
    EXPECT_TRUE(validate(g, known, "").empty());
}

TEST(Validation, ProgramRules) {
    Program p = sample_program();
    p.institution_id = "elsewhere";
    p.cohort_size = -5;
    p.curriculum.push_back({"ict.net.routing", 9});
    p.certificates = {"cert.other"};
    const Errors expected = {
        {"institution_id", "unknown institution \"elsewhere\""},
        {"cohort_size", "must be >= 0, got -5"},
        {"curriculum[2].skill_id", "duplicate skill \"ict.net.routing\" (first at [0])"},
        {"curriculum[2].level", "must be 0..5, got 9"},
        {"certificates[0]", "unknown certificate \"cert.other\""},
    };
    EXPECT_EQ(validate(p, sample_known(), ""), expected);
}

TEST(Validation, UnknownEnumValuesFromCode) {
    Institution i = sample_institution();
    i.level = static_cast<EducationLevel>(9);
    EXPECT_EQ(validate(i, ""), (Errors{{"level", "must be 0..4, got 9"}}));
    Employer e = sample_employer();
    e.association_id = "bad id";
    EXPECT_EQ(validate(e, "").size(), 1u);
    e.association_id = "";
    EXPECT_EQ(validate(e, ""), Errors{});
}

TEST(FieldPath, JoinsAndIndexes) {
    EXPECT_EQ(join_path("", "x"), "x");
    EXPECT_EQ(join_path("a", "b"), "a.b");
    EXPECT_EQ(index_path("jobs", 3), "jobs[3]");
}

}  // namespace
}  // namespace talentmatch
