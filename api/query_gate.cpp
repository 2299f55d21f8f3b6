#include "api/query_gate.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

namespace talentmatch::api {

std::size_t default_query_slots() {
    return std::size_t{std::max(1u, std::thread::hardware_concurrency())} + 1;
}

namespace {

static_assert(sizeof(std::atomic<std::uint32_t>) == 4 &&
                  std::atomic<std::uint32_t>::is_always_lock_free,
              "the futex word must be a plain 32-bit integer");

// Sleeps while *word == expected (returns at once otherwise, or spuriously).
void futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected) {
    syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAIT_PRIVATE, expected,
            nullptr, nullptr, 0);
}

void futex_wake_one(std::atomic<std::uint32_t>& word) {
    syscall(SYS_futex, reinterpret_cast<std::uint32_t*>(&word), FUTEX_WAKE_PRIVATE, 1, nullptr,
            nullptr, 0);
}

}  // namespace

void QueryGate::acquire() {
    if (unlimited_) return;
    thread_local Waiter me;
    {
        std::lock_guard lock(mutex_);
        if (free_ > 0) {
            --free_;
            return;
        }
        me.granted.store(0, std::memory_order_relaxed);
        waiters_.push_back(&me);
    }
    // A wake left over from an earlier handoff only makes this loop re-check.
    while (me.granted.load(std::memory_order_acquire) == 0) futex_wait(me.granted, 0);
}

void QueryGate::release() {
    if (unlimited_) return;
    Waiter* next = nullptr;
    {
        std::lock_guard lock(mutex_);
        if (waiters_.empty()) {
            ++free_;
            return;
        }
        // The slot passes straight to the oldest waiter; free_ stays as it is.
        next = waiters_.front();
        waiters_.pop_front();
    }
    next->granted.store(1, std::memory_order_release);
    futex_wake_one(next->granted);
}

std::size_t QueryGate::waiting() const {
    std::lock_guard lock(mutex_);
    return waiters_.size();
}

}  // namespace talentmatch::api
