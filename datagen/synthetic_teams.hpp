#pragma once
// Teachers and enterprise projects for the synthetic data set (the demo
// preset): "teachers <-> technical teams".
//
// Rules (deterministic by seed; each program and each project draws from its
// own stream):
//   - each program has config.teachers_per_program teachers of its
//     institution, ids "t-<program id>-<n>"; a teacher knows the program's
//     curriculum skills at the curriculum level or one above (at most 5),
//     and a dual-qualified teacher (40 %) also 1..3 of the cluster's
//     industry skills at levels 2..4; 70 % are available for enterprise
//     practice;
//   - config.projects projects, ids "prj-<n>", each of an employer drawn
//     uniformly; its requirements are those of a job the employer could post
//     (its cluster's job factory), every level one higher (at most 5), the
//     must-haves kept, titled after that job's Chinese name; team size 1..4; it starts on
//     postings_date and lasts 90..365 days.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "datagen/dataset_writer.hpp"
#include "datagen/random.hpp"
#include "datagen/synthetic_config.hpp"
#include "datagen/synthetic_parts.hpp"

namespace talentmatch::datagen {

struct TeamWorld {
    const std::vector<Program>* programs = nullptr;
    const std::vector<Employer>* employers = nullptr;
    // The job factory of each cluster, and the industry skills of each cluster.
    const std::map<std::string, const detail::JobFactory*>* factory_of_cluster = nullptr;
};

struct TeamTotals {
    std::int64_t teachers = 0;
    std::int64_t projects = 0;
};

TeamTotals write_teachers_and_projects(const TeamWorld& world, const SyntheticConfig& config,
                                       const Rng& rng, DatasetWriter& out);

}  // namespace talentmatch::datagen
