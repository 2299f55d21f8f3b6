#pragma once
// talentmatch's embedded database: every entity of models/entities.hpp, API
// keys and batch run history in one SQLite file (schema.hpp). The only place
// in the product that knows SQL.
//
// Durability: WAL + synchronous=FULL; a call that returned has committed
// (nothing acknowledged is lost). Every call is atomic: on any exception
// nothing of it is applied.
//
// Errors: bad input -> talentmatch::ValidationError (field paths relative to
// the entity, e.g. "requirements[2].level: must be 1..5, got 7"); deleting
// something still referenced -> ConflictError; any storage fault -> StoreError
// (store_error.hpp). Upserts validate with models/validation.hpp against the
// ids that exist (known_ids()).
//
// Child lists come back in canonical order (canonical.hpp): requirements,
// curriculum and skills by skill id; certificate, district, cluster and alias
// lists sorted and de-duplicated; evidence in input order within its skill.
//
// Thread-safety: a Store may be shared between threads. Writes, scans and
// the known-id cache use one writer connection under an internal mutex
// (store_impl.hpp says what it guards); point reads, pages and key lookups run
// on a pool of reader connections without that mutex (in-memory and temporary
// databases, which have no shared file, read on the writer connection). WAL
// lets every reader see a consistent committed state while the writer writes.
// A scan holds the mutex for its whole duration: for long scans beside writes
// (the API's snapshot rebuild) open a second Store on the same file.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "models/entities.hpp"
#include "models/validation.hpp"
#include "store/api_keys.hpp"
#include "store/batch_runs.hpp"
#include "store/change_log.hpp"
#include "store/store_error.hpp"
#include "store/store_types.hpp"

namespace talentmatch::store {

struct StoreOptions {
    int busy_timeout_ms = 10000;  // how long a write waits for another connection's lock
    // true: a missing or empty file becomes a new store. false: anything but
    // an existing talentmatch store is refused (NotAStoreError), so a
    // mistyped path never silently opens an empty store.
    bool create = true;
};

class Store {
  public:
    // Opens (or, with options.create, creates) the file and migrates it to
    // the newest schema (schema.hpp). Throws NotAStoreError when the file is
    // missing (without create), not an SQLite file, corrupt, or an SQLite
    // file of something else; StoreError if the file is newer or on I/O faults.
    explicit Store(const std::string& path, StoreOptions options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const;
    int schema_version();
    // Bumped once by every committed write of entities (not keys or runs);
    // the API compares it to decide when to rebuild its snapshot.
    std::int64_t data_version();
    // `observer` is called after every commit through this Store that bumped
    // data_version (once per outermost transaction, a WriteScope included),
    // on the committing thread, after the commit is durable. It must not
    // throw or call back into this Store. Writes by other connections or processes are not
    // observed (compare data_version for those). Set it before sharing the
    // Store between threads; an empty function removes it.
    void on_data_commit(std::function<void()> observer);
    // The ids entities may refer to (skills, certificates, institutions,
    // programs, employers). Cached; kept current by this Store's writes.
    KnownIds known_ids();

    // --- entities of every kind T (models/entity_registry.hpp: Skill, Job,
    // Graduate, ...), one set of operations for all of them.

    // One entity: validate, then insert or replace it with all its child rows.
    template <class T>
    UpsertOutcome upsert(const T& value);
    // Many of one kind in ONE transaction, a result per item (store_types.hpp).
    template <class T>
    BulkResult upsert_many(std::span<const T> values, BulkMode mode);
    template <class T>
    std::optional<T> get(const std::string& id);
    // A page in id order; request.org_id narrows it to what that organisation
    // owns (its institution's graduates, its association's jobs, ...).
    template <class T>
    Page<T> list(const PageRequest& request);

    // Deletes; false if the id did not exist. Skills, certificates,
    // institutions, programs, employers and jobs still referenced by another
    // entity (a job or employer by a placement, an institution by a teacher,
    // an employer by a project) throw ConflictError (checking
    // skill and certificate references scans the child tables: a rare admin
    // operation). remove<Graduate> is erasure: it deletes the graduate's
    // placements with it, with secure_delete the rows are overwritten in the
    // file, and the WAL is checkpointed and truncated so no old copy stays
    // behind.
    template <class T>
    bool remove(const std::string& id);

    std::int64_t count(EntityKind kind);
    StoreSummary summary();

    // --- fast full scans for the matcher snapshot and the batch.
    // Deliver every entity (from options.after_id, at most options.limit) in
    // ascending id order, complete with child lists. Implemented as parallel
    // ordered scans of the parent table and each child table (all keyed by
    // parent id first) merged in one pass, inside one read transaction so the
    // tables agree. Not a JOIN: an unordered JOIN's plan walks the child rows
    // and looks every parent up (bench/store_insert_bench compares the
    // shapes). Costs grow with the columns read:
    // graduates with evidence read one more child table, so pass
    // with_evidence=false when only levels are needed (the matcher).
    // The entity passed to the callback is reused between calls: copy what
    // you keep.
    template <class T>
    void scan(const ScanOptions& options, const std::function<void(const T&)>& sink);

    // --- the change log (change_log.hpp): delivers to `sink` what changed
    // after position `after_seq` (a negative position: everything), in one
    // read transaction; returns the new position. For a long-lived reader
    // (the API's snapshot publication); graduates come without evidence.
    ChangePosition read_changes(std::int64_t after_seq, ChangeSink& sink);

    // --- API keys (api_keys.hpp). org_id is required for association and
    // career_office keys (ValidationError otherwise).
    NewApiKey create_api_key(Role role, const std::string& org_id, const std::string& label);
    std::optional<ApiKey> find_api_key(std::string_view plaintext);  // revoked ones too
    std::optional<ApiKey> find_api_key_by_hash(const std::string& key_hash);
    std::vector<ApiKey> list_api_keys();         // id ascending
    bool revoke_api_key(const std::string& id);  // false if unknown or already revoked
    // An association exists when some employer belongs to it.
    bool association_exists(const std::string& id);

    // --- batch run history (batch_runs.hpp).
    std::int64_t create_batch_run(const std::string& out_dir,
                                  RunStatus status = RunStatus::kRunning);
    // Sets stage and progress, and status running.
    void update_batch_run(std::int64_t id, const std::string& stage, double progress);
    // Ends a run: status succeeded or failed, with the summary or the error.
    void finish_batch_run(std::int64_t id, RunStatus status, const std::string& summary_json,
                          const std::string& error);
    std::optional<BatchRun> get_batch_run(std::int64_t id);
    std::vector<BatchRun> list_batch_runs(std::size_t limit);  // newest first
    std::optional<BatchRun> latest_succeeded_batch_run();
    // Marks every queued or running run whose process is gone
    // (process_identity.hpp) as failed, error "interrupted (...)", and
    // returns them. `serve` and `batch` call it when they start.
    std::vector<BatchRun> mark_interrupted_runs();
    // Every output directory a run was written to, as recorded.
    std::vector<std::string> batch_run_out_dirs();

    // --- erasures not yet applied to run folders written before them. Each
    // graduate erasure records the SHA-256 (hex) of the id in the same
    // transaction (not the id: the file must not keep it); the batch layer
    // rewrites the run folders (batch/erasure_files.hpp) and then clears
    // them, which also checkpoints the WAL.
    std::vector<std::string> pending_erasure_hashes();
    void clear_pending_erasures(const std::vector<std::string>& hashes);

    // A transaction spanning several calls (e.g. an all-or-nothing import of
    // many files): calls made while it is open join it. Destroying it without
    // commit() rolls everything back. Holds the Store's mutex while open, so
    // other threads wait; use from one thread.
    class WriteScope {
      public:
        explicit WriteScope(Store& store);
        ~WriteScope();
        WriteScope(const WriteScope&) = delete;
        WriteScope& operator=(const WriteScope&) = delete;
        void commit();

      private:
        struct State;
        std::unique_ptr<State> state_;
    };

    struct Impl;  // store_impl.hpp; public so the per-entity files can reach it

  private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace talentmatch::store
