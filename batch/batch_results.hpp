#pragma once
// Everything one batch run computed, held in memory between the stages and
// the writers (result_files.hpp, report_builder.hpp). Plain data.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "batch/assignment_stage.hpp"
#include "batch/diagnostics.hpp"
#include "batch/run_diff.hpp"
#include "batch/snapshot_loader.hpp"
#include "batch/top_k_stage.hpp"
#include "matcher/analytics.hpp"

namespace talentmatch::batch {

struct BatchSettings {
    std::size_t k = 10;
    std::size_t assignment_depth = 20;
    double assignment_min_coverage = 0.5;
    double alignment_min_coverage = 0.8;
    std::size_t relaxation_job_limit = 2000;
};

struct BatchResults {
    BatchSettings settings;
    LoadedSnapshot loaded;
    BothWays graduates;  // jobs_per_candidate rows hold up to max(k, depth) jobs
    BothWays programs;
    BothWays teachers;   // teachers <-> projects (loaded.teachers_projects)
    BothWays research;   // research results <-> innovation demands (loaded.research_demands)
    BothWays standards;  // programs <-> occupational standards (loaded.programs_standards)
    BothWays training;   // training programs <-> jobs (loaded.training_jobs)
    AssignmentStage assignment;
    matcher::SupplyDemandReport balance_overall, balance_by_cluster, balance_by_district;
    std::vector<matcher::ProgramAlignment> alignment_own_cluster;  // per program, index order
    std::vector<matcher::ProgramAlignment> alignment_region;       // per program, index order
    matcher::OutcomeReport outcomes;  // the latest graduation year's employment outcomes
    Diagnostics diagnostics;
    DiffInputs diff_inputs;
    RunDiff diff;

    const matcher::Snapshot& snapshot() const { return *loaded.snapshot; }
};

}  // namespace talentmatch::batch
