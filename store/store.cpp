#include "store/store.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "store/schema.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

std::string_view to_string(ItemStatus status) {
    switch (status) {
        case ItemStatus::kCreated:
            return "created";
        case ItemStatus::kUpdated:
            return "updated";
        case ItemStatus::kUnchanged:
            return "unchanged";
        case ItemStatus::kInvalid:
            return "invalid";
        case ItemStatus::kNotApplied:
            return "not_applied";
    }
    return "unknown";
}

namespace {

bool in_memory(const std::string& path) {
    return path.empty() || path == ":memory:";
}

// The path, once it is known to exist (or may be created).
const std::string& openable(const std::string& path, const StoreOptions& options) {
    if (!options.create && !in_memory(path) && !std::filesystem::is_regular_file(path)) {
        throw NotAStoreError("no talentmatch store at '" + path +
                             "' (no such file; --create makes a new store)");
    }
    return path;
}

// An SQLite file that has tables but not ours.
bool foreign_tables(Database& db) {
    Statement tables(db,
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                     "name != 'schema_version'");
    tables.step();
    return tables.column_int(0) > 0;
}

}  // namespace

Store::Impl::Impl(const std::string& path, const StoreOptions& options)
    : db(openable(path, options),
         options.create ? Database::Mode::kReadWriteCreate : Database::Mode::kReadWrite),
      readers(path, options.busy_timeout_ms),
      readers_usable(!in_memory(path)) {
    try {
        // Looked at before configure_connection, which would turn a foreign
        // file to WAL mode.
        db.exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms));
        if (store::schema_version(db) == 0 && (!options.create || foreign_tables(db))) {
            throw NotAStoreError("'" + path + "' is not a talentmatch store" +
                                 (options.create ? " (it holds other tables)"
                                                 : " (an empty or foreign file; --create makes a "
                                                   "new store)"));
        }
        configure_connection(db, options.busy_timeout_ms);
        migrate(db);
    } catch (const NotAStoreError&) {
        throw;
    } catch (const StoreError& e) {
        const int primary = e.sqlite_code() & 0xff;
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
            throw NotAStoreError("'" + path + "' is not a talentmatch store or is corrupt",
                                 e.sqlite_code());
        }
        throw;
    }
}

Statement& Store::Impl::statement(const char* sql) {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<Statement>(db, sql);
    return *slot;
}

std::int64_t Store::Impl::read_data_version() {
    Statement& stmt = statement("SELECT value FROM meta WHERE key = 'data_version'");
    if (!stmt.step()) {
        stmt.reset();
        throw StoreError("meta.data_version is missing from '" + db.path() + "'");
    }
    const std::int64_t version = stmt.column_int(0);
    stmt.reset();
    return version;
}

const KnownIds& Store::Impl::known_ids() {
    ReadTransaction snapshot(db);
    const std::int64_t version = read_data_version();
    if (known && known_version == version) return *known;
    known.reset();
    KnownIds ids;
    const auto load = [&](const char* sql, std::unordered_set<std::string>& into) {
        Statement stmt(db, sql);
        while (stmt.step()) into.insert(stmt.column_string(0));
    };
    load("SELECT id FROM skills", ids.skills);
    load("SELECT id FROM certificates", ids.certificates);
    load("SELECT id FROM institutions", ids.institutions);
    load("SELECT id FROM programs", ids.programs);
    for (Statement stmt(db, "SELECT id, institution_id FROM programs"); stmt.step();) {
        ids.program_institution.emplace(stmt.column_string(0), stmt.column_string(1));
    }
    load("SELECT id FROM employers", ids.employers);
    known = std::move(ids);
    known_version = version;
    return *known;
}

bool row_exists(Store::Impl& impl, const char* sql_exists, const std::string& id) {
    Statement& stmt = impl.statement(sql_exists);
    stmt.bind(1, id);
    const bool found = stmt.step();
    stmt.reset();
    return found;
}

bool run_deletes(Store::Impl& impl, std::span<const char* const> deletes, const std::string& id) {
    for (const char* sql : deletes) impl.statement(sql).bind(1, id).run();
    return impl.db.changes() > 0;
}

bool delete_entity(Store::Impl& impl, const char* kind, EraseRows erase,
                   std::span<const Reference> references,
                   std::unordered_set<std::string> KnownIds::*known_set, const std::string& id) {
    std::lock_guard lock(impl.mutex);
    return impl.write([&] {
        for (const Reference& reference : references) {
            if (row_exists(impl, reference.sql, id)) {
                throw ConflictError(std::string(kind) + " '" + id + "' is still referenced by " +
                                    reference.referrer);
            }
        }
        const bool deleted = erase(impl, id);
        if (deleted) {
            impl.dirty = true;
            if (known_set != nullptr && impl.known) ((*impl.known).*known_set).erase(id);
        }
        return deleted;
    });
}

Store::Store(const std::string& path, StoreOptions options)
    : impl_(std::make_unique<Impl>(path, options)) {}

Store::~Store() = default;

const std::string& Store::path() const {
    return impl_->db.path();
}

int Store::schema_version() {
    std::lock_guard lock(impl_->mutex);
    return store::schema_version(impl_->db);
}

std::int64_t Store::data_version() {
    std::lock_guard lock(impl_->mutex);
    return impl_->read_data_version();
}

void Store::on_data_commit(std::function<void()> observer) {
    std::lock_guard lock(impl_->mutex);
    impl_->data_commit_observer = std::move(observer);
}

KnownIds Store::known_ids() {
    std::lock_guard lock(impl_->mutex);
    return impl_->known_ids();
}

std::int64_t Store::count(EntityKind kind) {
    std::lock_guard lock(impl_->mutex);
    Statement stmt(impl_->db, "SELECT count(*) FROM " + std::string(to_string(kind)));
    stmt.step();
    return stmt.column_int(0);
}

StoreSummary Store::summary() {
    std::lock_guard lock(impl_->mutex);
    ReadTransaction snapshot(impl_->db);
    StoreSummary out;
    for (EntityKind kind : kAllEntityKinds) out.counts.emplace_back(kind, count(kind));
    const auto groups = [&](const char* column) {
        std::vector<JobGroupTotals> rows;
        Statement stmt(impl_->db, std::string("SELECT ") + column +
                                      ", count(*), sum(headcount) FROM jobs GROUP BY " + column +
                                      " ORDER BY " + column);
        while (stmt.step()) {
            rows.push_back({stmt.column_string(0), stmt.column_int(1), stmt.column_int(2)});
        }
        return rows;
    };
    out.jobs_by_cluster = groups("cluster");
    out.jobs_by_district = groups("district");
    Statement seeking(impl_->db, "SELECT count(*) FROM graduates WHERE seeking != 0");
    seeking.step();
    out.seeking_graduates = seeking.column_int(0);
    return out;
}

struct Store::WriteScope::State {
    explicit State(Store::Impl& impl) : lock(impl.mutex), impl(impl), txn(impl.db) {}
    std::unique_lock<std::recursive_mutex> lock;
    Store::Impl& impl;
    Transaction txn;
    bool committed = false;
};

Store::WriteScope::WriteScope(Store& store) : state_(std::make_unique<State>(*store.impl_)) {}

Store::WriteScope::~WriteScope() {
    // Rolled back (by ~Transaction): cached ids may name rows that are gone.
    if (state_->committed) return;
    state_->impl.known.reset();
    if (state_->txn.outermost()) state_->impl.commit_unobserved = false;
}

void Store::WriteScope::commit() {
    state_->txn.commit();
    state_->committed = true;
    if (state_->txn.outermost()) state_->impl.observe_commit();
}

}  // namespace talentmatch::store
