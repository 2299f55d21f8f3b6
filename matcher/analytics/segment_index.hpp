#pragma once
// The jobs of one market segment, inverted by skill, for program alignment:
// a program's curriculum touches only the postings of its own skills, so
// aligning P programs costs O(P · (postings of their skills + segment jobs))
// instead of O(P · Σ|R(j)|). Built once per alignment call, then read-only
// (shared by all tasks).
//
// Positions: jobs are numbered 0..size()-1 in snapshot (= id) order; jobs of
// headcount 0 are left out (they weigh nothing).
#include <cstdint>
#include <vector>

#include "matcher/analytics/segment.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

struct SegmentPosting {
    std::uint32_t position = 0;  // the job's position in the segment
    std::uint8_t level = 1;      // r
    std::uint8_t weight = 1;     // w
    std::uint8_t must_have = 0;
};

struct SegmentIndex {
    std::vector<Index> job;                 // per position: snapshot job index
    std::vector<std::uint64_t> headcount;   // per position: h
    std::vector<std::uint32_t> cov_den;     // per position: Σ w·r
    std::vector<std::uint16_t> must_count;  // per position: must-have requirements
    std::vector<std::uint8_t> min_education;
    std::vector<std::uint8_t> needs_certificates;  // 1 if the job requires any
    Csr<SegmentPosting> postings;                  // per skill index, positions ascending
    std::vector<std::uint64_t> demand_weight;      // per skill: Σ h·w·r
    std::vector<std::uint64_t> demand_openings;    // per skill: Σ h
    std::vector<Index> skills_by_demand;  // skills with demand, demand_weight desc then id asc
    std::uint64_t openings = 0;           // Σ h

    std::size_t size() const { return job.size(); }
};

SegmentIndex build_segment_index(const Snapshot& snapshot, const ResolvedSegment& segment);

}  // namespace talentmatch::matcher
