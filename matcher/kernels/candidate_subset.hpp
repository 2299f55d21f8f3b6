#pragma once
// A packed copy of some candidates, so that a block pass over a scattered few
// of them scores full blocks (the pass costs the same per block whether one
// lane or all kBlockSize lanes are wanted).
#include <span>

#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

// Candidate i of the result is from[order[i]], with what the block pass reads
// (skills, level sums, education, certificates, preferred districts and
// clusters) and its own skill-major blocks. Ids are placeholders in order
// (not the originals): the result is for passes, not for lookups.
CandidateSet pack_candidates(const CandidateSet& from, std::span<const Index> order);

}  // namespace talentmatch::matcher
