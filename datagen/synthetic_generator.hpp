#pragma once
// `talentmatch generate --preset ...`: a realistic synthetic data set on the
// shipped taxonomy (data/), deterministic for a seed: the same seed and
// config give byte-identical files on every platform (datagen/random.hpp).
//
// What it draws:
//  - institutions in Shenzhen districts (vocational schools, colleges, a
//    vocational university, a university) with programs from the cluster
//    program templates, each curriculum jittered per institution;
//  - employers per cluster in the districts where that industry sits, each
//    with its cluster's association id ("assoc.<cluster>", most of them);
//  - jobs from the cluster's occupation templates: occupation and extra
//    skill popularity are Zipf-like (long tail), headcounts mostly 1-5 with a
//    few large, levels/weights jittered, must-haves kept attainable (<= 3);
//  - graduates from their programs (datagen/graduate_factory.hpp), streamed
//    one at a time: memory does not grow with the number of graduates or jobs.
// Every entity passes models/validation.hpp against the others.
#include <cstdint>
#include <functional>
#include <string_view>

#include "datagen/dataset_writer.hpp"
#include "datagen/shipped_data.hpp"
#include "datagen/synthetic_config.hpp"

namespace talentmatch::datagen {

struct GenerationSummary {
    std::int64_t skills = 0;
    std::int64_t certificates = 0;
    std::int64_t institutions = 0;
    std::int64_t programs = 0;
    std::int64_t courses = 0;            // a program's curriculum in courses, certificates linked
    std::int64_t training_programs = 0;  // of three practice bases
    std::int64_t employers = 0;
    std::int64_t jobs = 0;
    std::int64_t graduates = 0;
    std::int64_t graduate_skills = 0;         // sum over graduates
    std::int64_t job_requirements = 0;        // sum over jobs
    std::int64_t openings = 0;                // sum of headcounts
    std::int64_t placements = 0;              // placement outcomes (demo preset)
    std::int64_t teachers = 0;                // (demo preset)
    std::int64_t projects = 0;                // enterprise projects (demo preset)
    std::int64_t research_results = 0;        // (tiny and demo presets)
    std::int64_t innovation_demands = 0;      // (tiny and demo presets)
    std::int64_t occupational_standards = 0;  // one per occupation template / O*NET occupation
};

// Called now and then with a stage name ("jobs", "graduates"), done and total.
using ProgressFn =
    std::function<void(std::string_view stage, std::int64_t done, std::int64_t total)>;

// Writes every entity to `out` (the caller calls out.finish()).
GenerationSummary generate_synthetic(const ShippedData& data, const SyntheticConfig& config,
                                     DatasetWriter& out, const ProgressFn& progress = {});

}  // namespace talentmatch::datagen
