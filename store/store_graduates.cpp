// Graduates: a row, skills with their evidence, certificates and preferences.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A graduate's rows, children first (schema.hpp: no SQL cascades).
bool erase_graduate(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {
        "DELETE FROM graduate_skills WHERE graduate_id = ?1",
        "DELETE FROM graduate_skill_evidence WHERE graduate_id = ?1",
        "DELETE FROM graduate_certificates WHERE graduate_id = ?1",
        "DELETE FROM graduate_districts WHERE graduate_id = ?1",
        "DELETE FROM graduate_clusters WHERE graduate_id = ?1",
        "DELETE FROM graduates WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

// Deletion is erasure: the graduate's placements go with it, and the id
// also leaves the change log (change_log.hpp).
bool erase_and_log_erasure(Store::Impl& impl, const std::string& id) {
    const bool deleted = erase_graduate(impl, id);
    if (deleted) {
        erase_placements_of_graduate(impl, id);
        log_graduate_erasure(impl, id);
        record_pending_erasure(impl, id);
    }
    return deleted;
}

}  // namespace

std::vector<FieldError> check(const Graduate& value, const KnownIds& known) {
    return validate(value, known, "");  // one child per skill: a rule of the Description
}

bool write_entity(Store::Impl& impl, const Graduate& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM graduates WHERE id = ?1", value.id);
    if (exists) erase_graduate(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Graduate>(false).c_str()), value).run();
    Statement& skill = impl.statement("INSERT INTO graduate_skills VALUES (?1, ?2, ?3)");
    Statement& evidence =
        impl.statement("INSERT INTO graduate_skill_evidence VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const GraduateSkill& s : value.skills) {
        skill.bind(1, value.id).bind(2, s.skill_id).bind(3, s.level).run();
        for (std::size_t i = 0; i < s.evidence.size(); ++i) {
            evidence.bind(1, value.id)
                .bind(2, s.skill_id)
                .bind(3, static_cast<std::int64_t>(i))
                .bind(4, static_cast<int>(s.evidence[i].kind))
                .bind(5, s.evidence[i].ref)
                .run();
        }
    }
    const auto insert_all = [&](const char* sql, const std::vector<std::string>& items) {
        Statement& stmt = impl.statement(sql);
        for (const std::string& item : items) stmt.bind(1, value.id).bind(2, item).run();
    };
    insert_all("INSERT OR IGNORE INTO graduate_certificates VALUES (?1, ?2)", value.certificates);
    insert_all("INSERT OR IGNORE INTO graduate_districts VALUES (?1, ?2)",
               value.preferred_districts);
    insert_all("INSERT OR IGNORE INTO graduate_clusters VALUES (?1, ?2)", value.preferred_clusters);
    impl.dirty = true;
    log_change(impl, EntityKind::kGraduates, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Graduate&)>& sink) {
    StatementLease parent_lease = parent_statement(
        db, row_columns<Graduate>(), row_table<Graduate>(), plan, "institution_id = ?2");
    Statement& parent = parent_lease.get();
    ChildStream skills(db, "skill_id, level", "graduate_skills", "graduate_id", "skill_id", plan);
    std::optional<ChildStream> evidence;
    if (plan.with_evidence) {
        evidence.emplace(db, "skill_id, kind, ref", "graduate_skill_evidence", "graduate_id",
                         "skill_id, seq", plan);
    }
    ChildStream certificates(db, "certificate_id", "graduate_certificates", "graduate_id",
                             "certificate_id", plan);
    ChildStream districts(db, "district", "graduate_districts", "graduate_id", "district", plan);
    ChildStream clusters(db, "cluster", "graduate_clusters", "graduate_id", "cluster", plan);
    Graduate graduate;
    while (parent.step()) {
        read_row(parent, graduate);
        graduate.skills.clear();
        skills.for_parent(graduate.id, [&](Statement& row) {
            graduate.skills.push_back(
                {row.column_string(1), static_cast<int>(row.column_int(2)), {}});
        });
        if (evidence) {
            // Both lists are in skill id order: walk them together.
            std::size_t k = 0;
            evidence->for_parent(graduate.id, [&](Statement& row) {
                const std::string_view skill_id = row.column_text(1);
                while (k < graduate.skills.size() && graduate.skills[k].skill_id < skill_id) ++k;
                if (k == graduate.skills.size() || graduate.skills[k].skill_id != skill_id) return;
                graduate.skills[k].evidence.push_back(
                    {static_cast<EvidenceKind>(row.column_int(2)), row.column_string(3)});
            });
        }
        const auto strings = [&](ChildStream& stream, std::vector<std::string>& into) {
            into.clear();
            stream.for_parent(graduate.id,
                              [&](Statement& row) { into.push_back(row.column_string(1)); });
        };
        strings(certificates, graduate.certificates);
        strings(districts, graduate.preferred_districts);
        strings(clusters, graduate.preferred_clusters);
        sink(graduate);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<Graduate>, const std::string& id) {
    std::lock_guard lock(impl.mutex);
    const bool deleted = delete_entity(impl, "graduate", erase_and_log_erasure, {}, nullptr, id);
    // Erasure: secure_delete zeroed the rows in the pages; the WAL still holds
    // the old page images until a checkpoint, so copy back and truncate it now
    // (best effort while other connections read; inside a WriteScope it runs
    // at the next erasure instead).
    if (deleted && impl.db.autocommit()) impl.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return deleted;
}

}  // namespace talentmatch::store
