// QueryGate with real threads: never more than N holders, waiters served in
// arrival order, 0 = no limit.
#include "api/query_gate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace talentmatch::api {
namespace {

using namespace std::chrono_literals;

// Spins until `done` or a generous deadline (the test fails, never hangs).
bool wait_until(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(1ms);
    }
    return true;
}

TEST(QueryGate, NeverMoreHoldersThanSlots) {
    for (const std::size_t slots : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
        QueryGate gate(slots);
        std::atomic<int> inside{0};
        std::atomic<int> most{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 200; ++i) {
                    const QueryGate::Slot slot(gate);
                    const int now = ++inside;
                    int seen = most.load();
                    while (now > seen && !most.compare_exchange_weak(seen, now)) {
                    }
                    std::this_thread::yield();
                    --inside;
                }
            });
        }
        for (auto& t : threads) t.join();
        EXPECT_LE(most.load(), int(slots)) << slots << " slots";
        EXPECT_GE(most.load(), 1);
        EXPECT_EQ(gate.waiting(), 0u);
    }
}

TEST(QueryGate, WaitersAreServedInArrivalOrder) {
    QueryGate gate(1);
    auto first = std::make_unique<QueryGate::Slot>(gate);  // the gate is full
    std::mutex order_mutex;
    std::vector<int> order;
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t) {
        // Start waiter t only once t-1 is queued, so arrival order is known.
        ASSERT_TRUE(wait_until([&] { return gate.waiting() == std::size_t(t); }));
        threads.emplace_back([&, t] {
            const QueryGate::Slot slot(gate);
            std::lock_guard lock(order_mutex);
            order.push_back(t);
        });
    }
    ASSERT_TRUE(wait_until([&] { return gate.waiting() == 6u; }));
    first.reset();
    for (auto& t : threads) t.join();
    EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5}));
}

TEST(QueryGate, ZeroSlotsMeansNoLimit) {
    QueryGate gate(0);
    std::vector<std::unique_ptr<QueryGate::Slot>> held;
    for (int i = 0; i < 100; ++i) held.push_back(std::make_unique<QueryGate::Slot>(gate));
    EXPECT_EQ(gate.waiting(), 0u);
}

TEST(QueryGate, DefaultIsOneSlotPerCorePlusOne) {
    EXPECT_EQ(default_query_slots(),
              std::size_t(std::max(1u, std::thread::hardware_concurrency())) + 1);
}

}  // namespace
}  // namespace talentmatch::api
