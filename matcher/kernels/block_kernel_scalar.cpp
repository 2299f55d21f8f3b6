// The portable kernel: plain loops over the kBlockSize lanes.
#include <algorithm>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/block_pass.hpp"
#include "matcher/score/invalid_argument.hpp"

namespace talentmatch::matcher::detail {
namespace {

struct ScalarKernel {
    static float least(const float* v) { return *std::min_element(v, v + kBlockSize); }

    static std::uint32_t must_gate(const JobPlan& job, const RequirementPlan* reqs,
                                   const std::uint8_t* const* row_ptr, std::uint32_t gate) {
        const RequirementPlan* r = reqs + job.req_begin;
        for (std::uint32_t i = 0; i < job.must_count && gate; ++i) {
            const std::uint8_t* row = row_ptr[r[i].skill];
            for (unsigned l = 0; l < kBlockSize; ++l) {
                if (row[l] < r[i].level) gate &= ~(1u << l);
            }
        }
        return gate;
    }

    static void add_row(const std::uint8_t* row, const Posting* posts, std::size_t n,
                        std::uint16_t* acc) {
        for (std::size_t i = 0; i < n; ++i) {
            std::uint16_t* a = acc + std::size_t(posts[i].position) * kBlockSize;
            for (unsigned l = 0; l < kBlockSize; ++l) {
                a[l] = std::uint16_t(a[l] + posts[i].lut[row[l]]);
            }
        }
    }

    static std::size_t positions_reaching(std::uint16_t* acc, std::uint16_t* reached,
                                          const JobPlan* plans, const float* jfloor, std::size_t n,
                                          std::uint32_t lanes, const BlockScratch& scratch,
                                          const float* cfloor, const float* inv_a,
                                          float district_bonus, float cluster_bonus,
                                          std::uint16_t* out) {
        std::size_t m = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const JobPlan& job = plans[i];
            const std::uint32_t gate = lanes & scratch.edu_at_least[job.min_education];
            bool hit = gate != 0 && !job.packed;
            for (unsigned l = 0; l < kBlockSize && job.packed && !hit; ++l) {
                if (!((gate >> l) & 1u)) continue;
                const std::uint16_t a = acc[i * kBlockSize + l];
                const float fit = float(std::uint32_t(a & 0x3FF) * std::uint32_t(a >> 10)) *
                                  job.inv_cov_den * inv_a[l];
                const float bonus =
                    (((scratch.district_mask[job.district] >> l) & 1u) ? district_bonus : 0.0f) +
                    (((scratch.cluster_mask[job.cluster] >> l) & 1u) ? cluster_bonus : 0.0f);
                hit = fit + bonus >= std::min(cfloor[l], jfloor[i]);
            }
            if (hit) {
                std::copy_n(acc + i * kBlockSize, kBlockSize, reached + m * kBlockSize);
                out[m++] = std::uint16_t(i);
            }
            std::fill_n(acc + i * kBlockSize, kBlockSize, std::uint16_t{0});
        }
        return m;
    }

    // Splits the sums, applies the coverage minimum and the pruning test.
    static LaneSurvivors finish(const JobPlan& job, const std::uint16_t* a, const std::uint16_t* b,
                                std::uint32_t gate, std::uint16_t cov_min, std::uint16_t* cov,
                                std::uint16_t* rel, const float* cfloor, const float* inv_a,
                                const LaneBonus& bonus, float jfloor) {
        LaneSurvivors survivors;
        for (unsigned l = 0; l < kBlockSize; ++l) {
            cov[l] = job.packed ? std::uint16_t(a[l] & 0x3FF) : a[l];
            rel[l] = job.packed ? std::uint16_t(a[l] >> 10) : b[l];
            if (!((gate >> l) & 1u) || cov[l] < cov_min) continue;
            const float fit = float(std::uint32_t(cov[l]) * rel[l]) * job.inv_cov_den * inv_a[l];
            const float score = fit +
                                (((bonus.district_lanes >> l) & 1u) ? bonus.district_bonus : 0.0f) +
                                (((bonus.cluster_lanes >> l) & 1u) ? bonus.cluster_bonus : 0.0f);
            if (score >= cfloor[l]) survivors.candidate |= 1u << l;
            if (score >= jfloor) survivors.job |= 1u << l;
        }
        return survivors;
    }

    static LaneSurvivors finish_packed(const JobPlan& job, const std::uint16_t* acc,
                                       std::uint32_t gate, std::uint16_t cov_min,
                                       std::uint16_t min_rel, std::uint16_t* cov,
                                       std::uint16_t* rel, const float* cfloor, const float* inv_a,
                                       const LaneBonus& bonus, float jfloor) {
        for (unsigned l = 0; l < kBlockSize; ++l) {
            if ((acc[l] >> 10) < min_rel) gate &= ~(1u << l);
        }
        if (gate == 0) return {};
        return finish(job, acc, nullptr, gate, cov_min, cov, rel, cfloor, inv_a, bonus, jfloor);
    }

    static LaneSurvivors score_job(const JobPlan& job, const RequirementPlan* reqs,
                                   const std::uint8_t* const* row_ptr, std::uint32_t gate,
                                   std::uint16_t cov_min, std::uint16_t* cov, std::uint16_t* rel,
                                   const float* cfloor, const float* inv_a, const LaneBonus& bonus,
                                   float jfloor) {
        gate = must_gate(job, reqs, row_ptr, gate);
        if (gate == 0) return {};
        const RequirementPlan* r = reqs + job.req_begin;
        const std::uint32_t n = job.req_end - job.req_begin;
        std::uint16_t a[kBlockSize] = {};
        std::uint16_t b[kBlockSize] = {};
        for (std::uint32_t i = 0; i < n; ++i) {
            const std::uint8_t* row = row_ptr[r[i].skill];
            for (unsigned l = 0; l < kBlockSize; ++l) {
                a[l] = std::uint16_t(a[l] + r[i].lut_a[row[l]]);
                b[l] = std::uint16_t(b[l] + r[i].lut_b[row[l]]);
            }
        }
        return finish(job, a, b, gate, cov_min, cov, rel, cfloor, inv_a, bonus, jfloor);
    }
};

}  // namespace

void run_blocks_scalar(const PassInput& in, std::span<const Index> blocks, JobCollector& jc,
                       BlockScratch& scratch) {
    run_blocks<ScalarKernel>(in, blocks, jc, scratch);
}

bool cpu_has_avx512bw() {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
}

bool cpu_has_avx512vbmi() {
    __builtin_cpu_init();
    return cpu_has_avx512bw() && __builtin_cpu_supports("avx512vbmi");
}

BlockPassFn select_block_pass(Kernel kernel) {
    switch (kernel) {
        case Kernel::kScalar:
            return run_blocks_scalar;
        case Kernel::kAvx512:
            if (!cpu_has_avx512bw()) {
                throw_invalid("options.kernel", "avx512 requested but this CPU lacks AVX-512BW");
            }
            return run_blocks_avx512;
        case Kernel::kAuto:
            break;
    }
    return cpu_has_avx512bw() ? run_blocks_avx512 : run_blocks_scalar;
}

}  // namespace talentmatch::matcher::detail
