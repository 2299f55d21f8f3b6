// Placements: one row each, referring to a graduate, an employer and
// optionally one of that employer's jobs.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

bool erase_placement(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {"DELETE FROM placements WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const Placement& value, const KnownIds& known) {
    return validate(value, known, "");
}

// The graduate and the job are not in KnownIds (there are many of each):
// look them up in the write transaction.
std::vector<FieldError> check_stored(Store::Impl& impl, const Placement& value) {
    std::vector<FieldError> errors;
    if (!row_exists(impl, "SELECT 1 FROM graduates WHERE id = ?1", value.graduate_id)) {
        errors.push_back({"graduate_id", "unknown graduate \"" + value.graduate_id + "\""});
    }
    if (!value.job_id.empty()) {
        Statement& job = impl.statement("SELECT employer_id FROM jobs WHERE id = ?1");
        job.bind(1, value.job_id);
        if (!job.step()) {
            errors.push_back({"job_id", "unknown job \"" + value.job_id + "\""});
        } else if (const std::string employer(job.column_text(0)); employer != value.employer_id) {
            errors.push_back({"job_id", "job \"" + value.job_id + "\" belongs to employer \"" +
                                            employer + "\", not \"" + value.employer_id + "\""});
        }
        job.reset();
    }
    return errors;
}

bool write_entity(Store::Impl& impl, const Placement& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM placements WHERE id = ?1", value.id);
    bind_row(impl.statement(row_insert_sql<Placement>(true).c_str()), value).run();
    impl.dirty = true;
    log_change(impl, EntityKind::kPlacements, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Placement&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<Placement>(), row_table<Placement>(), plan,
                         "graduate_id IN (SELECT id FROM graduates WHERE institution_id = ?2)");
    Statement& parent = parent_lease.get();
    Placement placement;
    while (parent.step()) {
        read_row(parent, placement);
        sink(placement);
    }
}

void erase_placements_of_graduate(Store::Impl& impl, const std::string& graduate_id) {
    // The placement ids leave the change log too: a caller may have built
    // them from the graduate's id.
    impl.statement(
            "UPDATE change_log SET id = '' WHERE kind = ?2 AND id IN "
            "(SELECT id FROM placements WHERE graduate_id = ?1)")
        .bind(1, graduate_id)
        .bind(2, static_cast<int>(EntityKind::kPlacements))
        .run();
    impl.statement("DELETE FROM placements WHERE graduate_id = ?1").bind(1, graduate_id).run();
}

bool delete_stored(Store::Impl& impl, std::type_identity<Placement>, const std::string& id) {
    return delete_entity(impl, "placement", erase_logged<EntityKind::kPlacements, erase_placement>,
                         {}, nullptr, id);
}

}  // namespace talentmatch::store
