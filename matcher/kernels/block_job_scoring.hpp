#pragma once
// One job scored against one candidate block (the block layout of
// snapshot.hpp), shared by the block scan (few_jobs_query.hpp) and the
// candidate index (indexed_candidates_query.hpp): each requirement finds its
// row in the block's skill-sorted rows by binary search (rows absent from the
// block are all zero), 32 lanes are summed exactly in 16-bit integers, and
// only lanes that pass the gates (must-haves, minimum education, coverage
// minimum, certificates) and a float upper bound of the score (within
// kPruneMargin of the heap's worst entry) are scored exactly (PairScore,
// make_entry) and offered to a JobCollector.
#include <cstdint>
#include <vector>

#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

// A queried job's requirements sorted by skill (for the merge-like search
// through a block's skill-sorted rows).
struct JobQuery {
    const JobPlan* job = nullptr;
    std::vector<RequirementEntry> reqs;
    std::uint16_t cov_min = 0;
};

JobQuery make_job_query(const Snapshot& snapshot, Index job, std::uint16_t cov_min);

// Prefetches the skills of `block`'s rows in `layout` (what find_rows
// searches; a layout larger than the cache makes each search step a miss), so
// a caller that runs it a few blocks ahead overlaps those loads.
void prefetch_skills(const BlockLayout& layout, std::size_t block);

// The row of each of q's requirements in `layout`'s `block` (an all-zero row
// when the block lacks the skill) into out[0 .. q.reqs.size()); each found
// row is prefetched.
void find_rows(const BlockLayout& layout, std::size_t skill_count, std::size_t block,
               const JobQuery& q, const std::uint8_t** out);

// Scores the lanes set in `lanes` of a block against q (its requirements'
// rows in `rows`, as find_rows gives them) into jc's heap at `position`;
// lane l is candidate lane_candidate[l] of `cs` (read for lanes set only).
void score_block(const Snapshot& snapshot, const CandidateSet& cs, const Index* lane_candidate,
                 std::uint32_t lanes, const JobQuery& q, const std::uint8_t* const* rows,
                 std::size_t position, const ScoreConfig& config, JobCollector& jc);

}  // namespace talentmatch::matcher::detail
