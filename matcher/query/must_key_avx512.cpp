// The AVX-512 scoring step of the must-key regime (must_key_query.hpp).
// The chunk's requirement words are scored 16 lanes at a time with no
// padding and no branch per job: each lane's packed increment, an in-register
// prefix sum carried across steps, stored; a record's word is then the
// difference of the prefix sums at its two ends (exact mod 2^32, like the
// sum itself). Compiled for AVX-512F/VL/BW/VBMI in this translation unit
// only; called only when the CPU reports AVX-512BW (block_kernels.hpp,
// cpu_has_avx512bw), and the permute path only with AVX-512 VBMI. GCC 12's
// AVX-512 intrinsics trip a known false -Wmaybe-uninitialized (GCC bug
// 105593) in this TU only.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>

#include <optional>

#include "matcher/query/must_key_query.hpp"

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw,avx512vbmi")

namespace talentmatch::matcher::detail {
namespace {

// A candidate's 512 level bytes in eight registers.
struct LevelBytes {
    __m512i t[8];
    explicit LevelBytes(const std::uint8_t* levels8) {
        for (int i = 0; i < 8; ++i) t[i] = _mm512_loadu_si512(levels8 + 64 * i);
    }
};

// Levels of the 16 lanes' skills (x >> 8), by gather or, for taxonomies of
// at most 512 skills, by byte permutes of the level bytes in registers: each
// permute looks up 128 bytes by index bits 0-6; bits 7 and 8 pick the table.
template <bool kPermute>
__m512i lane_levels(__m512i x, __mmask16 live, const MustKeyInput& in, const LevelBytes* bytes) {
    const __m512i skill = _mm512_srli_epi32(x, 8);
    if constexpr (kPermute) {
        const __m512i* t = bytes->t;
        const __m512i q0 = _mm512_permutex2var_epi8(t[0], skill, t[1]);
        const __m512i q1 = _mm512_permutex2var_epi8(t[2], skill, t[3]);
        const __m512i q2 = _mm512_permutex2var_epi8(t[4], skill, t[5]);
        const __m512i q3 = _mm512_permutex2var_epi8(t[6], skill, t[7]);
        const __mmask16 bit7 = _mm512_test_epi32_mask(skill, _mm512_set1_epi32(1 << 7));
        const __mmask16 bit8 = _mm512_test_epi32_mask(skill, _mm512_set1_epi32(1 << 8));
        const __m512i low = _mm512_mask_blend_epi32(bit7, q0, q1);
        const __m512i high = _mm512_mask_blend_epi32(bit7, q2, q3);
        return _mm512_maskz_and_epi32(live, _mm512_mask_blend_epi32(bit8, low, high),
                                      _mm512_set1_epi32(0xFF));
    } else {
        return _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), live, skill, in.levels, 4);
    }
}

template <bool kPermute>
std::size_t step(const MustKeyInput& in, const JobKernelPlan& plan, std::uint32_t first,
                 std::uint32_t end, float fit_threshold, std::vector<std::uint32_t>& prefix,
                 RecordHits& hits) {
    const std::uint32_t base = lane_begin(plan, first);
    const std::uint32_t count = plan.must_key_records[end - 1].lane_end - base;
    if (prefix.size() < count + 16) prefix.resize(count + 16);
    std::optional<LevelBytes> bytes;
    if constexpr (kPermute) bytes.emplace(in.levels8);

    // prefix[k] = Σ of the packed increments of lanes base .. base + k - 1.
    const std::uint32_t* lanes = plan.must_key_lanes.data() + base;
    const __m512i zero = _mm512_setzero_si512();
    const __m512i seven = _mm512_set1_epi32(7);
    const __m512i fifteen = _mm512_set1_epi32(15);
    const __m512i must_bit = _mm512_set1_epi32(1 << 7);
    const __m512i met_one = _mm512_set1_epi32(1 << 29);
    __m512i carry = zero;
    prefix[0] = 0;
    for (std::uint32_t i = 0; i < count; i += 16) {
        // A candidate's buckets lie scattered over lanes far larger than L2:
        // fetching ~2 KB ahead cut the cost per record by a third.
        _mm_prefetch(reinterpret_cast<const char*>(lanes + i + 512), _MM_HINT_T0);
        const __mmask16 live =
            count - i >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << (count - i)) - 1);
        // Lane: skill << 8 | r | w << 3 | must << 7; dead lanes read as 0 (r = 0).
        const __m512i x = _mm512_maskz_loadu_epi32(live, lanes + i);
        const __m512i a = lane_levels<kPermute>(x, live, in, bytes ? &*bytes : nullptr);
        const __m512i r = _mm512_and_si512(x, seven);
        const __m512i w = _mm512_and_si512(_mm512_srli_epi32(x, 3), fifteen);
        const __m512i m = _mm512_min_epu32(a, r);
        const __mmask16 met = _mm512_test_epi32_mask(x, must_bit) & _mm512_cmpge_epu32_mask(a, r);
        __m512i v = _mm512_add_epi32(_mm512_mullo_epi32(w, m), _mm512_slli_epi32(m, 16));
        v = _mm512_mask_add_epi32(v, met, v, met_one);
        // Inclusive prefix sum across the 16 lanes, plus the carry.
        v = _mm512_add_epi32(v, _mm512_alignr_epi32(v, zero, 15));
        v = _mm512_add_epi32(v, _mm512_alignr_epi32(v, zero, 14));
        v = _mm512_add_epi32(v, _mm512_alignr_epi32(v, zero, 12));
        v = _mm512_add_epi32(v, _mm512_alignr_epi32(v, zero, 8));
        v = _mm512_add_epi32(v, carry);
        _mm512_storeu_si512(prefix.data() + 1 + i, v);
        carry = _mm512_permutexvar_epi32(_mm512_set1_epi32(15), v);
    }

    std::size_t kept = 0;
    std::uint32_t before = 0;  // prefix at the current record's first lane
    for (std::uint32_t i = first; i < end; ++i) {
        const MustKeyRecord& record = plan.must_key_records[i];
        const std::uint32_t after = prefix[record.lane_end - base];
        const std::uint32_t word = after - before;
        before = after;
        hits.record[kept] = i;
        hits.word[kept] = word;
        kept += record_may_enter(in, record, word, fit_threshold);
    }
    return kept;
}

}  // namespace

std::size_t must_key_step_avx512(const MustKeyInput& in, const JobKernelPlan& plan,
                                 std::uint32_t first, std::uint32_t end, float fit_threshold,
                                 std::vector<std::uint32_t>& prefix, RecordHits& hits) {
    return in.levels8 != nullptr ? step<true>(in, plan, first, end, fit_threshold, prefix, hits)
                                 : step<false>(in, plan, first, end, fit_threshold, prefix, hits);
}

}  // namespace talentmatch::matcher::detail

#pragma GCC pop_options
