#pragma once
// Research results and innovation demands for the synthetic data set (the
// tiny and demo presets): "achievement transformation".
//
// Rules (deterministic by seed; each result and each demand draws from its
// own stream):
//   - config.research_results results, ids "rr-<n>", each of the institution
//     of a program drawn uniformly: its profile is the requirements of a job
//     of the program's cluster (its job factory) at their level or one above,
//     and 1..2 of the program's curriculum skills one level above (at most
//     5); readiness level 2..8; 80 % are open to transfer;
//   - config.innovation_demands demands, ids "idm-<n>", each of an employer
//     drawn uniformly: its requirements are 2..5 of those of a job the
//     employer could post (its cluster's job factory), every level one higher
//     (at most 5), the must-haves kept; titled after that job's Chinese name;
//     the cluster is the employer's (left empty); valid 180..540 days after
//     postings_date. Every tenth (ids idm-10, idm-20, ...) is its employer's
//     association's own: no employer, the association and the cluster stated.
#include <cstdint>

#include "datagen/dataset_writer.hpp"
#include "datagen/random.hpp"
#include "datagen/synthetic_config.hpp"
#include "datagen/synthetic_teams.hpp"

namespace talentmatch::datagen {

struct ResearchTotals {
    std::int64_t results = 0;
    std::int64_t demands = 0;
};

ResearchTotals write_research_and_demands(const TeamWorld& world, const SyntheticConfig& config,
                                          const Rng& rng, DatasetWriter& out);

}  // namespace talentmatch::datagen
