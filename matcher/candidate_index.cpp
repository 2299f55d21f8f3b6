// build_candidate_index (snapshot_staging.hpp): the postings and per-block
// bounds of candidate_index.hpp, from a laid-out CandidateSet. Row maxima and
// block bounds are computed in parallel, postings are scattered in block
// order, so the index does not depend on the thread count.
#include <algorithm>
#include <numeric>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "matcher/snapshot.hpp"
#include "matcher/snapshot_staging.hpp"

namespace talentmatch::matcher::staging {

CandidateIndex build_candidate_index(const CandidateSet& set) {
    CandidateIndex out;
    const std::size_t blocks = set.block_count();
    const std::size_t rows = set.block_row_skill.size();
    out.block_min_level_sum.assign(blocks, 0);
    out.block_max_education.assign(blocks, 0);
    std::vector<std::uint8_t> row_max(rows, 0);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 256), [&](const auto& range) {
        for (std::size_t b = range.begin(); b != range.end(); ++b) {
            for (const Index r : set.block_rows.row(b)) {
                const std::uint8_t* levels = set.block_levels.data() + std::size_t(r) * kBlockSize;
                std::uint8_t m = 0;
                for (std::size_t l = 0; l < kBlockSize; ++l) m = std::max(m, levels[l]);
                row_max[r] = m;
            }
            const std::size_t first = b * kBlockSize;
            const std::size_t last = std::min(set.size(), first + kBlockSize);
            std::uint32_t min_sum = 0xFFFF'FFFFu;
            std::uint8_t max_edu = 0;
            for (std::size_t c = first; c < last; ++c) {
                min_sum = std::min(min_sum, set.level_sum[c]);
                max_edu = std::max(max_edu, set.education[c]);
            }
            out.block_min_level_sum[b] = min_sum;
            out.block_max_education[b] = max_edu;
        }
    });
    Index skill_end = 0;
    for (const Index s : set.block_row_skill) skill_end = std::max(skill_end, s + 1);
    out.skill_offsets.assign(std::size_t(skill_end) + 1, 0);
    for (const Index s : set.block_row_skill) ++out.skill_offsets[s + 1];
    std::partial_sum(out.skill_offsets.begin(), out.skill_offsets.end(), out.skill_offsets.begin());
    out.postings.resize(rows);
    std::vector<std::uint32_t> fill(out.skill_offsets.begin(), out.skill_offsets.end() - 1);
    for (std::size_t b = 0; b < blocks; ++b) {
        for (const Index r : set.block_rows.row(b)) {
            out.postings[fill[set.block_row_skill[r]]++] =
                std::uint32_t(b) << CandidateIndex::kLevelBits | row_max[r];
        }
    }
    return out;
}

}  // namespace talentmatch::matcher::staging
