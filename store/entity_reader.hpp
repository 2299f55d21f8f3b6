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
#include <string>
#include <string_view>

#include "store/sqlite_db.hpp"

namespace talentmatch::store {

struct ReadPlan {
    enum class Mode { kPoint, kPage, kScan };
    Mode mode = Mode::kScan;
    std::string key;  // kPoint: the id; otherwise start strictly after it
    std::size_t limit = std::numeric_limits<std::size_t>::max();
    std::string org_id;  // kPage: tenant filter, "" for none
    bool with_evidence = true;
};

// "SELECT <columns> FROM <table> WHERE ..." for the plan; `org_filter` is a
// condition on ?2 (e.g. "institution_id = ?2") used when plan.org_id is set.
inline Statement parent_statement(Database& db, std::string_view columns, std::string_view table,
                                  const ReadPlan& plan, std::string_view org_filter) {
    std::string sql = "SELECT " + std::string(columns) + " FROM " + std::string(table);
    if (plan.mode == ReadPlan::Mode::kPoint) {
        Statement stmt(db, sql + " WHERE id = ?1");
        stmt.bind(1, plan.key);
        return stmt;
    }
    sql += " WHERE id > ?1";
    const bool filtered = !plan.org_id.empty() && !org_filter.empty();
    if (filtered) sql += " AND " + std::string(org_filter);
    sql += " ORDER BY id LIMIT ?3";
    Statement stmt(db, sql);
    stmt.bind(1, plan.key);
    if (filtered) stmt.bind(2, plan.org_id);
    constexpr auto kMax = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    stmt.bind(3, static_cast<std::int64_t>(plan.limit > kMax ? kMax : plan.limit));
    return stmt;
}

// The rows of one child table, column 0 being the parent id and the
// requested columns from 1.
class ChildStream {
  public:
    ChildStream(Database& db, std::string_view columns, std::string_view table,
                std::string_view parent_column, std::string_view order, const ReadPlan& plan)
        : merge_(plan.mode == ReadPlan::Mode::kScan),
          stmt_(db, "SELECT " + std::string(parent_column) + ", " + std::string(columns) +
                        " FROM " + std::string(table) + " WHERE " + std::string(parent_column) +
                        (merge_ ? " > ?1 ORDER BY " + std::string(parent_column) + ", "
                                : " = ?1 ORDER BY ") +
                        std::string(order)) {
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
    Statement stmt_;
};

}  // namespace talentmatch::store
