#pragma once
// Per-entity glue for the generic CRUD and bulk handlers: wire names, codec,
// which roles may read / write, and tenancy:
//   visible(p, v)          may p see stored v at all? (else 404)
//   ownership_error(p, v)  why v is not p's tenant's to write (nullopt = ok);
//                          used on the new value (422 naming the field) and
//                          on the stored value (404 / 403).
//   list_org(p)            the org filter a list runs with for p.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_context.hpp"
#include "api/auth.hpp"
#include "models/json_codec.hpp"
#include "models/validation.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

template <class T>
struct EntityTraits;

// Skills, certificates, institutions: reference data, written by admin only.
struct ReferenceTenancy {
    static bool visible(ApiContext&, const Principal&, const auto&) { return true; }
    static std::optional<FieldError> ownership_error(ApiContext&, const Principal& p, const auto&) {
        if (p.role == Role::kAdmin) return std::nullopt;
        return FieldError{"", "only admin keys write reference data"};
    }
    static std::string list_org(const Principal&) { return ""; }
};

// Programs, graduates and teachers belong to an institution (career_office org).
struct InstitutionTenancy {
    static bool visible(ApiContext&, const Principal& p, const auto& v) {
        return owns_institution(p, v.institution_id);
    }
    static std::optional<FieldError> ownership_error(ApiContext&, const Principal& p,
                                                     const auto& v) {
        if (owns_institution(p, v.institution_id)) return std::nullopt;
        return FieldError{"institution_id", "must be the key's own institution '" + p.org +
                                                "', got \"" + v.institution_id + "\""};
    }
    static std::string list_org(const Principal& p) {
        return p.role == Role::kCareerOffice ? p.org : "";
    }
};

// Research results belong to an institution's research office
// (research_office org): every role that reads them reads all of them (they
// are offered to the alliance); a research office writes, and lists, its own.
struct ResearchTenancy {
    static bool visible(ApiContext&, const Principal&, const auto&) { return true; }
    static std::optional<FieldError> ownership_error(ApiContext&, const Principal& p,
                                                     const auto& v) {
        if (owns_research(p, v.institution_id)) return std::nullopt;
        return FieldError{"institution_id", "must be the key's own institution '" + p.org +
                                                "', got \"" + v.institution_id + "\""};
    }
    static std::string list_org(const Principal& p) {
        return p.role == Role::kResearchOffice ? p.org : "";
    }
};

// Training programs are offered by an institution's practice base: every role
// that reads them reads all of them (an association looks for training that
// prepares for its jobs); its career office writes, and lists, its own.
struct OfferingTenancy {
    static bool visible(ApiContext&, const Principal&, const auto&) { return true; }
    static std::optional<FieldError> ownership_error(ApiContext&, const Principal& p,
                                                     const auto& v) {
        if (p.role == Role::kCareerOffice && p.org == v.institution_id) return std::nullopt;
        if (p.role == Role::kAdmin) return std::nullopt;
        return FieldError{"institution_id", "must be the key's own institution '" + p.org +
                                                "', got \"" + v.institution_id + "\""};
    }
    static std::string list_org(const Principal& p) {
        return p.role == Role::kCareerOffice ? p.org : "";
    }
};

// Jobs, projects and innovation demands are demand of an employer: every role that reads them
// reads all of them; an association writes those of the employers it submits
// for. The message is the same whether the employer exists or not (nothing is
// revealed).
struct DemandTenancy {
    static bool visible(ApiContext&, const Principal&, const auto&) { return true; }
    static std::optional<FieldError> ownership_error(ApiContext& ctx, const Principal& p,
                                                     const auto& v) {
        if (p.role == Role::kAdmin) return std::nullopt;
        if (p.role == Role::kAssociation) {
            const auto employer = ctx.store.get<Employer>(v.employer_id);
            if (employer && employer->association_id == p.org) return std::nullopt;
        }
        return FieldError{"employer_id", "must be an employer of the key's association '" + p.org +
                                             "', got \"" + v.employer_id + "\""};
    }
    static std::string list_org(const Principal&) { return ""; }
};

template <>
struct EntityTraits<Skill> : ReferenceTenancy {
    static constexpr const char* kKind = "skill";
    static constexpr const char* kPlural = "skills";
    static constexpr const char* kSchema = "Skill";
    static constexpr RoleSet read_roles() { return RoleSet::all(); }
    static constexpr RoleSet write_roles() { return {Role::kAdmin}; }
    static std::optional<Skill> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_skill(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Skill& v, const KnownIds&) {
        return validate(v, "");
    }
};

template <>
struct EntityTraits<Certificate> : ReferenceTenancy {
    static constexpr const char* kKind = "certificate";
    static constexpr const char* kPlural = "certificates";
    static constexpr const char* kSchema = "Certificate";
    static constexpr RoleSet read_roles() { return RoleSet::all(); }
    static constexpr RoleSet write_roles() { return {Role::kAdmin}; }
    static std::optional<Certificate> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_certificate(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Certificate& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

template <>
struct EntityTraits<Institution> : ReferenceTenancy {
    static constexpr const char* kKind = "institution";
    static constexpr const char* kPlural = "institutions";
    static constexpr const char* kSchema = "Institution";
    static constexpr RoleSet read_roles() {
        return {Role::kAdmin, Role::kAssociation, Role::kCareerOffice};
    }
    static constexpr RoleSet write_roles() { return {Role::kAdmin}; }
    static std::optional<Institution> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_institution(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Institution& v, const KnownIds&) {
        return validate(v, "");
    }
};

template <>
struct EntityTraits<Program> : InstitutionTenancy {
    static constexpr const char* kKind = "program";
    static constexpr const char* kPlural = "programs";
    static constexpr const char* kSchema = "Program";
    static constexpr RoleSet read_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static std::optional<Program> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_program(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Program& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

template <>
struct EntityTraits<Graduate> : InstitutionTenancy {
    static constexpr const char* kKind = "graduate";
    static constexpr const char* kPlural = "graduates";
    static constexpr const char* kSchema = "Graduate";
    static constexpr RoleSet read_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static std::optional<Graduate> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_graduate(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Graduate& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

template <>
struct EntityTraits<Employer> {
    static constexpr const char* kKind = "employer";
    static constexpr const char* kPlural = "employers";
    static constexpr const char* kSchema = "Employer";
    static constexpr RoleSet read_roles() { return {Role::kAdmin, Role::kAssociation}; }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kAssociation}; }
    static std::optional<Employer> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_employer(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Employer& v, const KnownIds&) {
        return validate(v, "");
    }
    static bool visible(ApiContext&, const Principal& p, const Employer& v) {
        return owns_association(p, v.association_id);
    }
    static std::optional<FieldError> ownership_error(ApiContext&, const Principal& p,
                                                     const Employer& v) {
        if (owns_association(p, v.association_id)) return std::nullopt;
        return FieldError{"association_id", "must be the key's own association '" + p.org +
                                                "', got \"" + v.association_id + "\""};
    }
    static std::string list_org(const Principal& p) {
        return p.role == Role::kAssociation ? p.org : "";
    }
};

template <>
struct EntityTraits<Job> : DemandTenancy {
    static constexpr const char* kKind = "job";
    static constexpr const char* kPlural = "jobs";
    static constexpr const char* kSchema = "Job";
    static constexpr RoleSet read_roles() {
        return {Role::kAdmin, Role::kAssociation, Role::kCareerOffice};
    }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kAssociation}; }
    static std::optional<Job> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_job(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Job& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

// Placements are personal data of a graduate: admin, or the career office of
// the graduate's institution (reads, writes, deletes; the employer may be any
// employer: a graduate may join one outside every association). Associations
// and viewers see placements only as aggregates (GET /v1/reports/outcomes).
template <>
struct EntityTraits<Placement> {
    static constexpr const char* kKind = "placement";
    static constexpr const char* kPlural = "placements";
    static constexpr const char* kSchema = "Placement";
    static constexpr RoleSet read_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static std::optional<Placement> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_placement(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Placement& v, const KnownIds& k) {
        return validate(v, k, "");
    }
    static bool visible(ApiContext& ctx, const Principal& p, const Placement& v) {
        return !ownership_error(ctx, p, v);
    }
    // The message is the same whether the graduate exists or not (nothing
    // is revealed); an unknown graduate under an admin key is the store's
    // 422 on graduate_id.
    static std::optional<FieldError> ownership_error(ApiContext& ctx, const Principal& p,
                                                     const Placement& v) {
        if (p.role == Role::kAdmin) return std::nullopt;
        if (p.role == Role::kCareerOffice) {
            const auto graduate = ctx.store.get<Graduate>(v.graduate_id);
            if (graduate && graduate->institution_id == p.org) return std::nullopt;
        }
        return FieldError{"graduate_id", "must be a graduate of the key's institution '" + p.org +
                                             "', got \"" + v.graduate_id + "\""};
    }
    static std::string list_org(const Principal& p) {
        return p.role == Role::kCareerOffice ? p.org : "";
    }
};

// Teachers are people of an institution: admin, or its career office.
template <>
struct EntityTraits<Teacher> : InstitutionTenancy {
    static constexpr const char* kKind = "teacher";
    static constexpr const char* kPlural = "teachers";
    static constexpr const char* kSchema = "Teacher";
    static constexpr RoleSet read_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static std::optional<Teacher> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_teacher(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Teacher& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

// A program's courses belong to its institution, as the program does.
template <>
struct EntityTraits<Course> : InstitutionTenancy {
    static constexpr const char* kKind = "course";
    static constexpr const char* kPlural = "courses";
    static constexpr const char* kSchema = "Course";
    static constexpr RoleSet read_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static std::optional<Course> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_course(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Course& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

template <>
struct EntityTraits<TrainingProgram> : OfferingTenancy {
    static constexpr const char* kKind = "training program";
    static constexpr const char* kPlural = "training_programs";
    static constexpr const char* kSchema = "TrainingProgram";
    static constexpr RoleSet read_roles() {
        return {Role::kAdmin, Role::kCareerOffice, Role::kAssociation};
    }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kCareerOffice}; }
    static std::optional<TrainingProgram> decode(const nlohmann::json& in,
                                                 std::vector<FieldError>& e) {
        return decode_training_program(in, "", e);
    }
    static std::vector<FieldError> validate_item(const TrainingProgram& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

// Enterprise projects are demand, as jobs: read by every role that reads
// jobs (a career office looks for projects for its teachers).
template <>
struct EntityTraits<Project> : DemandTenancy {
    static constexpr const char* kKind = "project";
    static constexpr const char* kPlural = "projects";
    static constexpr const char* kSchema = "Project";
    static constexpr RoleSet read_roles() {
        return {Role::kAdmin, Role::kAssociation, Role::kCareerOffice};
    }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kAssociation}; }
    static std::optional<Project> decode(const nlohmann::json& in, std::vector<FieldError>& e) {
        return decode_project(in, "", e);
    }
    static std::vector<FieldError> validate_item(const Project& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

// Innovation demands are demand, as jobs: read by every role that reads jobs
// and by research offices (which look for demands their results answer).
template <>
struct EntityTraits<InnovationDemand> : DemandTenancy {
    static constexpr const char* kKind = "innovation demand";
    static constexpr const char* kPlural = "innovation_demands";
    static constexpr const char* kSchema = "InnovationDemand";
    static constexpr RoleSet read_roles() {
        return {Role::kAdmin, Role::kAssociation, Role::kCareerOffice, Role::kResearchOffice};
    }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kAssociation}; }
    // An association also writes the demands it submits on its own.
    static std::optional<FieldError> ownership_error(ApiContext& ctx, const Principal& p,
                                                     const InnovationDemand& v) {
        if (!v.employer_id.empty()) return DemandTenancy::ownership_error(ctx, p, v);
        if (p.role == Role::kAdmin || (p.role == Role::kAssociation && v.association_id == p.org))
            return std::nullopt;
        return FieldError{"association_id", "must be the key's association '" + p.org +
                                                "', got \"" + v.association_id + "\""};
    }
    static std::optional<InnovationDemand> decode(const nlohmann::json& in,
                                                  std::vector<FieldError>& e) {
        return decode_innovation_demand(in, "", e);
    }
    static std::vector<FieldError> validate_item(const InnovationDemand& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

// Research results and teams: written by their institution's research office.
template <>
struct EntityTraits<ResearchResult> : ResearchTenancy {
    static constexpr const char* kKind = "research result";
    static constexpr const char* kPlural = "research_results";
    static constexpr const char* kSchema = "ResearchResult";
    static constexpr RoleSet read_roles() {
        return {Role::kAdmin, Role::kAssociation, Role::kCareerOffice, Role::kResearchOffice};
    }
    static constexpr RoleSet write_roles() { return {Role::kAdmin, Role::kResearchOffice}; }
    static std::optional<ResearchResult> decode(const nlohmann::json& in,
                                                std::vector<FieldError>& e) {
        return decode_research_result(in, "", e);
    }
    static std::vector<FieldError> validate_item(const ResearchResult& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

// Occupational standards are reference data: read by every role, written by admin.
template <>
struct EntityTraits<OccupationalStandard> : ReferenceTenancy {
    static constexpr const char* kKind = "occupational standard";
    static constexpr const char* kPlural = "occupational_standards";
    static constexpr const char* kSchema = "OccupationalStandard";
    static constexpr RoleSet read_roles() { return RoleSet::all(); }
    static constexpr RoleSet write_roles() { return {Role::kAdmin}; }
    static std::optional<OccupationalStandard> decode(const nlohmann::json& in,
                                                      std::vector<FieldError>& e) {
        return decode_occupational_standard(in, "", e);
    }
    static std::vector<FieldError> validate_item(const OccupationalStandard& v, const KnownIds& k) {
        return validate(v, k, "");
    }
};

}  // namespace talentmatch::api
