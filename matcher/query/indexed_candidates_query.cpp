#include "matcher/query/indexed_candidates_query.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "matcher/kernels/block_job_scoring.hpp"
#include "matcher/kernels/block_pass_types.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/score/preference_bonus.hpp"

namespace talentmatch::matcher::detail {
namespace {

// Bound buckets: the visit order is descending by bucket, so only tiles of
// the same bucket are visited out of bound order.
constexpr std::size_t kBuckets = 1024;
// Tiles scored together so that their loads overlap.
constexpr std::size_t kChunk = 16;

// Per tile, the three bound sums in one word, so a posting is one add:
// cov (bits 0..15, <= 50,000) | rel << 16 (<= 5,000) | musts met << 32.
constexpr unsigned kRelShift64 = 16;
constexpr unsigned kMustShift64 = 32;

// Scratch of one job's visit, reused across the jobs a thread runs.
struct Scratch {
    std::vector<std::uint64_t> acc;        // per tile, the bound sums
    std::vector<std::uint32_t> cursor;     // per bucket, while filling `visit`
    std::vector<std::uint32_t> req_of;     // per skill: position in JobQuery::reqs + 1, 0 = none
    std::vector<std::uint32_t> bounded;    // tiles that may hold an eligible candidate
    std::vector<float> bound;              // per entry of `bounded`
    std::vector<std::uint32_t> visit;      // `bounded` entries, by bucket descending
    std::vector<std::uint32_t> bucket_at;  // kBuckets + 1 offsets into `visit`
    std::vector<float> bucket_max;
    std::vector<const std::uint8_t*> rows;  // per requirement (skill order): its row in a tile
};

constexpr std::uint8_t kZeroRow[kBlockSize] = {};

// find_rows by one pass over the tile's rows (a few dozen skill words,
// contiguous): cheaper than a binary search per requirement when the rows
// are not in cache, as in the scattered tiles a visit scores.
void scan_rows(const BlockLayout& tiles, std::size_t tile, std::span<const std::uint32_t> req_of,
               std::size_t nreq, const std::uint8_t** out) {
    std::fill(out, out + nreq, kZeroRow);
    const BlockLayout::Block rows = tiles.block(tile);
    for (std::size_t r = 0; r < rows.rows(); ++r) {
        const std::uint32_t p = req_of[rows.skills[r]];
        if (p != 0) {
            out[p - 1] = rows.levels_of(r);
            __builtin_prefetch(out[p - 1]);
        }
    }
}

// The visit of one job (see the header): its best k into jc's heap 0.
void visit_job(const Snapshot& snapshot, const CandidateSet& cs, Index j, std::uint16_t cov_min,
               std::span<const std::uint8_t> candidate_ok, const ScoreConfig& config, Scratch& s,
               JobCollector& jc, IndexedQueryStats& stats) {
    const CandidateIndex& index = cs.index;
    const JobPlan& job = snapshot.job_plan.jobs[j];
    const auto reqs = snapshot.jobs.requirements.row(j);
    const std::size_t blocks = index.blocks();
    stats.blocks += blocks;

    // 1. Bound sums per tile.
    s.acc.assign(blocks, 0);
    for (const RequirementEntry& r : reqs) {
        std::uint64_t add[8];
        for (std::uint32_t m = 0; m < 8; ++m) {
            const std::uint64_t mm = std::min<std::uint32_t>(m, r.level);
            add[m] = r.weight * mm | mm << kRelShift64 |
                     std::uint64_t(r.must_have && m >= r.level) << kMustShift64;
        }
        const auto postings = index.postings_of(r.skill);
        stats.postings += postings.size();
        for (const std::uint32_t w : postings) {
            s.acc[w >> CandidateIndex::kLevelBits] += add[w & CandidateIndex::kLevelMask];
        }
    }

    // 2. Bounds of the tiles that may hold an eligible candidate, bucketed.
    const float max_bonus = bonus_as_fit<float>(config.max_bonus());
    const float scale = float(kBuckets) / (1.0f + max_bonus);
    s.bounded.clear();
    s.bound.clear();
    s.bucket_at.assign(kBuckets + 1, 0);
    s.bucket_max.assign(kBuckets, 0.0f);
    for (std::size_t t = 0; t < blocks; ++t) {
        const std::uint64_t a = s.acc[t];
        const std::uint32_t cov = std::uint32_t(a & 0xFFFFu);
        if ((a >> kMustShift64) < job.must_count || cov < cov_min ||
            index.block_max_education[t] < job.min_education) {
            continue;
        }
        const std::uint32_t rel = std::uint32_t(a >> kRelShift64) & 0xFFFFu;
        const std::uint32_t min_sum = index.block_min_level_sum[t];
        const float cov_bound = std::min(1.0f, float(cov) * job.inv_cov_den);
        const float rel_bound = min_sum == 0 ? 1.0f : std::min(1.0f, float(rel) / float(min_sum));
        const float b = cov_bound * rel_bound + max_bonus;
        const std::size_t bucket = std::min(kBuckets - 1, std::size_t(b * scale));
        s.bounded.push_back(std::uint32_t(t));
        s.bound.push_back(b);
        ++s.bucket_at[kBuckets - bucket];  // bucket kBuckets-1 first
        s.bucket_max[bucket] = std::max(s.bucket_max[bucket], b);
    }
    stats.blocks_bounded += s.bounded.size();
    for (std::size_t i = 1; i <= kBuckets; ++i) s.bucket_at[i] += s.bucket_at[i - 1];
    s.visit.resize(s.bounded.size());
    {
        std::vector<std::uint32_t>& fill = s.cursor;
        fill.assign(s.bucket_at.begin(), s.bucket_at.end() - 1);
        for (std::uint32_t i = 0; i < s.bounded.size(); ++i) {
            const std::size_t bucket = std::min(kBuckets - 1, std::size_t(s.bound[i] * scale));
            s.visit[fill[kBuckets - 1 - bucket]++] = i;
        }
    }

    // 3. Exact scores, best bounds first, until the bound falls below the
    // heap. Tiles are taken kChunk at a time: their skills prefetched, then
    // their rows found (which prefetches the rows), then scored, so the
    // loads of a chunk overlap (the tiles are scattered over the snapshot).
    const JobQuery q = make_job_query(snapshot, j, cov_min);
    const std::size_t nreq = q.reqs.size();
    s.rows.resize(kChunk * nreq);
    s.req_of.assign(snapshot.skills.size(), 0);
    for (std::size_t i = 0; i < nreq; ++i) s.req_of[q.reqs[i].skill] = std::uint32_t(i + 1);
    std::size_t chunk[kChunk];
    std::uint32_t chunk_lanes[kChunk];
    std::size_t v = 0;  // position in the bucket order
    std::uint32_t at = s.bucket_at[0];
    bool done = false;
    while (!done) {
        std::size_t n = 0;
        while (n < kChunk) {
            while (v < kBuckets && at == s.bucket_at[v + 1]) {
                ++v;
                if (v < kBuckets && s.bucket_at[v] != s.bucket_at[v + 1] &&
                    s.bucket_max[kBuckets - 1 - v] < jc.floor[0]) {
                    v = kBuckets;  // every later bucket bounds lower
                }
            }
            if (v >= kBuckets) {
                done = true;
                break;
            }
            if (at == s.bucket_at[v] && s.bucket_max[kBuckets - 1 - v] < jc.floor[0]) {
                done = true;
                break;
            }
            const std::uint32_t i = s.visit[at++];
            if (s.bound[i] < jc.floor[0]) continue;
            const std::size_t b = s.bounded[i];
            const auto members = index.members_of(b);
            std::uint32_t lanes = 0;
            if (candidate_ok.empty()) {
                lanes = members.size() == kBlockSize ? ~0u : (1u << members.size()) - 1;
            } else {
                for (std::size_t l = 0; l < members.size(); ++l) {
                    lanes |= std::uint32_t(candidate_ok[members[l]] != 0) << l;
                }
            }
            if (lanes == 0) continue;
            chunk[n] = b;
            chunk_lanes[n++] = lanes;
            prefetch_skills(index.tiles, b);
        }
        for (std::size_t x = 0; x < n; ++x) {
            scan_rows(index.tiles, chunk[x], s.req_of, nreq, s.rows.data() + x * nreq);
        }
        for (std::size_t x = 0; x < n; ++x) {
            score_block(snapshot, cs, index.members_of(chunk[x]).data(), chunk_lanes[x], q,
                        s.rows.data() + x * nreq, 0, config, jc);
        }
        stats.blocks_scored += n;
    }
}

}  // namespace

TopKLists indexed_top_candidates(const Snapshot& snapshot, const CandidateSet& cs,
                                 std::span<const Index> job_list,
                                 std::span<const std::uint16_t> cov_min,
                                 std::span<const std::uint8_t> candidate_ok, std::size_t k,
                                 const ScoreConfig& config, const ExecutionOptions& options,
                                 IndexedQueryStats* stats) {
    const std::size_t capacity = std::min(k, cs.size());
    std::vector<JobCollector> heaps(job_list.size());
    std::vector<IndexedQueryStats> job_stats(job_list.size());
    auto one = [&](std::size_t p, Scratch& scratch) {
        heaps[p].reset(1, capacity);
        visit_job(snapshot, cs, job_list[p], cov_min.empty() ? 0 : cov_min[p], candidate_ok, config,
                  scratch, heaps[p], job_stats[p]);
    };
    if (job_list.size() == 1) {
        Scratch scratch;
        one(0, scratch);
    } else {
        tbb::enumerable_thread_specific<Scratch> scratches;
        tbb::task_arena arena(options.threads > 0 ? options.threads : tbb::task_arena::automatic);
        arena.execute([&] {
            tbb::parallel_for(std::size_t{0}, job_list.size(),
                              [&](std::size_t p) { one(p, scratches.local()); });
        });
    }
    TopKLists out;
    for (std::size_t p = 0; p < job_list.size(); ++p) {
        std::vector<JobCollector> single(1);
        single[0] = std::move(heaps[p]);
        const TopKLists list = merge_job_heaps(single, 1, capacity);
        out.items.insert(out.items.end(), list.items.begin(), list.items.end());
        out.offsets.push_back(std::uint32_t(out.items.size()));
        if (stats != nullptr) {
            stats->blocks += job_stats[p].blocks;
            stats->blocks_bounded += job_stats[p].blocks_bounded;
            stats->blocks_scored += job_stats[p].blocks_scored;
            stats->postings += job_stats[p].postings;
        }
    }
    return out;
}

}  // namespace talentmatch::matcher::detail
