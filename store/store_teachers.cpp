// Teachers: a row and the expertise profile.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A teacher's rows, children first (schema.hpp: no SQL cascades).
bool erase_teacher(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM teacher_expertise WHERE teacher_id = ?1",
        "DELETE FROM teachers WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const Teacher& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const Teacher& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM teachers WHERE id = ?1", value.id);
    if (exists) erase_teacher(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Teacher>(false).c_str()), value).run();
    insert_skill_levels(impl, "INSERT INTO teacher_expertise VALUES (?1, ?2, ?3)", value.id,
                        value.expertise);
    impl.dirty = true;
    log_change(impl, EntityKind::kTeachers, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Teacher&)>& sink) {
    StatementLease parent_lease = parent_statement(db, row_columns<Teacher>(), row_table<Teacher>(),
                                                   plan, "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream expertise(db, "skill_id, level", "teacher_expertise", "teacher_id", "skill_id",
                          plan);
    Teacher teacher;
    while (parent.step()) {
        read_row(parent, teacher);
        teacher.expertise.clear();
        expertise.for_parent(teacher.id, [&](Statement& row) {
            teacher.expertise.push_back(read_skill_level(row));
        });
        sink(teacher);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<Teacher>, const std::string& id) {
    return delete_entity(impl, "teacher", erase_logged<EntityKind::kTeachers, erase_teacher>, {},
                         nullptr, id);
}

void insert_skill_levels(Store::Impl& impl, const char* insert_sql, const std::string& parent_id,
                         const std::vector<SkillLevel>& levels) {
    Statement& insert = impl.statement(insert_sql);
    for (const SkillLevel& s : levels)
        insert.bind(1, parent_id).bind(2, s.skill_id).bind(3, s.level).run();
}

SkillLevel read_skill_level(const Statement& row) {
    return {row.column_string(1), static_cast<int>(row.column_int(2))};
}

}  // namespace talentmatch::store
