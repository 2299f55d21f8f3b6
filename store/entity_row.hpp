#pragma once
// Internal to the store library: an entity's row in its parent table, derived
// from its Description (models/entities.hpp). The table is named by the kind's
// plural ("jobs"); it has one column per field that is not a list (text, int,
// bool, a wire enum stored as its value), named by the field's wire name, in
// wire order. List fields live in child tables, written and read per entity
// (store_<kind>.cpp).
//
// A field added to a Description needs no SQL: opening a file adds the column
// its parent table lacks (add_described_columns, called by migrate()), with
// the field's default in a default-constructed entity as the value of the
// rows already there.
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

#include "models/entity_registry.hpp"
#include "store/sqlite_db.hpp"

namespace talentmatch::store {

template <class V>
inline constexpr bool kIsRowColumn = !kIsVector<V>;

// The parent table of T: "jobs" for Job.
template <Described T>
std::string row_table() {
    return std::string(to_string(kind_of<T>()));
}

// "id, employer_id, title, ...": T's row columns in wire order.
template <Described T>
const std::string& row_columns() {
    static const std::string columns = [] {
        std::string out;
        for_each_field<T>([&](const auto& field) {
            using V = typename std::decay_t<decltype(field)>::Value;
            if constexpr (kIsRowColumn<V>) {
                if (!out.empty()) out += ", ";
                out += field.name;
            }
        });
        return out;
    }();
    return columns;
}

namespace detail {
template <Described T>
std::string insert_sql(bool replace_existing) {
    std::string sql = "INSERT INTO " + row_table<T>() + " (" + row_columns<T>() + ") VALUES (";
    std::string updates;
    int index = 0;
    for_each_field<T>([&](const auto& field) {
        using V = typename std::decay_t<decltype(field)>::Value;
        if constexpr (kIsRowColumn<V>) {
            sql += (index == 0 ? "?" : ", ?") + std::to_string(index + 1);
            if (index > 0) {
                const std::string name(field.name);
                updates += (updates.empty() ? "" : ", ") + name + " = excluded." + name;
            }
            ++index;
        }
    });
    sql += ")";
    if (replace_existing) sql += " ON CONFLICT (id) DO UPDATE SET " + updates;
    return sql;
}
}  // namespace detail

// "INSERT INTO <table> (<columns>) VALUES (?1, ...)"; with `replace_existing`
// an existing row (same id) is updated in place (ON CONFLICT ... DO UPDATE),
// for kinds whose children are not rewritten with the row. T's first field is its id.
template <Described T>
const std::string& row_insert_sql(bool replace_existing) {
    static const std::string sql[2] = {detail::insert_sql<T>(false), detail::insert_sql<T>(true)};
    return sql[replace_existing ? 1 : 0];
}

// Binds T's row columns of `value` as ?1, ?2, ... in row_columns() order.
template <Described T>
Statement& bind_row(Statement& statement, const T& value) {
    int index = 0;
    for_each_field<T>([&](const auto& field) {
        using V = typename std::decay_t<decltype(field)>::Value;
        if constexpr (kIsRowColumn<V>) {
            const V& v = value.*field.member;
            ++index;
            if constexpr (std::is_same_v<V, std::string>) {
                statement.bind(index, std::string_view(v));
            } else if constexpr (std::is_same_v<V, bool>) {
                statement.bind(index, v ? 1 : 0);
            } else {
                statement.bind(index, static_cast<std::int64_t>(v));
            }
        }
    });
    return statement;
}

// Reads T's row columns from a statement that selected row_columns(), column 0 first.
template <Described T>
void read_row(const Statement& statement, T& value) {
    int index = 0;
    for_each_field<T>([&](const auto& field) {
        using V = typename std::decay_t<decltype(field)>::Value;
        if constexpr (kIsRowColumn<V>) {
            V& v = value.*field.member;
            if constexpr (std::is_same_v<V, std::string>) {
                v = statement.column_text(index);
            } else if constexpr (std::is_same_v<V, bool>) {
                v = statement.column_int(index) != 0;
            } else {
                v = static_cast<V>(statement.column_int(index));
            }
            ++index;
        }
    });
}

// Adds to every entity's parent table the row columns it lacks (a field added
// to a Description since the file was made), in one write transaction, and
// only when one is missing (the usual open writes nothing).
void add_described_columns(Database& db);

}  // namespace talentmatch::store
