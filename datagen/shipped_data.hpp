#pragma once
// The shipped taxonomy and templates of data/ (data/README.md), loaded into
// memory for the synthetic generator. Read-only after loading.
//
// Layout of a data root:
//   taxonomy/skills.jsonl, taxonomy/certificates.jsonl   (models/json_codec.hpp format)
//   taxonomy/clusters.json, taxonomy/districts.json      ([{"id","name_zh","name_en"}])
//   templates/occupations.json                           (data/tools/make_templates.py)
// Loading checks that every template refers to known skills, certificates
// and clusters; any problem throws std::runtime_error naming the file, line
// or template and the value.
#include <filesystem>
#include <string>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::datagen {

struct NamedId {
    std::string id;
    std::string name_zh;
    std::string name_en;
};

struct TemplateSkill {
    std::string skill_id;
    int level = 1;   // 1..5
    int weight = 0;  // 1..10 for occupation core skills; 0 where it does not apply
};

struct OccupationTemplate {
    std::string id;  // "<cluster>.<occupation>"
    std::string title_zh;
    std::string title_en;
    EducationLevel min_education = EducationLevel::kSecondaryVocational;
    std::vector<TemplateSkill> core;        // with weights
    std::vector<std::string> must_have;     // subset of core
    std::vector<TemplateSkill> optional;    // levels only
    std::vector<std::string> certificates;  // certificates such jobs often require
};

struct ProgramTemplate {
    std::string id;    // "<cluster>.<program>"
    std::string name;  // Chinese major name
    std::string code;  // national major code
    EducationLevel education_level = EducationLevel::kHigherVocational;
    std::vector<TemplateSkill> curriculum;
    std::vector<std::string> certificates;
};

struct ClusterTemplates {
    std::string cluster;
    std::vector<OccupationTemplate> occupations;
    std::vector<ProgramTemplate> programs;
};

// Extra skill pools, by how a graduate acquired them outside the curriculum.
struct ExtraSkillPools {
    std::vector<std::string> competition;
    std::vector<std::string> internship;
    std::vector<std::string> project;
    std::vector<std::string> self_reported;
};

struct ShippedData {
    std::vector<Skill> skills;
    std::vector<Certificate> certificates;
    std::vector<NamedId> clusters;
    std::vector<NamedId> districts;
    std::vector<TemplateSkill> common_curriculum;  // added to every program's curriculum
    ExtraSkillPools extras;
    std::vector<ClusterTemplates> templates;  // one per cluster with templates
};

// The data root compiled into the build (the source tree's data/).
std::filesystem::path default_data_root();

// Loads `<root>/taxonomy` and `<root>/templates`. When `taxonomy_dir` is not
// empty, the taxonomy files are read from it instead of `<root>/taxonomy`.
ShippedData load_shipped_data(const std::filesystem::path& root,
                              const std::filesystem::path& taxonomy_dir = {});

// Reads a JSON Lines file of skills / certificates with the models codec.
std::vector<Skill> read_skills_jsonl(const std::filesystem::path& file);
std::vector<Certificate> read_certificates_jsonl(const std::filesystem::path& file);

}  // namespace talentmatch::datagen
