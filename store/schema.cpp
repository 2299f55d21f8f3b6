#include "store/schema.hpp"

#include "store/entity_row.hpp"

namespace talentmatch::store {
namespace {

// Version 1: the whole product's tables. Ids are the callers' strings; every
// child table is keyed by its parent id first, so one ordered scan of a child
// table lines up with one ordered scan of its parent (entity_reader.hpp).
const char* const kVersion1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('data_version', 0);

CREATE TABLE skills (
  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, category TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE skill_aliases (
  skill_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (skill_id, alias)
) WITHOUT ROWID;

CREATE TABLE certificates (
  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
  kind INTEGER NOT NULL, level TEXT NOT NULL, issuer TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE institutions (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT NOT NULL, level INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE programs (
  id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, name TEXT NOT NULL, code TEXT NOT NULL,
  cluster TEXT NOT NULL, education_level INTEGER NOT NULL, cohort_size INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX programs_by_institution ON programs (institution_id);
CREATE TABLE program_curriculum (
  program_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (program_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE program_certificates (
  program_id TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  PRIMARY KEY (program_id, certificate_id)
) WITHOUT ROWID;

CREATE TABLE employers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, cluster TEXT NOT NULL, district TEXT NOT NULL,
  association_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX employers_by_association ON employers (association_id);

CREATE TABLE jobs (
  id TEXT PRIMARY KEY, employer_id TEXT NOT NULL, title TEXT NOT NULL, cluster TEXT NOT NULL,
  district TEXT NOT NULL, headcount INTEGER NOT NULL, min_education INTEGER NOT NULL,
  valid_until TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX jobs_by_employer ON jobs (employer_id);
CREATE TABLE job_requirements (
  job_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL, weight INTEGER NOT NULL,
  must_have INTEGER NOT NULL,
  PRIMARY KEY (job_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE job_certificates (
  job_id TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  PRIMARY KEY (job_id, certificate_id)
) WITHOUT ROWID;

CREATE TABLE graduates (
  id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, program_id TEXT NOT NULL,
  graduation_year INTEGER NOT NULL, education_level INTEGER NOT NULL, seeking INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX graduates_by_institution ON graduates (institution_id);
CREATE INDEX graduates_by_program ON graduates (program_id);
CREATE TABLE graduate_skills (
  graduate_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (graduate_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE graduate_skill_evidence (
  graduate_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL, ref TEXT NOT NULL,
  PRIMARY KEY (graduate_id, skill_id, seq)
) WITHOUT ROWID;
CREATE TABLE graduate_certificates (
  graduate_id TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  PRIMARY KEY (graduate_id, certificate_id)
) WITHOUT ROWID;
CREATE TABLE graduate_districts (
  graduate_id TEXT NOT NULL,
  district TEXT NOT NULL,
  PRIMARY KEY (graduate_id, district)
) WITHOUT ROWID;
CREATE TABLE graduate_clusters (
  graduate_id TEXT NOT NULL,
  cluster TEXT NOT NULL,
  PRIMARY KEY (graduate_id, cluster)
) WITHOUT ROWID;

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  org_id TEXT NOT NULL, label TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT
) WITHOUT ROWID;

CREATE TABLE batch_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT, status TEXT NOT NULL, stage TEXT NOT NULL,
  progress REAL NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, out_dir TEXT NOT NULL,
  summary_json TEXT NOT NULL, error TEXT NOT NULL
);
CREATE INDEX batch_runs_by_status ON batch_runs (status, id);
)sql";

// Version 2: the change log (change_log.hpp). One row per entity written or
// deleted, appended in commit order in the same transaction as the write, so
// a reader that has applied every row up to `seq` holds exactly the committed
// state at that point (the API's snapshot mirror follows it instead of
// re-reading every table). `seq` is the rowid: rows are only ever removed from
// the old end (pruning), so a seq is never reused. Erasure blanks the erased
// graduate's id in every row and appends a row with id '' (change_log.hpp).
const char* const kVersion2 = R"sql(
CREATE TABLE change_log (seq INTEGER PRIMARY KEY, kind INTEGER NOT NULL, id TEXT NOT NULL);
)sql";

// Version 3: who runs a batch run (`owner`, process_identity.hpp), so a later
// start can tell a run whose process is gone (kill -9) and mark it
// interrupted; and the erasures not yet applied to the run folders already
// written (erasure_files.hpp in batch/), kept until they are, so a kill
// between the DELETE and the rewrite is finished by the next start.
const char* const kVersion3 = R"sql(
ALTER TABLE batch_runs ADD COLUMN owner TEXT NOT NULL DEFAULT '';
CREATE TABLE pending_erasures (id_sha256 TEXT PRIMARY KEY) WITHOUT ROWID;
)sql";

// Version 4: placement outcomes. A placement refers to a graduate, an
// employer and (optionally, '' for none) a job; the indexes serve the
// erasure cascade (graduate), the reference checks that refuse deleting an
// employer or job still referenced, and a career office's list (graduate).
const char* const kVersion4 = R"sql(
CREATE TABLE placements (
  id TEXT PRIMARY KEY, graduate_id TEXT NOT NULL, employer_id TEXT NOT NULL,
  job_id TEXT NOT NULL, date TEXT NOT NULL, source INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX placements_by_graduate ON placements (graduate_id);
CREATE INDEX placements_by_employer ON placements (employer_id);
CREATE INDEX placements_by_job ON placements (job_id);
)sql";

// Version 5: teachers and enterprise projects ("teachers <-> technical
// teams"). A teacher belongs to an institution (a career office's list and
// the reference check on deleting an institution use the index); a project
// to an employer (an association's list, the check on deleting an employer).
const char* const kVersion5 = R"sql(
CREATE TABLE teachers (
  id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, dual_qualified INTEGER NOT NULL,
  available INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX teachers_by_institution ON teachers (institution_id);
CREATE TABLE teacher_expertise (
  teacher_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (teacher_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE projects (
  id TEXT PRIMARY KEY, employer_id TEXT NOT NULL, title TEXT NOT NULL,
  team_size INTEGER NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL,
  description TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX projects_by_employer ON projects (employer_id);
CREATE TABLE project_requirements (
  project_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL, weight INTEGER NOT NULL,
  must_have INTEGER NOT NULL,
  PRIMARY KEY (project_id, skill_id)
) WITHOUT ROWID;
)sql";

// Version 6: innovation demands and research results ("achievement
// transformation"). A demand belongs to an employer (an association's list,
// the check on deleting an employer); a result to an institution (a research
// office's list, the check on deleting an institution).
const char* const kVersion6 = R"sql(
CREATE TABLE innovation_demands (
  id TEXT PRIMARY KEY, employer_id TEXT NOT NULL, title TEXT NOT NULL, problem TEXT NOT NULL,
  cluster TEXT NOT NULL, valid_until TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX innovation_demands_by_employer ON innovation_demands (employer_id);
CREATE TABLE innovation_demand_requirements (
  demand_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL, weight INTEGER NOT NULL,
  must_have INTEGER NOT NULL,
  PRIMARY KEY (demand_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE research_results (
  id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, title TEXT NOT NULL,
  readiness_level INTEGER NOT NULL, available INTEGER NOT NULL, description TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX research_results_by_institution ON research_results (institution_id);
CREATE TABLE research_result_profile (
  result_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (result_id, skill_id)
) WITHOUT ROWID;
)sql";

// Version 7: occupational standards ("curriculum standards <-> professional
// standards"), reference data with their skill requirements.
const char* const kVersion7 = R"sql(
CREATE TABLE occupational_standards (
  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, code TEXT NOT NULL,
  source TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE occupational_standard_requirements (
  standard_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL, weight INTEGER NOT NULL,
  must_have INTEGER NOT NULL,
  PRIMARY KEY (standard_id, skill_id)
) WITHOUT ROWID;
)sql";

// Version 8: course-certificate co-growth. A certificate's evidenced skills;
// a program's courses (each belongs to the institution of its program: a
// career office's list uses the index), their skills and certificates.
const char* const kVersion8 = R"sql(
CREATE TABLE certificate_skills (
  certificate_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (certificate_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE courses (
  id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, program_id TEXT NOT NULL,
  name TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX courses_by_institution ON courses (institution_id);
CREATE INDEX courses_by_program ON courses (program_id);
CREATE TABLE course_skills (
  course_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (course_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE course_certificates (
  course_id TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  PRIMARY KEY (course_id, certificate_id)
) WITHOUT ROWID;
CREATE INDEX course_skills_by_skill ON course_skills (skill_id);
CREATE INDEX certificate_skills_by_skill ON certificate_skills (skill_id);
CREATE INDEX course_certificates_by_certificate ON course_certificates (certificate_id);
)sql";

// Version 9: practice bases' training programs ("practical training <-> job
// skills"), each of an institution (a career office's list, the check on
// deleting an institution), their skills and certificates.
const char* const kVersion9 = R"sql(
CREATE TABLE training_programs (
  id TEXT PRIMARY KEY, institution_id TEXT NOT NULL, base TEXT NOT NULL,
  base_kind INTEGER NOT NULL, name TEXT NOT NULL, cluster TEXT NOT NULL, district TEXT NOT NULL,
  capacity INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX training_programs_by_institution ON training_programs (institution_id);
CREATE TABLE training_program_skills (
  training_program_id TEXT NOT NULL,
  skill_id TEXT NOT NULL, level INTEGER NOT NULL,
  PRIMARY KEY (training_program_id, skill_id)
) WITHOUT ROWID;
CREATE TABLE training_program_certificates (
  training_program_id TEXT NOT NULL,
  certificate_id TEXT NOT NULL,
  PRIMARY KEY (training_program_id, certificate_id)
) WITHOUT ROWID;
)sql";

}  // namespace

const std::vector<std::string>& migrations() {
    static const std::vector<std::string> steps = {kVersion1, kVersion2, kVersion3,
                                                   kVersion4, kVersion5, kVersion6,
                                                   kVersion7, kVersion8, kVersion9};
    return steps;
}

int latest_schema_version() {
    return static_cast<int>(migrations().size());
}

void configure_connection(Database& db, int busy_timeout_ms) {
    // busy_timeout first: switching to WAL may itself wait for another writer.
    db.exec("PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms));
    Statement mode(db, "PRAGMA journal_mode = WAL");
    if (!mode.step() || mode.column_text(0) != "wal") {
        throw StoreError("cannot switch '" + db.path() + "' to WAL journal mode");
    }
    db.exec(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
        "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
}

int schema_version(Database& db) {
    Statement exists(db,
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                     "name = 'schema_version'");
    exists.step();
    if (exists.column_int(0) == 0) return 0;
    Statement version(db, "SELECT version FROM schema_version");
    if (!version.step()) return 0;
    return static_cast<int>(version.column_int(0));
}

int migrate(Database& db) {
    int version = 0;
    {
        // One writer migrates; the others wait on the lock and then see the result.
        Transaction txn(db);
        db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        version = schema_version(db);
        txn.commit();
    }
    const int before = version;
    const int latest = latest_schema_version();
    if (version > latest) {
        throw StoreError("database '" + db.path() + "' is at schema version " +
                         std::to_string(version) + ", newer than this talentmatch knows (" +
                         std::to_string(latest) + "); use a newer talentmatch");
    }
    while (version < latest) {
        Transaction txn(db);
        // Re-read under the write lock: another process may have migrated meanwhile.
        version = schema_version(db);
        if (version >= latest) break;
        db.exec(migrations()[static_cast<std::size_t>(version)]);
        db.exec("DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (" +
                std::to_string(version + 1) + ")");
        txn.commit();
        ++version;
    }
    add_described_columns(db);
    return before;
}

}  // namespace talentmatch::store
