#include "store/sqlite_db.hpp"

#include <sqlite3.h>

#include <cstdio>

namespace talentmatch::store {

Database::Database(const std::string& path, Mode mode) : path_(path) {
    const int create = mode == Mode::kReadWriteCreate ? SQLITE_OPEN_CREATE : 0;
    const int rc = sqlite3_open_v2(
        path.c_str(), &db_,
        SQLITE_OPEN_READWRITE | create | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StoreError("cannot open database '" + path + "': " + message, rc);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
    begin_read_.reset();
    commit_read_.reset();
    sqlite3_close_v2(db_);
}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw StoreError("sqlite exec failed (" + sql.substr(0, 60) + "): " + text, rc);
    }
}

bool Database::autocommit() const {
    return sqlite3_get_autocommit(db_) != 0;
}

std::int64_t Database::changes() const {
    return sqlite3_changes64(db_);
}

void Database::fail(int rc, std::string_view what) const {
    throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db_), rc);
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "cannot prepare '" + std::string(sql.substr(0, 80)) + "'");
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    const int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                       SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) db_->fail(rc, "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    sqlite3_reset(stmt_);
    db_->fail(rc, "step '" + sql.substr(0, 80) + "'");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::column_double(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string_view Statement::column_text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db) : db_(db), outermost_(db.autocommit()) {
    if (outermost_) {
        db_.exec("BEGIN IMMEDIATE");
        db_.writer_thread_.store(std::this_thread::get_id(), std::memory_order_release);
    } else {
        char name[40];
        std::snprintf(name, sizeof name, "sp_%p", static_cast<void*>(this));
        savepoint_ = name;
        db_.exec("SAVEPOINT " + savepoint_);
    }
}

Transaction::~Transaction() {
    if (!open_) return;
    try {
        rollback();
    } catch (...) {
        // A failed rollback leaves SQLite to roll back on close; nothing to add.
    }
}

void Transaction::commit() {
    db_.exec(outermost_ ? std::string("COMMIT") : "RELEASE " + savepoint_);
    open_ = false;
    if (outermost_) db_.writer_thread_.store(std::thread::id{}, std::memory_order_release);
}

void Transaction::rollback() {
    open_ = false;
    if (outermost_) {
        db_.writer_thread_.store(std::thread::id{}, std::memory_order_release);
        if (!db_.autocommit()) db_.exec("ROLLBACK");
    } else {
        db_.exec("ROLLBACK TO " + savepoint_ + "; RELEASE " + savepoint_);
    }
}

ReadTransaction::ReadTransaction(Database& db) : db_(db), owns_(db.autocommit()) {
    if (!owns_) return;
    if (!db_.begin_read_) db_.begin_read_ = std::make_unique<Statement>(db_, "BEGIN DEFERRED");
    db_.begin_read_->run();
}

ReadTransaction::~ReadTransaction() {
    if (!owns_) return;
    try {
        if (!db_.commit_read_) db_.commit_read_ = std::make_unique<Statement>(db_, "COMMIT");
        db_.commit_read_->run();
    } catch (...) {
        // A read-only transaction has nothing to lose; SQLite ends it on close.
    }
}

}  // namespace talentmatch::store
