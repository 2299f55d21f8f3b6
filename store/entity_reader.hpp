#pragma once
// Internal to the store library: reading entities with their child lists.
//
// Three plans share one code path per entity (store_<entity>.cpp):
//   kPoint  one id (get_*): each child table is looked up by parent id;
//   kPage   a page after an id, maybe filtered by tenant (list_*): the same
//           per-parent lookups, so skipped parents cost nothing;
//   kScan   everything after an id (scan_*): the parent table and every
//           child table are each read ONCE in (parent id, key) order and
//           merged, which is what makes 1M graduates load in seconds.
// The merge relies on SQLite's BINARY collation ordering text like memcmp,
// as std::string_view's compare does.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "store/sqlite_db.hpp"

namespace talentmatch::store {

// Prepared statements kept for point reads (the API's GET path), keyed by
// SQL. A statement in use is never handed out twice: a nested read of the
// same SQL prepares its own.
class StatementCache {
  public:
    struct Entry {
        std::unique_ptr<Statement> statement;
        bool in_use = false;
    };
    Entry& entry(Database& db, const std::string& sql) {
        Entry& e = entries_[sql];
        if (!e.statement) e.statement = std::make_unique<Statement>(db, sql);
        return e;
    }

  private:
    std::unordered_map<std::string, Entry> entries_;
};

// A statement for one read: borrowed from the cache (reset and returned when
// the lease ends, so no read transaction stays open) or owned.
class StatementLease {
  public:
    StatementLease(Database& db, const std::string& sql, StatementCache* cache) {
        if (cache != nullptr) {
            StatementCache::Entry& e = cache->entry(db, sql);
            if (!e.in_use) {
                e.in_use = true;
                entry_ = &e;
                return;
            }
        }
        owned_ = std::make_unique<Statement>(db, sql);
    }
    StatementLease(StatementLease&& other) noexcept
        : entry_(std::exchange(other.entry_, nullptr)), owned_(std::move(other.owned_)) {}
    StatementLease& operator=(StatementLease&&) = delete;
    ~StatementLease() {
        if (entry_ == nullptr) return;
        entry_->statement->reset();
        entry_->in_use = false;
    }
    Statement& get() { return entry_ ? *entry_->statement : *owned_; }

  private:
    StatementCache::Entry* entry_ = nullptr;
    std::unique_ptr<Statement> owned_;
};

struct ReadPlan {
    enum class Mode { kPoint, kPage, kScan };
    Mode mode = Mode::kScan;
    std::string key;  // kPoint: the id; otherwise start strictly after it
    std::size_t limit = std::numeric_limits<std::size_t>::max();
    std::string org_id;  // kPage: tenant filter, "" for none
    bool with_evidence = true;
    // Point reads and pages reuse statements from it when set (the
    // connection's own cache; scans leave it null).
    StatementCache* cache = nullptr;
};

// "SELECT <columns> FROM <table> WHERE ..." for the plan; `org_filter` is a
// condition on ?2 (e.g. "institution_id = ?2") used when plan.org_id is set.
inline StatementLease parent_statement(Database& db, std::string_view columns,
                                       std::string_view table, const ReadPlan& plan,
                                       std::string_view org_filter) {
    std::string sql = "SELECT " + std::string(columns) + " FROM " + std::string(table);
    if (plan.mode == ReadPlan::Mode::kPoint) {
        StatementLease lease(db, sql + " WHERE id = ?1", plan.cache);
        lease.get().bind(1, plan.key);
        return lease;
    }
    sql += " WHERE id > ?1";
    const bool filtered = !plan.org_id.empty() && !org_filter.empty();
    if (filtered) sql += " AND " + std::string(org_filter);
    sql += " ORDER BY id LIMIT ?3";
    StatementLease lease(db, sql, plan.cache);
    Statement& stmt = lease.get();
    stmt.bind(1, plan.key);
    if (filtered) stmt.bind(2, plan.org_id);
    constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    stmt.bind(3, static_cast<std::int64_t>(plan.limit > kMax ? kMax : plan.limit));
    return lease;
}

// The rows of one child table, column 0 being the parent id and the
// requested columns from 1.
class ChildStream {
  public:
    ChildStream(Database& db, std::string_view columns, std::string_view table,
                std::string_view parent_column, std::string_view order, const ReadPlan& plan)
        : merge_(plan.mode == ReadPlan::Mode::kScan),
          lease_(db,
                 "SELECT " + std::string(parent_column) + ", " + std::string(columns) + " FROM " +
                     std::string(table) + " WHERE " + std::string(parent_column) +
                     (merge_ ? " > ?1 ORDER BY " + std::string(parent_column) + ", "
                             : " = ?1 ORDER BY ") +
                     std::string(order),
                 plan.cache),
          stmt_(lease_.get()) {
        if (merge_) {
            stmt_.bind(1, plan.key);
            has_row_ = stmt_.step();
        }
    }

    // Calls row(stmt) for each child row of `parent_id`, in key order.
    // Parents must be visited in ascending id order.
    template <class F>
    void for_parent(std::string_view parent_id, F&& row) {
        if (!merge_) {
            stmt_.reset();
            stmt_.bind(1, parent_id);
            while (stmt_.step()) row(stmt_);
            return;
        }
        while (has_row_ && stmt_.column_text(0) < parent_id) has_row_ = stmt_.step();
        while (has_row_ && stmt_.column_text(0) == parent_id) {
            row(stmt_);
            has_row_ = stmt_.step();
        }
    }

  private:
    bool merge_;
    bool has_row_ = false;
    StatementLease lease_;
    Statement& stmt_;
};

}  // namespace talentmatch::store
