#include "bulk/csv_formats.hpp"

#include <array>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

#include "bulk/csv_cells.hpp"
#include "models/json_codec.hpp"
#include "models/utf8.hpp"

namespace talentmatch::bulk {

namespace {

using cells::Errors;

// One column of a kind's CSV format: how a cell decodes into and encodes
// from the entity. A kind's columns are its Description's fields, in order.
template <class T>
struct Column {
    using Value = T;
    std::string_view name;
    bool required;
    void (*decode)(std::string_view cell, T& out, const std::string& path, Errors& errors);
    std::string (*encode)(const T& value);
};

// How a cell holds a value of each field type (bulk/FORMATS.md).
template <class V>
void decode_cell(std::string_view cell, V& out, const std::string& path, Errors& errors) {
    if constexpr (std::is_same_v<V, std::string>) {
        out = cell;
    } else if constexpr (std::is_same_v<V, int>) {
        cells::decode_int(cell, out, path, errors);
    } else if constexpr (std::is_same_v<V, bool>) {
        cells::decode_bool(cell, out, path, errors);
    } else if constexpr (WireEnum<V>) {
        cells::decode_enum(cell, out, path, errors);
    } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
        cells::decode_id_list(cell, out);
    } else if constexpr (std::is_same_v<V, std::vector<SkillLevel>>) {
        cells::decode_skill_levels(cell, out, path, errors);
    } else if constexpr (std::is_same_v<V, std::vector<GraduateSkill>>) {
        cells::decode_graduate_skills(cell, out, path, errors);
    } else {
        static_assert(std::is_same_v<V, std::vector<Requirement>>,
                      "a field type with no cell form");
        cells::decode_requirements(cell, out, path, errors);
    }
}

template <class V>
std::string encode_cell(const V& value) {
    if constexpr (std::is_same_v<V, std::string>) {
        return value;
    } else if constexpr (std::is_same_v<V, int>) {
        return std::to_string(value);
    } else if constexpr (std::is_same_v<V, bool>) {
        return value ? "true" : "false";
    } else if constexpr (WireEnum<V>) {
        return std::string(wire_name(value));
    } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
        return cells::encode_id_list(value);
    } else if constexpr (std::is_same_v<V, std::vector<SkillLevel>>) {
        return cells::encode_skill_levels(value);
    } else if constexpr (std::is_same_v<V, std::vector<GraduateSkill>>) {
        return cells::encode_graduate_skills(value);
    } else {
        return cells::encode_requirements(value);
    }
}

template <class T, std::size_t I>
constexpr Column<T> column() {
    return {kField<T, I>.name, kField<T, I>.rules.required,
            [](std::string_view cell, T& out, const std::string& path, Errors& errors) {
                decode_cell(cell, out.*kField<T, I>.member, path, errors);
            },
            [](const T& value) { return encode_cell(value.*kField<T, I>.member); }};
}

template <class T, std::size_t... I>
constexpr std::array<Column<T>, sizeof...(I)> columns_of(std::index_sequence<I...>) {
    return {column<T, I>()...};
}

template <class T>
inline constexpr auto kColumns = columns_of<T>(std::make_index_sequence<kFieldCount<T>>{});

// Calls f(columns) with the column table of `kind` (a kind with a CSV format).
template <class F>
decltype(auto) with_columns(EntityKind kind, F f) {
    return with_entity_type(kind, [&](auto type) {
        using T = typename decltype(type)::type;
        return f(std::span<const Column<T>>(kColumns<T>));
    });
}

template <class T>
std::vector<std::string> encode_row(std::span<const Column<T>> columns, const T& value) {
    std::vector<std::string> row;
    row.reserve(columns.size());
    for (const auto& column : columns) row.push_back(column.encode(value));
    return row;
}

}  // namespace

bool has_csv_format(EntityKind kind) {
    // The taxonomy's kinds come from data/ as JSON Lines only.
    return kind != EntityKind::kSkills && kind != EntityKind::kCertificates &&
           kind != EntityKind::kInstitutions;
}

std::vector<std::string> csv_header(EntityKind kind) {
    if (!has_csv_format(kind)) return {};
    return with_columns(kind, [](auto columns) {
        std::vector<std::string> header;
        for (const auto& column : columns) header.emplace_back(column.name);
        return header;
    });
}

std::vector<std::string> to_csv_row(const Program& value) {
    return encode_row<Program>(kColumns<Program>, value);
}
std::vector<std::string> to_csv_row(const Job& value) {
    return encode_row<Job>(kColumns<Job>, value);
}
std::vector<std::string> to_csv_row(const Graduate& value) {
    return encode_row<Graduate>(kColumns<Graduate>, value);
}
std::vector<std::string> to_csv_row(const Employer& value) {
    return encode_row<Employer>(kColumns<Employer>, value);
}
std::vector<std::string> to_csv_row(const Placement& value) {
    return encode_row<Placement>(kColumns<Placement>, value);
}
std::vector<std::string> to_csv_row(const Teacher& value) {
    return encode_row<Teacher>(kColumns<Teacher>, value);
}
std::vector<std::string> to_csv_row(const Project& value) {
    return encode_row<Project>(kColumns<Project>, value);
}
std::vector<std::string> to_csv_row(const InnovationDemand& value) {
    return encode_row<InnovationDemand>(kColumns<InnovationDemand>, value);
}
std::vector<std::string> to_csv_row(const ResearchResult& value) {
    return encode_row<ResearchResult>(kColumns<ResearchResult>, value);
}
std::vector<std::string> to_csv_row(const OccupationalStandard& value) {
    return encode_row<OccupationalStandard>(kColumns<OccupationalStandard>, value);
}
std::vector<std::string> to_csv_row(const Course& value) {
    return encode_row<Course>(kColumns<Course>, value);
}
std::vector<std::string> to_csv_row(const TrainingProgram& value) {
    return encode_row<TrainingProgram>(kColumns<TrainingProgram>, value);
}

CsvDecoder::CsvDecoder(EntityKind kind, const std::vector<std::string>& header) : kind_(kind) {
    if (!has_csv_format(kind)) {
        header_errors_.push_back({"", std::string(to_string(kind)) + " have no CSV format"});
        return;
    }
    with_columns(kind, [&](auto columns) {
        std::vector<bool> present(columns.size(), false);
        for (const std::string& name : header) {
            int found = -1;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                if (columns[c].name == name) found = static_cast<int>(c);
            }
            if (const std::size_t bad = first_invalid_utf8(name); bad != std::string::npos) {
                header_errors_.push_back(
                    {escape_invalid_utf8(name), invalid_utf8_message(name, bad)});
            } else if (found < 0) {
                header_errors_.push_back({name, "unknown column"});
            } else if (present[found]) {
                header_errors_.push_back({name, "duplicate column"});
            } else {
                present[found] = true;
            }
            column_of_cell_.push_back(found);
        }
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].required && !present[c]) {
                header_errors_.push_back({std::string(columns[c].name), "missing required column"});
            }
        }
    });
}

std::optional<Entity> CsvDecoder::decode(const std::vector<std::string>& row,
                                         std::vector<FieldError>& errors) const {
    if (!header_errors_.empty()) {
        errors.push_back({"", "the CSV header is unusable"});
        return std::nullopt;
    }
    if (row.size() != column_of_cell_.size()) {
        errors.push_back({"", "expected " + std::to_string(column_of_cell_.size()) +
                                  " cells, got " + std::to_string(row.size())});
        return std::nullopt;
    }
    const std::size_t errors_before = errors.size();
    return with_columns(kind_, [&](auto columns) -> std::optional<Entity> {
        using T = typename decltype(columns)::value_type::Value;
        T value;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const auto& column = columns[column_of_cell_[i]];
            const std::string path(column.name);
            // Before any decoding: a cell in another encoding (GBK from a
            // spreadsheet) is refused with its row and column, never stored.
            if (const std::size_t bad = first_invalid_utf8(row[i]); bad != std::string::npos) {
                errors.push_back({path, invalid_utf8_message(row[i], bad)});
                continue;
            }
            if (column.required && row[i].empty()) {
                errors.push_back({path, "is required"});
                continue;
            }
            column.decode(row[i], value, path, errors);
        }
        if (errors.size() != errors_before) return std::nullopt;
        return Entity(std::move(value));
    });
}

}  // namespace talentmatch::bulk
