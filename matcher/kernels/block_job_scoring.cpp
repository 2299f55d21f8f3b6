#include "matcher/kernels/block_job_scoring.hpp"

#include <algorithm>
#include <cstring>

#include "matcher/query/job_checks.hpp"

namespace talentmatch::matcher::detail {
namespace {

constexpr std::uint8_t kZeroRow[kBlockSize] = {};

// The bonus candidate c earns for `job` (preference_bonus.hpp).
std::int32_t bonus_of(const CandidateSet& cs, Index c, const JobPlan& job,
                      const ScoreConfig& config) {
    return preference_bonus(config, cs.preferred_districts.row(c), cs.preferred_clusters.row(c),
                            job.district, job.cluster);
}

}  // namespace

// The row of each of q's requirements in `block` (kZeroRow when the block
// lacks the skill), by branch-free binary search in the block's skill-sorted
// rows; each found row is prefetched (the caller finds block b + 1's rows
// while it sums block b's, so the row loads overlap).
void find_rows(const BlockLayout& layout, std::size_t skill_count, std::size_t block,
               const JobQuery& q, const std::uint8_t** out) {
    const BlockLayout::Block rows = layout.block(block);  // skill-sorted
    const Index* skills = rows.skills.data();
    const std::size_t row_count = rows.rows();
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
            out[i] = rows.levels_of(at);
            __builtin_prefetch(out[i]);
        } else {
            out[i] = kZeroRow;
        }
    }
}

// Scores one block against one job (its requirements' rows in `rows`) into
// jc's heap at `position`.
void score_block(const Snapshot& snapshot, const CandidateSet& cs, const Index* lane_candidate,
                 std::uint32_t lanes, const JobQuery& q, const std::uint8_t* const* rows,
                 std::size_t position, const ScoreConfig& config, JobCollector& jc) {
    const JobPlan& job = *q.job;
    for (unsigned l = 0; l < kBlockSize; ++l) {
        if (((lanes >> l) & 1u) && cs.education[lane_candidate[l]] < job.min_education) {
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
    const float max_bonus = bonus_as_fit<float>(config.max_bonus());
    const auto certs = std::span(snapshot.job_plan.certs.data() + job.cert_begin,
                                 snapshot.job_plan.certs.data() + job.cert_end);
    while (lanes) {
        const unsigned l = unsigned(__builtin_ctz(lanes));
        lanes &= lanes - 1;
        if (!met[l] || cov[l] < q.cov_min) continue;
        const Index c = lane_candidate[l];
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
void prefetch_skills(const BlockLayout& layout, std::size_t block) {
    const BlockLayout::Block rows = layout.block(block);
    if (rows.rows() == 0) return;
    const char* p = reinterpret_cast<const char*>(rows.skills.data());
    const char* end = p + rows.rows() * sizeof(Index);
    for (; p < end; p += 64) __builtin_prefetch(p);
}

JobQuery make_job_query(const Snapshot& snapshot, Index job, std::uint16_t cov_min) {
    JobQuery q;
    q.job = &snapshot.job_plan.jobs[job];
    const auto reqs = snapshot.jobs.requirements.row(job);
    q.reqs.assign(reqs.begin(), reqs.end());
    std::sort(
        q.reqs.begin(), q.reqs.end(),
        [](const RequirementEntry& a, const RequirementEntry& b) { return a.skill < b.skill; });
    q.cov_min = cov_min;
    return q;
}

}  // namespace talentmatch::matcher::detail
