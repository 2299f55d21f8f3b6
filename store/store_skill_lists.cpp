// The kinds stored as a row and one list of skills in a child table
// (<child table>: <key>, skill, ...), keyed by the row's id: teachers'
// expertise and research results' profiles (skill -> level), projects',
// innovation demands' and occupational standards' requirements (skill ->
// level, weight, must-have). Each kind states its tables, its list and whose
// list a tenant sees (SkillList<T>); one set of statements below serves all.
#include "store/change_log_write.hpp"
#include "store/entity_row.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

namespace {

template <class T>
struct SkillList;
template <>
struct SkillList<Teacher> {
    static constexpr const char* kind = "teacher";
    static constexpr EntityKind change_kind = EntityKind::kTeachers;
    static constexpr const char* table = "teacher_expertise";
    static constexpr const char* key = "teacher_id";
    static constexpr auto list = &Teacher::expertise;
    static constexpr const char* org_filter = "institution_id = ?2";  // a career office's own
};
template <>
struct SkillList<ResearchResult> {
    static constexpr const char* kind = "research result";
    static constexpr EntityKind change_kind = EntityKind::kResearchResults;
    static constexpr const char* table = "research_result_profile";
    static constexpr const char* key = "result_id";
    static constexpr auto list = &ResearchResult::profile;
    static constexpr const char* org_filter = "institution_id = ?2";
};
template <>
struct SkillList<Project> {
    static constexpr const char* kind = "project";
    static constexpr EntityKind change_kind = EntityKind::kProjects;
    static constexpr const char* table = "project_requirements";
    static constexpr const char* key = "project_id";
    static constexpr auto list = &Project::requirements;
    // An association's: its employers'.
    static constexpr const char* org_filter =
        "employer_id IN (SELECT id FROM employers WHERE association_id = ?2)";
};
template <>
struct SkillList<InnovationDemand> {
    static constexpr const char* kind = "innovation demand";
    static constexpr EntityKind change_kind = EntityKind::kInnovationDemands;
    static constexpr const char* table = "innovation_demand_requirements";
    static constexpr const char* key = "demand_id";
    static constexpr auto list = &InnovationDemand::requirements;
    // An association's: its employers' demands and its own.
    static constexpr const char* org_filter =
        "(employer_id IN (SELECT id FROM employers WHERE association_id = ?2) "
        "OR association_id = ?2)";
};
template <>
struct SkillList<OccupationalStandard> {
    static constexpr const char* kind = "occupational standard";
    static constexpr EntityKind change_kind = EntityKind::kOccupationalStandards;
    static constexpr const char* table = "occupational_standard_requirements";
    static constexpr const char* key = "standard_id";
    static constexpr auto list = &OccupationalStandard::requirements;
    static constexpr const char* org_filter = "";  // reference data: everyone's
};

// The child rows of each list element type: columns after the key, and how
// one is written and read back.
template <class E>
struct ChildRows;
template <>
struct ChildRows<SkillLevel> {
    static constexpr const char* columns = "skill_id, level";
    static constexpr const char* values = "(?1, ?2, ?3)";
    static void insert(Store::Impl& impl, const char* sql, const std::string& id,
                       const std::vector<SkillLevel>& items) {
        insert_skill_levels(impl, sql, id, items);
    }
    static SkillLevel read(const Statement& row) { return read_skill_level(row); }
};
template <>
struct ChildRows<Requirement> {
    static constexpr const char* columns = "skill_id, level, weight, must_have";
    static constexpr const char* values = "(?1, ?2, ?3, ?4, ?5)";
    static void insert(Store::Impl& impl, const char* sql, const std::string& id,
                       const std::vector<Requirement>& items) {
        insert_requirements(impl, sql, id, items);
    }
    static Requirement read(const Statement& row) { return read_requirement(row); }
};

template <class T>
using ListElement =
    typename std::remove_cvref_t<decltype(std::declval<T>().*SkillList<T>::list)>::value_type;

// The SQL of kind T, made once: the store caches a statement by its SQL's
// address, so the strings live as long as the program.
template <class T>
struct SkillListSql {
    using Rows = ChildRows<ListElement<T>>;
    std::string exists = "SELECT 1 FROM " + row_table<T>() + " WHERE id = ?1";
    std::string insert =
        std::string("INSERT INTO ") + SkillList<T>::table + " VALUES " + Rows::values;
    // Children first (schema.hpp: no SQL cascades).
    std::string deletes[2] = {
        std::string("DELETE FROM ") + SkillList<T>::table + " WHERE " + SkillList<T>::key + " = ?1",
        "DELETE FROM " + row_table<T>() + " WHERE id = ?1"};
    const char* delete_sql[2] = {deletes[0].c_str(), deletes[1].c_str()};

    static const SkillListSql& get() {
        static const SkillListSql sql;
        return sql;
    }
};

template <class T>
bool erase_rows(Store::Impl& impl, const std::string& id) {
    return run_deletes(impl, SkillListSql<T>::get().delete_sql, id);
}

template <class T>
bool write_rows(Store::Impl& impl, const T& value) {
    const SkillListSql<T>& sql = SkillListSql<T>::get();
    const bool exists = row_exists(impl, sql.exists.c_str(), value.id);
    if (exists) erase_rows<T>(impl, value.id);
    bind_row(impl.statement(row_insert_sql<T>(false).c_str()), value).run();
    SkillListSql<T>::Rows::insert(impl, sql.insert.c_str(), value.id, value.*SkillList<T>::list);
    impl.dirty = true;
    log_change(impl, SkillList<T>::change_kind, value.id);
    return exists;
}

template <class T>
void read_rows(Database& db, const ReadPlan& plan, const std::function<void(const T&)>& sink) {
    using L = SkillList<T>;
    StatementLease parent_lease =
        parent_statement(db, row_columns<T>(), row_table<T>(), plan, L::org_filter);
    Statement& parent = parent_lease.get();
    ChildStream children(db, SkillListSql<T>::Rows::columns, L::table, L::key, "skill_id", plan);
    T value;
    while (parent.step()) {
        read_row(parent, value);
        auto& list = value.*L::list;
        list.clear();
        children.for_parent(
            value.id, [&](Statement& row) { list.push_back(SkillListSql<T>::Rows::read(row)); });
        sink(value);
    }
}

template <class T>
bool delete_rows(Store::Impl& impl, const std::string& id) {
    return delete_entity(impl, SkillList<T>::kind,
                         erase_logged<SkillList<T>::change_kind, erase_rows<T>>, {}, nullptr, id);
}

}  // namespace

#define TALENTMATCH_SKILL_LIST_KIND(T)                                                    \
    std::vector<FieldError> check(const T& value, const KnownIds& known) {                \
        return validate(value, known, "");                                                \
    }                                                                                     \
    bool write_entity(Store::Impl& impl, const T& value) {                                \
        return write_rows(impl, value);                                                   \
    }                                                                                     \
    void read_entities(Database& db, const ReadPlan& plan,                                \
                       const std::function<void(const T&)>& sink) {                       \
        read_rows(db, plan, sink);                                                        \
    }                                                                                     \
    bool delete_stored(Store::Impl& impl, std::type_identity<T>, const std::string& id) { \
        return delete_rows<T>(impl, id);                                                  \
    }
TALENTMATCH_SKILL_LIST_KIND(Teacher)
TALENTMATCH_SKILL_LIST_KIND(ResearchResult)
TALENTMATCH_SKILL_LIST_KIND(Project)
TALENTMATCH_SKILL_LIST_KIND(InnovationDemand)
TALENTMATCH_SKILL_LIST_KIND(OccupationalStandard)
#undef TALENTMATCH_SKILL_LIST_KIND

void insert_skill_levels(Store::Impl& impl, const char* insert_sql, const std::string& parent_id,
                         const std::vector<SkillLevel>& levels) {
    Statement& insert = impl.statement(insert_sql);
    for (const SkillLevel& s : levels)
        insert.bind(1, parent_id).bind(2, s.skill_id).bind(3, s.level).run();
}

SkillLevel read_skill_level(const Statement& row) {
    return {row.column_string(1), static_cast<int>(row.column_int(2))};
}

}  // namespace talentmatch::store
