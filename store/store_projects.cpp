// Enterprise projects: a row and its skill requirements.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A project's rows, children first (schema.hpp: no SQL cascades).
bool erase_project(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM project_requirements WHERE project_id = ?1",
        "DELETE FROM projects WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const Project& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const Project& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM projects WHERE id = ?1", value.id);
    if (exists) erase_project(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Project>(false).c_str()), value).run();
    insert_requirements(impl, "INSERT INTO project_requirements VALUES (?1, ?2, ?3, ?4, ?5)",
                        value.id, value.requirements);
    impl.dirty = true;
    log_change(impl, EntityKind::kProjects, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Project&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<Project>(), row_table<Project>(), plan,
                         "employer_id IN (SELECT id FROM employers WHERE association_id = ?2)");
    Statement& parent = parent_lease.get();
    ChildStream requirements(db, "skill_id, level, weight, must_have", "project_requirements",
                             "project_id", "skill_id", plan);
    Project project;
    while (parent.step()) {
        read_row(parent, project);
        project.requirements.clear();
        requirements.for_parent(project.id, [&](Statement& row) {
            project.requirements.push_back(read_requirement(row));
        });
        sink(project);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<Project>, const std::string& id) {
    return delete_entity(impl, "project", erase_logged<EntityKind::kProjects, erase_project>, {},
                         nullptr, id);
}

}  // namespace talentmatch::store
