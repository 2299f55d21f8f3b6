#include "models/validation.hpp"

#include <unordered_map>

#include "models/limits.hpp"
#include "models/rule_checker.hpp"

namespace talentmatch {

using detail::RuleChecker;
using Seen = std::unordered_map<std::string, std::size_t>;

namespace {

void check_education_level(RuleChecker& check, const std::string& path, EducationLevel level) {
    check.range(path, static_cast<int>(level), 0, kEducationLevelCount - 1);
}

// Ids referring to `known`, each once, at most kMaxListLength of them.
void check_reference_list(RuleChecker& check, const std::string& path,
                          const std::vector<std::string>& ids,
                          const std::unordered_set<std::string>& known, std::string_view what) {
    check.list_length(path, ids.size(), kMaxListLength);
    Seen seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string item = index_path(path, i);
        check.reference(item, ids[i], known, what);
        check.unique(item, ids[i], i, seen, what);
    }
}

// Free-text labels (districts, clusters, aliases): each 1..kMaxNameLength characters of UTF-8.
void check_label_list(RuleChecker& check, const std::string& path,
                      const std::vector<std::string>& labels) {
    check.list_length(path, labels.size(), kMaxListLength);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const std::string item = index_path(path, i);
        if (labels[i].empty()) check.add(item, "must not be empty");
        check.text(item, labels[i], kMaxNameLength);
    }
}

}  // namespace

std::vector<FieldError> validate(const Skill& value, const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.text(join_path(path, "name_zh"), value.name_zh, kMaxNameLength);
    check.text(join_path(path, "name_en"), value.name_en, kMaxNameLength);
    check.text(join_path(path, "category"), value.category, kMaxNameLength);
    check_label_list(check, join_path(path, "aliases"), value.aliases);
    return errors;
}

std::vector<FieldError> validate(const Certificate& value, const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.text(join_path(path, "name_zh"), value.name_zh, kMaxNameLength);
    check.text(join_path(path, "name_en"), value.name_en, kMaxNameLength);
    check.range(join_path(path, "kind"), static_cast<int>(value.kind), 0, 2);
    check.text(join_path(path, "level"), value.level, kMaxNameLength);
    check.text(join_path(path, "issuer"), value.issuer, kMaxNameLength);
    return errors;
}

std::vector<FieldError> validate(const Institution& value, const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.text(join_path(path, "name"), value.name, kMaxNameLength);
    check.text(join_path(path, "district"), value.district, kMaxNameLength);
    check_education_level(check, join_path(path, "level"), value.level);
    return errors;
}

std::vector<FieldError> validate(const Program& value, const KnownIds& known,
                                 const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.reference(join_path(path, "institution_id"), value.institution_id, known.institutions,
                    "institution");
    check.text(join_path(path, "name"), value.name, kMaxNameLength);
    check.text(join_path(path, "code"), value.code, kMaxIdLength);
    check.text(join_path(path, "cluster"), value.cluster, kMaxNameLength);
    check_education_level(check, join_path(path, "education_level"), value.education_level);
    check.at_least(join_path(path, "cohort_size"), value.cohort_size, 0);
    const std::string curriculum = join_path(path, "curriculum");
    check.list_length(curriculum, value.curriculum.size(), kMaxListLength);
    Seen seen;
    for (std::size_t i = 0; i < value.curriculum.size(); ++i) {
        const SkillLevel& item = value.curriculum[i];
        const std::string item_path = index_path(curriculum, i);
        const std::string skill_path = join_path(item_path, "skill_id");
        check.reference(skill_path, item.skill_id, known.skills, "skill");
        check.unique(skill_path, item.skill_id, i, seen, "skill");
        check.range(join_path(item_path, "level"), item.level, kMinLevel, kMaxLevel);
    }
    check_reference_list(check, join_path(path, "certificates"), value.certificates,
                         known.certificates, "certificate");
    return errors;
}

std::vector<FieldError> validate(const Graduate& value, const KnownIds& known,
                                 const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.reference(join_path(path, "institution_id"), value.institution_id, known.institutions,
                    "institution");
    check.reference(join_path(path, "program_id"), value.program_id, known.programs, "program");
    if (const auto owner = known.program_institution.find(value.program_id);
        owner != known.program_institution.end() && owner->second != value.institution_id) {
        check.add(join_path(path, "program_id"),
                  "program \"" + value.program_id + "\" belongs to institution \"" + owner->second +
                      "\", not \"" + value.institution_id + "\"");
    }
    check.range(join_path(path, "graduation_year"), value.graduation_year, kMinGraduationYear,
                kMaxGraduationYear);
    check_education_level(check, join_path(path, "education_level"), value.education_level);
    const std::string skills = join_path(path, "skills");
    check.list_length(skills, value.skills.size(), kMaxListLength);
    Seen seen;
    for (std::size_t i = 0; i < value.skills.size(); ++i) {
        const GraduateSkill& item = value.skills[i];
        const std::string item_path = index_path(skills, i);
        const std::string skill_path = join_path(item_path, "skill_id");
        check.reference(skill_path, item.skill_id, known.skills, "skill");
        check.unique(skill_path, item.skill_id, i, seen, "skill");
        check.range(join_path(item_path, "level"), item.level, kMinLevel, kMaxLevel);
        const std::string evidence = join_path(item_path, "evidence");
        check.list_length(evidence, item.evidence.size(), kMaxListLength);
        for (std::size_t e = 0; e < item.evidence.size(); ++e) {
            const std::string evidence_path = index_path(evidence, e);
            check.range(join_path(evidence_path, "kind"), static_cast<int>(item.evidence[e].kind),
                        0, 5);
            check.text(join_path(evidence_path, "ref"), item.evidence[e].ref, kMaxNameLength);
        }
    }
    check_reference_list(check, join_path(path, "certificates"), value.certificates,
                         known.certificates, "certificate");
    check_label_list(check, join_path(path, "preferred_districts"), value.preferred_districts);
    check_label_list(check, join_path(path, "preferred_clusters"), value.preferred_clusters);
    return errors;
}

std::vector<FieldError> validate(const Employer& value, const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.text(join_path(path, "name"), value.name, kMaxNameLength);
    check.text(join_path(path, "cluster"), value.cluster, kMaxNameLength);
    check.text(join_path(path, "district"), value.district, kMaxNameLength);
    if (!value.association_id.empty()) {
        check.id(join_path(path, "association_id"), value.association_id);
    }
    return errors;
}

std::vector<FieldError> validate(const Job& value, const KnownIds& known, const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.reference(join_path(path, "employer_id"), value.employer_id, known.employers, "employer");
    check.text(join_path(path, "title"), value.title, kMaxNameLength);
    check.text(join_path(path, "cluster"), value.cluster, kMaxNameLength);
    check.text(join_path(path, "district"), value.district, kMaxNameLength);
    check.at_least(join_path(path, "headcount"), value.headcount, 1);
    check_education_level(check, join_path(path, "min_education"), value.min_education);
    check_reference_list(check, join_path(path, "required_certificates"),
                         value.required_certificates, known.certificates, "certificate");
    check.optional_date(join_path(path, "valid_until"), value.valid_until);
    const std::string requirements = join_path(path, "requirements");
    if (value.requirements.empty()) check.add(requirements, "must not be empty");
    check.list_length(requirements, value.requirements.size(), kMaxListLength);
    Seen seen;
    for (std::size_t i = 0; i < value.requirements.size(); ++i) {
        const Requirement& item = value.requirements[i];
        const std::string item_path = index_path(requirements, i);
        const std::string skill_path = join_path(item_path, "skill_id");
        check.reference(skill_path, item.skill_id, known.skills, "skill");
        check.unique(skill_path, item.skill_id, i, seen, "skill");
        check.range(join_path(item_path, "level"), item.level, kMinRequiredLevel, kMaxLevel);
        check.range(join_path(item_path, "weight"), item.weight, kMinWeight, kMaxWeight);
    }
    return errors;
}

std::vector<FieldError> validate(const Placement& value, const KnownIds& known,
                                 const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check.id(join_path(path, "id"), value.id);
    check.id(join_path(path, "graduate_id"), value.graduate_id);
    check.reference(join_path(path, "employer_id"), value.employer_id, known.employers, "employer");
    if (!value.job_id.empty()) check.id(join_path(path, "job_id"), value.job_id);
    const std::string date = join_path(path, "date");
    if (value.date.empty()) {
        check.add(date, "is required (a date YYYY-MM-DD)");
    } else {
        check.optional_date(date, value.date);
    }
    check.range(join_path(path, "source"), static_cast<int>(value.source), 0, 3);
    return errors;
}

}  // namespace talentmatch
