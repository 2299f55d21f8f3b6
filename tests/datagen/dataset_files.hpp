#pragma once
// Test helpers: read a generated data set back through the models codec, and
// make fresh temporary directories. Reading fails the test on any line that
// does not decode.
#include <filesystem>
#include <string>
#include <vector>

#include "datagen/shipped_data.hpp"
#include "models/entities.hpp"
#include "models/validation.hpp"

namespace talentmatch::datagen::testing {

struct Dataset {
    std::vector<Skill> skills;
    std::vector<Certificate> certificates;
    std::vector<Institution> institutions;
    std::vector<Program> programs;
    std::vector<Employer> employers;
    std::vector<Job> jobs;
    std::vector<Graduate> graduates;
    std::vector<Placement> placements;
    std::vector<Teacher> teachers;
    std::vector<Project> projects;
};

// Decodes every *.jsonl file of `dir`; throws std::runtime_error naming the
// file and line of any line that does not decode.
Dataset read_dataset(const std::filesystem::path& dir);

// Validation errors of every entity against the ids the data set defines,
// plus duplicate ids within a kind.
std::vector<FieldError> validate_dataset(const Dataset& data);

// A new empty directory under the system temp dir, unique per call.
std::filesystem::path fresh_dir(const std::string& name);

std::string file_bytes(const std::filesystem::path& file);

// The repository's data/ (taxonomy, names), loaded once per test binary.
const ShippedData& shipped();

// True when graduate g may take job j (SPEC.md: must-haves met, certificates
// held, education level reached).
bool eligible(const Graduate& g, const Job& j);

}  // namespace talentmatch::datagen::testing
