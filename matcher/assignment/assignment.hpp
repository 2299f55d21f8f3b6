#pragma once
// The recommended assignment of SPEC.md: a stable many-to-one matching by
// deferred acceptance, graduates proposing, each job holding at most its
// capacity (headcount).
//
// Input is plain vectors, independent of the snapshot: for every graduate the
// list of its *acceptable* jobs (eligible pairs above the minimum coverage,
// filtered by the caller) with the pair's exact score. Both sides rank by that
// score, higher first; ties break by index ascending, so callers must number
// graduates and jobs in id order to get "ties by id".
//
// Scores are exact rationals (num / den, den > 0, 0 <= num): fit is a product
// of two ratios of small integer sums, so comparing by cross-multiplication in
// 128 bits never rounds.
//
// The graduate-optimal stable matching is unique for strict preferences, so
// the result does not depend on the proposal order, on threads or on how the
// caller split the work that produced the candidate lists.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace talentmatch::matcher {

// An exact non-negative rational score.
struct ExactScore {
    std::uint64_t num = 0;
    std::uint64_t den = 1;  // > 0
};

// -1, 0, +1 as a <, ==, > b (exact; no rounding).
int compare(const ExactScore& a, const ExactScore& b);
inline bool operator==(const ExactScore& a, const ExactScore& b) {
    return compare(a, b) == 0;
}
// The score as a double, for reports only (never for ranking).
double to_double(const ExactScore& s);

struct AssignmentCandidate {
    std::uint32_t job = 0;  // job index, < job count
    ExactScore score;
};

struct AssignmentInput {
    // candidates[g]: graduate g's acceptable jobs, any order, each job at most once.
    std::vector<std::vector<AssignmentCandidate>> candidates;
    // capacity[j]: openings of job j (headcount), >= 0.
    std::vector<std::uint32_t> capacity;
};

inline constexpr std::uint32_t kUnassigned = 0xFFFFFFFFu;

struct Assignment {
    std::vector<std::uint32_t> job_of;  // per graduate: job index or kUnassigned
    std::vector<ExactScore> score_of;   // per graduate: score of its pair (0/1 if none)
    std::vector<std::vector<std::uint32_t>> holders;  // per job: graduates, best first
    std::uint64_t proposals = 0;                      // work done, for reports
};

// Graduate-proposing deferred acceptance. Throws std::invalid_argument when a
// candidate names a job out of range, repeats a job, or has den == 0.
// O(P log C) for P candidate pairs and C the largest capacity.
Assignment stable_assignment(const AssignmentInput& input);

struct BlockingPair {
    std::uint32_t graduate = 0;
    std::uint32_t job = 0;
    bool operator==(const BlockingPair&) const = default;
};

// Every acceptable pair (g, j) not in `assignment` where g prefers j to its
// current job (or has none) and j has a free opening or prefers g to its worst
// holder. Empty means stable. O(P).
std::vector<BlockingPair> find_blocking_pairs(const AssignmentInput& input,
                                              const Assignment& assignment);

// True when graduate a ranks job x before job y given their scores (ties by index).
bool graduate_prefers(const AssignmentCandidate& x, const AssignmentCandidate& y);
// True when a job ranks graduate ga (score sa) before gb (score sb) (ties by index).
bool job_prefers(std::uint32_t ga, const ExactScore& sa, std::uint32_t gb, const ExactScore& sb);

}  // namespace talentmatch::matcher
