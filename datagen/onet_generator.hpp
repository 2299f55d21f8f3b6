#pragma once
// `talentmatch generate --onet DIR`: writes the O*NET import (onet_import.hpp)
// as a bulk data set, plus synthetic graduates so matching runs on the public
// taxonomy too. Deterministic for a seed.
//  - skills, employers (placed in the shipped districts, one per SOC major
//    group, in turn) and jobs from the import; each job's headcount is drawn
//    (mostly 1-5, a few large) and its district is its employer's;
//  - one program per SOC minor group ("15-12"): curriculum = the rounded mean
//    level of each element required by at least 30 % of the group's
//    occupations; education level = the group's most common minimum;
//    programs are spread over a few synthetic institutions;
//  - graduates drawn from those programs with datagen/graduate_factory.hpp,
//    extras from all O*NET elements and from their cluster's elements.
//  - one occupational standard per occupation ("std-onet-<SOC>"): its
//    requirements as the job's, code = the SOC code, source "O*NET 29.2";
//  - the import's worker profiles (one holder per occupation, not seeking)
//    under their own institution kOnetWorkerInstitution and program
//    kOnetWorkerProgram (no curriculum, cohort 0); counted in the summary.
// Writes ATTRIBUTION.txt (CC BY 4.0) into the output directory.
#include <cstdint>
#include <vector>

#include "datagen/dataset_writer.hpp"
#include "datagen/onet_import.hpp"
#include "datagen/shipped_data.hpp"
#include "datagen/synthetic_generator.hpp"

namespace talentmatch::datagen {

struct OnetGenerationConfig {
    std::uint64_t seed = 1;
    std::int64_t graduates = 20000;
    int institutions = 5;
    int graduation_year = 2026;
};

// `districts` (may be empty) are where employers and graduates' preferences go.
GenerationSummary generate_from_onet(const OnetDataset& onet, const std::vector<NamedId>& districts,
                                     const OnetGenerationConfig& config, DatasetWriter& out,
                                     const ProgressFn& progress = {});

}  // namespace talentmatch::datagen
