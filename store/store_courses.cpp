// Courses: a row, the skills it teaches and the certificates it prepares for.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A course's rows, children first (schema.hpp: no SQL cascades).
bool erase_course(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM course_skills WHERE course_id = ?1",
        "DELETE FROM course_certificates WHERE course_id = ?1",
        "DELETE FROM courses WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const Course& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const Course& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM courses WHERE id = ?1", value.id);
    if (exists) erase_course(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Course>(false).c_str()), value).run();
    insert_skill_levels(impl, "INSERT INTO course_skills VALUES (?1, ?2, ?3)", value.id,
                        value.skills);
    Statement& certificate =
        impl.statement("INSERT OR IGNORE INTO course_certificates VALUES (?1, ?2)");
    for (const std::string& c : value.certificates) certificate.bind(1, value.id).bind(2, c).run();
    impl.dirty = true;
    log_change(impl, EntityKind::kCourses, value.id);
    return exists;
}

void read_courses(Database& db, const ReadPlan& plan,
                  const std::function<void(const Course&)>& sink) {
    StatementLease parent_lease = parent_statement(db, row_columns<Course>(), row_table<Course>(),
                                                   plan, "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream skills(db, "skill_id, level", "course_skills", "course_id", "skill_id", plan);
    ChildStream certificates(db, "certificate_id", "course_certificates", "course_id",
                             "certificate_id", plan);
    Course course;
    while (parent.step()) {
        read_row(parent, course);
        course.skills.clear();
        skills.for_parent(course.id,
                          [&](Statement& row) { course.skills.push_back(read_skill_level(row)); });
        course.certificates.clear();
        certificates.for_parent(course.id, [&](Statement& row) {
            course.certificates.push_back(row.column_string(1));
        });
        sink(course);
    }
}

UpsertOutcome Store::upsert(const Course& value) {
    return upsert_one(*impl_, read_courses, value);
}

BulkResult Store::upsert_many(std::span<const Course> values, BulkMode mode) {
    return upsert_bulk(*impl_, read_courses, values, mode);
}

std::optional<Course> Store::get_course(const std::string& id) {
    return get_one<Course>(*impl_, read_courses, id);
}

Page<Course> Store::list_courses(const PageRequest& request) {
    return list_page<Course>(*impl_, read_courses, request);
}

void Store::scan_courses(const ScanOptions& options,
                         const std::function<void(const Course&)>& sink) {
    scan_all<Course>(*impl_, read_courses, options, sink);
}

bool Store::delete_course(const std::string& id) {
    return delete_entity(*impl_, "course", erase_logged<EntityKind::kCourses, erase_course>, {},
                         nullptr, id);
}

}  // namespace talentmatch::store
