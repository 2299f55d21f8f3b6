// The AVX-512BW kernel: 32 candidates per 512-bit register of 16-bit sums.
// Per requirement: widen the block's 32 level bytes to words, one word
// permute through the requirement's level -> contribution table, one add.
// Must-have gates are byte compares into a lane mask. Only called when the
// CPU has AVX-512F/BW (block_kernels.hpp); every function defined below the
// pragma is compiled for that ISA and has internal linkage or is the single
// entry point run_blocks_avx512.
// GCC 12's AVX-512 intrinsics use _mm512_undefined_*() internally, which
// trips a known false -Wmaybe-uninitialized (GCC bug 105593) in this TU only.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/kernels/tile_index.hpp"
#include "matcher/score/top_k_heap.hpp"

#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,avx512dq,avx2,bmi,bmi2")

#include "matcher/kernels/block_pass.hpp"

namespace talentmatch::matcher::detail {
namespace {

static_assert(kBlockSize == 32, "the AVX-512 kernel holds 32 16-bit lanes per register");

struct Avx512Kernel {
    static __m512i widen(const std::uint8_t* row) {
        return _mm512_cvtepu8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(row)));
    }
    static __m512i table(const std::uint16_t* lut) {
        return _mm512_broadcast_i32x4(_mm_loadu_si128(reinterpret_cast<const __m128i*>(lut)));
    }

    // The least of the kBlockSize floats at v (64-byte aligned, no NaN).
    static float least(const float* v) {
        return _mm512_reduce_min_ps(_mm512_min_ps(_mm512_load_ps(v), _mm512_load_ps(v + 16)));
    }

    static std::uint32_t must_gate(const JobPlan& job, const RequirementPlan* reqs,
                                   const std::uint8_t* const* row_ptr, std::uint32_t gate) {
        const RequirementPlan* r = reqs + job.req_begin;
        __mmask32 g = gate;
        for (std::uint32_t i = 0; i < job.must_count && g; ++i) {
            const __m256i lv =
                _mm256_loadu_si256(reinterpret_cast<const __m256i*>(row_ptr[r[i].skill]));
            g &= _mm256_cmpge_epu8_mask(lv, _mm256_set1_epi8(char(r[i].level)));
        }
        return g;
    }

    static void add_row(const std::uint8_t* row, const Posting* posts, std::size_t n,
                        std::uint16_t* acc) {
        const __m512i lv = widen(row);
        for (std::size_t i = 0; i < n; ++i) {
            __m512i* a =
                reinterpret_cast<__m512i*>(acc + std::size_t(posts[i].position) * kBlockSize);
            _mm512_store_si512(a,
                               _mm512_add_epi16(_mm512_load_si512(a),
                                                _mm512_permutexvar_epi16(lv, table(posts[i].lut))));
        }
    }

    // Writes the positions i < n where a lane of `lanes` may pass the
    // education gate and finish's score test (every wide position with such
    // a lane): finish's own float operations, so no lane it keeps is missed.
    // Copies the m-th such position's sums to reached[m·kBlockSize] and
    // leaves acc[0, n·kBlockSize) zero for the next block.
    static std::size_t positions_reaching(std::uint16_t* acc, std::uint16_t* reached,
                                          const JobPlan* plans, const float* jfloor, std::size_t n,
                                          std::uint32_t lanes, const BlockScratch& scratch,
                                          const float* cfloor, const float* inv_a,
                                          float district_bonus, float cluster_bonus,
                                          std::uint16_t* out) {
        const __m512 cf_lo = _mm512_load_ps(cfloor), cf_hi = _mm512_load_ps(cfloor + 16);
        const __m512 ia_lo = _mm512_load_ps(inv_a), ia_hi = _mm512_load_ps(inv_a + 16);
        const __m512 db = _mm512_set1_ps(district_bonus), cb = _mm512_set1_ps(cluster_bonus);
        const __m512i low10 = _mm512_set1_epi16(0x3FF);
        std::size_t m = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const JobPlan& job = plans[i];
            const std::uint32_t gate = lanes & scratch.edu_at_least[job.min_education];
            const __m512i a = _mm512_load_si512(acc + i * kBlockSize);
            _mm512_store_si512(acc + i * kBlockSize, _mm512_setzero_si512());
            _mm512_store_si512(reached + m * kBlockSize, a);
            out[m] = std::uint16_t(i);
            if (!job.packed || gate == 0) {
                m += gate != 0;
                continue;
            }
            // cov (10 bits) x rel (6 bits) < 2^16: exact in 16-bit lanes.
            const __m512i prod =
                _mm512_mullo_epi16(_mm512_and_si512(a, low10), _mm512_srli_epi16(a, 10));
            const __m512 inv_den = _mm512_set1_ps(job.inv_cov_den);
            const __m512 jf = _mm512_set1_ps(jfloor[i]);
            const std::uint32_t dl = scratch.district_mask[job.district];
            const std::uint32_t cl = scratch.cluster_mask[job.cluster];
            const __m512 fit_lo = _mm512_mul_ps(
                _mm512_mul_ps(
                    _mm512_cvtepi32_ps(_mm512_cvtepu16_epi32(_mm512_castsi512_si256(prod))),
                    inv_den),
                ia_lo);
            const __m512 fit_hi = _mm512_mul_ps(
                _mm512_mul_ps(
                    _mm512_cvtepi32_ps(_mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(prod, 1))),
                    inv_den),
                ia_hi);
            const __m512 bonus_lo = _mm512_add_ps(_mm512_maskz_mov_ps(__mmask16(dl), db),
                                                  _mm512_maskz_mov_ps(__mmask16(cl), cb));
            const __m512 bonus_hi = _mm512_add_ps(_mm512_maskz_mov_ps(__mmask16(dl >> 16), db),
                                                  _mm512_maskz_mov_ps(__mmask16(cl >> 16), cb));
            const __mmask16 lo = _mm512_cmp_ps_mask(_mm512_add_ps(fit_lo, bonus_lo),
                                                    _mm512_min_ps(cf_lo, jf), _CMP_GE_OQ);
            const __mmask16 hi = _mm512_cmp_ps_mask(_mm512_add_ps(fit_hi, bonus_hi),
                                                    _mm512_min_ps(cf_hi, jf), _CMP_GE_OQ);
            m += ((std::uint32_t(lo) | (std::uint32_t(hi) << 16)) & gate) != 0;
        }
        return m;
    }

    static LaneSurvivors finish(const JobPlan& job, __m512i acc_a, __m512i acc_b,
                                std::uint32_t gate, std::uint16_t cov_min, std::uint16_t* cov,
                                std::uint16_t* rel, const float* cfloor, const float* inv_a,
                                const LaneBonus& bonus, float jfloor) {
        if (job.packed) {
            acc_b = _mm512_srli_epi16(acc_a, 10);
            acc_a = _mm512_and_si512(acc_a, _mm512_set1_epi16(0x3FF));
        }
        __mmask32 g = gate;
        g &= _mm512_cmpge_epu16_mask(acc_a, _mm512_set1_epi16(short(cov_min)));
        if (g == 0) return {};
        _mm512_store_si512(cov, acc_a);
        _mm512_store_si512(rel, acc_b);
        const __m512 inv_den = _mm512_set1_ps(job.inv_cov_den);
        const __m512 jf = _mm512_set1_ps(jfloor);
        const __m512 db = _mm512_set1_ps(bonus.district_bonus);
        const __m512 cb = _mm512_set1_ps(bonus.cluster_bonus);
        LaneSurvivors survivors;
        for (int half = 0; half < 2; ++half) {
            const __m256i c16 =
                half == 0 ? _mm512_castsi512_si256(acc_a) : _mm512_extracti64x4_epi64(acc_a, 1);
            const __m256i r16 =
                half == 0 ? _mm512_castsi512_si256(acc_b) : _mm512_extracti64x4_epi64(acc_b, 1);
            const __m512i prod =
                _mm512_mullo_epi32(_mm512_cvtepu16_epi32(c16), _mm512_cvtepu16_epi32(r16));
            const __m512 fit = _mm512_mul_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(prod), inv_den),
                                             _mm512_load_ps(inv_a + 16 * half));
            const __mmask16 dm = __mmask16(bonus.district_lanes >> (16 * half));
            const __mmask16 cm = __mmask16(bonus.cluster_lanes >> (16 * half));
            const __m512 score = _mm512_add_ps(
                fit, _mm512_add_ps(_mm512_maskz_mov_ps(dm, db), _mm512_maskz_mov_ps(cm, cb)));
            const __mmask16 to_candidate =
                _mm512_cmp_ps_mask(score, _mm512_load_ps(cfloor + 16 * half), _CMP_GE_OQ);
            const __mmask16 to_job = _mm512_cmp_ps_mask(score, jf, _CMP_GE_OQ);
            survivors.candidate |= std::uint32_t(to_candidate) << (16 * half);
            survivors.job |= std::uint32_t(to_job) << (16 * half);
        }
        survivors.candidate &= g;
        survivors.job &= g;
        return survivors;
    }

    static LaneSurvivors finish_packed(const JobPlan& job, const std::uint16_t* acc,
                                       std::uint32_t gate, std::uint16_t cov_min,
                                       std::uint16_t min_rel, std::uint16_t* cov,
                                       std::uint16_t* rel, const float* cfloor, const float* inv_a,
                                       const LaneBonus& bonus, float jfloor) {
        const __m512i a = _mm512_load_si512(acc);
        // rel = a >> 10 >= min_rel  <=>  a >= min_rel << 10 (cov < 1024).
        gate &= _mm512_cmpge_epu16_mask(a, _mm512_set1_epi16(short(min_rel << 10)));
        if (gate == 0) return {};
        return finish(job, a, _mm512_setzero_si512(), gate, cov_min, cov, rel, cfloor, inv_a, bonus,
                      jfloor);
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
        __m512i acc_a = _mm512_setzero_si512();
        __m512i acc_b = _mm512_setzero_si512();
        if (job.packed) {
            for (std::uint32_t i = 0; i < n; ++i) {
                acc_a = _mm512_add_epi16(
                    acc_a, _mm512_permutexvar_epi16(widen(row_ptr[r[i].skill]), table(r[i].lut_a)));
            }
        } else {
            for (std::uint32_t i = 0; i < n; ++i) {
                const __m512i lv = widen(row_ptr[r[i].skill]);
                acc_a = _mm512_add_epi16(acc_a, _mm512_permutexvar_epi16(lv, table(r[i].lut_a)));
                acc_b = _mm512_add_epi16(acc_b, _mm512_permutexvar_epi16(lv, table(r[i].lut_b)));
            }
        }
        return finish(job, acc_a, acc_b, gate, cov_min, cov, rel, cfloor, inv_a, bonus, jfloor);
    }
};

}  // namespace

void run_blocks_avx512(const PassInput& in, std::span<const Index> blocks, JobCollector& jc,
                       BlockScratch& scratch) {
    run_blocks<Avx512Kernel>(in, blocks, jc, scratch);
}

}  // namespace talentmatch::matcher::detail

#pragma GCC pop_options
