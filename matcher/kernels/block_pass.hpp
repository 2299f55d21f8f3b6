#pragma once
// The batch engine's inner pass: candidate blocks × a list of jobs, scoring
// kBlockSize candidates per (job, requirement) step, feeding per-candidate and
// per-job top-k heaps. Shared by every kernel; a kernel supplies only the
// lane-parallel steps (add_row, positions_reaching, finish_packed, must_gate,
// score_job: sums, gates and the pruning test over one block; least: the
// block's least candidate floor).
//
// Loop order: blocks of a task × job tiles of kJobTile jobs (the tile's
// requirement plans stay in L2 while every block of the task streams over
// them); a block's skill -> row table is rebuilt per tile (cheap: one entry
// per row).
//
// Large-batch regime (a TileIndex): the block's rows are first added into
// every tile position's packed sums at once (Kernel::add_row), then one pass
// over the tile (Kernel::positions_reaching) applies the education gate and
// the pruning test's own float operations to the sums, with the floors as
// they stand at the block's start; only the positions where some lane may
// pass (about 1 in 9 on the province shape) take the per-job path below,
// which applies every gate and the test again with the current floors. That
// pass also copies the reaching positions' sums aside and zeroes the tile's
// sums for the next block (one pass over them instead of two).
//
// Exactness: the kernels compute the integer sums cov_num and rel_num exactly;
// the float test only PRUNES pairs that provably cannot enter a heap (margin
// kPruneMargin on scores <= 2), and every survivor is compared exactly.
//
// Writes: the task owns its blocks' candidate heaps (disjoint slots) and its
// own JobCollector; nothing shared is written.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/score/preference_bonus.hpp"
#include "matcher/score/top_k_heap.hpp"

namespace talentmatch::matcher::detail {

// The least rel_num a lane with level sum >= a_min needs to score at least
// `floor`: fit <= rel_num / A (coverage <= 1) and bonus <= max_bonus. Capped
// at 63, the packed field's top (job_kernel_plan.hpp); 0 when nothing prunes.
inline std::uint16_t min_packed_rel(float floor, double max_bonus, std::uint32_t a_min) {
    const double bound = (double(floor) - max_bonus) * double(a_min) - 1e-3;
    return bound > 0 ? std::uint16_t(std::min(bound, 63.0)) : std::uint16_t{0};
}

static_assert(kJobTile <= 65536, "tile positions are 16-bit");

template <typename Kernel>
void run_blocks(const PassInput& in, std::span<const Index> blocks, JobCollector& jc,
                BlockScratch& scratch) {
    const CandidateSet& cs = *in.candidates;
    const JobKernelPlan& plan = in.snapshot->job_plan;
    const ScoreConfig& cfg = *in.config;
    const float district_bonus = bonus_as_fit<float>(cfg.district_bonus);
    const float cluster_bonus = bonus_as_fit<float>(cfg.cluster_bonus);
    const double max_bonus = bonus_as_fit<double>(cfg.max_bonus());
    const float neg_inf = -std::numeric_limits<float>::infinity();
    const float pos_inf = std::numeric_limits<float>::infinity();
    alignas(64) float cfloor[kBlockSize];
    alignas(64) float inv_a[kBlockSize];
    alignas(64) std::uint16_t cov[kBlockSize];
    alignas(64) std::uint16_t rel[kBlockSize];
    scratch.prepare(*in.snapshot);
    std::uint16_t* tile_acc = scratch.tile_acc.data();  // zero between blocks
    std::uint16_t* reached_sums = scratch.reached_sums.data();

    const std::size_t positions = in.job_list.size();
    for (std::size_t tile = 0; tile < positions; tile += kJobTile) {
        const std::size_t tile_end = std::min(positions, tile + kJobTile);
        for (Index b : blocks) {
            const std::uint32_t lanes = in.lane_mask(b);
            if (lanes == 0) continue;
            scratch.load_block(cs, b, lanes);
            const Index first = Index(b * kBlockSize);
            if (in.tiles != nullptr) {
                // Sparse × sparse: each of the block's rows meets the tile's
                // requirements on that skill.
                const std::size_t tile_no = tile / kJobTile;
                const BlockLayout::Block rows = cs.blocks.block(b);
                for (std::size_t r = 0; r < rows.rows(); ++r) {
                    const auto posts = in.tiles->postings_of(tile_no, rows.skills[r]);
                    if (posts.empty()) continue;
                    Kernel::add_row(rows.levels_of(r), posts.data(), posts.size(), tile_acc);
                }
            }
            auto refresh_floor = [&](unsigned l) {
                const Index c = first + l;
                if (in.k_jobs == 0) {
                    cfloor[l] = pos_inf;
                    return;
                }
                const Index row = in.row(c);
                std::span<const HeapEntry> slots(in.candidate_slots + row * in.k_jobs, in.k_jobs);
                cfloor[l] = in.candidate_counts[row] < in.k_jobs
                                ? neg_inf
                                : float(worst_score(slots) - kPruneMargin);
            };
            // Block-level bound (large-batch regime): a lane survives only if
            // score >= min(cfloor_l, jfloor) =: F, and score <= rel/A + max_bonus,
            // so lanes with rel < (F - max_bonus)·A_min are pruned before any
            // float work. a_min is a block constant; min_cfloor follows the
            // lanes' floors as they rise.
            std::uint32_t a_min = 0xFFFF'FFFFu;
            for (unsigned l = 0; l < kBlockSize; ++l) {
                const bool live = (lanes >> l) & 1u;
                inv_a[l] = live && cs.level_sum[first + l] > 0
                               ? 1.0f / float(cs.level_sum[first + l])
                               : 0.0f;
                cfloor[l] = pos_inf;
                if (live) {
                    refresh_floor(l);
                    a_min = std::min(a_min, cs.level_sum[first + l]);
                }
            }
            // Lanes outside `lanes` keep cfloor +inf, so the least over all
            // kBlockSize lanes is the live lanes' least.
            float min_cfloor = Kernel::least(cfloor);
            // Large-batch regime: one pass over the tile's sums keeps only the
            // positions where some lane may pass the pruning test (wide jobs
            // always). Floors only rise, so the floors at the block's start
            // never drop a pair the per-job test below would keep.
            std::size_t visits = tile_end - tile;
            const std::uint16_t* reaching = nullptr;
            if (in.tiles != nullptr) {
                visits = Kernel::positions_reaching(
                    tile_acc, reached_sums, in.tiles->plans.data() + tile, jc.floor.data() + tile,
                    visits, lanes, scratch, cfloor, inv_a, district_bonus, cluster_bonus,
                    scratch.tile_reaching.data());
                reaching = scratch.tile_reaching.data();
            }
            for (std::size_t v = 0; v < visits; ++v) {
                const std::size_t p = tile + (reaching != nullptr ? reaching[v] : v);
                // The tile index holds the plans in position order (read just
                // above by positions_reaching); else the snapshot's, by job.
                const JobPlan& job =
                    in.tiles != nullptr ? in.tiles->plans[p] : plan.jobs[in.job_list[p]];
                std::uint32_t gate = lanes & scratch.edu_at_least[job.min_education];
                for (std::uint32_t i = job.cert_begin; i < job.cert_end && gate; ++i) {
                    gate &= scratch.cert_mask[plan.certs[i]];
                }
                if (gate == 0) continue;
                const std::uint16_t cov_min = in.cov_min.empty() ? 0 : in.cov_min[p];
                const std::uint32_t district_lanes = scratch.district_mask[job.district];
                const std::uint32_t cluster_lanes = scratch.cluster_mask[job.cluster];
                const LaneBonus bonus{district_lanes, cluster_lanes, district_bonus, cluster_bonus};
                LaneSurvivors survivors;
                if (in.tiles != nullptr && job.packed) {
                    const std::uint16_t min_rel =
                        min_packed_rel(std::min(min_cfloor, jc.floor[p]), max_bonus, a_min);
                    survivors =
                        Kernel::finish_packed(job, reached_sums + v * kBlockSize, gate, cov_min,
                                              min_rel, cov, rel, cfloor, inv_a, bonus, jc.floor[p]);
                    // The must-have gate last, on the few lanes the test kept:
                    // it reads the job's requirements, which are not in cache.
                    const std::uint32_t kept = survivors.candidate | survivors.job;
                    if (kept == 0) continue;
                    const std::uint32_t eligible =
                        Kernel::must_gate(job, plan.reqs.data(), scratch.row_ptr.data(), kept);
                    survivors.candidate &= eligible;
                    survivors.job &= eligible;
                } else {
                    survivors =
                        Kernel::score_job(job, plan.reqs.data(), scratch.row_ptr.data(), gate,
                                          cov_min, cov, rel, cfloor, inv_a, bonus, jc.floor[p]);
                }
                std::uint32_t lanes_left = survivors.candidate | survivors.job;
                while (lanes_left) {
                    const unsigned l = unsigned(__builtin_ctz(lanes_left));
                    lanes_left &= lanes_left - 1;
                    const Index c = first + l;
                    PairScore s;
                    s.cov_num = cov[l];
                    s.cov_den = job.cov_den;
                    s.rel_num = rel[l];
                    s.rel_den = cs.level_sum[c];
                    s.bonus = preference_bonus(cfg, ((district_lanes >> l) & 1u) != 0,
                                               ((cluster_lanes >> l) & 1u) != 0);
                    const bool above_floor = in.pair_floor.empty() ||
                                             compare(ExactScore{s.ranking_num(), s.ranking_den()},
                                                     in.pair_floor[p]) >= 0;
                    if (in.k_jobs != 0 && above_floor && ((survivors.candidate >> l) & 1u)) {
                        const Index row = in.row(c);
                        std::span<HeapEntry> slots(in.candidate_slots + row * in.k_jobs, in.k_jobs);
                        if (offer(slots, in.candidate_counts[row], make_entry(s, job.job))) {
                            // Floors only rise: the minimum moves only when
                            // this lane held it.
                            const float before = cfloor[l];
                            refresh_floor(l);
                            if (before <= min_cfloor) min_cfloor = Kernel::least(cfloor);
                        }
                    }
                    if (in.k_candidates != 0 && ((survivors.job >> l) & 1u) &&
                        (in.listed.empty() || in.listed[c])) {
                        jc.offer(p, make_entry(s, c));
                    }
                    if (!in.pair_floor.empty() && in.k_jobs == 0 && above_floor) {
                        jc.found.push_back({in.row(c), job.job, s});
                    }
                }
            }
            scratch.unload_block(cs, b);
        }
    }
}

}  // namespace talentmatch::matcher::detail
