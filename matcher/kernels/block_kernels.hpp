#pragma once
// The block-pass kernels and their run-time dispatch. The AVX-512BW kernel is
// compiled for that ISA in its own translation unit and only ever called when
// the CPU reports avx512f+avx512bw (checked with __builtin_cpu_supports); the
// scalar kernel is portable. Both produce identical results.
#include <span>

#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/query/match_query.hpp"

namespace talentmatch::matcher::detail {

using BlockPassFn = void (*)(const PassInput&, std::span<const Index>, JobCollector&,
                             BlockScratch&);

void run_blocks_scalar(const PassInput& in, std::span<const Index> blocks, JobCollector& jc,
                       BlockScratch& scratch);
void run_blocks_avx512(const PassInput& in, std::span<const Index> blocks, JobCollector& jc,
                       BlockScratch& scratch);

bool cpu_has_avx512bw();
bool cpu_has_avx512vbmi();  // byte permutes (the must-key regime's level lookup)

// kAuto -> AVX-512 when available, else scalar. Throws ValidationError
// ("options.kernel") when kAvx512 is asked for on a CPU without it.
BlockPassFn select_block_pass(Kernel kernel);

}  // namespace talentmatch::matcher::detail
