#include "matcher/query/dense_query.hpp"

#include <algorithm>
#include <limits>

#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/query/job_checks.hpp"

namespace talentmatch::matcher::detail {
namespace {

// The candidate's word increment for each posting code (r | w << 3 | must << 7)
// at candidate level a.
void fill_contributions(std::uint32_t a, std::uint32_t* table) {
    for (std::uint32_t r = 1; r <= 5; ++r) {
        const std::uint32_t m = std::min(a, r);
        for (std::uint32_t w = 1; w <= 10; ++w) {
            const std::uint32_t base = w * m + (m << kRelShift);
            table[r | w << 3] = base;
            table[r | w << 3 | 1u << 7] = base + (std::uint32_t(a >= r) << kMetShift);
        }
    }
}

}  // namespace

std::size_t candidate_postings(const JobKernelPlan& plan, const CandidateSet& cs, Index c) {
    std::size_t total = 0;
    for (const SkillEntry& e : cs.skills.row(c)) {
        total += plan.skill_offsets[e.skill + 1] - plan.skill_offsets[e.skill];
    }
    return total;
}

bool prefers_dense(const JobKernelPlan& plan, const CandidateSet& cs, Index c) {
    return !plan.dense_postings.empty() && double(candidate_postings(plan, cs, c)) >=
                                               kDenseMinPostingsPerJob * double(plan.jobs.size());
}

std::size_t dense_scan_scalar(const DenseScanInput& in, Index begin, Index end, float fit_threshold,
                              Index* jobs, std::uint32_t* words) {
    std::size_t n = 0;
    for (Index j = begin; j < end; ++j) {
        const std::uint32_t x = in.acc[j];
        in.acc[j] = 0;
        const std::uint32_t g = in.gate[j];
        if ((x >> kMetShift) != (g & 7u) || in.education < (g >> 4)) continue;
        const float fit = float(x & kCovMask) * float((x >> kRelShift) & kRelMask) *
                          in.inv_cov_den[j] * in.inv_level_sum;
        if (!(fit >= fit_threshold)) continue;
        jobs[n] = j;
        words[n] = x;
        ++n;
    }
    return n;
}

void dense_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                    const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                    const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                    SparseScratch& sc, DenseScan scan) {
    const JobKernelPlan& plan = snapshot.job_plan;
    const Index n = Index(plan.jobs.size());
    count = 0;
    if (!filter.candidate_ok.empty() && !filter.candidate_ok[c]) return;
    if (sc.packed.size() != n) sc.packed.assign(n, 0);
    std::uint32_t* acc = sc.packed.data();

    // 1. One table lookup and one add per posting.
    const std::span<const SkillEntry> levels = cs.skills.row(c);
    std::uint32_t table[256] = {};
    for (const SkillEntry& e : levels) {
        fill_contributions(e.level, table);
        const std::uint32_t* p = plan.dense_postings.data() + plan.skill_offsets[e.skill];
        const std::uint32_t* end = plan.dense_postings.data() + plan.skill_offsets[e.skill + 1];
        for (; p != end; ++p) acc[*p >> 8] += table[*p & 0xFFu];
    }

    // 2. One pass over all jobs; survivors of the bound are scored exactly.
    const std::span<const Index> held = cs.certificates.row(c);
    const auto districts = cs.preferred_districts.row(c);
    const auto clusters = cs.preferred_clusters.row(c);
    const std::uint32_t level_sum = cs.level_sum[c];
    DenseScanInput in;
    in.acc = acc;
    in.inv_cov_den = plan.inv_cov_den.data();
    in.gate = plan.dense_gate.data();
    in.education = cs.education[c];
    in.inv_level_sum = level_sum == 0 ? 0.0f : 1.0f / float(level_sum);
    const auto scan_fn = scan == DenseScan::kAvx512 ? dense_scan_avx512 : dense_scan_scalar;
    const double max_bonus = bonus_as_fit<double>(config.max_bonus());
    // score <= fit + max_bonus, and the float fit is within 1e-6 of the exact
    // one; a job can only enter when its score >= the worst kept score.
    float threshold = -std::numeric_limits<float>::infinity();
    float worst_floor = -std::numeric_limits<float>::infinity();  // worst kept - margin
    const PreferenceBonus bonus_for{districts, clusters, &config};
    Index jobs[kDenseChunk];
    std::uint32_t words[kDenseChunk];
    for (Index begin = 0; begin < n; begin += Index(kDenseChunk)) {
        const Index end = Index(std::min<std::size_t>(n, begin + kDenseChunk));
        const std::size_t found = scan_fn(in, begin, end, threshold, jobs, words);
        for (std::size_t i = 0; i < found; ++i) {
            const Index j = jobs[i];
            if (!filter.job_ok.empty() && !filter.job_ok[j]) continue;
            const std::uint32_t cov = words[i] & kCovMask;
            if (!cov_min_by_job.empty() && cov < cov_min_by_job[j]) continue;
            const std::uint32_t rel = (words[i] >> kRelShift) & kRelMask;
            std::int32_t bonus = 0;
            if (!plan.place.empty()) {  // the bound again, with this job's own bonus
                bonus = bonus_for(plan.place[j] & 0xFFFFu, plan.place[j] >> 16);
                const float fit = float(cov) * float(rel) * plan.inv_cov_den[j] * in.inv_level_sum;
                if (fit + bonus_as_fit<float>(bonus) < worst_floor) continue;
            } else {
                bonus = bonus_for(plan.jobs[j].district, plan.jobs[j].cluster);
            }
            if (offer_exact(plan, j, cov, rel, level_sum, bonus, levels, held, slots, count)) {
                worst_floor = float(worst_score(slots) - kPruneMargin);
                threshold = float(worst_score(slots) - max_bonus - kPruneMargin);
            }
        }
    }
}

}  // namespace talentmatch::matcher::detail
