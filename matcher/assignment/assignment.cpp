#include "matcher/assignment/assignment.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace talentmatch::matcher {
namespace {

__extension__ typedef unsigned __int128 Wide;

// Each job's holders kept as a heap whose top is the job's *worst* holder.
struct HolderEntry {
    std::uint32_t graduate;
    ExactScore score;
};
// Heap comparator: "a ranks before b" puts the worst on top of std::push_heap.
bool ranks_before(const HolderEntry& a, const HolderEntry& b) {
    return job_prefers(a.graduate, a.score, b.graduate, b.score);
}

void check_input(const AssignmentInput& input) {
    const std::size_t jobs = input.capacity.size();
    std::vector<std::uint32_t> seen(jobs, kUnassigned);
    for (std::size_t g = 0; g < input.candidates.size(); ++g) {
        for (const auto& c : input.candidates[g]) {
            const std::string where = "candidates[" + std::to_string(g) + "]";
            if (c.job >= jobs) {
                throw std::invalid_argument(where + ".job: out of range, got " +
                                            std::to_string(c.job));
            }
            if (c.score.den == 0) throw std::invalid_argument(where + ".score.den: must be > 0");
            if (seen[c.job] == g) {
                throw std::invalid_argument(where + ": job " + std::to_string(c.job) +
                                            " listed twice");
            }
            seen[c.job] = static_cast<std::uint32_t>(g);
        }
    }
}

}  // namespace

int compare(const ExactScore& a, const ExactScore& b) {
    const Wide left = static_cast<Wide>(a.num) * b.den;
    const Wide right = static_cast<Wide>(b.num) * a.den;
    return left < right ? -1 : (left > right ? 1 : 0);
}

double to_double(const ExactScore& s) {
    return static_cast<double>(s.num) / static_cast<double>(s.den);
}

bool graduate_prefers(const AssignmentCandidate& x, const AssignmentCandidate& y) {
    const int c = compare(x.score, y.score);
    return c != 0 ? c > 0 : x.job < y.job;
}

bool job_prefers(std::uint32_t ga, const ExactScore& sa, std::uint32_t gb, const ExactScore& sb) {
    const int c = compare(sa, sb);
    return c != 0 ? c > 0 : ga < gb;
}

Assignment stable_assignment(const AssignmentInput& input) {
    check_input(input);
    const std::size_t grads = input.candidates.size();
    const std::size_t jobs = input.capacity.size();

    // Preference lists, best first.
    std::vector<std::vector<AssignmentCandidate>> prefs = input.candidates;
    for (auto& list : prefs) std::sort(list.begin(), list.end(), graduate_prefers);

    std::vector<std::vector<HolderEntry>> held(jobs);
    std::vector<std::size_t> next(grads, 0);  // next proposal position per graduate
    Assignment out;
    out.job_of.assign(grads, kUnassigned);
    out.score_of.assign(grads, ExactScore{});

    // Free graduates, processed LIFO; the result does not depend on the order.
    std::vector<std::uint32_t> free_list;
    free_list.reserve(grads);
    for (std::size_t g = grads; g-- > 0;) free_list.push_back(static_cast<std::uint32_t>(g));

    while (!free_list.empty()) {
        const std::uint32_t g = free_list.back();
        free_list.pop_back();
        while (next[g] < prefs[g].size()) {
            const AssignmentCandidate& c = prefs[g][next[g]++];
            ++out.proposals;
            auto& heap = held[c.job];
            const HolderEntry entry{g, c.score};
            if (heap.size() < input.capacity[c.job]) {
                heap.push_back(entry);
                std::push_heap(heap.begin(), heap.end(), ranks_before);
                out.job_of[g] = c.job;
                out.score_of[g] = c.score;
                break;
            }
            if (heap.empty() || !ranks_before(entry, heap.front())) continue;  // rejected
            std::pop_heap(heap.begin(), heap.end(), ranks_before);
            const std::uint32_t dropped = heap.back().graduate;
            heap.back() = entry;
            std::push_heap(heap.begin(), heap.end(), ranks_before);
            out.job_of[dropped] = kUnassigned;
            out.score_of[dropped] = ExactScore{};
            out.job_of[g] = c.job;
            out.score_of[g] = c.score;
            free_list.push_back(dropped);
            break;
        }
    }

    out.holders.resize(jobs);
    for (std::size_t j = 0; j < jobs; ++j) {
        auto entries = held[j];
        std::sort(entries.begin(), entries.end(), ranks_before);
        out.holders[j].reserve(entries.size());
        for (const auto& e : entries) out.holders[j].push_back(e.graduate);
    }
    return out;
}

std::vector<BlockingPair> find_blocking_pairs(const AssignmentInput& input,
                                              const Assignment& assignment) {
    const std::size_t jobs = input.capacity.size();
    // Each job's worst holder and its score (from the candidate lists).
    std::vector<bool> has_worst(jobs, false);
    std::vector<HolderEntry> worst(jobs);
    std::vector<std::size_t> count(jobs, 0);
    for (std::size_t g = 0; g < input.candidates.size(); ++g) {
        const std::uint32_t j = assignment.job_of[g];
        if (j == kUnassigned) continue;
        for (const auto& c : input.candidates[g]) {
            if (c.job != j) continue;
            const HolderEntry e{static_cast<std::uint32_t>(g), c.score};
            ++count[j];
            if (!has_worst[j] || ranks_before(worst[j], e)) worst[j] = e;
            has_worst[j] = true;
        }
    }
    std::vector<BlockingPair> out;
    for (std::size_t g = 0; g < input.candidates.size(); ++g) {
        const std::uint32_t mine = assignment.job_of[g];
        const AssignmentCandidate* current = nullptr;
        for (const auto& c : input.candidates[g]) {
            if (c.job == mine) current = &c;
        }
        for (const auto& c : input.candidates[g]) {
            if (c.job == mine) continue;
            if (current != nullptr && !graduate_prefers(c, *current)) continue;
            const HolderEntry e{static_cast<std::uint32_t>(g), c.score};
            const bool job_wants = count[c.job] < input.capacity[c.job] ||
                                   (has_worst[c.job] && ranks_before(e, worst[c.job]));
            if (job_wants) out.push_back({static_cast<std::uint32_t>(g), c.job});
        }
    }
    return out;
}

}  // namespace talentmatch::matcher
