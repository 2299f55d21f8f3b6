#include "batch/assignment_stage.hpp"

#include <algorithm>
#include <cmath>

namespace talentmatch::batch {

matcher::ExactScore exact_ranking(const matcher::PairScore& score) {
    return {score.ranking_num(), score.ranking_den()};
}

AssignmentStage assign(const matcher::Snapshot& snapshot,
                       const matcher::TopKLists& jobs_per_graduate,
                       const matcher::TopKLists& graduates_per_job, std::size_t depth,
                       double min_coverage) {
    AssignmentStage out;
    out.min_coverage_bp = static_cast<std::uint32_t>(std::lround(min_coverage * 10000.0));
    const auto& grads = snapshot.graduates;
    const auto& jobs = snapshot.jobs;
    out.input.candidates.resize(grads.size());
    out.input.capacity.resize(jobs.size());
    out.acceptable_proposers.assign(jobs.size(), 0);
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        out.input.capacity[j] = static_cast<std::uint32_t>(std::max(0, jobs.headcount[j]));
    }
    for (std::size_t g = 0; g < grads.size(); ++g) {
        if (grads.seeking[g] == 0) continue;
        ++out.seeking;
        auto& list = out.input.candidates[g];
        for (const auto& m : jobs_per_graduate.row(g)) {
            if (list.size() >= depth) break;
            if (!matcher::coverage_at_least(m.score, out.min_coverage_bp)) continue;
            list.push_back({m.index, exact_ranking(m.score)});
            ++out.acceptable_proposers[m.index];
        }
        if (!list.empty()) ++out.with_acceptable_job;
    }
    out.assignment = matcher::stable_assignment(out.input);
    out.blocking_pairs = matcher::find_blocking_pairs(out.input, out.assignment).size();
    out.filled.assign(jobs.size(), 0);
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        out.filled[j] = static_cast<std::uint32_t>(out.assignment.holders[j].size());
        const std::int64_t h = out.input.capacity[j];
        out.funnel.openings += h;
        if (graduates_per_job.row(j).size() > 0) out.funnel.eligible += h;
        out.funnel.matched += std::min<std::int64_t>(h, out.acceptable_proposers[j]);
        out.funnel.placed += out.filled[j];
        out.placed += out.filled[j];
    }
    return out;
}

}  // namespace talentmatch::batch
