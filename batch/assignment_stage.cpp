#include "batch/assignment_stage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "matcher/assignment.hpp"
#include "matcher/kernels.hpp"

namespace talentmatch::batch {
namespace {

using matcher::ExactScore;
using matcher::Index;

// Per job: the worst holder's score when full, a floor above every score
// when capacity is 0, else 0 (the rule of lazy_assignment.hpp).
std::vector<ExactScore> final_floors(const AssignmentStage& a) {
    std::vector<ExactScore> floor(a.capacity.size(), ExactScore{0, 1});
    for (std::size_t j = 0; j < floor.size(); ++j) {
        const auto& holders = a.assignment.holders[j];
        if (a.capacity[j] == 0) {
            floor[j] = ExactScore{std::numeric_limits<std::uint64_t>::max(), 1};
        } else if (holders.size() >= a.capacity[j]) {
            floor[j] = a.assignment.score_of[holders.back()];
        }
    }
    return floor;
}

// The best acceptable score of a row (top pairs, best first): the first with
// coverage >= bp; none in a full row -> the last one's score bounds it; else 0.
double best_acceptable(std::span<const matcher::IndexedMatch> row, std::size_t row_k,
                       std::uint32_t bp) {
    for (const auto& m : row) {
        if (matcher::coverage_at_least(m.score, bp)) return m.score.score();
    }
    return row.size() >= row_k && !row.empty() ? row.back().score.score() : 0.0;
}

}  // namespace

StabilityCheck check_stability(const matcher::Snapshot& snapshot, const AssignmentStage& a,
                               const matcher::ScoreConfig& config,
                               const matcher::ExecutionOptions& exec, std::size_t check_graduates) {
    StabilityCheck out;
    std::vector<Index> seeking;
    for (Index g = 0; g < snapshot.graduates.size(); ++g) {
        if (snapshot.graduates.seeking[g] != 0) seeking.push_back(g);
    }
    const std::size_t stride = std::max<std::size_t>(
        1, (seeking.size() + check_graduates - 1) / std::max<std::size_t>(1, check_graduates));
    std::vector<Index> sample;
    for (std::size_t i = 0; i < seeking.size(); i += stride) sample.push_back(seeking[i]);
    out.graduates_checked = sample.size();
    out.exact = stride == 1;
    if (sample.empty() || snapshot.jobs.size() == 0) return out;

    // A pair can block only a job it could enter: score at or above the
    // job's final floor (exact) and coverage >= the minimum. The engine lists
    // exactly those pairs for the sample, packed into blocks of its own.
    const auto floor = final_floors(a);
    std::vector<Index> job_list;
    std::vector<std::uint16_t> cov_min;
    std::vector<matcher::ExactScore> job_floor;
    for (Index j = 0; j < snapshot.jobs.size(); ++j) {
        if (a.capacity[j] == 0) continue;
        job_list.push_back(j);
        cov_min.push_back(std::uint16_t(
            matcher::min_cov_num(snapshot.jobs.weighted_level_sum[j], a.min_coverage_bp)));
        job_floor.push_back(floor[j]);
    }
    const matcher::CandidateSet packed = matcher::pack_candidates(snapshot.graduates, sample);
    const auto lists = matcher::jobs_at_or_above(snapshot, packed, 0, Index(packed.size()),
                                                 job_list, cov_min, job_floor, 0, config, exec);
    for (std::size_t i = 0; i < sample.size(); ++i) {
        const Index g = sample[i];
        const std::uint32_t mine = a.assignment.job_of[g];
        const matcher::AssignmentCandidate current{mine, a.assignment.score_of[g]};
        bool any = false;
        for (const auto& m : lists.row(i)) {
            const matcher::AssignmentCandidate c{m.index, matcher::exact_ranking(m.score)};
            if (mine != matcher::kUnassigned && !matcher::graduate_prefers(c, current)) continue;
            const auto& holders = a.assignment.holders[c.job];
            const bool wants =
                holders.size() < a.capacity[c.job] ||
                (!holders.empty() && matcher::job_prefers(g, c.score, holders.back(),
                                                          a.assignment.score_of[holders.back()]));
            if (wants) {
                ++out.blocking_pairs;
                any = true;
            }
        }
        if (any) ++out.graduates_in_blocking_pairs;
    }
    return out;
}

AssignmentStage assign(const matcher::Snapshot& snapshot,
                       const matcher::TopKLists& jobs_per_graduate,
                       const matcher::TopKLists& graduates_per_job, std::size_t list_k,
                       std::size_t job_list_k, double min_coverage,
                       const matcher::ScoreConfig& config, const matcher::ExecutionOptions& exec,
                       std::size_t check_graduates) {
    AssignmentStage out;
    out.min_coverage_bp = static_cast<std::uint32_t>(std::lround(min_coverage * 10000.0));
    const auto& grads = snapshot.graduates;
    const auto& jobs = snapshot.jobs;
    out.capacity.resize(jobs.size());
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        out.capacity[j] = static_cast<std::uint32_t>(std::max(0, jobs.headcount[j]));
    }
    // Each seeking graduate starts from its top-k row, coverage-filtered
    // (a million small lists: made in parallel, each allocated once).
    std::vector<matcher::PreferenceChunk> initial(grads.size());
    tbb::task_arena(exec.threads > 0 ? exec.threads : tbb::task_arena::automatic).execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, grads.size(), 4096),
            [&](const tbb::blocked_range<std::size_t>& range) {
                for (std::size_t g = range.begin(); g < range.end(); ++g) {
                    auto& chunk0 = initial[g];
                    if (grads.seeking[g] == 0) {
                        chunk0.complete = true;
                        continue;
                    }
                    const auto row = jobs_per_graduate.row(g);
                    chunk0.complete = row.size() < list_k;
                    chunk0.jobs.reserve(row.size());
                    for (const auto& m : row) {
                        if (!matcher::coverage_at_least(m.score, out.min_coverage_bp)) continue;
                        chunk0.jobs.push_back({m.index, matcher::exact_ranking(m.score)});
                    }
                }
            });
    });
    double graduate_bound = 0;  // summed in graduate order: the same bytes every run
    for (std::size_t g = 0; g < grads.size(); ++g) {
        if (grads.seeking[g] == 0) continue;
        ++out.seeking;
        graduate_bound += best_acceptable(jobs_per_graduate.row(g), list_k, out.min_coverage_bp);
    }
    double job_bound = 0;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        // A job's best pair with a seeking graduate bounds each of its openings.
        const auto row = graduates_per_job.row(j);
        if (!row.empty()) job_bound += out.capacity[j] * row.front().score.score();
    }
    matcher::EngineJobSource source(snapshot, config, exec, min_coverage,
                                    matcher::EngineJobSource::kDefaultMaxRequests,
                                    {&graduates_per_job, job_list_k});
    out.assignment =
        matcher::lazy_stable_assignment(std::move(initial), out.capacity, source, &out.lazy);
    out.first_choice = out.lazy.first_choice;
    out.acceptable_proposers = out.lazy.proposers;
    for (std::size_t g = 0; g < grads.size(); ++g) {
        if (out.first_choice[g] != matcher::kUnassigned) ++out.with_acceptable_job;
        if (out.assignment.job_of[g] != matcher::kUnassigned)
            out.weight += matcher::to_double(out.assignment.score_of[g]);
    }
    out.upper_bound = std::min(graduate_bound, job_bound);
    out.filled.assign(jobs.size(), 0);
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        out.filled[j] = static_cast<std::uint32_t>(out.assignment.holders[j].size());
        const std::int64_t h = out.capacity[j];
        out.funnel.openings += h;
        if (graduates_per_job.row(j).size() > 0) out.funnel.eligible += h;
        out.funnel.matched += std::min<std::int64_t>(h, out.acceptable_proposers[j]);
        out.funnel.placed += out.filled[j];
        out.placed += out.filled[j];
    }
    out.stability = check_stability(snapshot, out, config, exec, check_graduates);
    return out;
}

}  // namespace talentmatch::batch
