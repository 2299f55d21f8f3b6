#pragma once
// Jobs in the form the batch kernels read: per requirement a lookup table
// from a candidate's level (0..5) to its contribution, so one table lookup per
// (requirement, candidate) yields the exact integer terms of SPEC's sums.
// Built once with the snapshot (read-only afterwards).
//
// Two layouts per job:
//  - packed (cov_den <= 1023 and Σ r <= 63, the common case): lut_a[l] =
//    w·min(l,r) + (min(l,r) << 10), so ONE 16-bit sum carries both
//    cov_num (low 10 bits) and rel_num (high 6 bits) without overflow;
//  - wide: lut_a[l] = w·min(l,r) and lut_b[l] = min(l,r), two 16-bit sums
//    (cov_num <= 50,000 and rel_num <= 5,000 fit in 16 bits).
// Must-have requirements come first (must_count of them); a gate test is
// level >= r on those rows.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace talentmatch::matcher {

struct alignas(8) RequirementPlan {
    std::uint32_t skill = 0;  // skill index
    std::uint8_t level = 0;   // r, 1..5
    std::uint8_t must_have = 0;
    std::uint16_t unused = 0;
    std::uint16_t lut_a[8] = {};
    std::uint16_t lut_b[8] = {};
};

struct JobPlan {
    std::uint32_t job = 0;  // job index
    std::uint32_t req_begin = 0, req_end = 0;
    std::uint32_t must_count = 0;
    std::uint32_t cov_den = 1;
    float inv_cov_den = 1.0f;
    std::uint32_t cert_begin = 0, cert_end = 0;  // into JobKernelPlan::certs
    std::uint32_t district = 0, cluster = 0;     // dictionary indices
    std::uint8_t min_education = 0;
    std::uint8_t packed = 0;
};

// One requirement in the by-skill inverted index of all jobs (small-batch
// query path): job index, r, w, must-have, and the job's must-have count
// (saturated at kManyMusts) so the eligibility test needs no random read of
// JobPlan (a cache miss per touched job was most of a query's time).
struct SkillPosting {
    static constexpr std::uint8_t kManyMusts = 255;  // >= this: read JobPlan::must_count
    std::uint32_t job = 0;
    std::uint8_t level = 0;
    std::uint8_t weight = 0;
    std::uint8_t must_have = 0;
    std::uint8_t job_must_count = 0;  // min(JobPlan::must_count, kManyMusts)
};

inline constexpr std::uint32_t kNoPlace = 0xFFFFFFFFu;

// One job of the must-key regime (JobKernelPlan::must_key_records): what its
// gates and pruning bound need, so only likely entrants read their JobPlan.
struct MustKeyRecord {
    std::uint32_t job = 0;           // job index
    std::uint32_t lane_end = 0;      // end of its requirement words in must_key_lanes
    std::uint32_t gates = 0;         // must_count % 8 | min_education << 8
    float inv_cov_den = 0;           // a pruning bound only
    std::uint32_t place = kNoPlace;  // district | cluster << 16, or kNoPlace (as place)
};

struct JobKernelPlan {
    std::vector<JobPlan> jobs;  // one per job, in job index order
    std::vector<RequirementPlan> reqs;
    std::vector<std::uint32_t> certs;
    std::vector<std::uint32_t> all_jobs;  // 0..jobs-1, the unfiltered job list
    // by_skill: postings of skill s are postings[skill_offsets[s] .. skill_offsets[s+1]).
    std::vector<std::uint32_t> skill_offsets;
    std::vector<SkillPosting> postings;
    // The dense single-candidate regime (dense_query.hpp). Jobs that cannot
    // enter the top-k are decided from these compact arrays alone, never
    // touching their JobPlan:
    //  - dense_postings: the by-skill index again (same skill_offsets), 4
    //    bytes each: job << 8 | code, code = r | w << 3 | must_have << 7
    //    (r 1..5, w 1..10). Empty when there are kDenseMaxJobs jobs or more;
    //  - inv_cov_den[j] = 1 / cov_den as float (a pruning bound only);
    //  - dense_gate[j] = must_count % 8 | (must_count >= 8) << 3 |
    //    min_education << 4.
    static constexpr std::size_t kDenseMaxJobs = std::size_t{1} << 24;
    std::vector<std::uint32_t> dense_postings;
    std::vector<float> inv_cov_den;
    std::vector<std::uint8_t> dense_gate;
    //  - place[j] = district | cluster << 16 (dictionary indices), so a job
    //    that passed the scan's bound can be re-checked with its actual bonus
    //    before its JobPlan is read. Empty when an index is >= 65,536.
    std::vector<std::uint32_t> place;
    // The must-key regime (must_key_query.hpp). A candidate can be eligible
    // for a job only if it meets the job's key must-have (its must-have
    // skill with the fewest postings, ties by skill index). Each job is one
    // MustKeyRecord, in bucket order:
    //  - bucket 5s + r - 1 holds the jobs keyed on skill s at level r, by
    //    job index, so those keyed on s at level <= a are the records
    //    [must_key_offsets[5s], must_key_offsets[5s + a]); the last bucket
    //    (5 · skills) holds the jobs without a must-have (every candidate may
    //    fit); must_key_offsets has 5 · skills + 2 entries;
    //  - must_key_lanes: every record's requirements in record order, one
    //    word each: skill << 8 | code (code as in dense_postings); record i's
    //    are [i ? records[i-1].lane_end : 0, records[i].lane_end).
    // All empty when a skill index is >= 2^24.
    std::vector<std::uint32_t> must_key_offsets;
    std::vector<MustKeyRecord> must_key_records;
    std::vector<std::uint32_t> must_key_lanes;
};

}  // namespace talentmatch::matcher
