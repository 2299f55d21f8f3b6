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

BothWays top_k_both_ways(const matcher::Snapshot& snapshot, matcher::CandidateKind kind,
                         std::size_t k_jobs, std::size_t k_candidates, std::size_t shard_size,
                         const matcher::ScoreConfig& config,
                         const matcher::ExecutionOptions& options, const std::string& stage,
                         StageReporter& reporter) {
    const matcher::CandidateSet& set =
        kind == matcher::CandidateKind::kGraduates ? snapshot.graduates : snapshot.programs;
    const std::size_t n = set.size();
    shard_size =
        std::max<std::size_t>(1, (shard_size + matcher::kBlockSize - 1) / matcher::kBlockSize) *
        matcher::kBlockSize;
    reporter.begin(stage, n, kind == matcher::CandidateKind::kGraduates ? "graduates" : "programs");
    BothWays out;
    out.pairs = std::uint64_t(n) * snapshot.jobs.size();
    out.candidates_per_job.offsets.assign(snapshot.jobs.size() + 1, 0);
    if (n == 0 || snapshot.jobs.size() == 0) {
        out.jobs_per_candidate.offsets.assign(n + 1, 0);
        reporter.end();
        return out;
    }
    for (std::size_t begin = 0; begin < n; begin += shard_size) {
        const matcher::BatchRange range{
            static_cast<matcher::Index>(begin),
            static_cast<matcher::Index>(std::min(n, begin + shard_size))};
        matcher::BatchTopK shard = matcher::batch_top_k(snapshot, kind, range, k_jobs, k_candidates,
                                                        matcher::MatchFilter{}, config, options);
        append_rows(out.jobs_per_candidate, shard.jobs_per_candidate);
        if (begin == 0) {
            out.candidates_per_job = std::move(shard.candidates_per_job);
        } else {
            const std::array<matcher::TopKLists, 2> both{std::move(out.candidates_per_job),
                                                         std::move(shard.candidates_per_job)};
            out.candidates_per_job = matcher::merge_candidate_lists(both, k_candidates);
        }
        reporter.advance(range.end);
    }
    reporter.end();
    return out;
}

}  // namespace talentmatch::batch
