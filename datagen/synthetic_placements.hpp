#pragma once
// Placement outcomes for the synthetic data set (the demo preset): the
// graduates of config.graduation_year, as a career office's follow-up would
// record them half a year on.
//
// Rules (deterministic by seed; each program and each graduate draws from its
// own stream, so the result does not depend on the order of the calls):
//   - each program places a share of its cohort drawn uniformly in
//     [0.70, 0.95]; each graduate of the year is placed with that probability;
//   - 80 % of placements go to an employer of the program's own cluster (when
//     the cluster has employers), the rest to any employer;
//   - half name one of that employer's jobs, when it has any;
//   - the date is 0..150 days after 15 June of the graduation year; the source
//     is a survey (60 %), an employer report (25 %) or the graduate (15 %);
//   - the placement id is "pl-" + the graduate's number, so a graduate has at
//     most one placement here.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "datagen/dataset_writer.hpp"
#include "datagen/graduate_factory.hpp"
#include "datagen/random.hpp"
#include "datagen/synthetic_config.hpp"

namespace talentmatch::datagen {

struct PlacementWorld {
    const GraduateFactory* graduates = nullptr;
    const std::vector<Program>* programs = nullptr;                 // in generation order
    const std::vector<std::string>* district_of_program = nullptr;  // parallel to programs
    const std::vector<Employer>* employers = nullptr;
    const std::map<std::string, std::vector<std::string>>* jobs_of_employer = nullptr;
};

// Writes the placements and returns how many.
std::int64_t write_placements(const PlacementWorld& world, const SyntheticConfig& config,
                              const Rng& rng, DatasetWriter& out);

}  // namespace talentmatch::datagen
