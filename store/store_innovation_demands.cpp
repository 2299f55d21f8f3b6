// Innovation demands: a row and its skill/technology requirements. An
// association's list: the demands of its employers and its own.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A demand's rows, children first (schema.hpp: no SQL cascades).
bool erase_innovation_demand(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM innovation_demand_requirements WHERE demand_id = ?1",
        "DELETE FROM innovation_demands WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const InnovationDemand& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const InnovationDemand& value) {
    const bool exists =
        row_exists(impl, "SELECT 1 FROM innovation_demands WHERE id = ?1", value.id);
    if (exists) erase_innovation_demand(impl, value.id);
    bind_row(impl.statement(row_insert_sql<InnovationDemand>(false).c_str()), value).run();
    insert_requirements(impl,
                        "INSERT INTO innovation_demand_requirements VALUES (?1, ?2, ?3, ?4, ?5)",
                        value.id, value.requirements);
    impl.dirty = true;
    log_change(impl, EntityKind::kInnovationDemands, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const InnovationDemand&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<InnovationDemand>(), row_table<InnovationDemand>(), plan,
                         "(employer_id IN (SELECT id FROM employers WHERE association_id = ?2) "
                         "OR association_id = ?2)");
    Statement& parent = parent_lease.get();
    ChildStream requirements(db, "skill_id, level, weight, must_have",
                             "innovation_demand_requirements", "demand_id", "skill_id", plan);
    InnovationDemand demand;
    while (parent.step()) {
        read_row(parent, demand);
        demand.requirements.clear();
        requirements.for_parent(demand.id, [&](Statement& row) {
            demand.requirements.push_back(read_requirement(row));
        });
        sink(demand);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<InnovationDemand>, const std::string& id) {
    return delete_entity(impl, "innovation demand",
                         erase_logged<EntityKind::kInnovationDemands, erase_innovation_demand>, {},
                         nullptr, id);
}

}  // namespace talentmatch::store
