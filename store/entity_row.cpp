#include "store/entity_row.hpp"

#include <set>

#include "store/store_error.hpp"

namespace talentmatch::store {
namespace {

// The SQL literal of a column's default: the field's value in a default-made entity.
template <class V>
std::string default_literal(const V& value) {
    if constexpr (std::is_same_v<V, std::string>) {
        std::string quoted = "'";
        for (char c : value) quoted += c == '\'' ? std::string("''") : std::string(1, c);
        return quoted + "'";
    } else if constexpr (std::is_same_v<V, bool>) {
        return value ? "1" : "0";
    } else {
        return std::to_string(static_cast<std::int64_t>(value));
    }
}

template <class V>
const char* column_type() {
    return std::is_same_v<V, std::string> ? "TEXT" : "INTEGER";
}

std::set<std::string> table_columns(Database& db, const std::string& table) {
    Statement info(db, "SELECT name FROM pragma_table_info(?1)");
    info.bind(1, std::string_view(table));
    std::set<std::string> names;
    while (info.step()) names.insert(info.column_string(0));
    if (names.empty()) throw StoreError("database '" + db.path() + "' has no table " + table);
    return names;
}

// "ALTER TABLE ..." for each of T's row columns its table lacks.
template <Described T>
std::vector<std::string> missing_columns(Database& db) {
    const std::string table = row_table<T>();
    const std::set<std::string> present = table_columns(db, table);
    const T defaults{};
    std::vector<std::string> alters;
    for_each_field<T>([&](const auto& field) {
        using V = typename std::decay_t<decltype(field)>::Value;
        if constexpr (kIsRowColumn<V>) {
            const std::string name(field.name);
            if (present.count(name) == 0) {
                alters.push_back("ALTER TABLE " + table + " ADD COLUMN " + name + " " +
                                 column_type<V>() + " NOT NULL DEFAULT " +
                                 default_literal(defaults.*field.member));
            }
        }
    });
    return alters;
}

std::vector<std::string> every_missing_column(Database& db) {
    std::vector<std::string> alters;
    for_each_entity_type([&](auto type) {
        for (auto& alter : missing_columns<typename decltype(type)::type>(db)) {
            alters.push_back(std::move(alter));
        }
    });
    return alters;
}

}  // namespace

void add_described_columns(Database& db) {
    if (every_missing_column(db).empty()) return;  // the usual open: nothing to write
    // Another process may be adding them too: look again under the write lock.
    Transaction txn(db);
    for (const std::string& alter : every_missing_column(db)) db.exec(alter);
    txn.commit();
}

}  // namespace talentmatch::store
