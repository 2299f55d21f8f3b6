#include "models/json_codec.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/models/sample_entities.hpp"

namespace talentmatch {
namespace {

using nlohmann::json;
using namespace talentmatch::testing;

template <class T, class Decode>
void expect_round_trip(const T& value, Decode decode) {
    std::vector<FieldError> errors;
    // Through text too, so the wire form (not just the DOM) round-trips.
    const json wire = json::parse(encode(value).dump());
    const std::optional<T> back = decode(wire, "x", errors);
    EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : to_string(errors.front()));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, value);
}

TEST(JsonCodec, RoundTripsEveryEntity) {
    expect_round_trip(sample_skill(), decode_skill);
    expect_round_trip(sample_certificate(), decode_certificate);
    expect_round_trip(sample_institution(), decode_institution);
    expect_round_trip(sample_program(), decode_program);
    expect_round_trip(sample_graduate(), decode_graduate);
    expect_round_trip(sample_employer(), decode_employer);
    expect_round_trip(sample_job(), decode_job);
}

TEST(JsonCodec, RoundTripsDefaultsAndEveryEnumValue) {
    Skill skill;
    skill.id = "s";
    expect_round_trip(skill, decode_skill);
    for (int k = 0; k < 3; ++k) {
        Certificate certificate;
        certificate.id = "c";
        certificate.kind = static_cast<CertificateKind>(k);
        expect_round_trip(certificate, decode_certificate);
    }
    for (int k = 0; k <= 5; ++k) {
        Graduate g = sample_graduate();
        g.skills[0].evidence = {{static_cast<EvidenceKind>(k), "r"}};
        expect_round_trip(g, decode_graduate);
    }
    for (int l = 0; l < kEducationLevelCount; ++l) {
        Institution institution;
        institution.id = "i";
        institution.level = static_cast<EducationLevel>(l);
        expect_round_trip(institution, decode_institution);
    }
}

TEST(JsonCodec, EncodesTheDocumentedWireForm) {
    const json g = encode(sample_graduate());
    EXPECT_EQ(g["education_level"], "higher_vocational");
    EXPECT_EQ(g["skills"][0]["skill_id"], "ict.net.routing");
    EXPECT_EQ(g["skills"][0]["evidence"][0], (json{{"kind", "course"}, {"ref", "C101"}}));
    EXPECT_EQ(encode(sample_certificate())["kind"], "1+x");
    EXPECT_EQ(
        encode(sample_job())["requirements"][0],
        (json{{"skill_id", "ict.net.routing"}, {"level", 3}, {"weight", 8}, {"must_have", true}}));
}

TEST(JsonCodec, AppliesDefaultsToOptionalFields) {
    std::vector<FieldError> errors;
    const auto job = decode_job(
        json::parse(R"({"id":"j","employer_id":"e","requirements":[{"skill_id":"s","level":2}]})"),
        "", errors);
    ASSERT_TRUE(job.has_value());
    EXPECT_EQ(job->headcount, 1);
    EXPECT_EQ(job->min_education, EducationLevel::kSecondaryVocational);
    EXPECT_EQ(job->requirements[0].weight, 1);
    EXPECT_FALSE(job->requirements[0].must_have);
    const auto g = decode_graduate(
        json::parse(R"({"id":"g","institution_id":"i","program_id":"p","graduation_year":2025,
                        "skills":[{"skill_id":"x","level":3}],"certificates":null})"),
        "", errors);
    ASSERT_TRUE(g.has_value());
    EXPECT_TRUE(g->seeking);
    EXPECT_TRUE(g->skills[0].evidence.empty());
    EXPECT_TRUE(errors.empty());
}

std::vector<FieldError> job_errors(const std::string& text) {
    std::vector<FieldError> errors;
    EXPECT_FALSE(decode_job(json::parse(text), "jobs[3]", errors).has_value());
    return errors;
}

TEST(JsonCodec, ReportsWrongTypesWithPathAndValue) {
    const auto errors = job_errors(
        R"({"id":5,"employer_id":"e","headcount":"two","min_education":"phd",
            "required_certificates":["a",7],
            "requirements":[{"skill_id":"s","level":"high","weight":2.5,"must_have":"yes"}]})");
    const std::vector<FieldError> expected = {
        {"jobs[3].id", "expected a string, got 5"},
        {"jobs[3].headcount", "expected an integer, got \"two\""},
        {"jobs[3].min_education",
         "must be one of secondary_vocational, higher_vocational, vocational_bachelor, "
         "bachelor, master, got \"phd\""},
        {"jobs[3].required_certificates[1]", "expected a string, got 7"},
        {"jobs[3].requirements[0].level", "expected an integer, got \"high\""},
        {"jobs[3].requirements[0].weight", "expected an integer, got 2.5"},
        {"jobs[3].requirements[0].must_have", "expected a boolean, got \"yes\""},
    };
    EXPECT_EQ(errors, expected);
}

TEST(JsonCodec, ReportsUnknownFieldsAndMissingRequiredOnes) {
    const auto errors = job_errors(R"({"id":"j","requirements":[{"skill_id":"s","weigth":3}]})");
    const std::vector<FieldError> expected = {
        {"jobs[3].employer_id", "is required"},
        {"jobs[3].requirements[0].weigth", "unknown field"},
        {"jobs[3].requirements[0].level", "is required"},
    };
    EXPECT_EQ(errors, expected);
}

TEST(JsonCodec, RejectsNonObjectsAndNonArrays) {
    std::vector<FieldError> errors;
    EXPECT_FALSE(decode_skill(json::array({1, 2}), "skills[0]", errors).has_value());
    EXPECT_FALSE(decode_graduate(json::parse(R"({"id":"g","institution_id":"i","program_id":"p",
        "graduation_year":2025,"skills":{"x":3},"seeking":1})"),
                                 "", errors)
                     .has_value());
    const std::vector<FieldError> expected = {
        {"skills[0]", "expected an object, got [1,2]"},
        {"skills", "expected an array, got {\"x\":3}"},
        {"seeking", "expected a boolean, got 1"},
    };
    EXPECT_EQ(errors, expected);
}

TEST(JsonCodec, ReportsBadEnumNamesAndOutOfRangeIntegers) {
    std::vector<FieldError> errors;
    EXPECT_FALSE(decode_certificate(json::parse(R"({"id":"c","kind":"diploma"})"), "", errors));
    EXPECT_FALSE(decode_graduate(json::parse(R"({"id":"g","institution_id":"i","program_id":"p",
        "graduation_year":99999999999,"skills":[{"skill_id":"x","level":1,
        "evidence":[{"kind":"rumour","ref":"r"},{"ref":"r"}]}]})"),
                                 "", errors));
    const std::vector<FieldError> expected = {
        {"kind", "must be one of industry, 1+x, licence, got \"diploma\""},
        {"graduation_year", "out of range, got 99999999999"},
        {"skills[0].evidence[0].kind",
         "must be one of course, certificate, competition, internship, project, "
         "self_reported, got \"rumour\""},
        {"skills[0].evidence[1].kind", "is required"},
    };
    EXPECT_EQ(errors, expected);
}

TEST(JsonCodec, EnumWireNamesRoundTrip) {
    for (int k = 0; k < 3; ++k) {
        const auto kind = static_cast<CertificateKind>(k);
        EXPECT_EQ(parse_certificate_kind(to_string(kind)), kind);
    }
    for (int k = 0; k < 6; ++k) {
        const auto kind = static_cast<EvidenceKind>(k);
        EXPECT_EQ(parse_evidence_kind(to_string(kind)), kind);
    }
    EXPECT_FALSE(parse_certificate_kind("1+X").has_value());
    EXPECT_FALSE(parse_evidence_kind("").has_value());
}

}  // namespace
}  // namespace talentmatch
