#include "matcher/assignment/assignment_source.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "matcher/kernels/candidate_subset.hpp"
#include "matcher/kernels/jobs_above_floor.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/query/resolved_filter.hpp"

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
                                 ExecutionOptions options, double min_coverage,
                                 std::size_t max_requests, KnownJobLists known)
    : snapshot_(snapshot),
      config_(config),
      options_(options),
      max_requests_(std::max<std::size_t>(1, max_requests)),
      known_(known) {
    filter_.min_coverage = min_coverage;
    if (known_.rows == nullptr) return;
    if (known_.rows->rows() != snapshot.jobs.size())
        throw std::invalid_argument("known job lists: one row per job expected");
    // Invert the rows: per graduate, its acceptable pairs in them.
    const auto bp = std::uint32_t(std::lround(min_coverage * 10000.0));
    std::vector<std::uint32_t> count(snapshot.graduates.size() + 1, 0);
    for (const IndexedMatch& m : known_.rows->items) {
        if (coverage_at_least(m.score, bp)) ++count[m.index + 1];
    }
    auto& csr = known_of_graduate_;
    csr.offsets.assign(count.size(), 0);
    for (std::size_t g = 1; g < count.size(); ++g) csr.offsets[g] = csr.offsets[g - 1] + count[g];
    csr.items.resize(csr.offsets.back());
    std::vector<std::uint32_t> next(csr.offsets.begin(), csr.offsets.end() - 1);
    for (Index j = 0; j < known_.rows->rows(); ++j) {
        for (const IndexedMatch& m : known_.rows->row(j)) {
            if (coverage_at_least(m.score, bp))
                csr.items[next[m.index]++] = {j, exact_ranking(m.score)};
        }
    }
}

std::vector<PreferenceChunk> EngineJobSource::fetch(std::span<const FetchRequest> requests,
                                                    std::span<const ExactScore> floor) {
    const JobSet& jobs = snapshot_.jobs;
    Pruning pruning;
    pruning.filter = detail::resolve_filter(snapshot_, CandidateKind::kGraduates, filter_);
    pruning.cov_by_job = detail::combined_minimums(
        snapshot_, pruning.filter, coverage_floor(snapshot_, floor, config_.max_bonus()));
    // Jobs settled by their known row: its k-th pair ranks strictly below the
    // floor (or the row is short), so every pair that can enter is in it.
    pruning.settled.assign(jobs.size(), 0);
    if (known_.rows != nullptr) {
        for (Index j = 0; j < jobs.size(); ++j) {
            const auto row = known_.rows->row(j);
            pruning.settled[j] =
                row.size() < known_.k || compare(exact_ranking(row.back().score), floor[j]) < 0;
        }
    }
    if (fetched_.size() != snapshot_.graduates.size())
        fetched_.assign(snapshot_.graduates.size(), 0);
    // A graduate's first fetch: the best kFirstFetchJobs of the rest; a later
    // one: the whole rest.
    std::vector<std::size_t> first_time, again;
    for (std::size_t i = 0; i < requests.size(); ++i)
        (fetched_[requests[i].graduate] != 0 ? again : first_time).push_back(i);
    std::vector<PreferenceChunk> out(requests.size());
    fetch_some(requests, first_time, floor, pruning, kFirstFetchJobs, out);
    fetch_some(requests, again, floor, pruning, 0, out);
    // A bounded row may hold only jobs ranked at or before the cursor (ties):
    // those graduates get the whole rest now.
    std::vector<std::size_t> whole_now;
    for (std::size_t i : first_time) {
        if (out[i].jobs.empty() && !out[i].complete) whole_now.push_back(i);
        fetched_[requests[i].graduate] = 1;
    }
    fetch_some(requests, whole_now, floor, pruning, 0, out);
    return out;
}

void EngineJobSource::fetch_some(std::span<const FetchRequest> requests,
                                 std::span<const std::size_t> which,
                                 std::span<const ExactScore> floor, const Pruning& pruning,
                                 std::size_t at_most, std::vector<PreferenceChunk>& out) {
    if (which.empty()) return;
    const JobSet& jobs = snapshot_.jobs;
    // A job can list a pair ranked after the cursor only when its floor is at
    // most the cursor's score ("cap"); no cursor: every job. Requests by cap,
    // highest first, packed into blocks of their own, then bands of blocks
    // each scored against just the jobs its highest cap can reach.
    const ExactScore above_all{std::uint64_t(kBonusScale) + std::uint64_t(config_.max_bonus()) + 1,
                               kBonusScale};
    auto cap = [&](const FetchRequest& r) { return r.has_cursor ? r.cursor.score : above_all; };
    std::vector<std::size_t> order(which.begin(), which.end());
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int c = compare(cap(requests[a]), cap(requests[b]));
        return c > 0 || (c == 0 && requests[a].graduate < requests[b].graduate);
    });
    std::vector<Index> packed_order;
    packed_order.reserve(order.size());
    for (std::size_t i : order) packed_order.push_back(requests[i].graduate);
    const CandidateSet packed = pack_candidates(snapshot_.graduates, packed_order);

    const std::size_t band = kBandBlocks * kBlockSize;
    std::vector<Index> job_list;
    std::vector<std::uint16_t> cov_min;
    std::vector<ExactScore> job_floor;
    for (std::size_t first = 0; first < order.size(); first += band) {
        const std::size_t last = std::min(order.size(), first + band);
        const ExactScore band_cap = cap(requests[order[first]]);
        job_list.clear();
        cov_min.clear();
        job_floor.clear();
        for (Index j = 0; j < jobs.size(); ++j) {
            if (!pruning.filter.job_ok.empty() && !pruning.filter.job_ok[j]) continue;
            if (pruning.settled[j] || compare(floor[j], band_cap) > 0) continue;
            const std::uint16_t c =
                pruning.cov_by_job.empty() ? std::uint16_t{0} : pruning.cov_by_job[j];
            if (c > jobs.weighted_level_sum[j]) continue;  // no coverage reaches the floor
            job_list.push_back(j);
            cov_min.push_back(c);
            job_floor.push_back(floor[j]);
        }
        const TopKLists lists =
            jobs_at_or_above(snapshot_, packed, Index(first), Index(last), job_list, cov_min,
                             job_floor, at_most, config_, options_, &pass_memory_);
        for (std::size_t i = first; i < last; ++i) {
            const FetchRequest& r = requests[order[i]];
            PreferenceChunk& chunk = out[order[i]];
            const auto row = lists.row(i - first);
            chunk.complete = at_most == 0 || row.size() < at_most;
            chunk.jobs.clear();
            for (const IndexedMatch& x : row) {
                const AssignmentCandidate c{x.index, exact_ranking(x.score)};
                if (r.has_cursor && !graduate_prefers(r.cursor, c)) continue;
                chunk.jobs.push_back(c);
            }
            if (known_.rows == nullptr) continue;
            // Settled jobs' pairs; with a bounded row, only those ranked before
            // its last job (beyond it the engine's next jobs are not known).
            const std::size_t engine_jobs = chunk.jobs.size();
            const bool bounded = !chunk.complete && !row.empty();
            const AssignmentCandidate last_engine =
                bounded ? AssignmentCandidate{row.back().index, exact_ranking(row.back().score)}
                        : AssignmentCandidate{};
            for (const AssignmentCandidate& c : known_of_graduate_.row(r.graduate)) {
                if (!pruning.settled[c.job] || compare(c.score, floor[c.job]) < 0) continue;
                if (r.has_cursor && !graduate_prefers(r.cursor, c)) continue;
                if (bounded && !graduate_prefers(c, last_engine)) continue;
                chunk.jobs.push_back(c);
            }
            if (chunk.jobs.size() > engine_jobs) {
                std::sort(chunk.jobs.begin(), chunk.jobs.end(), graduate_prefers);
            }
        }
    }
}

}  // namespace talentmatch::matcher
