#include "matcher/query/must_key_query.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/query/dense_query.hpp"
#include "matcher/query/job_checks.hpp"

namespace talentmatch::matcher::detail {
namespace {

// word[a << 8 | code]: the packed increment of one requirement (code = r |
// w << 3 | must << 7) for a candidate at level a (0..5): w·m | m << 16 |
// (must met) << 29, m = min(a, r). The same word as the dense regime's.
const std::array<std::uint32_t, 6 * 256>& contribution_table() {
    static const std::array<std::uint32_t, 6 * 256> table = [] {
        std::array<std::uint32_t, 6 * 256> t{};
        for (std::uint32_t a = 0; a <= 5; ++a) {
            for (std::uint32_t code = 0; code < 256; ++code) {
                const std::uint32_t r = code & 7u;
                const std::uint32_t w = (code >> 3) & 15u;
                const bool must = (code >> 7) != 0;
                const std::uint32_t m = std::min(a, r);
                t[a << 8 | code] = w * m + (m << kRelShift) +
                                   (std::uint32_t(must && a >= r && r >= 1) << kMetShift);
            }
        }
        return t;
    }();
    return table;
}

// The records keyed on e.skill at level <= e.level.
std::pair<std::uint32_t, std::uint32_t> key_range(const JobKernelPlan& plan, const SkillEntry& e) {
    const std::size_t base = 5 * std::size_t(e.skill);
    return {plan.must_key_offsets[base],
            plan.must_key_offsets[base + std::min<std::uint32_t>(e.level, 5)]};
}

// The records of the jobs without a must-have.
std::pair<std::uint32_t, std::uint32_t> free_range(const JobKernelPlan& plan) {
    const std::size_t last = plan.must_key_offsets.size() - 1;
    return {plan.must_key_offsets[last - 1], plan.must_key_offsets[last]};
}

}  // namespace

std::size_t must_key_step_scalar(const MustKeyInput& in, const JobKernelPlan& plan,
                                 std::uint32_t first, std::uint32_t end, float fit_threshold,
                                 std::vector<std::uint32_t>& /*prefix*/, RecordHits& hits) {
    const std::uint32_t* table = contribution_table().data();
    const std::uint32_t* lanes = plan.must_key_lanes.data();
    std::size_t kept = 0;
    for (std::uint32_t i = first; i < end; ++i) {
        const MustKeyRecord& record = plan.must_key_records[i];
        std::uint32_t word = 0;
        for (std::uint32_t l = lane_begin(plan, i); l < record.lane_end; ++l) {
            word += table[in.levels[lanes[l] >> 8] << 8 | (lanes[l] & 0xFFu)];
        }
        hits.record[kept] = i;
        hits.word[kept] = word;
        kept += record_may_enter(in, record, word, fit_threshold);
    }
    return kept;
}

std::size_t must_key_visits(const JobKernelPlan& plan, const CandidateSet& cs, Index c) {
    if (plan.must_key_offsets.empty()) return 0;
    const auto [free_begin, free_end] = free_range(plan);
    std::size_t visits = free_end - free_begin;
    for (const SkillEntry& e : cs.skills.row(c)) {
        const auto [begin, end] = key_range(plan, e);
        visits += end - begin;
    }
    return visits;
}

bool prefers_must_key(const JobKernelPlan& plan, const CandidateSet& cs, Index c, DenseScan scan) {
    if (plan.must_key_offsets.empty()) return false;
    // Costs in dense postings (~1.2 cycles each; its scan ~1 per job). A
    // record costs ~15 (AVX-512: ~11-20 cycles, measured on 100,000 demo
    // jobs) or ~40 (scalar: a dependent table lookup per requirement).
    const std::size_t visits = must_key_visits(plan, cs, c);
    const std::size_t dense = candidate_postings(plan, cs, c) + plan.jobs.size();
    return visits * (scan == DenseScan::kAvx512 ? 15 : 40) < dense;
}

void must_key_top_jobs(const Snapshot& snapshot, const CandidateSet& cs, Index c,
                       const ResolvedFilter& filter, std::span<const std::uint16_t> cov_min_by_job,
                       const ScoreConfig& config, std::span<HeapEntry> slots, std::uint32_t& count,
                       SparseScratch& sc, DenseScan scan) {
    const JobKernelPlan& plan = snapshot.job_plan;
    count = 0;
    if (!filter.candidate_ok.empty() && !filter.candidate_ok[c]) return;
    const std::size_t skills = snapshot.skills.size();
    if (sc.levels.size() != skills) sc.levels.assign(skills, 0);
    if (sc.levels8.size() != 512) sc.levels8.assign(512, 0);
    const bool small_taxonomy = skills <= 512 && scan == DenseScan::kAvx512 && cpu_has_avx512vbmi();
    const std::span<const SkillEntry> levels = cs.skills.row(c);
    for (const SkillEntry& e : levels) {
        sc.levels[e.skill] = std::min<std::uint32_t>(e.level, 5);
        if (small_taxonomy) sc.levels8[e.skill] = std::uint8_t(sc.levels[e.skill]);
    }

    MustKeyInput in;
    in.levels = sc.levels.data();
    in.levels8 = small_taxonomy ? sc.levels8.data() : nullptr;
    in.education = cs.education[c];
    const auto step = scan == DenseScan::kAvx512 ? must_key_step_avx512 : must_key_step_scalar;
    const std::span<const Index> held = cs.certificates.row(c);
    const auto districts = cs.preferred_districts.row(c);
    const auto clusters = cs.preferred_clusters.row(c);
    const std::uint32_t level_sum = cs.level_sum[c];
    in.inv_level_sum = level_sum == 0 ? 0.0f : 1.0f / float(level_sum);
    const double max_bonus = bonus_as_fit<double>(config.max_bonus());
    // As in the dense regime: score <= fit + max_bonus, the float fit is
    // within 1e-6 of the exact one, and a job enters only with a score >= the
    // worst kept one.
    float threshold = -std::numeric_limits<float>::infinity();
    float worst_floor = -std::numeric_limits<float>::infinity();  // worst kept - margin
    const PreferenceBonus bonus_for{districts, clusters, &config};

    // Scores records [begin, end): gates and the bound from the
    // record alone (the kernel step), then the bound with the job's own
    // bonus; only possible entrants read their JobPlan.
    auto score_records = [&](std::uint32_t begin, std::uint32_t end) {
        RecordHits hits;
        for (std::uint32_t first = begin; first < end; first += std::uint32_t(kMustKeyChunk)) {
            const std::uint32_t last =
                std::min<std::uint32_t>(end, first + std::uint32_t(kMustKeyChunk));
            const std::size_t kept = step(in, plan, first, last, threshold, sc.prefix, hits);
            for (std::size_t i = 0; i < kept; ++i) {
                const MustKeyRecord& record = plan.must_key_records[hits.record[i]];
                const std::uint32_t word = hits.word[i];
                const Index j = record.job;
                if (!filter.job_ok.empty() && !filter.job_ok[j]) continue;
                const std::uint32_t cov = word & kCovMask;
                if (!cov_min_by_job.empty() && cov < cov_min_by_job[j]) continue;
                const std::uint32_t rel = (word >> kRelShift) & kRelMask;
                std::int32_t bonus = 0;
                if (record.place != kNoPlace) {  // the bound again, with this job's own bonus
                    bonus = bonus_for(record.place & 0xFFFFu, record.place >> 16);
                    const float fit =
                        float(cov) * float(rel) * record.inv_cov_den * in.inv_level_sum;
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
    };
    for (const SkillEntry& e : levels) {
        const auto [begin, end] = key_range(plan, e);
        score_records(begin, end);
    }
    const auto [free_begin, free_end] = free_range(plan);
    score_records(free_begin, free_end);
    for (const SkillEntry& e : levels) {
        sc.levels[e.skill] = 0;
        if (small_taxonomy) sc.levels8[e.skill] = 0;
    }
}

}  // namespace talentmatch::matcher::detail
