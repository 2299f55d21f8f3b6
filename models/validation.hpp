#pragma once
// Domain rules of SPEC.md for every entity: levels 0..5 (requirements 1..5),
// weights 1..10, headcount >= 1, at least one requirement, one requirement
// per skill, known skill/certificate/institution/program/employer ids, ISO
// dates, id and string lengths, text in valid UTF-8. Each field's rules are
// stated once, in its entity's Description (entities.hpp), and checked here
// field by field in wire order; the rules across fields (a graduate's
// program belongs to its institution; a project ends no sooner than it
// starts) are written in validation.cpp. Each rule
// broken yields one FieldError whose path is prefixed with `path`, e.g.
// validate(job, known, "jobs[3]") gives
//   "jobs[3].requirements[2].level: must be 1..5, got 7".
// An empty result means the entity is valid against `known`. A valid entity
// costs no allocation (a path is spelled only for a rule broken), so the
// store's write path and bulk imports call this directly.
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "models/entities.hpp"
#include "models/field_error.hpp"

namespace talentmatch {

// The ids an entity may refer to. Built by the store (or a bulk import) from
// what exists plus what the same batch adds.
struct KnownIds {
    std::unordered_set<std::string> skills;
    std::unordered_set<std::string> certificates;
    std::unordered_set<std::string> institutions;
    std::unordered_set<std::string> programs;
    // The institution of each program in `programs` (a graduate's program
    // must be one of its own institution's). A program missing here is not
    // checked for it.
    std::unordered_map<std::string, std::string> program_institution;
    std::unordered_set<std::string> employers;
};

std::vector<FieldError> validate(const Skill& value, const std::string& path);
// A certificate's skills must be known.
std::vector<FieldError> validate(const Certificate& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const Institution& value, const std::string& path);
std::vector<FieldError> validate(const Program& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const Graduate& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const Employer& value, const std::string& path);
std::vector<FieldError> validate(const Job& value, const KnownIds& known, const std::string& path);
// A placement's graduate and job are checked for form only (ids); that they
// exist, and that the job is one of the employer's, needs the stored rows
// (the store checks it: store/store_placements.cpp). The employer must be in
// `known`; the date must be a calendar date (any day: a survey may record a
// start agreed for next month).
std::vector<FieldError> validate(const Placement& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const Teacher& value, const KnownIds& known,
                                 const std::string& path);
// Across fields: a project's end_date is not before its start_date.
std::vector<FieldError> validate(const Project& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const InnovationDemand& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const ResearchResult& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const OccupationalStandard& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const Course& value, const KnownIds& known,
                                 const std::string& path);
std::vector<FieldError> validate(const TrainingProgram& value, const KnownIds& known,
                                 const std::string& path);

// "a.b" joined as a field path; "" + "x" is "x". Used by codecs and rules.
std::string join_path(const std::string& base, const std::string& field);
std::string index_path(const std::string& base, std::size_t index);  // "base[3]"

}  // namespace talentmatch
