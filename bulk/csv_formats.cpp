#include "bulk/csv_formats.hpp"

#include <span>

#include "bulk/csv_cells.hpp"
#include "models/json_codec.hpp"
#include "models/utf8.hpp"

namespace talentmatch::bulk {

namespace {

using cells::Errors;

// One column of a kind's CSV format: how a cell decodes into and encodes
// from the entity. Tables below list the columns in written order.
template <class T>
struct Column {
    using Value = T;
    std::string_view name;
    bool required;
    void (*decode)(std::string_view cell, T& out, const std::string& path, Errors& errors);
    std::string (*encode)(const T& value);
};

#define TM_STRING_COLUMN(T, field, required)                                              \
    Column<T> {                                                                           \
#field, required,                                                                 \
            [](std::string_view cell, T & out, const std::string&,                        \
               Errors&) { out.field = cell; }, [](const T& value) { return value.field; } \
    }

const Column<Program> kProgramColumns[] = {
    TM_STRING_COLUMN(Program, id, true),
    TM_STRING_COLUMN(Program, institution_id, true),
    TM_STRING_COLUMN(Program, name, false),
    TM_STRING_COLUMN(Program, code, false),
    TM_STRING_COLUMN(Program, cluster, false),
    {"education_level", false,
     [](std::string_view c, Program& o, const std::string& p, Errors& e) {
         cells::decode_education(c, o.education_level, p, e);
     },
     [](const Program& v) { return std::string(to_string(v.education_level)); }},
    {"cohort_size", false,
     [](std::string_view c, Program& o, const std::string& p, Errors& e) {
         cells::decode_int(c, o.cohort_size, p, e);
     },
     [](const Program& v) { return std::to_string(v.cohort_size); }},
    {"curriculum", false,
     [](std::string_view c, Program& o, const std::string& p, Errors& e) {
         cells::decode_skill_levels(c, o.curriculum, p, e);
     },
     [](const Program& v) { return cells::encode_skill_levels(v.curriculum); }},
    {"certificates", false,
     [](std::string_view c, Program& o, const std::string&, Errors&) {
         cells::decode_id_list(c, o.certificates);
     },
     [](const Program& v) { return cells::encode_id_list(v.certificates); }},
};

const Column<Job> kJobColumns[] = {
    TM_STRING_COLUMN(Job, id, true),
    TM_STRING_COLUMN(Job, employer_id, true),
    TM_STRING_COLUMN(Job, title, false),
    TM_STRING_COLUMN(Job, cluster, false),
    TM_STRING_COLUMN(Job, district, false),
    {"headcount", false,
     [](std::string_view c, Job& o, const std::string& p, Errors& e) {
         cells::decode_int(c, o.headcount, p, e);
     },
     [](const Job& v) { return std::to_string(v.headcount); }},
    {"min_education", false,
     [](std::string_view c, Job& o, const std::string& p, Errors& e) {
         cells::decode_education(c, o.min_education, p, e);
     },
     [](const Job& v) { return std::string(to_string(v.min_education)); }},
    {"required_certificates", false,
     [](std::string_view c, Job& o, const std::string&, Errors&) {
         cells::decode_id_list(c, o.required_certificates);
     },
     [](const Job& v) { return cells::encode_id_list(v.required_certificates); }},
    TM_STRING_COLUMN(Job, valid_until, false),
    {"requirements", true,
     [](std::string_view c, Job& o, const std::string& p, Errors& e) {
         cells::decode_requirements(c, o.requirements, p, e);
     },
     [](const Job& v) { return cells::encode_requirements(v.requirements); }},
};

const Column<Graduate> kGraduateColumns[] = {
    TM_STRING_COLUMN(Graduate, id, true),
    TM_STRING_COLUMN(Graduate, institution_id, true),
    TM_STRING_COLUMN(Graduate, program_id, true),
    {"graduation_year", true,
     [](std::string_view c, Graduate& o, const std::string& p, Errors& e) {
         cells::decode_int(c, o.graduation_year, p, e);
     },
     [](const Graduate& v) { return std::to_string(v.graduation_year); }},
    {"education_level", false,
     [](std::string_view c, Graduate& o, const std::string& p, Errors& e) {
         cells::decode_education(c, o.education_level, p, e);
     },
     [](const Graduate& v) { return std::string(to_string(v.education_level)); }},
    {"skills", false,
     [](std::string_view c, Graduate& o, const std::string& p, Errors& e) {
         cells::decode_graduate_skills(c, o.skills, p, e);
     },
     [](const Graduate& v) { return cells::encode_graduate_skills(v.skills); }},
    {"certificates", false,
     [](std::string_view c, Graduate& o, const std::string&, Errors&) {
         cells::decode_id_list(c, o.certificates);
     },
     [](const Graduate& v) { return cells::encode_id_list(v.certificates); }},
    {"preferred_districts", false,
     [](std::string_view c, Graduate& o, const std::string&, Errors&) {
         cells::decode_id_list(c, o.preferred_districts);
     },
     [](const Graduate& v) { return cells::encode_id_list(v.preferred_districts); }},
    {"preferred_clusters", false,
     [](std::string_view c, Graduate& o, const std::string&, Errors&) {
         cells::decode_id_list(c, o.preferred_clusters);
     },
     [](const Graduate& v) { return cells::encode_id_list(v.preferred_clusters); }},
    {"seeking", false,
     [](std::string_view c, Graduate& o, const std::string& p, Errors& e) {
         cells::decode_bool(c, o.seeking, p, e);
     },
     [](const Graduate& v) { return std::string(v.seeking ? "true" : "false"); }},
};

const Column<Employer> kEmployerColumns[] = {
    TM_STRING_COLUMN(Employer, id, true),
    TM_STRING_COLUMN(Employer, name, false),
    TM_STRING_COLUMN(Employer, cluster, false),
    TM_STRING_COLUMN(Employer, district, false),
    TM_STRING_COLUMN(Employer, association_id, false),
};

const Column<Placement> kPlacementColumns[] = {
    TM_STRING_COLUMN(Placement, id, true),
    TM_STRING_COLUMN(Placement, graduate_id, true),
    TM_STRING_COLUMN(Placement, employer_id, true),
    TM_STRING_COLUMN(Placement, job_id, false),
    TM_STRING_COLUMN(Placement, date, true),
    {"source", false,
     [](std::string_view c, Placement& o, const std::string& p, Errors& e) {
         if (c.empty()) return;
         if (const auto source = parse_placement_source(c)) {
             o.source = *source;
         } else {
             e.push_back({p, "must be one of " + std::string(kPlacementSourceNames) + ", got \"" +
                                 std::string(c) + "\""});
         }
     },
     [](const Placement& v) { return std::string(to_string(v.source)); }},
};

#undef TM_STRING_COLUMN

// Calls f(columns) with the column table of `kind` (a kind with a CSV format).
template <class F>
decltype(auto) with_columns(EntityKind kind, F f) {
    switch (kind) {
        case EntityKind::kPrograms:
            return f(std::span<const Column<Program>>(kProgramColumns));
        case EntityKind::kJobs:
            return f(std::span<const Column<Job>>(kJobColumns));
        case EntityKind::kEmployers:
            return f(std::span<const Column<Employer>>(kEmployerColumns));
        case EntityKind::kPlacements:
            return f(std::span<const Column<Placement>>(kPlacementColumns));
        default:
            return f(std::span<const Column<Graduate>>(kGraduateColumns));
    }
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
    return kind == EntityKind::kPrograms || kind == EntityKind::kJobs ||
           kind == EntityKind::kGraduates || kind == EntityKind::kEmployers ||
           kind == EntityKind::kPlacements;
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
    return encode_row<Program>(kProgramColumns, value);
}
std::vector<std::string> to_csv_row(const Job& value) {
    return encode_row<Job>(kJobColumns, value);
}
std::vector<std::string> to_csv_row(const Graduate& value) {
    return encode_row<Graduate>(kGraduateColumns, value);
}
std::vector<std::string> to_csv_row(const Employer& value) {
    return encode_row<Employer>(kEmployerColumns, value);
}
std::vector<std::string> to_csv_row(const Placement& value) {
    return encode_row<Placement>(kPlacementColumns, value);
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
