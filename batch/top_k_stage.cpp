#include "batch/top_k_stage.hpp"

#include <algorithm>
#include <array>

namespace talentmatch::batch {

void append_rows(matcher::TopKLists& dst, const matcher::TopKLists& src) {
    const auto base = static_cast<std::uint32_t>(dst.items.size());
    dst.items.insert(dst.items.end(), src.items.begin(), src.items.end());
    for (std::size_t i = 1; i < src.offsets.size(); ++i)
        dst.offsets.push_back(base + src.offsets[i]);
}

BothWays top_k_range(const matcher::Snapshot& snapshot, matcher::CandidateKind kind,
                     matcher::BatchRange range, std::size_t k_jobs, std::size_t k_candidates,
                     std::size_t shard_size, const matcher::ScoreConfig& config,
                     const matcher::ExecutionOptions& options,
                     const std::function<void(std::uint64_t)>& on_shard) {
    shard_size =
        std::max<std::size_t>(1, (shard_size + matcher::kBlockSize - 1) / matcher::kBlockSize) *
        matcher::kBlockSize;
    BothWays out;
    const std::size_t n = range.end - range.begin;
    out.pairs = std::uint64_t(n) * snapshot.jobs.size();
    out.candidates_per_job.offsets.assign(snapshot.jobs.size() + 1, 0);
    if (n == 0 || snapshot.jobs.size() == 0) {
        out.jobs_per_candidate.offsets.assign(n + 1, 0);
        return out;
    }
    for (std::size_t begin = range.begin; begin < range.end; begin += shard_size) {
        const matcher::BatchRange shard_range{
            static_cast<matcher::Index>(begin),
            static_cast<matcher::Index>(std::min<std::size_t>(range.end, begin + shard_size))};
        matcher::BatchTopK shard =
            matcher::batch_top_k(snapshot, kind, shard_range, k_jobs, k_candidates,
                                 matcher::MatchFilter{}, config, options);
        append_rows(out.jobs_per_candidate, shard.jobs_per_candidate);
        if (begin == range.begin) {
            out.candidates_per_job = std::move(shard.candidates_per_job);
        } else {
            const std::array<matcher::TopKLists, 2> both{std::move(out.candidates_per_job),
                                                         std::move(shard.candidates_per_job)};
            out.candidates_per_job = matcher::merge_candidate_lists(both, k_candidates);
        }
        if (on_shard) on_shard(shard_range.end);
    }
    return out;
}

BothWays top_k_both_ways(const matcher::Snapshot& snapshot, matcher::CandidateKind kind,
                         std::size_t k_jobs, std::size_t k_candidates, std::size_t shard_size,
                         const matcher::ScoreConfig& config,
                         const matcher::ExecutionOptions& options, const std::string& stage,
                         StageReporter& reporter, const std::string& unit) {
    const matcher::CandidateSet& set =
        kind == matcher::CandidateKind::kGraduates ? snapshot.graduates : snapshot.programs;
    const std::size_t n = set.size();
    reporter.begin(stage, n,
                   !unit.empty()                                ? unit
                   : kind == matcher::CandidateKind::kGraduates ? "graduates"
                                                                : "programs");
    BothWays out = top_k_range(snapshot, kind, {0, static_cast<matcher::Index>(n)}, k_jobs,
                               k_candidates, shard_size, config, options,
                               [&reporter](std::uint64_t done) { reporter.advance(done); });
    reporter.end();
    return out;
}

}  // namespace talentmatch::batch
