// The AVX-512 scan step of the dense regime (dense_query.hpp): 16 jobs per
// iteration. Compiled for AVX-512F/VL/BW in this translation unit only; called
// only when the CPU reports AVX-512BW (block_kernels.hpp, cpu_has_avx512bw).
// GCC 12's AVX-512 intrinsics use _mm512_undefined_*() internally, which
// trips a known false -Wmaybe-uninitialized (GCC bug 105593) in this TU only.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include "matcher/query/dense_query.hpp"

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw")

namespace talentmatch::matcher::detail {

std::size_t dense_scan_avx512(const DenseScanInput& in, Index begin, Index end, float fit_threshold,
                              Index* jobs, std::uint32_t* words) {
    std::size_t n = 0;
    const __m512i cov_mask = _mm512_set1_epi32(0xFFFF);
    const __m512i rel_mask = _mm512_set1_epi32(0x1FFF);
    const __m512i seven = _mm512_set1_epi32(7);
    const __m512i education = _mm512_set1_epi32(int(in.education));
    const __m512 inv_a = _mm512_set1_ps(in.inv_level_sum);
    const __m512 threshold = _mm512_set1_ps(fit_threshold);
    const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    Index j = begin;
    for (; j + 16 <= end; j += 16) {
        const __m512i x = _mm512_loadu_si512(in.acc + j);
        _mm512_storeu_si512(in.acc + j, _mm512_setzero_si512());
        const __m512i gate =
            _mm512_cvtepu8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(in.gate + j)));
        __mmask16 keep =
            _mm512_cmpeq_epi32_mask(_mm512_srli_epi32(x, 29), _mm512_and_si512(gate, seven));
        keep &= _mm512_cmple_epu32_mask(_mm512_srli_epi32(gate, 4), education);
        const __m512 cov = _mm512_cvtepi32_ps(_mm512_and_si512(x, cov_mask));
        const __m512 rel = _mm512_cvtepi32_ps(_mm512_and_si512(_mm512_srli_epi32(x, 16), rel_mask));
        const __m512 fit = _mm512_mul_ps(
            _mm512_mul_ps(_mm512_mul_ps(cov, rel), _mm512_loadu_ps(in.inv_cov_den + j)), inv_a);
        keep &= _mm512_cmp_ps_mask(fit, threshold, _CMP_GE_OQ);
        if (keep == 0) continue;
        const __m512i index = _mm512_add_epi32(_mm512_set1_epi32(int(j)), lane);
        _mm512_mask_compressstoreu_epi32(jobs + n, keep, index);
        _mm512_mask_compressstoreu_epi32(words + n, keep, x);
        n += std::size_t(__builtin_popcount(keep));
    }
    if (j < end) n += dense_scan_scalar(in, j, end, fit_threshold, jobs + n, words + n);
    return n;
}

}  // namespace talentmatch::matcher::detail

#pragma GCC pop_options
