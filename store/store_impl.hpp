#pragma once
// Internal to the store library: the state behind Store and the generic
// upsert / bulk paths shared by the per-entity files (store_<entity>.cpp).
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "models/entity_registry.hpp"
#include "models/validation.hpp"
#include "store/canonical.hpp"
#include "store/entity_reader.hpp"
#include "store/reader_pool.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace talentmatch::store {

struct Store::Impl {
    Impl(const std::string& path, const StoreOptions& options);

    // Prepared once per SQL literal and reused (keyed by the literal's address).
    Statement& statement(const char* sql);
    std::int64_t read_data_version();
    // The cached ids, reloaded when another connection changed the data.
    const KnownIds& known_ids();

    // Runs fn in a write transaction (a savepoint inside a WriteScope).
    // Entity writes set `dirty`; the data version is then bumped once. On an
    // exception everything is rolled back and the known-id cache dropped.
    template <class F>
    auto write(F&& fn) {
        Transaction txn(db);
        auto result = [&] {
            try {
                known_ids();
                const std::int64_t before = known_version;
                dirty = false;
                auto value = fn();
                if (dirty) {
                    statement("UPDATE meta SET value = value + 1 WHERE key = 'data_version'").run();
                    known_version = before + 1;
                    commit_unobserved = true;
                }
                txn.commit();
                return value;
            } catch (...) {
                known.reset();
                if (txn.outermost()) commit_unobserved = false;  // rolled back whole
                throw;
            }
        }();
        if (txn.outermost()) observe_commit();  // after the commit, outside the rollback path
        return result;
    }

    // Calls the data-commit observer once for what was committed since the
    // last call (Store::on_data_commit).
    void observe_commit() {
        if (!commit_unobserved) return;
        commit_unobserved = false;
        if (data_commit_observer) data_commit_observer();
    }

    // True when this thread may read through `readers` (not inside its own
    // open write transaction, whose rows only `db` sees).
    bool read_elsewhere() const {
        return readers_usable && db.writer_thread() != std::this_thread::get_id();
    }

    Database db;
    std::recursive_mutex mutex;  // guards everything below but `readers`, and every use of db
    // Point reads, pages and key lookups run on these connections, without `mutex`.
    ReaderPool readers;
    bool readers_usable;  // false for an in-memory or temporary database (no shared file)
    std::unordered_map<const char*, std::unique_ptr<Statement>> statements;
    StatementCache point_reads;     // get_* statements on db, reused
    std::optional<KnownIds> known;  // ids entities may refer to, as of known_version
    std::int64_t known_version = -1;
    bool dirty = false;  // the current write changed entity rows
    // A data_version bump inside the open outermost transaction, not yet
    // reported to data_commit_observer.
    bool commit_unobserved = false;
    std::function<void()> data_commit_observer;
};

// True if a row with this id exists in `table` (one of the entity tables).
bool row_exists(Store::Impl& impl, const char* sql_exists, const std::string& id);
// Erasure of a graduate reaches its placements: deletes them and blanks
// their ids in the change log (store_placements.cpp).
void erase_placements_of_graduate(Store::Impl& impl, const std::string& graduate_id);
// Records the erasure of a graduate for the run folders (store_erasures.cpp).
void record_pending_erasure(Store::Impl& impl, const std::string& graduate_id);

// Every stored kind, in EntityKind order: X(T) for each entity type T. The
// list is the registry's (models/entity_registry.hpp), checked below, so a
// kind missing here is a compile error, not a silent gap.
#define TALENTMATCH_STORED_KINDS(X) \
    X(Skill)                        \
    X(Certificate)                  \
    X(Institution)                  \
    X(Program)                      \
    X(Employer)                     \
    X(Job)                          \
    X(Graduate)                     \
    X(Placement)                    \
    X(Teacher)                      \
    X(Project)                      \
    X(InnovationDemand)             \
    X(ResearchResult)               \
    X(OccupationalStandard)         \
    X(Course)                       \
    X(TrainingProgram)

namespace detail {
template <class V>
struct WithMonostate;
template <class... T>
struct WithMonostate<std::variant<T...>> {
    using type = std::variant<std::monostate, T...>;
};
#define TALENTMATCH_COMMA_TYPE(T) , T
static_assert(
    std::is_same_v<std::variant<std::monostate TALENTMATCH_STORED_KINDS(TALENTMATCH_COMMA_TYPE)>,
                   WithMonostate<AnyEntity>::type>,
    "TALENTMATCH_STORED_KINDS must list the registry's kinds, in order");
#undef TALENTMATCH_COMMA_TYPE
}  // namespace detail

// What each kind's file (store_<kind>.cpp) defines for its entity type T:
// - check: the validation the store applies;
// - write_entity: the write itself, which returns whether the id existed;
// - read_entities: delivers the entities the plan selects, in id order
//   (callers open a ReadTransaction first);
// - delete_stored: Store::remove<T>, its reference checks, then the rows.
// The generic operations (store_entities.cpp) are built on these four.
#define TALENTMATCH_DECLARE_STORED_KIND(T)                                \
    std::vector<FieldError> check(const T& value, const KnownIds& known); \
    bool write_entity(Store::Impl& impl, const T& value);                 \
    void read_entities(Database& db, const ReadPlan& plan,                \
                       const std::function<void(const T&)>& sink);        \
    bool delete_stored(Store::Impl& impl, std::type_identity<T>, const std::string& id);
TALENTMATCH_STORED_KINDS(TALENTMATCH_DECLARE_STORED_KIND)
#undef TALENTMATCH_DECLARE_STORED_KIND

template <class T>
using Reader = void (*)(Database&, const ReadPlan&, const std::function<void(const T&)>&);

// True when the store already holds `value` exactly: the row `value.id` read
// back (inside the caller's write transaction) equals canonicalize(value).
// An identical re-submission is then reported unchanged and not rewritten, so
// it neither moves the data version nor republishes a snapshot.
template <class T>
bool stored_as_given(Store::Impl& impl, Reader<T> read, const T& value) {
    ReadPlan plan;
    plan.mode = ReadPlan::Mode::kPoint;
    plan.key = value.id;
    plan.cache = &impl.point_reads;
    std::optional<T> stored;
    read(impl.db, plan, [&](const T& found) { stored = found; });
    if (!stored) return false;
    T canonical = value;
    canonicalize(canonical);
    return *stored == canonical;
}

// Rules that need the stored rows, checked inside the write transaction
// after check(): a program may not move to another institution while
// graduates of its current one reference it (a graduate's program is one of
// its own institution's); a placement's graduate and job must exist and the
// job be one of its employer's (store_placements.cpp). Nothing for the other
// kinds.
template <class T>
std::vector<FieldError> check_stored(Store::Impl&, const T&) {
    return {};
}
std::vector<FieldError> check_stored(Store::Impl& impl, const Program& value);
std::vector<FieldError> check_stored(Store::Impl& impl, const Placement& value);

template <class T>
UpsertOutcome upsert_one(Store::Impl& impl, Reader<T> read, const T& value) {
    std::lock_guard lock(impl.mutex);
    std::vector<FieldError> errors;
    const auto outcome = impl.write([&]() -> std::optional<UpsertOutcome> {
        errors = check(value, impl.known_ids());
        if (errors.empty()) errors = check_stored(impl, value);
        if (!errors.empty()) return std::nullopt;
        if (stored_as_given(impl, read, value)) return UpsertOutcome::kUnchanged;
        return write_entity(impl, value) ? UpsertOutcome::kUpdated : UpsertOutcome::kCreated;
    });
    if (!outcome) throw ValidationError(std::move(errors));
    return *outcome;
}

template <class T>
BulkResult upsert_bulk(Store::Impl& impl, Reader<T> read, std::span<const T> values,
                       BulkMode mode) {
    std::lock_guard lock(impl.mutex);
    return impl.write([&] {
        BulkResult result;
        result.items.resize(values.size());
        const KnownIds& known = impl.known_ids();
        for (std::size_t i = 0; i < values.size(); ++i) {
            ItemResult& item = result.items[i];
            item.index = i;
            item.id = values[i].id;
            item.errors = check(values[i], known);
            if (item.errors.empty()) item.errors = check_stored(impl, values[i]);
            if (!item.errors.empty()) {
                item.status = ItemStatus::kInvalid;
                ++result.invalid;
            }
        }
        const bool apply = mode == BulkMode::kCommitValid || result.invalid == 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            ItemResult& item = result.items[i];
            if (item.status == ItemStatus::kInvalid) continue;
            if (!apply) {
                item.status = ItemStatus::kNotApplied;
                continue;
            }
            ++result.applied;
            if (stored_as_given(impl, read, values[i])) {
                item.status = ItemStatus::kUnchanged;
                continue;
            }
            item.status =
                write_entity(impl, values[i]) ? ItemStatus::kUpdated : ItemStatus::kCreated;
        }
        return result;
    });
}

// Deletes the row `id` and its child rows with `erase` (the entity's
// erase_rows, which returns whether the parent row existed) after checking
// `references`: each a "SELECT 1 FROM ... WHERE ref = ?1 LIMIT 1" whose hit
// means the id is still referenced (ConflictError naming `kind` and the
// referrer). `known_set` is the KnownIds member to keep in sync (nullptr for
// jobs, graduates and placements, which KnownIds does not hold).
struct Reference {
    const char* sql;
    const char* referrer;  // "jobs", ...
};
using EraseRows = bool (*)(Store::Impl& impl, const std::string& id);
bool delete_entity(Store::Impl& impl, const char* kind, EraseRows erase,
                   std::span<const Reference> references,
                   std::unordered_set<std::string> KnownIds::*known_set, const std::string& id);

// Runs each DELETE (one "... WHERE <parent> = ?1" per child table, the parent
// table last) for `id`; true if the last one deleted a row.
bool run_deletes(Store::Impl& impl, std::span<const char* const> deletes, const std::string& id);

// Skill requirements (a job's, a project's) as child rows of `table`
// (parent id, skill_id, level, weight, must_have): the write, and one row
// read back from a ChildStream over "skill_id, level, weight, must_have".
void insert_requirements(Store::Impl& impl, const char* insert_sql, const std::string& parent_id,
                         const std::vector<Requirement>& requirements);
Requirement read_requirement(const Statement& row);
// Skill levels (a teacher's expertise, a research result's profile) as child
// rows (parent id, skill_id, level), and one read back from a ChildStream
// over "skill_id, level".
void insert_skill_levels(Store::Impl& impl, const char* insert_sql, const std::string& parent_id,
                         const std::vector<SkillLevel>& levels);
SkillLevel read_skill_level(const Statement& row);

}  // namespace talentmatch::store

namespace talentmatch::store {

// Runs fn(Database&, StatementCache&) for a short read: on a pooled reader
// connection (no Store mutex: reads run in parallel with each other and with
// a writer), or on the writer connection under the mutex when this thread is
// inside its own write transaction.
template <class F>
auto with_reader(Store::Impl& impl, F&& fn) {
    if (impl.read_elsewhere()) {
        auto reader = impl.readers.acquire();
        return fn(reader->db, reader->statements);
    }
    std::lock_guard lock(impl.mutex);
    return fn(impl.db, impl.point_reads);
}

template <class T>
std::optional<T> get_one(Store::Impl& impl, Reader<T> read, const std::string& id) {
    return with_reader(impl, [&](Database& db, StatementCache& cache) {
        ReadTransaction snapshot(db);
        ReadPlan plan;
        plan.mode = ReadPlan::Mode::kPoint;
        plan.key = id;
        plan.cache = &cache;
        std::optional<T> found;
        read(db, plan, [&](const T& value) { found = value; });
        return found;
    });
}

template <class T>
Page<T> list_page(Store::Impl& impl, Reader<T> read, const PageRequest& request) {
    const std::size_t limit = request.limit == 0 ? 1 : request.limit;
    Page<T> page = with_reader(impl, [&](Database& db, StatementCache& cache) {
        ReadTransaction snapshot(db);
        ReadPlan plan;
        plan.mode = ReadPlan::Mode::kPage;
        plan.key = request.after_id;
        plan.limit = limit + 1;  // one more tells whether a next page exists
        plan.org_id = request.org_id;
        plan.cache = &cache;
        Page<T> out;
        read(db, plan, [&](const T& value) { out.items.push_back(value); });
        return out;
    });
    if (page.items.size() > limit) {
        page.items.pop_back();
        page.next_after_id = page.items.back().id;
    }
    return page;
}

template <class T>
void scan_all(Store::Impl& impl, Reader<T> read, const ScanOptions& options,
              const std::function<void(const T&)>& sink) {
    std::lock_guard lock(impl.mutex);
    ReadTransaction snapshot(impl.db);
    ReadPlan plan;
    plan.mode = ReadPlan::Mode::kScan;
    plan.key = options.after_id;
    plan.limit = options.limit;
    plan.with_evidence = options.with_evidence;
    read(impl.db, plan, sink);
}

}  // namespace talentmatch::store
