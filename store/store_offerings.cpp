// Offerings: courses and practice bases' training programs. Each is a row of
// its institution, the skills it teaches (<prefix>_skills: skill, level) and
// the certificates it prepares for (<prefix>_certificates), keyed by
// <prefix>_id; one set of statements below serves both kinds.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

template <class T>
struct Offering;
template <>
struct Offering<Course> {
    static constexpr const char* prefix = "course";
    static constexpr const char* kind = "course";
    static constexpr EntityKind change_kind = EntityKind::kCourses;
};
template <>
struct Offering<TrainingProgram> {
    static constexpr const char* prefix = "training_program";
    static constexpr const char* kind = "training program";
    static constexpr EntityKind change_kind = EntityKind::kTrainingPrograms;
};

// The SQL of kind T, made once: the store caches a statement by its SQL's
// address, so the strings live as long as the program.
template <class T>
struct OfferingSql {
    std::string skills = std::string(Offering<T>::prefix) + "_skills";
    std::string certificates = std::string(Offering<T>::prefix) + "_certificates";
    std::string key = std::string(Offering<T>::prefix) + "_id";
    std::string exists = "SELECT 1 FROM " + row_table<T>() + " WHERE id = ?1";
    std::string insert_skill = "INSERT INTO " + skills + " VALUES (?1, ?2, ?3)";
    std::string insert_certificate = "INSERT OR IGNORE INTO " + certificates + " VALUES (?1, ?2)";
    // Children first (schema.hpp: no SQL cascades).
    std::string deletes[3] = {"DELETE FROM " + skills + " WHERE " + key + " = ?1",
                              "DELETE FROM " + certificates + " WHERE " + key + " = ?1",
                              "DELETE FROM " + row_table<T>() + " WHERE id = ?1"};
    const char* delete_sql[3] = {deletes[0].c_str(), deletes[1].c_str(), deletes[2].c_str()};

    static const OfferingSql& get() {
        static const OfferingSql sql;
        return sql;
    }
};

template <class T>
bool erase_offering(Store::Impl& impl, const std::string& id) {
    return run_deletes(impl, OfferingSql<T>::get().delete_sql, id);
}

template <class T>
bool write_offering(Store::Impl& impl, const T& value) {
    const OfferingSql<T>& sql = OfferingSql<T>::get();
    const bool exists = row_exists(impl, sql.exists.c_str(), value.id);
    if (exists) erase_offering<T>(impl, value.id);
    bind_row(impl.statement(row_insert_sql<T>(false).c_str()), value).run();
    insert_skill_levels(impl, sql.insert_skill.c_str(), value.id, value.skills);
    Statement& certificate = impl.statement(sql.insert_certificate.c_str());
    for (const std::string& c : value.certificates) certificate.bind(1, value.id).bind(2, c).run();
    impl.dirty = true;
    log_change(impl, Offering<T>::change_kind, value.id);
    return exists;
}

// A career office's list: its institution's.
template <class T>
void read_offerings(Database& db, const ReadPlan& plan, const std::function<void(const T&)>& sink) {
    const OfferingSql<T>& sql = OfferingSql<T>::get();
    StatementLease parent_lease =
        parent_statement(db, row_columns<T>(), row_table<T>(), plan, "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream skills(db, "skill_id, level", sql.skills, sql.key, "skill_id", plan);
    ChildStream certificates(db, "certificate_id", sql.certificates, sql.key, "certificate_id",
                             plan);
    T offering;
    while (parent.step()) {
        read_row(parent, offering);
        offering.skills.clear();
        skills.for_parent(
            offering.id, [&](Statement& row) { offering.skills.push_back(read_skill_level(row)); });
        offering.certificates.clear();
        certificates.for_parent(offering.id, [&](Statement& row) {
            offering.certificates.push_back(row.column_string(1));
        });
        sink(offering);
    }
}

template <class T>
bool delete_offering(Store::Impl& impl, const std::string& id) {
    return delete_entity(impl, Offering<T>::kind,
                         erase_logged<Offering<T>::change_kind, erase_offering<T>>, {}, nullptr,
                         id);
}

}  // namespace

std::vector<FieldError> check(const Course& value, const KnownIds& known) {
    return validate(value, known, "");
}
std::vector<FieldError> check(const TrainingProgram& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const Course& value) {
    return write_offering(impl, value);
}
bool write_entity(Store::Impl& impl, const TrainingProgram& value) {
    return write_offering(impl, value);
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Course&)>& sink) {
    read_offerings(db, plan, sink);
}
void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const TrainingProgram&)>& sink) {
    read_offerings(db, plan, sink);
}

bool delete_stored(Store::Impl& impl, std::type_identity<Course>, const std::string& id) {
    return delete_offering<Course>(impl, id);
}
bool delete_stored(Store::Impl& impl, std::type_identity<TrainingProgram>, const std::string& id) {
    return delete_offering<TrainingProgram>(impl, id);
}

}  // namespace talentmatch::store
