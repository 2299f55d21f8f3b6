#pragma once
// The domain data model of SPEC.md, as plain value types. Ids are the
// caller's strings (opaque, at most kMaxIdLength); the matcher maps them to
// dense indices when it builds a snapshot. Nothing here knows JSON, SQL or
// HTTP: each struct is followed by its Description (entity_description.hpp),
// the one statement of its fields' wire names and rules that the codecs, the
// CSV format and the API schemas are derived from; rules across fields live in
// validation.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/education_level.hpp"
#include "models/entity_description.hpp"
#include "models/limits.hpp"

namespace talentmatch {

struct Skill {
    std::string id;  // e.g. "ict.net.routing" or an O*NET element id "2.A.1.a"
    std::string name_zh;
    std::string name_en;
    std::string category;              // e.g. "ict.network"; groups skills in reports
    std::vector<std::string> aliases;  // for search and text extraction
    bool operator==(const Skill&) const = default;
};
template <>
struct Description<Skill> {
    static constexpr std::string_view name = "Skill";
    static constexpr std::tuple fields{
        Field{"id", &Skill::id, {.required = true, .text = Text::kId}},
        Field{"name_zh", &Skill::name_zh}, Field{"name_en", &Skill::name_en},
        Field{"category", &Skill::category},
        Field{"aliases", &Skill::aliases, {.not_empty = true}}};
};

// A skill at a level 0..5 (0 none ... 5 expert).
struct SkillLevel {
    std::string skill_id;
    int level = 0;
    bool operator==(const SkillLevel&) const = default;
};
template <>
struct Description<SkillLevel> {
    static constexpr std::string_view name = "SkillLevel";
    static constexpr std::tuple fields{
        Field{"skill_id",
              &SkillLevel::skill_id,
              {.required = true, .text = Text::kId, .refers = Refers::kSkill, .unique = true}},
        Field{"level", &SkillLevel::level, {.required = true, .min = kMinLevel, .max = kMaxLevel}}};
};

enum class CertificateKind : std::uint8_t { kIndustry = 0, kOnePlusX = 1, kLicence = 2 };
template <>
struct WireNames<CertificateKind> {
    static constexpr std::array<std::string_view, 3> names = {"industry", "1+x", "licence"};
};

struct Certificate {
    std::string id;
    std::string name_zh;
    std::string name_en;
    CertificateKind kind = CertificateKind::kIndustry;
    std::string
        level;  // "1+X" level (初级/中级/高级 as "junior"/"intermediate"/"senior"), may be empty
    std::string issuer;  // may be empty
    // The skills at the levels holding it evidences (SPEC: course-certificate
    // co-growth): a graduate who holds it, and a program that prepares for it,
    // is credited these levels (models/credited_levels.hpp states the rule).
    std::vector<SkillLevel> skills;
    bool operator==(const Certificate&) const = default;
};
template <>
struct Description<Certificate> {
    static constexpr std::string_view name = "Certificate";
    static constexpr std::tuple fields{
        Field{"id", &Certificate::id, {.required = true, .text = Text::kId}},
        Field{"name_zh", &Certificate::name_zh},
        Field{"name_en", &Certificate::name_en},
        Field{"kind", &Certificate::kind},
        Field{"level", &Certificate::level},
        Field{"issuer", &Certificate::issuer},
        Field{"skills", &Certificate::skills}};
};

struct Institution {
    std::string id;
    std::string name;
    std::string district;
    EducationLevel level = EducationLevel::kHigherVocational;  // highest level it awards
    bool operator==(const Institution&) const = default;
};
template <>
struct Description<Institution> {
    static constexpr std::string_view name = "Institution";
    static constexpr std::tuple fields{
        Field{"id", &Institution::id, {.required = true, .text = Text::kId}},
        Field{"name", &Institution::name}, Field{"district", &Institution::district},
        Field{"level", &Institution::level}};
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
template <>
struct Description<Program> {
    static constexpr std::string_view name = "Program";
    static constexpr std::tuple fields{
        Field{"id", &Program::id, {.required = true, .text = Text::kId}},
        Field{"institution_id",
              &Program::institution_id,
              {.required = true, .text = Text::kId, .refers = Refers::kInstitution}},
        Field{"name", &Program::name},
        Field{"code", &Program::code, {.max_length = kMaxIdLength}},
        Field{"cluster", &Program::cluster},
        Field{"education_level", &Program::education_level},
        Field{"cohort_size", &Program::cohort_size, {.min = 0}},
        Field{"curriculum", &Program::curriculum},
        Field{"certificates",
              &Program::certificates,
              {.text = Text::kId, .refers = Refers::kCertificate, .unique = true}}};
};

// A course of a program (SPEC: a program's courses, each the skills at the
// levels it teaches and the certificates it prepares for). A program's
// curriculum profile is derived from its courses (models/credited_levels.hpp
// states the rule); the course id is the institution's course code. The
// program is one of the course's institution's (as a graduate's).
struct Course {
    std::string id;
    std::string institution_id;
    std::string program_id;
    std::string name;
    std::vector<SkillLevel> skills;         // at least one: what the course teaches, to what level
    std::vector<std::string> certificates;  // certificate ids it prepares for
    bool operator==(const Course&) const = default;
};
template <>
struct Description<Course> {
    static constexpr std::string_view name = "Course";
    static constexpr std::tuple fields{
        Field{"id", &Course::id, {.required = true, .text = Text::kId}},
        Field{"institution_id",
              &Course::institution_id,
              {.required = true, .text = Text::kId, .refers = Refers::kInstitution}},
        Field{"program_id",
              &Course::program_id,
              {.required = true, .text = Text::kId, .refers = Refers::kProgram}},
        Field{"name", &Course::name},
        Field{"skills", &Course::skills, {.required = true, .min_items = 1}},
        Field{"certificates",
              &Course::certificates,
              {.text = Text::kId, .refers = Refers::kCertificate, .unique = true}}};
};

enum class EvidenceKind : std::uint8_t {
    kCourse = 0,
    kCertificate = 1,
    kCompetition = 2,
    kInternship = 3,
    kProject = 4,
    kSelfReported = 5,
};
template <>
struct WireNames<EvidenceKind> {
    static constexpr std::array<std::string_view, 6> names = {
        "course", "certificate", "competition", "internship", "project", "self_reported"};
};

struct Evidence {
    EvidenceKind kind = EvidenceKind::kCourse;
    std::string ref;  // course code, certificate id, competition name, employer id ...
    bool operator==(const Evidence&) const = default;
};
template <>
struct Description<Evidence> {
    static constexpr std::string_view name = "Evidence";
    static constexpr std::tuple fields{Field{"kind", &Evidence::kind, {.required = true}},
                                       Field{"ref", &Evidence::ref}};
};

struct GraduateSkill {
    std::string skill_id;
    int level = 0;
    std::vector<Evidence> evidence;  // may be empty when unknown
    bool operator==(const GraduateSkill&) const = default;
};
template <>
struct Description<GraduateSkill> {
    static constexpr std::string_view name = "GraduateSkill";
    static constexpr std::tuple fields{
        Field{"skill_id",
              &GraduateSkill::skill_id,
              {.required = true, .text = Text::kId, .refers = Refers::kSkill, .unique = true}},
        Field{
            "level", &GraduateSkill::level, {.required = true, .min = kMinLevel, .max = kMaxLevel}},
        Field{"evidence", &GraduateSkill::evidence}};
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
template <>
struct Description<Graduate> {
    static constexpr std::string_view name = "Graduate";
    static constexpr std::tuple fields{
        Field{"id", &Graduate::id, {.required = true, .text = Text::kId}},
        Field{"institution_id",
              &Graduate::institution_id,
              {.required = true, .text = Text::kId, .refers = Refers::kInstitution}},
        Field{"program_id",
              &Graduate::program_id,
              {.required = true, .text = Text::kId, .refers = Refers::kProgram}},
        Field{"graduation_year",
              &Graduate::graduation_year,
              {.required = true, .min = kMinGraduationYear, .max = kMaxGraduationYear}},
        Field{"education_level", &Graduate::education_level},
        Field{"skills", &Graduate::skills},
        Field{"certificates",
              &Graduate::certificates,
              {.text = Text::kId, .refers = Refers::kCertificate, .unique = true}},
        Field{"preferred_districts", &Graduate::preferred_districts, {.not_empty = true}},
        Field{"preferred_clusters", &Graduate::preferred_clusters, {.not_empty = true}},
        Field{"seeking", &Graduate::seeking}};
};

struct Employer {
    std::string id;
    std::string name;
    std::string cluster;
    std::string district;
    std::string association_id;  // the association that submits for it; may be empty
    bool operator==(const Employer&) const = default;
};
template <>
struct Description<Employer> {
    static constexpr std::string_view name = "Employer";
    static constexpr std::tuple fields{
        Field{"id", &Employer::id, {.required = true, .text = Text::kId}},
        Field{"name", &Employer::name}, Field{"cluster", &Employer::cluster},
        Field{"district", &Employer::district},
        Field{"association_id", &Employer::association_id, {.text = Text::kId}}};
};

struct Requirement {
    std::string skill_id;
    int level = 1;   // 1..5
    int weight = 1;  // 1..10
    bool must_have = false;
    bool operator==(const Requirement&) const = default;
};
template <>
struct Description<Requirement> {
    static constexpr std::string_view name = "Requirement";
    static constexpr std::tuple fields{
        Field{"skill_id",
              &Requirement::skill_id,
              {.required = true, .text = Text::kId, .refers = Refers::kSkill, .unique = true}},
        Field{"level",
              &Requirement::level,
              {.required = true, .min = kMinRequiredLevel, .max = kMaxLevel}},
        Field{"weight", &Requirement::weight, {.min = kMinWeight, .max = kMaxWeight}},
        Field{"must_have", &Requirement::must_have}};
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
    std::string description = {};           // the work, in the employer's words; may be empty
    bool operator==(const Job&) const = default;
};
template <>
struct Description<Job> {
    static constexpr std::string_view name = "Job";
    static constexpr std::tuple fields{
        Field{"id", &Job::id, {.required = true, .text = Text::kId}},
        Field{"employer_id",
              &Job::employer_id,
              {.required = true, .text = Text::kId, .refers = Refers::kEmployer}},
        Field{"title", &Job::title},
        Field{"cluster", &Job::cluster},
        Field{"district", &Job::district},
        Field{"headcount", &Job::headcount, {.min = 1}},
        Field{"min_education", &Job::min_education},
        Field{"required_certificates",
              &Job::required_certificates,
              {.text = Text::kId, .refers = Refers::kCertificate, .unique = true}},
        Field{"valid_until", &Job::valid_until, {.text = Text::kDate}},
        Field{"requirements", &Job::requirements, {.required = true, .min_items = 1}},
        Field{"description", &Job::description, {.max_length = kMaxTextLength}}};
};

// Who reported a placement: a graduate survey (the career office's own
// follow-up), the employer, the graduate, or anything else.
enum class PlacementSource : std::uint8_t {
    kSurvey = 0,
    kEmployerReport = 1,
    kGraduateReport = 2,
    kOther = 3,
};
template <>
struct WireNames<PlacementSource> {
    static constexpr std::array<std::string_view, 4> names = {"survey", "employer_report",
                                                              "graduate_report", "other"};
};

// A placement outcome (SPEC "Placement outcome"): graduate `graduate_id`
// started work at `employer_id` on `date`. One id per placement, so a
// graduate may have several (a first job, a later one); reports count a
// graduate once, by its latest placement (matcher/analytics/outcomes.hpp).
struct Placement {
    std::string id;
    std::string graduate_id;
    std::string employer_id;
    std::string job_id;  // the job filled, "" when unknown; else one of employer_id's jobs
    std::string date;    // ISO "YYYY-MM-DD": the day the employment started
    PlacementSource source = PlacementSource::kSurvey;
    bool operator==(const Placement&) const = default;
};
template <>
struct Description<Placement> {
    static constexpr std::string_view name = "Placement";
    static constexpr std::tuple fields{
        Field{"id", &Placement::id, {.required = true, .text = Text::kId}},
        Field{"graduate_id", &Placement::graduate_id, {.required = true, .text = Text::kId}},
        Field{"employer_id",
              &Placement::employer_id,
              {.required = true, .text = Text::kId, .refers = Refers::kEmployer}},
        Field{"job_id",
              &Placement::job_id,
              {.text = Text::kId, .note = "the job filled, \"\" when unknown"}},
        Field{"date", &Placement::date, {.required = true, .text = Text::kDate}},
        Field{"source", &Placement::source}};
};

// A teacher (SPEC "Teacher"): an opaque id, no names. The expertise profile
// is matched against enterprise projects as a graduate's skills are against
// jobs ("teachers <-> technical teams"). A teacher who is not `available` for
// enterprise practice is left out of a project's list of teachers; the
// teacher's own list of projects is not restricted by it.
struct Teacher {
    std::string id;
    std::string institution_id;
    std::vector<SkillLevel> expertise;  // the level reached per skill
    bool dual_qualified = false;        // 双师型: holds an industry qualification as well
    bool available = true;              // available for enterprise practice
    bool operator==(const Teacher&) const = default;
};
template <>
struct Description<Teacher> {
    static constexpr std::string_view name = "Teacher";
    static constexpr std::tuple fields{
        Field{"id", &Teacher::id, {.required = true, .text = Text::kId}},
        Field{"institution_id",
              &Teacher::institution_id,
              {.required = true, .text = Text::kId, .refers = Refers::kInstitution}},
        Field{"expertise", &Teacher::expertise}, Field{"dual_qualified", &Teacher::dual_qualified},
        Field{"available", &Teacher::available}};
};

// An enterprise project or technical-team need (SPEC "Enterprise project"):
// requirements as a job's, the number of teachers the team takes, and the
// period. A project whose end_date has passed is not matched (as a job past
// its valid_until); start_date is informative.
struct Project {
    std::string id;
    std::string employer_id;
    std::string title;
    std::vector<Requirement> requirements;  // at least one, one per skill
    int team_size = 1;                      // teachers wanted, >= 1
    std::string start_date;                 // ISO "YYYY-MM-DD"; may be empty
    std::string end_date;                   // ISO "YYYY-MM-DD"; empty = open-ended
    std::string description = {};           // the work, in the employer's words; may be empty
    bool operator==(const Project&) const = default;
};
template <>
struct Description<Project> {
    static constexpr std::string_view name = "Project";
    static constexpr std::tuple fields{
        Field{"id", &Project::id, {.required = true, .text = Text::kId}},
        Field{"employer_id",
              &Project::employer_id,
              {.required = true, .text = Text::kId, .refers = Refers::kEmployer}},
        Field{"title", &Project::title},
        Field{"requirements", &Project::requirements, {.required = true, .min_items = 1}},
        Field{"team_size", &Project::team_size, {.min = 1}},
        Field{"start_date", &Project::start_date, {.text = Text::kDate}},
        Field{"end_date", &Project::end_date, {.text = Text::kDate}},
        Field{"description", &Project::description, {.max_length = kMaxTextLength}}};
};

// An innovation demand (SPEC "Innovation demand"): a problem an enterprise or
// an association wants solved, with the technology/skill requirements of a
// job. Research results and teams are matched against it ("achievement
// transformation"). It is submitted for an employer (employer_id; its
// cluster and district are the employer's unless stated) or by an
// association on its own (association_id, e.g. a problem shared by its
// members; cluster required, no district): exactly one of the two. A demand
// whose valid_until has passed is not matched (as a job past its own).
struct InnovationDemand {
    std::string id;
    std::string employer_id;  // "" when an association submits it on its own
    std::string title;
    std::string problem = {};               // the problem statement; may be empty
    std::vector<Requirement> requirements;  // at least one, one per skill
    std::string cluster;                    // industry cluster; empty = the employer's
    std::string valid_until;                // ISO "YYYY-MM-DD"; empty = open
    std::string association_id = {};        // the submitting association when no employer
    bool operator==(const InnovationDemand&) const = default;
};
template <>
struct Description<InnovationDemand> {
    static constexpr std::string_view name = "InnovationDemand";
    static constexpr std::tuple fields{
        Field{"id", &InnovationDemand::id, {.required = true, .text = Text::kId}},
        Field{"employer_id",
              &InnovationDemand::employer_id,
              {.text = Text::kId,
               .refers = Refers::kEmployer,
               .may_be_empty = true,
               .note = "the enterprise it is submitted for; \"\" when association_id is given"}},
        Field{"association_id",
              &InnovationDemand::association_id,
              {.text = Text::kId,
               .note = "the association submitting it on its own; \"\" when employer_id is given"}},
        Field{"title", &InnovationDemand::title},
        Field{"problem", &InnovationDemand::problem, {.max_length = kMaxTextLength}},
        Field{"requirements", &InnovationDemand::requirements, {.required = true, .min_items = 1}},
        Field{"cluster", &InnovationDemand::cluster},
        Field{"valid_until", &InnovationDemand::valid_until, {.text = Text::kDate}}};
};

// A research result or team of an institution or research institute (SPEC
// "Research result / team"): its technology/skill profile is matched against
// innovation demands as a graduate's skills are against jobs. The readiness
// level is the technology readiness level, 1 (basic principles observed) to 9
// (proven in operation). A result not `available` for transfer is left out of
// a demand's list of results; its own list of demands is not restricted by it.
struct ResearchResult {
    std::string id;
    std::string institution_id;
    std::string title;
    std::vector<SkillLevel> profile;  // the level the result or team reaches per skill
    int readiness_level = 1;          // TRL 1..9
    bool available = true;            // open to transfer or cooperation
    std::string description = {};     // in the team's words; may be empty
    bool operator==(const ResearchResult&) const = default;
};
template <>
struct Description<ResearchResult> {
    static constexpr std::string_view name = "ResearchResult";
    static constexpr std::tuple fields{
        Field{"id", &ResearchResult::id, {.required = true, .text = Text::kId}},
        Field{"institution_id",
              &ResearchResult::institution_id,
              {.required = true, .text = Text::kId, .refers = Refers::kInstitution}},
        Field{"title", &ResearchResult::title},
        Field{"profile", &ResearchResult::profile, {.required = true, .min_items = 1}},
        Field{"readiness_level", &ResearchResult::readiness_level, {.min = 1, .max = 9}},
        Field{"available", &ResearchResult::available},
        Field{"description", &ResearchResult::description, {.max_length = kMaxTextLength}}};
};

// The kind of practice base a training program runs at (SPEC "practice base /
// training program").
enum class BaseKind : std::uint8_t {
    kIndustryCollege = 0,  // 产业学院
    kPracticeCentre = 1,   // 实训中心 / 实践中心
    kEnterpriseBase = 2,   // 企业实训基地
};
template <>
struct WireNames<BaseKind> {
    static constexpr std::array<std::string_view, 3> names = {"industry_college", "practice_centre",
                                                              "enterprise_base"};
};

// A training program of a practice base ("practical training <-> job
// skills"): the skills at the levels it trains, and how many trainees it
// takes a year. It is matched against jobs both ways, and its capacity counts
// as projected supply in supply-demand (matcher/analytics/supply_demand.hpp). It belongs
// to the institution that runs the base (its career office keeps it); its
// cluster and district place its projected supply.
struct TrainingProgram {
    std::string id;
    std::string institution_id;
    std::string base;  // the practice base's name, e.g. "新能源汽车产业学院"
    BaseKind base_kind = BaseKind::kPracticeCentre;
    std::string name;
    std::string cluster;
    std::string district;
    std::vector<SkillLevel> skills;         // at least one
    std::vector<std::string> certificates;  // certificates it prepares for
    int capacity = 0;                       // trainees a year, >= 0
    bool operator==(const TrainingProgram&) const = default;
};
template <>
struct Description<TrainingProgram> {
    static constexpr std::string_view name = "TrainingProgram";
    static constexpr std::tuple fields{
        Field{"id", &TrainingProgram::id, {.required = true, .text = Text::kId}},
        Field{"institution_id",
              &TrainingProgram::institution_id,
              {.required = true, .text = Text::kId, .refers = Refers::kInstitution}},
        Field{"base", &TrainingProgram::base},
        Field{"base_kind", &TrainingProgram::base_kind},
        Field{"name", &TrainingProgram::name},
        Field{"cluster", &TrainingProgram::cluster},
        Field{"district", &TrainingProgram::district},
        Field{"skills", &TrainingProgram::skills, {.required = true, .min_items = 1}},
        Field{"certificates",
              &TrainingProgram::certificates,
              {.text = Text::kId, .refers = Refers::kCertificate, .unique = true}},
        Field{"capacity", &TrainingProgram::capacity, {.min = 0}}};
};

// An occupational standard (SPEC "curriculum standards <-> professional
// standards"): a demand profile published by a standards body rather than an
// employer, e.g. a national occupational skill standard or an O*NET
// occupation (the public stand-in, written by `generate --onet`). A program's
// curriculum is matched against it as against a job: how much of the
// standard the program teaches, and what it would have to add. Reference
// data: written by admin keys.
struct OccupationalStandard {
    std::string id;
    std::string name_zh;
    std::string name_en;
    std::string code;                       // the publisher's code (SOC "15-1252.00"); may be empty
    std::string source;                     // publisher and edition ("O*NET 29.2"); may be empty
    std::vector<Requirement> requirements;  // at least one, one per skill
    bool operator==(const OccupationalStandard&) const = default;
};
template <>
struct Description<OccupationalStandard> {
    static constexpr std::string_view name = "OccupationalStandard";
    static constexpr std::tuple fields{
        Field{"id", &OccupationalStandard::id, {.required = true, .text = Text::kId}},
        Field{"name_zh", &OccupationalStandard::name_zh},
        Field{"name_en", &OccupationalStandard::name_en},
        Field{"code", &OccupationalStandard::code},
        Field{"source", &OccupationalStandard::source},
        Field{"requirements",
              &OccupationalStandard::requirements,
              {.required = true, .min_items = 1}}};
};

}  // namespace talentmatch
