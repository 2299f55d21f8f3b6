#pragma once
// Builds the kernels' view of the jobs (job_kernel_plan.hpp); called by
// SnapshotBuilder::build().
#include "matcher/snapshot/job_kernel_plan.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

JobKernelPlan build_job_kernel_plan(const JobSet& jobs, std::size_t skill_count);

}  // namespace talentmatch::matcher
