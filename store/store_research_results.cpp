// Research results and teams: a row and the skill/technology profile.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A result's rows, children first (schema.hpp: no SQL cascades).
bool erase_research_result(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM research_result_profile WHERE result_id = ?1",
        "DELETE FROM research_results WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const ResearchResult& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const ResearchResult& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM research_results WHERE id = ?1", value.id);
    if (exists) erase_research_result(impl, value.id);
    bind_row(impl.statement(row_insert_sql<ResearchResult>(false).c_str()), value).run();
    insert_skill_levels(impl, "INSERT INTO research_result_profile VALUES (?1, ?2, ?3)", value.id,
                        value.profile);
    impl.dirty = true;
    log_change(impl, EntityKind::kResearchResults, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const ResearchResult&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<ResearchResult>(), row_table<ResearchResult>(), plan,
                         "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream profile(db, "skill_id, level", "research_result_profile", "result_id", "skill_id",
                        plan);
    ResearchResult result;
    while (parent.step()) {
        read_row(parent, result);
        result.profile.clear();
        profile.for_parent(
            result.id, [&](Statement& row) { result.profile.push_back(read_skill_level(row)); });
        sink(result);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<ResearchResult>, const std::string& id) {
    return delete_entity(impl, "research result",
                         erase_logged<EntityKind::kResearchResults, erase_research_result>, {},
                         nullptr, id);
}

}  // namespace talentmatch::store
