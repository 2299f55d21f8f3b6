// Programs: a row, its curriculum profile and the certificates it prepares for.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A program's rows, children first (schema.hpp: no SQL cascades).
bool erase_program(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM program_curriculum WHERE program_id = ?1",
        "DELETE FROM program_certificates WHERE program_id = ?1",
        "DELETE FROM programs WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const Program& value, const KnownIds& known) {
    return validate(value, known, "");  // one child per skill: a rule of the Description
}

std::vector<FieldError> check_stored(Store::Impl& impl, const Program& value) {
    // Graduates and courses name their institution beside the program.
    static constexpr const char* kMembers[][2] = {
        {"SELECT g.id, g.institution_id FROM graduates g WHERE g.program_id = ?1 AND "
         "g.institution_id <> ?2 ORDER BY g.id LIMIT 1",
         "graduates"},
        {"SELECT c.id, c.institution_id FROM courses c WHERE c.program_id = ?1 AND "
         "c.institution_id <> ?2 ORDER BY c.id LIMIT 1",
         "courses"}};
    std::vector<FieldError> errors;
    for (const auto& [sql, plural] : kMembers) {
        Statement& stmt = impl.statement(sql);
        stmt.bind(1, value.id).bind(2, value.institution_id);
        if (stmt.step()) {
            const std::string member(stmt.column_text(0)), institution(stmt.column_text(1));
            errors.push_back(
                {"institution_id", "program \"" + value.id + "\" is the program of " + plural +
                                       " of institution \"" + institution + "\" (e.g. \"" + member +
                                       "\"); it cannot move to \"" + value.institution_id +
                                       "\" while they reference it: move or delete them first"});
        }
        stmt.reset();
        if (!errors.empty()) break;
    }
    return errors;
}

bool write_entity(Store::Impl& impl, const Program& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM programs WHERE id = ?1", value.id);
    if (exists) erase_program(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Program>(false).c_str()), value).run();
    Statement& curriculum = impl.statement("INSERT INTO program_curriculum VALUES (?1, ?2, ?3)");
    for (const SkillLevel& s : value.curriculum) {
        curriculum.bind(1, value.id).bind(2, s.skill_id).bind(3, s.level).run();
    }
    Statement& certificate =
        impl.statement("INSERT OR IGNORE INTO program_certificates VALUES (?1, ?2)");
    for (const std::string& c : value.certificates) certificate.bind(1, value.id).bind(2, c).run();
    impl.dirty = true;
    if (impl.known) {
        impl.known->programs.insert(value.id);
        impl.known->program_institution[value.id] = value.institution_id;
    }
    log_change(impl, EntityKind::kPrograms, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Program&)>& sink) {
    StatementLease parent_lease = parent_statement(db, row_columns<Program>(), row_table<Program>(),
                                                   plan, "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream curriculum(db, "skill_id, level", "program_curriculum", "program_id", "skill_id",
                           plan);
    ChildStream certificates(db, "certificate_id", "program_certificates", "program_id",
                             "certificate_id", plan);
    Program program;
    while (parent.step()) {
        read_row(parent, program);
        program.curriculum.clear();
        curriculum.for_parent(program.id, [&](Statement& row) {
            program.curriculum.push_back(
                {row.column_string(1), static_cast<int>(row.column_int(2))});
        });
        program.certificates.clear();
        certificates.for_parent(program.id, [&](Statement& row) {
            program.certificates.push_back(row.column_string(1));
        });
        sink(program);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<Program>, const std::string& id) {
    static constexpr Reference kReferences[] = {
        {"SELECT 1 FROM graduates WHERE program_id = ?1 LIMIT 1", "graduates"},
        {"SELECT 1 FROM courses WHERE program_id = ?1 LIMIT 1", "courses"},
    };
    std::lock_guard lock(impl.mutex);
    const bool deleted =
        delete_entity(impl, "program", erase_logged<EntityKind::kPrograms, erase_program>,
                      kReferences, &KnownIds::programs, id);
    if (deleted && impl.known) impl.known->program_institution.erase(id);
    return deleted;
}

}  // namespace talentmatch::store
