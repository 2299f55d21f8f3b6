#include "matcher/analytics/segment_index.hpp"

#include <algorithm>

namespace talentmatch::matcher {

SegmentIndex build_segment_index(const Snapshot& s, const ResolvedSegment& segment) {
    const std::size_t skills = s.skills.size();
    SegmentIndex x;
    x.demand_weight.assign(skills, 0);
    x.demand_openings.assign(skills, 0);
    std::vector<std::uint32_t> counts(skills, 0);
    for (Index j = 0; j < s.jobs.size(); ++j) {
        if (!segment.contains_job(s, j) || s.jobs.headcount[j] <= 0) continue;
        const auto h = static_cast<std::uint64_t>(s.jobs.headcount[j]);
        std::uint32_t den = 0;
        std::uint16_t musts = 0;
        for (const RequirementEntry& r : s.jobs.requirements.row(j)) {
            den += std::uint32_t{r.weight} * r.level;
            musts += r.must_have != 0;
            ++counts[r.skill];
            x.demand_weight[r.skill] += h * r.weight * r.level;
            x.demand_openings[r.skill] += h;
        }
        x.job.push_back(j);
        x.headcount.push_back(h);
        x.cov_den.push_back(den);
        x.must_count.push_back(musts);
        x.min_education.push_back(s.jobs.min_education[j]);
        x.needs_certificates.push_back(s.jobs.certificates.row(j).empty() ? 0 : 1);
        x.openings += h;
    }
    // Counting sort of the postings by skill; positions come out ascending.
    x.postings.offsets.assign(skills + 1, 0);
    for (std::size_t k = 0; k < skills; ++k)
        x.postings.offsets[k + 1] = x.postings.offsets[k] + counts[k];
    x.postings.items.resize(x.postings.offsets[skills]);
    std::vector<std::uint32_t> next(x.postings.offsets.begin(), x.postings.offsets.end() - 1);
    for (std::uint32_t pos = 0; pos < x.job.size(); ++pos)
        for (const RequirementEntry& r : s.jobs.requirements.row(x.job[pos]))
            x.postings.items[next[r.skill]++] = {pos, r.level, r.weight, r.must_have};

    for (Index k = 0; k < skills; ++k)
        if (x.demand_weight[k] > 0) x.skills_by_demand.push_back(k);
    std::sort(x.skills_by_demand.begin(), x.skills_by_demand.end(), [&](Index a, Index b) {
        if (x.demand_weight[a] != x.demand_weight[b])
            return x.demand_weight[a] > x.demand_weight[b];
        return a < b;
    });
    return x;
}

}  // namespace talentmatch::matcher
