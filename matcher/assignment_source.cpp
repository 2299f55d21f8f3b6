#include "matcher/assignment_source.hpp"

#include <algorithm>
#include <numeric>

#include "matcher/batch_top_k.hpp"

namespace talentmatch::matcher {
namespace {
__extension__ typedef unsigned __int128 Wide;
}  // namespace

std::vector<std::uint16_t> coverage_floor(const Snapshot& snapshot,
                                          std::span<const ExactScore> floor,
                                          std::int32_t max_bonus) {
    const JobSet& jobs = snapshot.jobs;
    std::vector<std::uint16_t> out(jobs.size(), 0);
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        const ExactScore f = floor[j];
        // cov >= f - max_bonus / S  <=>  cov_num >= (f.num·S - mb·f.den)·den / (f.den·S)
        const Wide top = Wide(f.num) * kBonusScale;
        const Wide bonus = Wide(std::uint64_t(max_bonus)) * f.den;
        if (top <= bonus) continue;
        const Wide num = (top - bonus) * jobs.weighted_level_sum[j];
        const Wide den = Wide(f.den) * kBonusScale;
        const Wide need = (num + den - 1) / den;  // ceil
        out[j] = need >= 0xFFFF ? std::uint16_t{0xFFFF} : std::uint16_t(need);
    }
    return out;
}

EngineJobSource::EngineJobSource(const Snapshot& snapshot, const ScoreConfig& config,
                                 ExecutionOptions options, double min_coverage, std::size_t chunk,
                                 std::size_t max_entries)
    : snapshot_(snapshot),
      config_(config),
      options_(options),
      chunk_(std::max<std::size_t>(1, chunk)),
      max_entries_(std::max<std::size_t>(1, max_entries)) {
    filter_.min_coverage = min_coverage;
}

std::vector<PreferenceChunk> EngineJobSource::fetch(std::span<const FetchRequest> requests,
                                                    std::span<const ExactScore> floor) {
    const std::vector<std::uint16_t> cov_extra =
        coverage_floor(snapshot_, floor, config_.max_bonus());
    auto want = [&](const FetchRequest& r) {
        return std::size_t(r.proposed) + std::max<std::size_t>(chunk_, std::size_t(r.proposed));
    };
    // Group requests of similar size so one call's heap slots stay bounded.
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return want(requests[a]) < want(requests[b]);
    });
    std::vector<PreferenceChunk> out(requests.size());
    std::size_t begin = 0;
    while (begin < order.size()) {
        std::size_t end = begin + 1;
        while (end < order.size() && (end - begin + 1) * want(requests[order[end]]) <= max_entries_)
            ++end;
        const std::size_t m = want(requests[order[end - 1]]);
        std::vector<Index> rows;
        rows.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) rows.push_back(requests[order[i]].graduate);
        const TopKLists lists = top_jobs_by_index(snapshot_, CandidateKind::kGraduates, rows, m,
                                                  filter_, cov_extra, config_, options_);
        for (std::size_t i = begin; i < end; ++i) {
            const FetchRequest& r = requests[order[i]];
            PreferenceChunk& chunk = out[order[i]];
            const auto row = lists.row(i - begin);
            chunk.complete = row.size() < m;
            for (const IndexedMatch& x : row) {
                const AssignmentCandidate c{x.index, exact_ranking(x.score)};
                if (r.has_cursor && !graduate_prefers(r.cursor, c)) continue;
                chunk.jobs.push_back(c);
            }
        }
        begin = end;
    }
    return out;
}

}  // namespace talentmatch::matcher
