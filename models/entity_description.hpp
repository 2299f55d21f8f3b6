#pragma once
// How an entity is described, once: its fields in wire order, each with its
// wire name (the JSON key and the CSV column), the struct member that holds
// it, and the rules its value follows. entities.hpp states one Description<T>
// beside each struct. Derived from it: the JSON codec (json_codec.hpp), the
// validation (validation.hpp), the CSV columns (bulk/csv_formats.cpp), the
// store's parent-table rows and their additive migration
// (store/entity_row.hpp) and the API's entity schemas
// (api/openapi_schemas.cpp). Still listing fields by hand (issue 12 item 2):
// the fast JSON Lines writer and parsers (bulk/json_line.cpp,
// bulk/fast_*_parser; byte-for-byte and agreement tests fail until a new
// field is added there) and the store's child tables (one per list field).
//
// Field value types: std::string, int, bool, a wire enum (WireNames below),
// std::vector<std::string>, and std::vector<N> of a described item type N.
// A field added to an existing entity is declared with a default member
// initializer (`std::string note = {};`), so code that builds the entity
// positionally stays valid (GCC's -Wmissing-field-initializers).
// `unique` on a field of an item type N means: no two items of a list of N
// hold the same value in that field (a job's requirements, one per skill).
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "models/limits.hpp"

namespace talentmatch {

// What a string field (or each string of a list) holds.
enum class Text : std::uint8_t {
    kPlain,  // free text
    kId,     // an id (models/field_rules.hpp): the entity's own or one it refers to
    kDate,   // an ISO date "YYYY-MM-DD"
};

// The entity an id field refers to: its value must be the id of a known one.
enum class Refers : std::uint8_t {
    kNothing,
    kSkill,
    kCertificate,
    kInstitution,
    kProgram,
    kEmployer,
};

// The rules of one field (for a list of texts: of each text in it). Every
// list holds at most kMaxListLength items (models/limits.hpp).
struct FieldRules {
    bool required = false;  // must be present (JSON key, CSV column); a kId or kDate text non-empty
    Text text = Text::kPlain;
    int min = kNoLeast;                       // int fields: the least value allowed
    int max = kNoGreatest;                    // int fields: the greatest value allowed
    std::size_t min_items = 0;                // list fields: the fewest items allowed
    std::size_t max_length = kMaxNameLength;  // plain text: the most Unicode code points
    bool not_empty = false;                   // plain text: must not be empty
    Refers refers = Refers::kNothing;         // a kId text: names a known entity of this kind
    bool may_be_empty = false;                // a kId text that refers: "" names nothing
    bool unique = false;                      // no two items of the list hold the same value
    std::string_view note = {};               // a remark for readers of the API schema

    static constexpr int kNoLeast = std::numeric_limits<int>::min();
    static constexpr int kNoGreatest = std::numeric_limits<int>::max();
};

template <class T, class M>
struct Field {
    using Entity = T;
    using Value = M;
    std::string_view name;
    M T::*member;
    FieldRules rules = {};
};
// Deduction from the member pointer (stated for compilers without aggregate CTAD).
template <class T, class M>
Field(std::string_view, M T::*) -> Field<T, M>;
template <class T, class M>
Field(std::string_view, M T::*, FieldRules) -> Field<T, M>;

// Specialised beside each entity and list item type (entities.hpp):
//   static constexpr std::string_view name;   // the schema name, e.g. "Job"
//   static constexpr std::tuple fields{Field{...}, ...};
template <class T>
struct Description;

template <class T>
concept Described = requires {
    Description<T>::fields;
};

// The wire names of an enum whose values are 0..N-1, in value order:
//   template <> struct WireNames<E> { static constexpr std::array<std::string_view, N> names; };
template <class E>
struct WireNames;

template <class E>
concept WireEnum = std::is_enum_v<E> && requires {
    WireNames<E>::names;
};

template <WireEnum E>
std::string_view wire_name(E value) {
    return WireNames<E>::names.at(static_cast<std::size_t>(value));
}

template <WireEnum E>
std::optional<E> from_wire_name(std::string_view text) {
    const auto& names = WireNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == text) return static_cast<E>(i);
    }
    return std::nullopt;
}

// "a, b, c": names listed for a message ("must be one of a, b, c").
inline std::string join_names(std::span<const std::string_view> names) {
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

// The accepted names of E, for messages.
template <WireEnum E>
std::string wire_names_list() {
    return join_names(WireNames<E>::names);
}

template <class V>
struct IsVector : std::false_type {};
template <class V>
struct IsVector<std::vector<V>> : std::true_type {};
template <class V>
inline constexpr bool kIsVector = IsVector<V>::value;

// f(field) for every field of T, in wire order.
template <Described T, class F>
constexpr void for_each_field(F&& f) {
    std::apply([&](const auto&... field) { (f(field), ...); }, Description<T>::fields);
}

template <Described T>
inline constexpr std::size_t kFieldCount = std::tuple_size_v<decltype(Description<T>::fields)>;

// T's field number I (a constant usable in a captureless lambda).
template <Described T, std::size_t I>
inline constexpr const auto& kField = std::get<I>(Description<T>::fields);

// The wire names of T's fields, in wire order.
template <Described T>
constexpr std::array<std::string_view, kFieldCount<T>> field_names() {
    return std::apply(
        [](const auto&... field) {
            return std::array<std::string_view, sizeof...(field)>{field.name...};
        },
        Description<T>::fields);
}

}  // namespace talentmatch
