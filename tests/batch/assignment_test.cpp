// The stable assignment against plain oracles: a dense brute-force blocking
// pair search, capacity and acceptability checks, and the maximum-weight
// assignment from networkx min-cost flow (tests/batch/max_weight_assignment.py).
#include "matcher/assignment/assignment.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace talentmatch::matcher {
namespace {

struct Instance {
    AssignmentInput input;
    // dense[g][j]: the pair's score when acceptable.
    std::vector<std::vector<std::optional<ExactScore>>> dense;
};

// Random instance; `fixed_den` > 0 makes every score num / fixed_den (integer weights).
Instance random_instance(std::mt19937_64& rng, int grads, int jobs, double density,
                         std::uint64_t fixed_den) {
    Instance inst;
    inst.input.candidates.resize(grads);
    inst.dense.assign(grads, std::vector<std::optional<ExactScore>>(jobs));
    std::uniform_int_distribution<int> cap(0, 3);
    for (int j = 0; j < jobs; ++j) inst.input.capacity.push_back(cap(rng));
    std::uniform_real_distribution<double> coin(0, 1);
    std::uniform_int_distribution<std::uint64_t> num(0, 20);  // small range: many ties
    std::uniform_int_distribution<std::uint64_t> den(1, 6);
    for (int g = 0; g < grads; ++g) {
        for (int j = 0; j < jobs; ++j) {
            if (coin(rng) >= density) continue;
            const ExactScore s{num(rng), fixed_den > 0 ? fixed_den : den(rng)};
            inst.dense[g][j] = s;
            inst.input.candidates[g].push_back({static_cast<std::uint32_t>(j), s});
        }
        std::shuffle(inst.input.candidates[g].begin(), inst.input.candidates[g].end(), rng);
    }
    return inst;
}

// Brute force over every (graduate, job) pair and every holder: no shortcut
// shared with find_blocking_pairs.
int count_blocking_pairs_brute_force(const Instance& inst, const Assignment& a) {
    const int grads = static_cast<int>(inst.dense.size());
    const int jobs = static_cast<int>(inst.input.capacity.size());
    int blocking = 0;
    for (int g = 0; g < grads; ++g) {
        for (int j = 0; j < jobs; ++j) {
            if (!inst.dense[g][j] || a.job_of[g] == static_cast<std::uint32_t>(j)) continue;
            const ExactScore s = *inst.dense[g][j];
            bool g_wants = a.job_of[g] == kUnassigned;
            if (!g_wants) {
                const int mine = static_cast<int>(a.job_of[g]);
                const int c = compare(s, *inst.dense[g][mine]);
                g_wants = c > 0 || (c == 0 && j < mine);
            }
            if (!g_wants) continue;
            int held = 0;
            bool j_wants = false;
            for (int h = 0; h < grads; ++h) {
                if (a.job_of[h] != static_cast<std::uint32_t>(j)) continue;
                ++held;
                const int c = compare(s, *inst.dense[h][j]);
                if (c > 0 || (c == 0 && g < h)) j_wants = true;
            }
            if (held < static_cast<int>(inst.input.capacity[j])) j_wants = true;
            if (j_wants) ++blocking;
        }
    }
    return blocking;
}

void expect_feasible(const Instance& inst, const Assignment& a) {
    const int jobs = static_cast<int>(inst.input.capacity.size());
    std::vector<std::uint32_t> load(jobs, 0);
    for (std::size_t g = 0; g < a.job_of.size(); ++g) {
        if (a.job_of[g] == kUnassigned) continue;
        ASSERT_TRUE(inst.dense[g][a.job_of[g]].has_value())
            << "graduate " << g << " got unacceptable job " << a.job_of[g];
        EXPECT_EQ(compare(a.score_of[g], *inst.dense[g][a.job_of[g]]), 0);
        ++load[a.job_of[g]];
    }
    for (int j = 0; j < jobs; ++j) {
        EXPECT_LE(load[j], inst.input.capacity[j]) << "job " << j;
        EXPECT_EQ(load[j], a.holders[j].size());
    }
}

TEST(StableAssignment, RandomInstancesHaveNoBlockingPairAndRespectCapacity) {
    std::mt19937_64 rng(20240611);
    for (int trial = 0; trial < 300; ++trial) {
        std::uniform_int_distribution<int> size(1, 14);
        const Instance inst = random_instance(rng, size(rng), size(rng), 0.5, 0);
        const Assignment a = stable_assignment(inst.input);
        expect_feasible(inst, a);
        EXPECT_EQ(count_blocking_pairs_brute_force(inst, a), 0) << "trial " << trial;
        EXPECT_TRUE(find_blocking_pairs(inst.input, a).empty()) << "trial " << trial;
    }
}

TEST(StableAssignment, ResultDoesNotDependOnCandidateOrder) {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        Instance inst = random_instance(rng, 12, 6, 0.6, 0);
        const Assignment first = stable_assignment(inst.input);
        for (auto& list : inst.input.candidates) std::shuffle(list.begin(), list.end(), rng);
        const Assignment second = stable_assignment(inst.input);
        EXPECT_EQ(first.job_of, second.job_of);
        EXPECT_EQ(first.holders, second.holders);
    }
}

TEST(StableAssignment, HigherScorerDisplacesAndTiesGoToLowerIndex) {
    AssignmentInput in;
    in.capacity = {1, 1};
    // Graduates 0 and 1 both rank job 0 first with equal score 1/2: graduate 0 wins
    // the tie; graduate 2 scores 3/4 on job 0 and displaces it.
    in.candidates = {{{0, {1, 2}}, {1, {1, 3}}}, {{0, {2, 4}}, {1, {1, 5}}}, {{0, {3, 4}}}};
    const Assignment a = stable_assignment(in);
    EXPECT_EQ(a.job_of, (std::vector<std::uint32_t>{1, kUnassigned, 0}));
    EXPECT_TRUE(find_blocking_pairs(in, a).empty());
}

TEST(StableAssignment, CheckerFindsAPlantedBlockingPair) {
    AssignmentInput in;
    in.capacity = {1, 1};
    in.candidates = {{{0, {9, 10}}, {1, {1, 10}}}, {{0, {1, 10}}}};
    Assignment bad;
    bad.job_of = {1, 0};
    bad.score_of = {{1, 10}, {1, 10}};
    bad.holders = {{1}, {0}};
    EXPECT_EQ(find_blocking_pairs(in, bad), (std::vector<BlockingPair>{{0, 0}}));
}

TEST(StableAssignment, RejectsBadCandidates) {
    AssignmentInput in;
    in.capacity = {1};
    in.candidates = {{{1, {1, 2}}}};
    EXPECT_THROW(stable_assignment(in), std::invalid_argument);
    in.candidates = {{{0, {1, 2}}, {0, {1, 3}}}};
    EXPECT_THROW(stable_assignment(in), std::invalid_argument);
    in.candidates = {{{0, {1, 0}}}};
    EXPECT_THROW(stable_assignment(in), std::invalid_argument);
}

TEST(ExactScore, ComparesWithoutRounding) {
    // 1/3 vs 333333333333/1000000000000: a double-free comparison.
    EXPECT_EQ(compare({1, 3}, {333333333333ull, 1000000000000ull}), 1);
    EXPECT_EQ(compare({2, 6}, {1, 3}), 0);
    const std::uint64_t big = 0xFFFFFFFFFFFFull;
    EXPECT_EQ(compare({big - 1, big}, {big - 2, big - 1}), 1);
}

// Runs the networkx reference; returns its JSON answer.
nlohmann::json max_weight_by_networkx(const Instance& inst, std::uint64_t den,
                                      const std::filesystem::path& dir) {
    const auto file = dir / "instance.txt";
    {
        std::ofstream out(file);
        out << inst.dense.size() << ' ' << inst.input.capacity.size() << '\n';
        for (auto c : inst.input.capacity) out << c << '\n';
        for (std::size_t g = 0; g < inst.dense.size(); ++g) {
            for (std::size_t j = 0; j < inst.dense[g].size(); ++j) {
                if (!inst.dense[g][j]) continue;
                EXPECT_EQ(inst.dense[g][j]->den, den);
                out << g << ' ' << j << ' ' << inst.dense[g][j]->num << '\n';
            }
        }
    }
    const std::string cmd = "/usr/bin/python3 " TALENTMATCH_SOURCE_DIR
                            "/tests/batch/max_weight_assignment.py " +
                            file.string();
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen failed");
    std::string text;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
    const int status = pclose(pipe);
    if (status != 0) throw std::runtime_error("python reference failed: " + cmd);
    return nlohmann::json::parse(text);
}

TEST(StableAssignment, ComparedWithMaxWeightAssignmentFromNetworkx) {
    const auto dir =
        std::filesystem::temp_directory_path() / ("tm_assign_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::mt19937_64 rng(99);
    const std::uint64_t den = 1000;
    std::uint64_t stable_total = 0, max_total = 0, stable_placed = 0, max_placed = 0;
    int equal_instances = 0;
    const int trials = 40;
    for (int trial = 0; trial < trials; ++trial) {
        std::uniform_int_distribution<int> size(3, 12);
        Instance inst = random_instance(rng, size(rng), size(rng), 0.45, den);
        const Assignment a = stable_assignment(inst.input);
        std::uint64_t total = 0, placed = 0;
        for (std::size_t g = 0; g < a.job_of.size(); ++g) {
            if (a.job_of[g] == kUnassigned) continue;
            total += a.score_of[g].num;
            ++placed;
        }
        const nlohmann::json ref = max_weight_by_networkx(inst, den, dir);
        // The reference must itself be a valid assignment with the total it claims.
        std::vector<int> grad_used(inst.dense.size(), 0);
        std::vector<std::uint32_t> load(inst.input.capacity.size(), 0);
        std::uint64_t ref_total = 0;
        for (const auto& pair : ref.at("pairs")) {
            const int g = pair.at(0), j = pair.at(1);
            ASSERT_TRUE(inst.dense.at(g).at(j).has_value());
            ref_total += inst.dense[g][j]->num;
            ++grad_used[g];
            ++load[j];
        }
        for (int used : grad_used) EXPECT_LE(used, 1);
        for (std::size_t j = 0; j < load.size(); ++j) EXPECT_LE(load[j], inst.input.capacity[j]);
        EXPECT_EQ(ref_total, ref.at("total").get<std::uint64_t>());
        EXPECT_LE(total, ref_total) << "trial " << trial;
        stable_total += total;
        max_total += ref_total;
        stable_placed += placed;
        max_placed += ref.at("placements").get<std::uint64_t>();
        if (total == ref_total) ++equal_instances;
    }
    std::filesystem::remove_all(dir);
    const double ratio = max_total == 0 ? 1.0 : double(stable_total) / double(max_total);
    std::cout << "stable vs max-weight over " << trials << " instances: total score "
              << stable_total << " / " << max_total << " (ratio " << ratio << "), placements "
              << stable_placed << " / " << max_placed << ", equal on " << equal_instances
              << " instances\n";
    RecordProperty("stable_total", std::to_string(stable_total));
    RecordProperty("max_weight_total", std::to_string(max_total));
    EXPECT_GT(stable_total, 0u);
}

}  // namespace
}  // namespace talentmatch::matcher
