#pragma once
// CSV formats for programs, jobs, graduates, employers and placements (bulk/FORMATS.md): one row
// per entity, a header row naming the columns (any order; optional columns may be left out), lists
// packed into one cell:
//   id lists            a;b;c
//   skill levels        skill:level;...                   (curriculum, graduate skills)
//   requirements        skill:level[:weight[:must]];...   (weight defaults to 1)
// An empty cell means the field's default. Graduates in CSV carry no skill
// evidence (use JSON Lines for that).
#include <optional>
#include <string>
#include <vector>

#include "bulk/entity_kind.hpp"
#include "models/field_error.hpp"

namespace talentmatch::bulk {

bool has_csv_format(EntityKind kind);  // every kind but skills, certificates, institutions

// Every column, in the order the encoder writes them.
std::vector<std::string> csv_header(EntityKind kind);

// The cells of one row, in csv_header() order.
std::vector<std::string> to_csv_row(const Program& value);
std::vector<std::string> to_csv_row(const Job& value);
std::vector<std::string> to_csv_row(const Graduate& value);
std::vector<std::string> to_csv_row(const Employer& value);
std::vector<std::string> to_csv_row(const Placement& value);
std::vector<std::string> to_csv_row(const Teacher& value);
std::vector<std::string> to_csv_row(const Project& value);
std::vector<std::string> to_csv_row(const InnovationDemand& value);
std::vector<std::string> to_csv_row(const ResearchResult& value);
std::vector<std::string> to_csv_row(const OccupationalStandard& value);
std::vector<std::string> to_csv_row(const Course& value);
std::vector<std::string> to_csv_row(const TrainingProgram& value);

// Decodes rows of one file against its header. Immutable after construction;
// decode() is safe to call from several threads.
class CsvDecoder {
  public:
    // Checks `header`: unknown, duplicate, non-UTF-8 and missing required
    // columns become header_errors() (path = column name); then no row can be
    // decoded.
    CsvDecoder(EntityKind kind, const std::vector<std::string>& header);

    const std::vector<FieldError>& header_errors() const { return header_errors_; }

    // Appends problems to `errors` (paths "requirements[1].level", or "" for
    // a wrong cell count; a cell that is not valid UTF-8 is an error at its
    // column, "title") and returns nullopt if there were any.
    std::optional<Entity> decode(const std::vector<std::string>& row,
                                 std::vector<FieldError>& errors) const;

  private:
    EntityKind kind_;
    std::vector<int> column_of_cell_;  // index into the kind's column table, per header cell
    std::vector<FieldError> header_errors_;
};

}  // namespace talentmatch::bulk
