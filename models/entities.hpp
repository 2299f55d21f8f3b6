#pragma once
// The domain data model of SPEC.md, as plain value types. Ids are the
// caller's strings (opaque, at most kMaxIdLength); the matcher maps them to
// dense indices when it builds a snapshot. Nothing here knows JSON, SQL or
// HTTP: codecs live in json_codec.hpp, rules in validation.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/education_level.hpp"

namespace talentmatch {

struct Skill {
    std::string id;  // e.g. "ict.net.routing" or an O*NET element id "2.A.1.a"
    std::string name_zh;
    std::string name_en;
    std::string category;              // e.g. "ict.network"; groups skills in reports
    std::vector<std::string> aliases;  // for search and text extraction
    bool operator==(const Skill&) const = default;
};

enum class CertificateKind : std::uint8_t { kIndustry = 0, kOnePlusX = 1, kLicence = 2 };

struct Certificate {
    std::string id;
    std::string name_zh;
    std::string name_en;
    CertificateKind kind = CertificateKind::kIndustry;
    std::string
        level;  // "1+X" level (初级/中级/高级 as "junior"/"intermediate"/"senior"), may be empty
    std::string issuer;  // may be empty
    bool operator==(const Certificate&) const = default;
};

struct Institution {
    std::string id;
    std::string name;
    std::string district;
    EducationLevel level = EducationLevel::kHigherVocational;  // highest level it awards
    bool operator==(const Institution&) const = default;
};

// A skill at a level 0..5 (0 none ... 5 expert).
struct SkillLevel {
    std::string skill_id;
    int level = 0;
    bool operator==(const SkillLevel&) const = default;
};

struct Program {
    std::string id;
    std::string institution_id;
    std::string name;
    std::string code;  // the national major code, e.g. "510202"
    std::string cluster;
    EducationLevel education_level = EducationLevel::kHigherVocational;
    int cohort_size = 0;                    // graduates per year, >= 0
    std::vector<SkillLevel> curriculum;     // the level the curriculum reaches per skill
    std::vector<std::string> certificates;  // certificate ids it prepares for
    bool operator==(const Program&) const = default;
};

enum class EvidenceKind : std::uint8_t {
    kCourse = 0,
    kCertificate = 1,
    kCompetition = 2,
    kInternship = 3,
    kProject = 4,
    kSelfReported = 5,
};

struct Evidence {
    EvidenceKind kind = EvidenceKind::kCourse;
    std::string ref;  // course code, certificate id, competition name, employer id ...
    bool operator==(const Evidence&) const = default;
};

struct GraduateSkill {
    std::string skill_id;
    int level = 0;
    std::vector<Evidence> evidence;  // may be empty when unknown
    bool operator==(const GraduateSkill&) const = default;
};

// No names or contact data: personal data is minimised (SPEC.md).
struct Graduate {
    std::string id;
    std::string institution_id;
    std::string program_id;
    int graduation_year = 0;
    EducationLevel education_level = EducationLevel::kHigherVocational;
    std::vector<GraduateSkill> skills;
    std::vector<std::string> certificates;
    std::vector<std::string> preferred_districts;
    std::vector<std::string> preferred_clusters;
    bool seeking = true;
    bool operator==(const Graduate&) const = default;
};

struct Employer {
    std::string id;
    std::string name;
    std::string cluster;
    std::string district;
    std::string association_id;  // the association that submits for it; may be empty
    bool operator==(const Employer&) const = default;
};

struct Requirement {
    std::string skill_id;
    int level = 1;   // 1..5
    int weight = 1;  // 1..10
    bool must_have = false;
    bool operator==(const Requirement&) const = default;
};

struct Job {
    std::string id;
    std::string employer_id;
    std::string title;
    std::string cluster;
    std::string district;
    int headcount = 1;  // openings, >= 1
    EducationLevel min_education = EducationLevel::kSecondaryVocational;
    std::vector<std::string> required_certificates;
    std::string valid_until;                // ISO date "YYYY-MM-DD"; empty = open-ended
    std::vector<Requirement> requirements;  // at least one, one per skill
    bool operator==(const Job&) const = default;
};

// Who reported a placement: a graduate survey (the career office's own
// follow-up), the employer, the graduate, or anything else.
enum class PlacementSource : std::uint8_t {
    kSurvey = 0,
    kEmployerReport = 1,
    kGraduateReport = 2,
    kOther = 3,
};

// A placement outcome (SPEC "Placement outcome"): graduate `graduate_id`
// started work at `employer_id` on `date`. One id per placement, so a
// graduate may have several (a first job, a later one); reports count a
// graduate once, by its latest placement (matcher/outcomes.hpp).
struct Placement {
    std::string id;
    std::string graduate_id;
    std::string employer_id;
    std::string job_id;  // the job filled, "" when unknown; else one of employer_id's jobs
    std::string date;    // ISO "YYYY-MM-DD": the day the employment started
    PlacementSource source = PlacementSource::kSurvey;
    bool operator==(const Placement&) const = default;
};

}  // namespace talentmatch
