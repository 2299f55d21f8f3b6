// Skills, certificates, institutions and employers: the entities other
// entities refer to, each a row plus at most one child list.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {
namespace {

void remember(Store::Impl& impl, std::unordered_set<std::string> KnownIds::*set,
              const std::string& id) {
    impl.dirty = true;
    if (impl.known) ((*impl.known).*set).insert(id);
}

// An entity's rows, children first (schema.hpp: no SQL cascades).
bool erase_skill(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {"DELETE FROM skill_aliases WHERE skill_id = ?1",
                                               "DELETE FROM skills WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}
bool erase_certificate(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM certificate_skills WHERE certificate_id = ?1",
        "DELETE FROM certificates WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}
bool erase_institution(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {"DELETE FROM institutions WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}
bool erase_employer(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {"DELETE FROM employers WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

// --- skills
std::vector<FieldError> check(const Skill& value, const KnownIds&) {
    return validate(value, "");
}

bool write_entity(Store::Impl& impl, const Skill& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM skills WHERE id = ?1", value.id);
    if (exists) erase_skill(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Skill>(false).c_str()), value).run();
    Statement& alias = impl.statement("INSERT OR IGNORE INTO skill_aliases VALUES (?1, ?2)");
    for (const std::string& a : value.aliases) alias.bind(1, value.id).bind(2, a).run();
    remember(impl, &KnownIds::skills, value.id);
    log_change(impl, EntityKind::kSkills, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Skill&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<Skill>(), row_table<Skill>(), plan, "");
    Statement& parent = parent_lease.get();
    ChildStream aliases(db, "alias", "skill_aliases", "skill_id", "alias", plan);
    Skill skill;
    while (parent.step()) {
        read_row(parent, skill);
        skill.aliases.clear();
        aliases.for_parent(skill.id,
                           [&](Statement& row) { skill.aliases.push_back(row.column_string(1)); });
        sink(skill);
    }
}

// --- certificates
std::vector<FieldError> check(const Certificate& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const Certificate& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM certificates WHERE id = ?1", value.id);
    if (exists) erase_certificate(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Certificate>(false).c_str()), value).run();
    insert_skill_levels(impl, "INSERT INTO certificate_skills VALUES (?1, ?2, ?3)", value.id,
                        value.skills);
    remember(impl, &KnownIds::certificates, value.id);
    log_change(impl, EntityKind::kCertificates, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Certificate&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<Certificate>(), row_table<Certificate>(), plan, "");
    Statement& parent = parent_lease.get();
    ChildStream skills(db, "skill_id, level", "certificate_skills", "certificate_id", "skill_id",
                       plan);
    Certificate certificate;
    while (parent.step()) {
        read_row(parent, certificate);
        certificate.skills.clear();
        skills.for_parent(certificate.id, [&](Statement& row) {
            certificate.skills.push_back(read_skill_level(row));
        });
        sink(certificate);
    }
}

// --- institutions
std::vector<FieldError> check(const Institution& value, const KnownIds&) {
    return validate(value, "");
}

bool write_entity(Store::Impl& impl, const Institution& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM institutions WHERE id = ?1", value.id);
    bind_row(impl.statement(row_insert_sql<Institution>(true).c_str()), value).run();
    remember(impl, &KnownIds::institutions, value.id);
    log_change(impl, EntityKind::kInstitutions, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Institution&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<Institution>(), row_table<Institution>(), plan, "");
    Statement& parent = parent_lease.get();
    Institution institution;
    while (parent.step()) {
        read_row(parent, institution);
        sink(institution);
    }
}

// --- employers
std::vector<FieldError> check(const Employer& value, const KnownIds&) {
    return validate(value, "");
}

bool write_entity(Store::Impl& impl, const Employer& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM employers WHERE id = ?1", value.id);
    bind_row(impl.statement(row_insert_sql<Employer>(true).c_str()), value).run();
    remember(impl, &KnownIds::employers, value.id);
    log_change(impl, EntityKind::kEmployers, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Employer&)>& sink) {
    StatementLease parent_lease = parent_statement(
        db, row_columns<Employer>(), row_table<Employer>(), plan, "association_id = ?2");
    Statement& parent = parent_lease.get();
    Employer employer;
    while (parent.step()) {
        read_row(parent, employer);
        sink(employer);
    }
}

// --- Store members

bool delete_stored(Store::Impl& impl, std::type_identity<Skill>, const std::string& id) {
    static constexpr Reference kReferences[] = {
        {"SELECT 1 FROM job_requirements WHERE skill_id = ?1 LIMIT 1", "jobs"},
        {"SELECT 1 FROM program_curriculum WHERE skill_id = ?1 LIMIT 1", "programs"},
        {"SELECT 1 FROM graduate_skills WHERE skill_id = ?1 LIMIT 1", "graduates"},
        {"SELECT 1 FROM teacher_expertise WHERE skill_id = ?1 LIMIT 1", "teachers"},
        {"SELECT 1 FROM project_requirements WHERE skill_id = ?1 LIMIT 1", "projects"},
        {"SELECT 1 FROM innovation_demand_requirements WHERE skill_id = ?1 LIMIT 1",
         "innovation_demands"},
        {"SELECT 1 FROM research_result_profile WHERE skill_id = ?1 LIMIT 1", "research_results"},
        {"SELECT 1 FROM occupational_standard_requirements WHERE skill_id = ?1 LIMIT 1",
         "occupational_standards"},
        {"SELECT 1 FROM certificate_skills WHERE skill_id = ?1 LIMIT 1", "certificates"},
        {"SELECT 1 FROM course_skills WHERE skill_id = ?1 LIMIT 1", "courses"},
        {"SELECT 1 FROM training_program_skills WHERE skill_id = ?1 LIMIT 1", "training_programs"},
    };
    return delete_entity(impl, "skill", erase_logged<EntityKind::kSkills, erase_skill>, kReferences,
                         &KnownIds::skills, id);
}

bool delete_stored(Store::Impl& impl, std::type_identity<Certificate>, const std::string& id) {
    static constexpr Reference kReferences[] = {
        {"SELECT 1 FROM job_certificates WHERE certificate_id = ?1 LIMIT 1", "jobs"},
        {"SELECT 1 FROM program_certificates WHERE certificate_id = ?1 LIMIT 1", "programs"},
        {"SELECT 1 FROM course_certificates WHERE certificate_id = ?1 LIMIT 1", "courses"},
        {"SELECT 1 FROM training_program_certificates WHERE certificate_id = ?1 LIMIT 1",
         "training_programs"},
        {"SELECT 1 FROM graduate_certificates WHERE certificate_id = ?1 LIMIT 1", "graduates"},
    };
    return delete_entity(impl, "certificate",
                         erase_logged<EntityKind::kCertificates, erase_certificate>, kReferences,
                         &KnownIds::certificates, id);
}

bool delete_stored(Store::Impl& impl, std::type_identity<Institution>, const std::string& id) {
    static constexpr Reference kReferences[] = {
        {"SELECT 1 FROM programs WHERE institution_id = ?1 LIMIT 1", "programs"},
        {"SELECT 1 FROM graduates WHERE institution_id = ?1 LIMIT 1", "graduates"},
        {"SELECT 1 FROM teachers WHERE institution_id = ?1 LIMIT 1", "teachers"},
        {"SELECT 1 FROM research_results WHERE institution_id = ?1 LIMIT 1", "research_results"},
        {"SELECT 1 FROM courses WHERE institution_id = ?1 LIMIT 1", "courses"},
        {"SELECT 1 FROM training_programs WHERE institution_id = ?1 LIMIT 1", "training_programs"},
    };
    return delete_entity(impl, "institution",
                         erase_logged<EntityKind::kInstitutions, erase_institution>, kReferences,
                         &KnownIds::institutions, id);
}

bool delete_stored(Store::Impl& impl, std::type_identity<Employer>, const std::string& id) {
    static constexpr Reference kReferences[] = {
        {"SELECT 1 FROM jobs WHERE employer_id = ?1 LIMIT 1", "jobs"},
        {"SELECT 1 FROM placements WHERE employer_id = ?1 LIMIT 1", "placements"},
        {"SELECT 1 FROM projects WHERE employer_id = ?1 LIMIT 1", "projects"},
        {"SELECT 1 FROM innovation_demands WHERE employer_id = ?1 LIMIT 1", "innovation_demands"},
    };
    return delete_entity(impl, "employer", erase_logged<EntityKind::kEmployers, erase_employer>,
                         kReferences, &KnownIds::employers, id);
}

}  // namespace talentmatch::store
