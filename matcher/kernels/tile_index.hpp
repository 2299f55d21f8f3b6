#pragma once
// The large-batch regime's job index: the pass's job list cut into tiles of
// kJobTile positions and, per tile, inverted by skill. A block then walks its
// own rows (skills present in the block, ~10% of a job's requirements on
// realistic data) and adds each row once per posting, instead of looking up
// every requirement of every job: the sparse × sparse product the issue asks
// for. Only packed jobs (job_kernel_plan.hpp) get postings; wide jobs are
// scored requirement by requirement. The tile's job plans are copied in
// position order, so the pass over a tile's sums reads them sequentially.
//
// Built once per pass (O(tiles × skills + requirements)); read-only while the
// pass runs, shared by every task. Built into a caller's TileIndex, whose
// storage it reuses: a caller making many passes (the assignment's fetches)
// keeps one, and each pass then writes tens of MB into memory already mapped
// instead of allocating and faulting it in again.
#include <cstdint>
#include <span>
#include <vector>

#include "matcher/snapshot/job_kernel_plan.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher::detail {

struct Posting {
    std::uint32_t position = 0;  // position within the tile
    std::uint16_t lut[8] = {};   // the requirement's packed level -> contribution table
};

struct TileIndex {
    std::size_t tile_size = 0;
    std::size_t skills = 0;
    std::vector<std::uint32_t> offsets;  // [tile * (skills + 1) + skill]
    std::vector<Posting> postings;
    std::vector<JobPlan> plans;  // [position]: the job's plan, in position order

    std::span<const Posting> postings_of(std::size_t tile, Index skill) const {
        const std::uint32_t* o = offsets.data() + tile * (skills + 1) + skill;
        return {postings.data() + o[0], postings.data() + o[1]};
    }
};

void build_tile_index(const JobKernelPlan& plan, std::span<const Index> job_list,
                      std::size_t skills, std::size_t tile_size, TileIndex& index);

}  // namespace talentmatch::matcher::detail
