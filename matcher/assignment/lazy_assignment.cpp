#include "matcher/assignment/lazy_assignment.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <stdexcept>
#include <string>

namespace talentmatch::matcher {
namespace {

struct Holder {
    std::uint32_t graduate;
    ExactScore score;
};
// Heap order: the worst holder on top.
bool ranks_before(const Holder& a, const Holder& b) {
    return job_prefers(a.graduate, a.score, b.graduate, b.score);
}

struct GraduateState {
    std::vector<AssignmentCandidate> buffer;
    std::size_t pos = 0;
    std::uint64_t proposed = 0;
    bool complete = false;
    bool has_cursor = false;
    AssignmentCandidate cursor;
};

void check_chunk(const PreferenceChunk& chunk, const GraduateState& st, std::size_t jobs,
                 std::uint32_t g, bool fetched) {
    auto fail = [g](const char* what) {
        throw std::invalid_argument("chunk of graduate " + std::to_string(g) + ": " + what);
    };
    if (fetched && chunk.jobs.empty() && !chunk.complete) fail("empty but not complete");
    for (std::size_t i = 0; i < chunk.jobs.size(); ++i) {
        const AssignmentCandidate& c = chunk.jobs[i];
        if (c.job >= jobs) fail("job out of range");
        if (c.score.den == 0) fail("score.den must be > 0");
        const AssignmentCandidate* before =
            i > 0 ? &chunk.jobs[i - 1] : (st.has_cursor ? &st.cursor : nullptr);
        if (before != nullptr && !graduate_prefers(*before, c))
            fail("not best first after the cursor");
    }
}

}  // namespace

Assignment lazy_stable_assignment(std::vector<PreferenceChunk> initial,
                                  const std::vector<std::uint32_t>& capacity,
                                  PreferenceSource& source, LazyAssignmentStats* stats) {
    const std::size_t grads = initial.size();
    const std::size_t jobs = capacity.size();
    std::vector<GraduateState> st(grads);
    for (std::size_t g = 0; g < grads; ++g) {
        check_chunk(initial[g], st[g], jobs, std::uint32_t(g), false);
        st[g].buffer = std::move(initial[g].jobs);
        st[g].complete = initial[g].complete;
    }
    initial.clear();
    std::vector<std::vector<Holder>> held(jobs);
    Assignment out;
    out.job_of.assign(grads, kUnassigned);
    out.score_of.assign(grads, ExactScore{});
    LazyAssignmentStats local;
    local.proposers.assign(jobs, 0);
    local.first_choice.assign(grads, kUnassigned);

    std::vector<std::uint32_t> free_list;
    for (std::size_t g = grads; g-- > 0;) free_list.push_back(std::uint32_t(g));
    // Graduates waiting for a fetch, best first: highest cursor (no cursor:
    // first of all), ties by index. Those are the likeliest to be accepted,
    // raising the floors the rest are fetched with; the first max_requests()
    // are fetched now, the rest after their proposals. (The order changes
    // only the work: the result is the same whatever the order of proposals.)
    // A waiting graduate's cursor does not move, so its key is fixed.
    using Waiting = std::pair<double, std::uint32_t>;  // (-cursor score, graduate)
    std::priority_queue<Waiting, std::vector<Waiting>, std::greater<>> waiting;
    std::vector<std::uint32_t> pending;
    for (;;) {
        while (!free_list.empty()) {
            const std::uint32_t g = free_list.back();
            free_list.pop_back();
            GraduateState& s = st[g];
            bool placed = false;
            while (!placed && s.pos < s.buffer.size()) {
                const AssignmentCandidate c = s.buffer[s.pos++];
                if (s.proposed++ == 0) local.first_choice[g] = c.job;
                ++out.proposals;
                ++local.proposers[c.job];
                s.cursor = c;
                s.has_cursor = true;
                auto& heap = held[c.job];
                const Holder entry{g, c.score};
                if (heap.size() < capacity[c.job]) {
                    heap.push_back(entry);
                    std::push_heap(heap.begin(), heap.end(), ranks_before);
                    placed = true;
                } else if (!heap.empty() && ranks_before(entry, heap.front())) {
                    std::pop_heap(heap.begin(), heap.end(), ranks_before);
                    const std::uint32_t dropped = heap.back().graduate;
                    heap.back() = entry;
                    std::push_heap(heap.begin(), heap.end(), ranks_before);
                    out.job_of[dropped] = kUnassigned;
                    out.score_of[dropped] = ExactScore{};
                    free_list.push_back(dropped);
                    placed = true;
                }
                if (placed) {
                    out.job_of[g] = c.job;
                    out.score_of[g] = c.score;
                }
            }
            if (placed) continue;
            if (s.complete) {
                std::vector<AssignmentCandidate>().swap(s.buffer);  // done: free it
            } else {
                const double cap = s.has_cursor ? to_double(s.cursor.score)
                                                : std::numeric_limits<double>::infinity();
                waiting.push({-cap, g});
            }
        }
        if (waiting.empty()) break;
        const std::size_t now = std::min(waiting.size(), source.max_requests());
        pending.clear();
        for (std::size_t i = 0; i < now; ++i) {
            pending.push_back(waiting.top().second);
            waiting.pop();
        }
        std::sort(pending.begin(), pending.end());
        std::vector<ExactScore> floor(jobs, ExactScore{0, 1});
        for (std::size_t j = 0; j < jobs; ++j) {
            if (capacity[j] == 0) {
                floor[j] = ExactScore{std::numeric_limits<std::uint64_t>::max(), 1};
            } else if (held[j].size() == capacity[j]) {
                floor[j] = held[j].front().score;
            }
        }
        std::vector<FetchRequest> requests;
        requests.reserve(pending.size());
        for (std::uint32_t g : pending)
            requests.push_back({g, st[g].proposed, st[g].has_cursor, st[g].cursor});
        std::vector<PreferenceChunk> chunks = source.fetch(requests, floor);
        if (chunks.size() != requests.size())
            throw std::invalid_argument("fetch: one chunk per request expected");
        ++local.fetch_rounds;
        local.fetched_graduates += requests.size();
        for (std::size_t i = 0; i < pending.size(); ++i) {
            const std::uint32_t g = pending[i];
            check_chunk(chunks[i], st[g], jobs, g, true);
            local.fetched_jobs += chunks[i].jobs.size();
            st[g].buffer = std::move(chunks[i].jobs);
            st[g].pos = 0;
            st[g].complete = chunks[i].complete;
        }
        for (std::size_t i = pending.size(); i-- > 0;) free_list.push_back(pending[i]);
    }

    out.holders.resize(jobs);
    for (std::size_t j = 0; j < jobs; ++j) {
        auto& entries = held[j];
        std::sort(entries.begin(), entries.end(), ranks_before);
        out.holders[j].reserve(entries.size());
        for (const auto& e : entries) out.holders[j].push_back(e.graduate);
    }
    if (stats != nullptr) *stats = std::move(local);
    return out;
}

}  // namespace talentmatch::matcher
