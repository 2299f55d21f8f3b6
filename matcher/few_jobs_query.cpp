#include "matcher/few_jobs_query.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "matcher/block_pass_types.hpp"
#include "matcher/job_checks.hpp"
#include "matcher/pass_runner.hpp"

namespace talentmatch::matcher::detail {
namespace {

// Blocks per task: large enough to amortize a task, small enough to balance.
constexpr std::size_t kBlocksPerTask = 256;
constexpr std::uint8_t kZeroRow[kBlockSize] = {};

// A queried job's requirements sorted by skill (for the merge-like search
// through a block's skill-sorted rows).
struct JobQuery {
    const JobPlan* job = nullptr;
    std::vector<RequirementEntry> reqs;
    std::uint16_t cov_min = 0;
};

// The bonus candidate c earns for `job` (its preferred districts / clusters).
std::int32_t bonus_of(const CandidateSet& cs, Index c, const JobPlan& job,
                      const ScoreConfig& config) {
    std::int32_t b = 0;
    const auto districts = cs.preferred_districts.row(c);
    const auto clusters = cs.preferred_clusters.row(c);
    if (std::binary_search(districts.begin(), districts.end(), job.district)) {
        b += config.district_bonus;
    }
    if (std::binary_search(clusters.begin(), clusters.end(), job.cluster)) {
        b += config.cluster_bonus;
    }
    return b;
}

// The row of each of q's requirements in `block` (kZeroRow when the block
// lacks the skill), by branch-free binary search in the block's skill-sorted
// rows; each found row is prefetched (the caller finds block b + 1's rows
// while it sums block b's, so the row loads overlap).
void find_rows(const CandidateSet& cs, std::size_t skill_count, std::size_t block,
               const JobQuery& q, const std::uint8_t** out) {
    const auto rows = cs.block_rows.row(block);  // contiguous row indices, skill-sorted
    const Index row0 = rows.empty() ? 0 : rows.front();
    const Index* skills = cs.block_row_skill.data() + row0;
    const std::size_t row_count = rows.size();
    for (std::size_t i = 0; i < q.reqs.size(); ++i) {
        // The rows hold distinct skills < skill_count in ascending order, so
        // the lower bound of `skill` lies in [lo, hi]: at most `skill`
        // smaller ones, at most skill_count - skill not smaller. When most
        // skills occur in the block (small taxonomies) that window is short.
        const std::size_t skill = q.reqs[i].skill;
        const std::size_t lo =
            skill + row_count > skill_count ? skill + row_count - skill_count : 0;
        const std::size_t hi = std::min(skill, row_count);
        const Index* base = skills + lo;
        std::size_t n = hi - lo;
        while (n > 1) {
            const std::size_t half = n / 2;
            // Arithmetic select, not a branch: the compare is a coin flip.
            base += half & (std::size_t{0} - std::size_t(base[half - 1] < skill));
            n -= half;
        }
        const std::size_t at = std::size_t(base - skills) + (n == 1 && *base < skill);
        if (at < row_count && skills[at] == skill) {
            out[i] = cs.block_levels.data() + std::size_t(row0 + at) * kBlockSize;
            __builtin_prefetch(out[i]);
        } else {
            out[i] = kZeroRow;
        }
    }
}

// Scores one block against one job (its requirements' rows in `rows`) into
// jc's heap at `position`.
void score_block(const Snapshot& snapshot, const CandidateSet& cs, std::size_t block,
                 std::uint32_t lanes, const JobQuery& q, const std::uint8_t* const* rows,
                 std::size_t position, const ScoreConfig& config, JobCollector& jc) {
    const JobPlan& job = *q.job;
    const Index first = Index(block * kBlockSize);
    for (unsigned l = 0; l < kBlockSize; ++l) {
        if (((lanes >> l) & 1u) && cs.education[first + l] < job.min_education) {
            lanes &= ~(1u << l);
        }
    }
    if (lanes == 0) return;
    std::uint16_t cov[kBlockSize] = {}, rel[kBlockSize] = {};
    std::uint8_t met[kBlockSize];
    std::fill(std::begin(met), std::end(met), std::uint8_t{1});
    for (std::size_t i = 0; i < q.reqs.size(); ++i) {
        const RequirementEntry& r = q.reqs[i];
        // Lane loops on a local copy (no aliasing through the byte row), so
        // the compiler vectorizes them.
        std::uint8_t lv[kBlockSize];
        std::memcpy(lv, rows[i], kBlockSize);
        const std::uint16_t level = r.level, weight = r.weight;
        for (unsigned l = 0; l < kBlockSize; ++l) {
            const std::uint16_t m = std::min<std::uint16_t>(lv[l], level);
            cov[l] = std::uint16_t(cov[l] + weight * m);
            rel[l] = std::uint16_t(rel[l] + m);
        }
        if (r.must_have) {
            for (unsigned l = 0; l < kBlockSize; ++l) met[l] &= std::uint8_t(lv[l] >= level);
        }
    }
    const float max_bonus = float(config.max_bonus()) / float(kBonusScale);
    const auto certs = std::span(snapshot.job_plan.certs.data() + job.cert_begin,
                                 snapshot.job_plan.certs.data() + job.cert_end);
    while (lanes) {
        const unsigned l = unsigned(__builtin_ctz(lanes));
        lanes &= lanes - 1;
        if (!met[l] || cov[l] < q.cov_min) continue;
        const Index c = first + l;
        const std::uint32_t a = cs.level_sum[c];
        // Upper bound: fit (float error < 1e-6) + every bonus; the floor
        // already holds kPruneMargin.
        const float fit =
            a == 0 ? 0.0f : float(std::uint32_t(cov[l]) * rel[l]) * job.inv_cov_den / float(a);
        if (fit + max_bonus < jc.floor[position]) continue;
        if (!certs.empty() && !holds_all(cs.certificates.row(c), certs)) continue;
        PairScore s;
        s.cov_num = cov[l];
        s.cov_den = job.cov_den;
        s.rel_num = rel[l];
        s.rel_den = a;
        s.bonus = bonus_of(cs, c, job, config);
        jc.offer(position, make_entry(s, c));
    }
}

// Prefetches a block's row skills (~1.4 KB at 386 skills; the first row
// index is read here, so the caller runs this two blocks ahead): the binary
// searches of find_rows are chains of dependent loads, each a cache miss when
// the snapshot is larger than the cache (1M graduates: 360 MB of rows).
void prefetch_skills(const CandidateSet& cs, std::size_t block) {
    const auto rows = cs.block_rows.row(block);
    __builtin_prefetch(rows.data());
    if (rows.empty()) return;
    const char* p = reinterpret_cast<const char*>(cs.block_row_skill.data() + rows.front());
    const char* end = p + rows.size() * sizeof(Index);
    for (; p < end; p += 64) __builtin_prefetch(p);
}

// One task: blocks [begin, end) against every queried job, job by job, the
// next block's rows found (and prefetched) while this block is summed.
void run_task(const Snapshot& snapshot, const CandidateSet& cs, std::span<const JobQuery> queries,
              std::size_t begin, std::size_t end, std::span<const std::uint8_t> candidate_ok,
              const ScoreConfig& config, JobCollector& jc) {
    const std::size_t skill_count = snapshot.skills.size();
    for (std::size_t p = 0; p < queries.size(); ++p) {
        std::vector<const std::uint8_t*> cur(queries[p].reqs.size()), next(queries[p].reqs.size());
        find_rows(cs, skill_count, begin, queries[p], cur.data());
        for (std::size_t b = begin; b != end; ++b) {
            if (b + 2 < end) prefetch_skills(cs, b + 2);
            if (b + 1 != end) find_rows(cs, skill_count, b + 1, queries[p], next.data());
            const Index first = Index(b * kBlockSize);
            const Index last = Index(std::min(cs.size(), std::size_t(first) + kBlockSize));
            std::uint32_t lanes = 0;
            for (Index c = first; c < last; ++c) {
                if (candidate_ok.empty() || candidate_ok[c]) lanes |= 1u << (c - first);
            }
            if (lanes != 0) {
                score_block(snapshot, cs, b, lanes, queries[p], cur.data(), p, config, jc);
            }
            cur.swap(next);
        }
    }
}

}  // namespace

TopKLists few_jobs_top_candidates(const Snapshot& snapshot, const CandidateSet& cs,
                                  std::span<const Index> job_list,
                                  std::span<const std::uint16_t> cov_min,
                                  std::span<const std::uint8_t> candidate_ok, std::size_t k,
                                  const ScoreConfig& config, const ExecutionOptions& options) {
    std::vector<JobQuery> queries(job_list.size());
    for (std::size_t p = 0; p < job_list.size(); ++p) {
        queries[p].job = &snapshot.job_plan.jobs[job_list[p]];
        const auto reqs = snapshot.jobs.requirements.row(job_list[p]);
        queries[p].reqs.assign(reqs.begin(), reqs.end());
        std::sort(
            queries[p].reqs.begin(), queries[p].reqs.end(),
            [](const RequirementEntry& a, const RequirementEntry& b) { return a.skill < b.skill; });
        queries[p].cov_min = cov_min.empty() ? 0 : cov_min[p];
    }
    tbb::enumerable_thread_specific<JobCollector> collectors([&] {
        JobCollector jc;
        jc.reset(job_list.size(), k);
        return jc;
    });
    tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, cs.block_count(), kBlocksPerTask),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              run_task(snapshot, cs, queries, range.begin(), range.end(),
                                       candidate_ok, config, collectors.local());
                          });
    });
    std::vector<JobCollector> all;
    for (JobCollector& jc : collectors) all.push_back(std::move(jc));
    return merge_job_heaps(all, job_list.size(), k);
}

}  // namespace talentmatch::matcher::detail
