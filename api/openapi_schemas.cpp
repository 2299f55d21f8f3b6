#include "api/openapi_schemas.hpp"

#include <nlohmann/json.hpp>

#include "models/limits.hpp"
#include "runfmt/run_parameters.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

json str() {
    return {{"type", "string"}};
}
json id_str() {
    return {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdLength}};
}
json str_list() {
    return {{"type", "array"}, {"items", str()}};
}
json ref(const char* name) {
    return {{"$ref", std::string("#/components/schemas/") + name}};
}
json int_range(int lo, int hi) {
    return {{"type", "integer"}, {"minimum", lo}, {"maximum", hi}};
}
json education() {
    return {{"type", "string"},
            {"enum",
             {"secondary_vocational", "higher_vocational", "vocational_bachelor", "bachelor",
              "master"}}};
}
json object(json properties, json required) {
    return {{"type", "object"},
            {"additionalProperties", false},
            {"properties", std::move(properties)},
            {"required", std::move(required)}};
}

}  // namespace

json openapi_component_schemas() {
    json s;
    s["Problem"] = {{"type", "object"},
                    {"required", {"type", "title", "status", "detail", "errors"}},
                    {"properties",
                     {{"type", str()},
                      {"title", str()},
                      {"status", {{"type", "integer"}}},
                      {"detail", str()},
                      {"errors",
                       {{"type", "array"},
                        {"items",
                         {{"type", "object"},
                          {"required", {"path", "message"}},
                          {"properties", {{"path", str()}, {"message", str()}}}}}}}}}};
    s["Skill"] = object({{"id", id_str()},
                         {"name_zh", str()},
                         {"name_en", str()},
                         {"category", str()},
                         {"aliases", str_list()}},
                        {"id"});
    s["Certificate"] =
        object({{"id", id_str()},
                {"name_zh", str()},
                {"name_en", str()},
                {"kind", {{"type", "string"}, {"enum", {"industry", "1+x", "licence"}}}},
                {"level", str()},
                {"issuer", str()}},
               {"id"});
    s["Institution"] = object(
        {{"id", id_str()}, {"name", str()}, {"district", str()}, {"level", education()}}, {"id"});
    s["SkillLevel"] = object({{"skill_id", id_str()}, {"level", int_range(kMinLevel, kMaxLevel)}},
                             {"skill_id", "level"});
    s["Program"] = object({{"id", id_str()},
                           {"institution_id", id_str()},
                           {"name", str()},
                           {"code", str()},
                           {"cluster", str()},
                           {"education_level", education()},
                           {"cohort_size", {{"type", "integer"}, {"minimum", 0}}},
                           {"curriculum", {{"type", "array"}, {"items", ref("SkillLevel")}}},
                           {"certificates", str_list()}},
                          {"id", "institution_id"});
    s["Evidence"] = object(
        {{"kind",
          {{"type", "string"},
           {"enum",
            {"course", "certificate", "competition", "internship", "project", "self_reported"}}}},
         {"ref", str()}},
        {"kind"});
    s["GraduateSkill"] = object({{"skill_id", id_str()},
                                 {"level", int_range(kMinLevel, kMaxLevel)},
                                 {"evidence", {{"type", "array"}, {"items", ref("Evidence")}}}},
                                {"skill_id", "level"});
    s["Graduate"] = object({{"id", id_str()},
                            {"institution_id", id_str()},
                            {"program_id", id_str()},
                            {"graduation_year", {{"type", "integer"}}},
                            {"education_level", education()},
                            {"skills", {{"type", "array"}, {"items", ref("GraduateSkill")}}},
                            {"certificates", str_list()},
                            {"preferred_districts", str_list()},
                            {"preferred_clusters", str_list()},
                            {"seeking", {{"type", "boolean"}}}},
                           {"id", "institution_id", "program_id", "graduation_year"});
    s["Employer"] = object({{"id", id_str()},
                            {"name", str()},
                            {"cluster", str()},
                            {"district", str()},
                            {"association_id", str()}},
                           {"id"});
    s["Requirement"] = object({{"skill_id", id_str()},
                               {"level", int_range(kMinRequiredLevel, kMaxLevel)},
                               {"weight", int_range(kMinWeight, kMaxWeight)},
                               {"must_have", {{"type", "boolean"}}}},
                              {"skill_id", "level"});
    s["Job"] = object(
        {{"id", id_str()},
         {"employer_id", id_str()},
         {"title", str()},
         {"cluster", str()},
         {"district", str()},
         {"headcount", {{"type", "integer"}, {"minimum", 1}}},
         {"min_education", education()},
         {"required_certificates", str_list()},
         {"valid_until", str()},
         {"requirements", {{"type", "array"}, {"minItems", 1}, {"items", ref("Requirement")}}}},
        {"id", "employer_id", "requirements"});
    s["Placement"] = object(
        {{"id", id_str()},
         {"graduate_id", id_str()},
         {"employer_id", id_str()},
         {"job_id", {{"type", "string"}, {"description", "the job filled, \"\" when unknown"}}},
         {"date", {{"type", "string"}, {"format", "date"}}},
         {"source",
          {{"type", "string"},
           {"enum", {"survey", "employer_report", "graduate_report", "other"}}}}},
        {"id", "graduate_id", "employer_id", "date"});
    s["BulkResult"] = {
        {"type", "object"},
        {"properties",
         {{"applied", {{"type", "integer"}}},
          {"invalid", {{"type", "integer"}}},
          {"atomic", {{"type", "boolean"}}},
          {"dry_run", {{"type", "boolean"}, {"description", "present and true for dry_run=true"}}},
          {"encoding",
           {{"type", "string"},
            {"enum", {"UTF-8", "UTF-8 with BOM", "GB18030"}},
            {"description", "CSV bodies: the encoding found"}}},
          {"items",
           {{"type", "array"},
            {"items",
             {{"type", "object"},
              {"properties",
               {{"line", {{"type", "integer"}}},
                {"id", str()},
                {"status",
                 {{"type", "string"},
                  {"enum", {"created", "updated", "unchanged", "invalid", "not_applied"}}}},
                {"errors", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                {"resolved",
                 {{"type", "array"},
                  {"description",
                   "skill references given by name or alias, rewritten to the one skill id they "
                   "name (models/skill_references.hpp)"},
                  {"items",
                   {{"type", "object"},
                    {"properties",
                     {{"path", str()}, {"given", str()}, {"skill_id", str()}}}}}}}}}}}}}}}};
    // POST /v1/batch-runs (handlers_batch.cpp); every field optional.
    s["BatchRunRequest"] =
        object({{"k", int_range(int(runfmt::kRunK.min), int(runfmt::kRunK.max))},
                {"threads", int_range(int(runfmt::kRunThreads.min), int(runfmt::kRunThreads.max))},
                {"min_coverage", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}}},
               json::array());
    // POST /v1/programs/{id}/what-if (handlers_what_if.cpp): at least one change.
    s["ProgramWhatIf"] =
        object({{"curriculum",
                 {{"type", "array"},
                  {"items", object({{"skill_id", id_str()}, {"level", int_range(0, kMaxLevel)}},
                                   json::array({"skill_id", "level"}))},
                  {"description", "the level taught from now on; 0 drops the skill"}}},
                {"add_certificates", str_list()}},
               json::array());
    s["Object"] = {{"type", "object"}, {"description", "see the route summary"}};
    return s;
}

}  // namespace talentmatch::api
