// Jobs: a row, its skill requirements and its required certificates.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

// A job's rows, children first (schema.hpp: no SQL cascades).
bool erase_job(Store::Impl& impl, const std::string& id) {
    static constexpr const char* kDeletes[] = {"DELETE FROM job_requirements WHERE job_id = ?1",
                                               "DELETE FROM job_certificates WHERE job_id = ?1",
                                               "DELETE FROM jobs WHERE id = ?1"};
    return run_deletes(impl, kDeletes, id);
}

}  // namespace

std::vector<FieldError> check(const Job& value, const KnownIds& known) {
    return validate(value, known, "");  // one child per skill: a rule of the Description
}

bool write_entity(Store::Impl& impl, const Job& value) {
    const bool exists = row_exists(impl, "SELECT 1 FROM jobs WHERE id = ?1", value.id);
    if (exists) erase_job(impl, value.id);
    bind_row(impl.statement(row_insert_sql<Job>(false).c_str()), value).run();
    insert_requirements(impl, "INSERT INTO job_requirements VALUES (?1, ?2, ?3, ?4, ?5)", value.id,
                        value.requirements);
    Statement& certificate =
        impl.statement("INSERT OR IGNORE INTO job_certificates VALUES (?1, ?2)");
    for (const std::string& c : value.required_certificates) {
        certificate.bind(1, value.id).bind(2, c).run();
    }
    impl.dirty = true;
    log_change(impl, EntityKind::kJobs, value.id);
    return exists;
}

void read_entities(Database& db, const ReadPlan& plan,
                   const std::function<void(const Job&)>& sink) {
    StatementLease parent_lease =
        parent_statement(db, row_columns<Job>(), row_table<Job>(), plan,
                         "employer_id IN (SELECT id FROM employers WHERE association_id = ?2)");
    Statement& parent = parent_lease.get();
    ChildStream requirements(db, "skill_id, level, weight, must_have", "job_requirements", "job_id",
                             "skill_id", plan);
    ChildStream certificates(db, "certificate_id", "job_certificates", "job_id", "certificate_id",
                             plan);
    Job job;
    while (parent.step()) {
        read_row(parent, job);
        job.requirements.clear();
        requirements.for_parent(
            job.id, [&](Statement& row) { job.requirements.push_back(read_requirement(row)); });
        job.required_certificates.clear();
        certificates.for_parent(job.id, [&](Statement& row) {
            job.required_certificates.push_back(row.column_string(1));
        });
        sink(job);
    }
}

bool delete_stored(Store::Impl& impl, std::type_identity<Job>, const std::string& id) {
    // A placement records the job it filled: the job stays while one does.
    static constexpr Reference kReferences[] = {
        {"SELECT 1 FROM placements WHERE job_id = ?1 LIMIT 1", "placements"},
    };
    return delete_entity(impl, "job", erase_logged<EntityKind::kJobs, erase_job>, kReferences,
                         nullptr, id);
}

void insert_requirements(Store::Impl& impl, const char* insert_sql, const std::string& parent_id,
                         const std::vector<Requirement>& requirements) {
    Statement& insert = impl.statement(insert_sql);
    for (const Requirement& r : requirements) {
        insert.bind(1, parent_id)
            .bind(2, r.skill_id)
            .bind(3, r.level)
            .bind(4, r.weight)
            .bind(5, r.must_have ? 1 : 0)
            .run();
    }
}

Requirement read_requirement(const Statement& row) {
    return {row.column_string(1), static_cast<int>(row.column_int(2)),
            static_cast<int>(row.column_int(3)), row.column_int(4) != 0};
}

}  // namespace talentmatch::store
