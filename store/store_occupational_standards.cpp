// Occupational standards: a row and its skill requirements (reference data).
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A standard's rows, children first (schema.hpp: no SQL cascades).
bool erase_occupational_standard(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM occupational_standard_requirements WHERE standard_id = ?1",
        "DELETE FROM occupational_standards WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const OccupationalStandard& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const OccupationalStandard& value) {
    const bool exists =
        row_exists(impl, "SELECT 1 FROM occupational_standards WHERE id = ?1", value.id);
    if (exists) erase_occupational_standard(impl, value.id);
    bind_row(impl.statement(row_insert_sql<OccupationalStandard>(false).c_str()), value).run();
    insert_requirements(
        impl, "INSERT INTO occupational_standard_requirements VALUES (?1, ?2, ?3, ?4, ?5)",
        value.id, value.requirements);
    impl.dirty = true;
    log_change(impl, EntityKind::kOccupationalStandards, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const OccupationalStandard&)>& sink) {
    StatementLease parent_lease = parent_statement(db, row_columns<OccupationalStandard>(),
                                                   row_table<OccupationalStandard>(), plan, "");
    Statement& parent = parent_lease.get();
    ChildStream requirements(db, "skill_id, level, weight, must_have",
                             "occupational_standard_requirements", "standard_id", "skill_id", plan);
    OccupationalStandard standard;
    while (parent.step()) {
        read_row(parent, standard);
        standard.requirements.clear();
        requirements.for_parent(standard.id, [&](Statement& row) {
            standard.requirements.push_back(read_requirement(row));
        });
        sink(standard);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<OccupationalStandard>,
                   const std::string& id) {
    return delete_entity(
        impl, "occupational standard",
        erase_logged<EntityKind::kOccupationalStandards, erase_occupational_standard>, {}, nullptr,
        id);
}

}  // namespace talentmatch::store
