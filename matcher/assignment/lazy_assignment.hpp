#pragma once
// Deferred acceptance (graduates proposing) over COMPLETE preference lists
// that are supplied lazily, best first, a chunk at a time: no list of every
// acceptable pair is ever held. The result equals stable_assignment()
// (assignment.hpp) over the complete lists: the graduate-optimal stable
// matching is unique and does not depend on the order of proposals, so
// fetching a graduate's next jobs only when it has proposed to all it holds
// changes nothing but memory and time.
//
// Pruning: a fetch receives each job's current floor, the score of its worst
// holder when it is full (capacity 0: a floor above every score), else 0. In
// deferred acceptance a job's floor never decreases, so a pair scoring
// strictly below the floor would be rejected now and at any later proposal;
// a source may leave such jobs out of the chunks it returns (it need not).
//
// Ranking as in assignment.hpp: score descending, ties by job index (graduate
// side) and graduate index (job side), exact rationals, no rounding.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "matcher/assignment/assignment.hpp"

namespace talentmatch::matcher {

// A piece of one graduate's list, best first.
struct PreferenceChunk {
    std::vector<AssignmentCandidate> jobs;
    bool complete = false;  // no acceptable job ranks after the last one here
};

struct FetchRequest {
    std::uint32_t graduate = 0;
    std::uint64_t proposed = 0;  // proposals the graduate has made so far
    bool has_cursor = false;     // false: the list from its start
    AssignmentCandidate cursor;  // the last job proposed to: return jobs ranked after it
};

class PreferenceSource {
  public:
    virtual ~PreferenceSource() = default;
    // For each request, the jobs of that graduate's list ranked strictly
    // after its cursor, best first, possibly without jobs scoring strictly
    // below floor[job]; at least one job unless `complete`. Requests come in
    // ascending graduate order; the answer has one chunk per request.
    virtual std::vector<PreferenceChunk> fetch(std::span<const FetchRequest> requests,
                                               std::span<const ExactScore> floor) = 0;
    // fetch is called with at most this many requests (the rest wait for a
    // later call, after the proposals of this one).
    virtual std::size_t max_requests() const { return std::numeric_limits<std::size_t>::max(); }
};

struct LazyAssignmentStats {
    std::vector<std::uint32_t> proposers;     // per job: graduates that proposed to it
    std::vector<std::uint32_t> first_choice;  // per graduate: its first proposal, or kUnassigned
    std::uint64_t fetch_rounds = 0;           // calls to PreferenceSource::fetch
    std::uint64_t fetched_graduates = 0;      // requests over all rounds
    std::uint64_t fetched_jobs = 0;           // jobs received from fetches
};

// initial[g]: the start of graduate g's list (may be empty and incomplete:
// then the first fetch has no cursor). capacity[j]: openings of job j.
// Throws std::invalid_argument when a chunk names a job out of range, is not
// best first, does not rank after the cursor, or is empty but incomplete.
Assignment lazy_stable_assignment(std::vector<PreferenceChunk> initial,
                                  const std::vector<std::uint32_t>& capacity,
                                  PreferenceSource& source, LazyAssignmentStats* stats = nullptr);

}  // namespace talentmatch::matcher
