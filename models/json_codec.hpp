#pragma once
// JSON codecs for every entity (nlohmann/json). encode() then decode() gives
// back an equal value (tests/models round-trip every entity).
//
// Decoding never throws on bad input: it collects every problem as a
// FieldError whose path starts with `path` (e.g. "jobs[3]" yields
// "jobs[3].requirements[2].level: expected an integer, got \"high\""), and
// returns std::nullopt when any error was found. Unknown fields are errors
// too (a typo such as "weigth" must not be silently dropped).
// Type/shape problems are reported here; domain rules (ranges, known ids,
// duplicates) are validation.hpp's job.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "models/entities.hpp"
#include "models/field_error.hpp"

namespace talentmatch {

nlohmann::json encode(const Skill& value);
nlohmann::json encode(const Certificate& value);
nlohmann::json encode(const Institution& value);
nlohmann::json encode(const Program& value);
nlohmann::json encode(const Graduate& value);
nlohmann::json encode(const Employer& value);
nlohmann::json encode(const Job& value);
nlohmann::json encode(const Placement& value);
nlohmann::json encode(const Teacher& value);
nlohmann::json encode(const Project& value);
nlohmann::json encode(const InnovationDemand& value);
nlohmann::json encode(const ResearchResult& value);
nlohmann::json encode(const OccupationalStandard& value);
nlohmann::json encode(const Course& value);
nlohmann::json encode(const TrainingProgram& value);

std::optional<Skill> decode_skill(const nlohmann::json& in, const std::string& path,
                                  std::vector<FieldError>& errors);
std::optional<Certificate> decode_certificate(const nlohmann::json& in, const std::string& path,
                                              std::vector<FieldError>& errors);
std::optional<Institution> decode_institution(const nlohmann::json& in, const std::string& path,
                                              std::vector<FieldError>& errors);
std::optional<Program> decode_program(const nlohmann::json& in, const std::string& path,
                                      std::vector<FieldError>& errors);
std::optional<Graduate> decode_graduate(const nlohmann::json& in, const std::string& path,
                                        std::vector<FieldError>& errors);
std::optional<Employer> decode_employer(const nlohmann::json& in, const std::string& path,
                                        std::vector<FieldError>& errors);
std::optional<Job> decode_job(const nlohmann::json& in, const std::string& path,
                              std::vector<FieldError>& errors);
std::optional<Placement> decode_placement(const nlohmann::json& in, const std::string& path,
                                          std::vector<FieldError>& errors);
std::optional<Teacher> decode_teacher(const nlohmann::json& in, const std::string& path,
                                      std::vector<FieldError>& errors);
std::optional<Project> decode_project(const nlohmann::json& in, const std::string& path,
                                      std::vector<FieldError>& errors);
std::optional<InnovationDemand> decode_innovation_demand(const nlohmann::json& in,
                                                         const std::string& path,
                                                         std::vector<FieldError>& errors);
std::optional<ResearchResult> decode_research_result(const nlohmann::json& in,
                                                     const std::string& path,
                                                     std::vector<FieldError>& errors);
std::optional<OccupationalStandard> decode_occupational_standard(const nlohmann::json& in,
                                                                 const std::string& path,
                                                                 std::vector<FieldError>& errors);
std::optional<Course> decode_course(const nlohmann::json& in, const std::string& path,
                                    std::vector<FieldError>& errors);
std::optional<TrainingProgram> decode_training_program(const nlohmann::json& in,
                                                       const std::string& path,
                                                       std::vector<FieldError>& errors);

// Wire names of the small enums ("industry", "1+x", "licence"; "course", ...).
std::string_view to_string(CertificateKind kind);
std::string_view to_string(EvidenceKind kind);
std::optional<CertificateKind> parse_certificate_kind(std::string_view text);
std::optional<EvidenceKind> parse_evidence_kind(std::string_view text);
// "survey", "employer_report", "graduate_report", "other".
std::string_view to_string(PlacementSource source);
std::optional<PlacementSource> parse_placement_source(std::string_view text);

}  // namespace talentmatch
