#pragma once
// A small RAII layer over the sqlite3 C API: a connection, prepared statements
// and transactions. Every failing sqlite3 call throws StoreError carrying
// SQLite's own message, so a storage fault never looks like bad input.
//
// Thread-safety: a Database (and its Statements) is used by one thread at a
// time; the Store above serialises access with its own mutex. Open one
// Database per thread for parallel readers (WAL lets readers run beside one
// writer; reader_pool.hpp lends such connections). writer_thread() alone may
// be read from any thread.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "store/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace talentmatch::store {

class Statement;

class Database {
  public:
    enum class Mode { kReadWriteCreate, kReadWrite };
    // Opens the file at `path` in read-write mode, creating it if absent
    // (kReadWriteCreate) or failing when absent (kReadWrite).
    explicit Database(const std::string& path, Mode mode = Mode::kReadWriteCreate);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs one or more statements that return no rows the caller needs.
    void exec(const std::string& sql);
    // True when no transaction is open (SQLite's autocommit mode).
    bool autocommit() const;
    std::int64_t changes() const;
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }
    // Throws StoreError("<what>: <sqlite message>") for a non-OK `rc`.
    [[noreturn]] void fail(int rc, std::string_view what) const;
    // The thread holding an outermost write Transaction open on this
    // connection (std::thread::id{} when none). Safe to read from any
    // thread: a reader uses it to tell whether it runs inside its own write
    // (and must read through this connection to see its uncommitted rows).
    std::thread::id writer_thread() const { return writer_thread_.load(std::memory_order_acquire); }

  private:
    friend class Transaction;
    friend class ReadTransaction;
    sqlite3* db_ = nullptr;
    std::string path_;
    std::atomic<std::thread::id> writer_thread_{};
    // BEGIN DEFERRED / COMMIT of ReadTransaction, prepared once (a point read
    // runs one per request; sqlite3_exec would parse them every time).
    std::unique_ptr<Statement> begin_read_;
    std::unique_ptr<Statement> commit_read_;
};

// A prepared statement, reset and rebound for reuse. Parameters are 1-based
// (SQLite's convention), columns 0-based.
class Statement {
  public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);  // copied by SQLite
    Statement& bind_null(int index);

    // Advances to the next row: true if a row is available, false when done.
    bool step();
    // Steps a statement that returns no rows, then resets it.
    void run();
    // Resets the statement and clears its bindings, ready for reuse.
    void reset();

    std::int64_t column_int(int column) const;
    double column_double(int column) const;
    // The view stays valid until the next step/reset of this statement.
    std::string_view column_text(int column) const;
    std::string column_string(int column) const { return std::string(column_text(column)); }
    bool column_is_null(int column) const;

  private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// A transaction scope. The outermost scope is BEGIN IMMEDIATE (a writer takes
// the write lock up front, so it never fails half-way on a lock upgrade);
// nested scopes are SAVEPOINTs. Destroying a scope that was not committed
// rolls it back, so an exception leaves nothing half-applied.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();
    void rollback();
    bool outermost() const { return outermost_; }

  private:
    Database& db_;
    bool outermost_;
    bool open_ = true;
    std::string savepoint_;
};

// A read transaction: every statement run inside sees one consistent
// snapshot of the file (used by the multi-statement scans).
class ReadTransaction {
  public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

  private:
    Database& db_;
    bool owns_;
};

}  // namespace talentmatch::store
