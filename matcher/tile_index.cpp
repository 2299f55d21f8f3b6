#include "matcher/tile_index.hpp"

#include <algorithm>

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

namespace talentmatch::matcher::detail {

void build_tile_index(const JobKernelPlan& plan, std::span<const Index> job_list,
                      std::size_t skills, std::size_t tile_size, TileIndex& index) {
    index.tile_size = tile_size;
    index.skills = skills;
    const std::size_t tiles = (job_list.size() + tile_size - 1) / tile_size;
    index.offsets.assign(tiles * (skills + 1), 0);
    // Where each tile's postings start: tiles follow each other in order.
    std::vector<std::uint32_t> tile_base(tiles + 1, 0);
    for (std::size_t p = 0; p < job_list.size(); ++p) {
        const JobPlan& job = plan.jobs[job_list[p]];
        if (job.packed) tile_base[p / tile_size + 1] += job.req_end - job.req_begin;
    }
    for (std::size_t t = 0; t < tiles; ++t) tile_base[t + 1] += tile_base[t];
    index.postings.resize(tile_base[tiles]);
    index.plans.resize(job_list.size());
    // Tiles are independent: each fills its own offsets and postings.
    tbb::enumerable_thread_specific<std::vector<std::uint32_t>> cursors(
        [&] { return std::vector<std::uint32_t>(skills + 1); });
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, tiles), [&](const auto& range) {
        std::vector<std::uint32_t>& cursor = cursors.local();
        for (std::size_t t = range.begin(); t < range.end(); ++t) {
            const std::size_t first = t * tile_size;
            const std::size_t last = std::min(job_list.size(), first + tile_size);
            std::uint32_t* off = index.offsets.data() + t * (skills + 1);
            std::fill(cursor.begin(), cursor.end(), 0u);
            for (std::size_t p = first; p < last; ++p) {
                const JobPlan& job = plan.jobs[job_list[p]];
                index.plans[p] = job;
                if (!job.packed) continue;
                for (std::uint32_t r = job.req_begin; r < job.req_end; ++r)
                    ++cursor[plan.reqs[r].skill];
            }
            std::uint32_t running = tile_base[t];
            for (std::size_t s = 0; s <= skills; ++s) {
                off[s] = running;
                if (s < skills) {
                    const std::uint32_t n = cursor[s];
                    cursor[s] = running;
                    running += n;
                }
            }
            for (std::size_t p = first; p < last; ++p) {
                const JobPlan& job = plan.jobs[job_list[p]];
                if (!job.packed) continue;
                for (std::uint32_t r = job.req_begin; r < job.req_end; ++r) {
                    const RequirementPlan& req = plan.reqs[r];
                    Posting& post = index.postings[cursor[req.skill]++];
                    post.position = std::uint32_t(p - first);
                    std::copy(std::begin(req.lut_a), std::end(req.lut_a), std::begin(post.lut));
                }
            }
        }
    });
}

}  // namespace talentmatch::matcher::detail
