// Wire format: one JSON object per entity, snake_case keys equal to the
// struct fields of entities.hpp; enums by wire name. Required keys: `id` and
// every reference (`institution_id`, `program_id`, `employer_id`), a
// graduate's `graduation_year`, a job's `requirements`, a placement's
// `graduate_id`, `employer_id` and `date`, and `skill_id` +
// `level` inside list items. Every other key is optional and defaults to the
// struct's default. encode() writes every key.
#include "models/json_codec.hpp"

#include <array>
#include <nlohmann/json.hpp>

#include "models/json_reader.hpp"

namespace talentmatch {

using detail::ObjectReader;
using nlohmann::json;

namespace {

constexpr std::array<std::string_view, 3> kCertificateKinds = {"industry", "1+x", "licence"};
constexpr std::array<std::string_view, 6> kEvidenceKinds = {
    "course", "certificate", "competition", "internship", "project", "self_reported"};
constexpr std::array<std::string_view, 4> kPlacementSources = {"survey", "employer_report",
                                                               "graduate_report", "other"};
constexpr std::string_view kCertificateKindNames = "industry, 1+x, licence";
constexpr std::string_view kEvidenceKindNames =
    "course, certificate, competition, internship, project, self_reported";
constexpr std::string_view kEducationLevelNames =
    "secondary_vocational, higher_vocational, vocational_bachelor, bachelor, master";

template <class Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names,
                               std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

const auto parse_level = [](std::string_view text) { return parse_education_level(text); };

json encode_levels(const std::vector<SkillLevel>& levels) {
    json out = json::array();
    for (const auto& item : levels)
        out.push_back({{"skill_id", item.skill_id}, {"level", item.level}});
    return out;
}

std::optional<SkillLevel> decode_skill_level(const json& in, const std::string& path,
                                             std::vector<FieldError>& errors) {
    SkillLevel out;
    ObjectReader r(in, path, errors, {"skill_id", "level"});
    r.string("skill_id", out.skill_id, true);
    r.integer("level", out.level, true);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Evidence> decode_evidence(const json& in, const std::string& path,
                                        std::vector<FieldError>& errors) {
    Evidence out;
    ObjectReader r(in, path, errors, {"kind", "ref"});
    r.enumeration("kind", out.kind, parse_evidence_kind, kEvidenceKindNames, true);
    r.string("ref", out.ref);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<GraduateSkill> decode_graduate_skill(const json& in, const std::string& path,
                                                   std::vector<FieldError>& errors) {
    GraduateSkill out;
    ObjectReader r(in, path, errors, {"skill_id", "level", "evidence"});
    r.string("skill_id", out.skill_id, true);
    r.integer("level", out.level, true);
    r.object_list("evidence", out.evidence, [&](const json& item, const std::string& item_path) {
        return decode_evidence(item, item_path, errors);
    });
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Requirement> decode_requirement(const json& in, const std::string& path,
                                              std::vector<FieldError>& errors) {
    Requirement out;
    ObjectReader r(in, path, errors, {"skill_id", "level", "weight", "must_have"});
    r.string("skill_id", out.skill_id, true);
    r.integer("level", out.level, true);
    r.integer("weight", out.weight);
    r.boolean("must_have", out.must_have);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

}  // namespace

std::string_view to_string(CertificateKind kind) {
    return kCertificateKinds.at(static_cast<std::size_t>(kind));
}
std::string_view to_string(EvidenceKind kind) {
    return kEvidenceKinds.at(static_cast<std::size_t>(kind));
}
std::optional<CertificateKind> parse_certificate_kind(std::string_view text) {
    return parse_enum<CertificateKind>(kCertificateKinds, text);
}
std::optional<EvidenceKind> parse_evidence_kind(std::string_view text) {
    return parse_enum<EvidenceKind>(kEvidenceKinds, text);
}
std::string_view to_string(PlacementSource source) {
    return kPlacementSources.at(static_cast<std::size_t>(source));
}
std::optional<PlacementSource> parse_placement_source(std::string_view text) {
    return parse_enum<PlacementSource>(kPlacementSources, text);
}

json encode(const Skill& value) {
    return {{"id", value.id},
            {"name_zh", value.name_zh},
            {"name_en", value.name_en},
            {"category", value.category},
            {"aliases", value.aliases}};
}

json encode(const Certificate& value) {
    return {{"id", value.id},           {"name_zh", value.name_zh},
            {"name_en", value.name_en}, {"kind", to_string(value.kind)},
            {"level", value.level},     {"issuer", value.issuer}};
}

json encode(const Institution& value) {
    return {{"id", value.id},
            {"name", value.name},
            {"district", value.district},
            {"level", to_string(value.level)}};
}

json encode(const Program& value) {
    return {{"id", value.id},
            {"institution_id", value.institution_id},
            {"name", value.name},
            {"code", value.code},
            {"cluster", value.cluster},
            {"education_level", to_string(value.education_level)},
            {"cohort_size", value.cohort_size},
            {"curriculum", encode_levels(value.curriculum)},
            {"certificates", value.certificates}};
}

json encode(const Graduate& value) {
    json skills = json::array();
    for (const auto& skill : value.skills) {
        json evidence = json::array();
        for (const auto& item : skill.evidence) {
            evidence.push_back({{"kind", to_string(item.kind)}, {"ref", item.ref}});
        }
        skills.push_back({{"skill_id", skill.skill_id},
                          {"level", skill.level},
                          {"evidence", std::move(evidence)}});
    }
    return {{"id", value.id},
            {"institution_id", value.institution_id},
            {"program_id", value.program_id},
            {"graduation_year", value.graduation_year},
            {"education_level", to_string(value.education_level)},
            {"skills", std::move(skills)},
            {"certificates", value.certificates},
            {"preferred_districts", value.preferred_districts},
            {"preferred_clusters", value.preferred_clusters},
            {"seeking", value.seeking}};
}

json encode(const Employer& value) {
    return {{"id", value.id},
            {"name", value.name},
            {"cluster", value.cluster},
            {"district", value.district},
            {"association_id", value.association_id}};
}

json encode(const Job& value) {
    json requirements = json::array();
    for (const auto& item : value.requirements) {
        requirements.push_back({{"skill_id", item.skill_id},
                                {"level", item.level},
                                {"weight", item.weight},
                                {"must_have", item.must_have}});
    }
    return {{"id", value.id},
            {"employer_id", value.employer_id},
            {"title", value.title},
            {"cluster", value.cluster},
            {"district", value.district},
            {"headcount", value.headcount},
            {"min_education", to_string(value.min_education)},
            {"required_certificates", value.required_certificates},
            {"valid_until", value.valid_until},
            {"requirements", std::move(requirements)}};
}

json encode(const Placement& value) {
    return {{"id", value.id},
            {"graduate_id", value.graduate_id},
            {"employer_id", value.employer_id},
            {"job_id", value.job_id},
            {"date", value.date},
            {"source", to_string(value.source)}};
}

std::optional<Skill> decode_skill(const json& in, const std::string& path,
                                  std::vector<FieldError>& errors) {
    Skill out;
    ObjectReader r(in, path, errors, {"id", "name_zh", "name_en", "category", "aliases"});
    r.string("id", out.id, true);
    r.string("name_zh", out.name_zh);
    r.string("name_en", out.name_en);
    r.string("category", out.category);
    r.string_list("aliases", out.aliases);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Certificate> decode_certificate(const json& in, const std::string& path,
                                              std::vector<FieldError>& errors) {
    Certificate out;
    ObjectReader r(in, path, errors, {"id", "name_zh", "name_en", "kind", "level", "issuer"});
    r.string("id", out.id, true);
    r.string("name_zh", out.name_zh);
    r.string("name_en", out.name_en);
    r.enumeration("kind", out.kind, parse_certificate_kind, kCertificateKindNames);
    r.string("level", out.level);
    r.string("issuer", out.issuer);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Institution> decode_institution(const json& in, const std::string& path,
                                              std::vector<FieldError>& errors) {
    Institution out;
    ObjectReader r(in, path, errors, {"id", "name", "district", "level"});
    r.string("id", out.id, true);
    r.string("name", out.name);
    r.string("district", out.district);
    r.enumeration("level", out.level, parse_level, kEducationLevelNames);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Program> decode_program(const json& in, const std::string& path,
                                      std::vector<FieldError>& errors) {
    Program out;
    ObjectReader r(in, path, errors,
                   {"id", "institution_id", "name", "code", "cluster", "education_level",
                    "cohort_size", "curriculum", "certificates"});
    r.string("id", out.id, true);
    r.string("institution_id", out.institution_id, true);
    r.string("name", out.name);
    r.string("code", out.code);
    r.string("cluster", out.cluster);
    r.enumeration("education_level", out.education_level, parse_level, kEducationLevelNames);
    r.integer("cohort_size", out.cohort_size);
    r.object_list("curriculum", out.curriculum, [&](const json& item, const std::string& p) {
        return decode_skill_level(item, p, errors);
    });
    r.string_list("certificates", out.certificates);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Graduate> decode_graduate(const json& in, const std::string& path,
                                        std::vector<FieldError>& errors) {
    Graduate out;
    ObjectReader r(
        in, path, errors,
        {"id", "institution_id", "program_id", "graduation_year", "education_level", "skills",
         "certificates", "preferred_districts", "preferred_clusters", "seeking"});
    r.string("id", out.id, true);
    r.string("institution_id", out.institution_id, true);
    r.string("program_id", out.program_id, true);
    r.integer("graduation_year", out.graduation_year, true);
    r.enumeration("education_level", out.education_level, parse_level, kEducationLevelNames);
    r.object_list("skills", out.skills, [&](const json& item, const std::string& p) {
        return decode_graduate_skill(item, p, errors);
    });
    r.string_list("certificates", out.certificates);
    r.string_list("preferred_districts", out.preferred_districts);
    r.string_list("preferred_clusters", out.preferred_clusters);
    r.boolean("seeking", out.seeking);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Employer> decode_employer(const json& in, const std::string& path,
                                        std::vector<FieldError>& errors) {
    Employer out;
    ObjectReader r(in, path, errors, {"id", "name", "cluster", "district", "association_id"});
    r.string("id", out.id, true);
    r.string("name", out.name);
    r.string("cluster", out.cluster);
    r.string("district", out.district);
    r.string("association_id", out.association_id);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Job> decode_job(const json& in, const std::string& path,
                              std::vector<FieldError>& errors) {
    Job out;
    ObjectReader r(in, path, errors,
                   {"id", "employer_id", "title", "cluster", "district", "headcount",
                    "min_education", "required_certificates", "valid_until", "requirements"});
    r.string("id", out.id, true);
    r.string("employer_id", out.employer_id, true);
    r.string("title", out.title);
    r.string("cluster", out.cluster);
    r.string("district", out.district);
    r.integer("headcount", out.headcount);
    r.enumeration("min_education", out.min_education, parse_level, kEducationLevelNames);
    r.string_list("required_certificates", out.required_certificates);
    r.string("valid_until", out.valid_until);
    r.object_list(
        "requirements", out.requirements,
        [&](const json& item, const std::string& p) { return decode_requirement(item, p, errors); },
        true);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

std::optional<Placement> decode_placement(const json& in, const std::string& path,
                                          std::vector<FieldError>& errors) {
    Placement out;
    ObjectReader r(in, path, errors,
                   {"id", "graduate_id", "employer_id", "job_id", "date", "source"});
    r.string("id", out.id, true);
    r.string("graduate_id", out.graduate_id, true);
    r.string("employer_id", out.employer_id, true);
    r.string("job_id", out.job_id);
    r.string("date", out.date, true);
    r.enumeration("source", out.source, parse_placement_source, kPlacementSourceNames);
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

}  // namespace talentmatch
