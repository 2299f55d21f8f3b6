#include "matcher/kernels/tile_index.hpp"

#include <algorithm>

namespace talentmatch::matcher::detail {

void build_tile_index(const JobKernelPlan& plan, std::span<const Index> job_list,
                      std::size_t skills, std::size_t tile_size, TileIndex& index) {
    index.tile_size = tile_size;
    index.skills = skills;
    const std::size_t tiles = (job_list.size() + tile_size - 1) / tile_size;
    index.offsets.assign(tiles * (skills + 1), 0);
    std::size_t total = 0;
    for (Index j : job_list) {
        if (plan.jobs[j].packed) total += plan.jobs[j].req_end - plan.jobs[j].req_begin;
    }
    index.postings.resize(total);
    index.plans.clear();
    index.plans.reserve(job_list.size());
    for (Index j : job_list) index.plans.push_back(plan.jobs[j]);
    std::vector<std::uint32_t> cursor(skills + 1);
    std::uint32_t base = 0;
    for (std::size_t t = 0; t < tiles; ++t) {
        const std::size_t first = t * tile_size;
        const std::size_t last = std::min(job_list.size(), first + tile_size);
        std::uint32_t* off = index.offsets.data() + t * (skills + 1);
        std::fill(cursor.begin(), cursor.end(), 0u);
        for (std::size_t p = first; p < last; ++p) {
            const JobPlan& job = plan.jobs[job_list[p]];
            if (!job.packed) continue;
            for (std::uint32_t r = job.req_begin; r < job.req_end; ++r)
                ++cursor[plan.reqs[r].skill];
        }
        std::uint32_t running = base;
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
        base = running;
    }
}

}  // namespace talentmatch::matcher::detail
