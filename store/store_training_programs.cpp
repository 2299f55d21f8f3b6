// Training programs: a row, the skills it trains and the certificates it prepares for.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A training program's rows, children first (schema.hpp: no SQL cascades).
bool erase_training_program(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM training_program_skills WHERE training_program_id = ?1",
        "DELETE FROM training_program_certificates WHERE training_program_id = ?1",
        "DELETE FROM training_programs WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const TrainingProgram& value, const KnownIds& known) {
    return validate(value, known, "");
}

bool write_entity(Store::Impl& impl, const TrainingProgram& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM training_programs WHERE id = ?1", value.id);
    if (exists) erase_training_program(impl, value.id);
    bind_row(impl.statement(row_insert_sql<TrainingProgram>(false).c_str()), value).run();
    insert_skill_levels(impl, "INSERT INTO training_program_skills VALUES (?1, ?2, ?3)", value.id,
                        value.skills);
    Statement& certificate =
        impl.statement("INSERT OR IGNORE INTO training_program_certificates VALUES (?1, ?2)");
    for (const std::string& c : value.certificates) certificate.bind(1, value.id).bind(2, c).run();
    impl.dirty = true;
    log_change(impl, EntityKind::kTrainingPrograms, value.id);
    return exists;
}

void read_training_programs(Database& db, const ReadPlan& plan,
                            const std::function<void(const TrainingProgram&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<TrainingProgram>(), row_table<TrainingProgram>(), plan,
                         "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream skills(db, "skill_id, level", "training_program_skills", "training_program_id",
                       "skill_id", plan);
    ChildStream certificates(db, "certificate_id", "training_program_certificates",
                             "training_program_id", "certificate_id", plan);
    TrainingProgram program;
    while (parent.step()) {
        read_row(parent, program);
        program.skills.clear();
        skills.for_parent(program.id,
                          [&](Statement& row) { program.skills.push_back(read_skill_level(row)); });
        program.certificates.clear();
        certificates.for_parent(program.id, [&](Statement& row) {
            program.certificates.push_back(row.column_string(1));
        });
        sink(program);
    }
}

UpsertOutcome Store::upsert(const TrainingProgram& value) {
    return upsert_one(*impl_, read_training_programs, value);
}

BulkResult Store::upsert_many(std::span<const TrainingProgram> values, BulkMode mode) {
    return upsert_bulk(*impl_, read_training_programs, values, mode);
}

std::optional<TrainingProgram> Store::get_training_program(const std::string& id) {
    return get_one<TrainingProgram>(*impl_, read_training_programs, id);
}

Page<TrainingProgram> Store::list_training_programs(const PageRequest& request) {
    return list_page<TrainingProgram>(*impl_, read_training_programs, request);
}

void Store::scan_training_programs(const ScanOptions& options,
                                   const std::function<void(const TrainingProgram&)>& sink) {
    scan_all<TrainingProgram>(*impl_, read_training_programs, options, sink);
}

bool Store::delete_training_program(const std::string& id) {
    return delete_entity(*impl_, "training program",
                         erase_logged<EntityKind::kTrainingPrograms, erase_training_program>, {},
                         nullptr, id);
}

}  // namespace talentmatch::store
