#include "api/query_gate.hpp"

#include <algorithm>
#include <thread>

namespace talentmatch::api {

std::size_t default_query_slots() {
    return std::size_t{std::max(1u, std::thread::hardware_concurrency())} + 1;
}

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
    // wait() returns once the word is no longer 0; a spurious or stale wake
    // only makes this loop re-check.
    while (me.granted.load(std::memory_order_acquire) == 0) {
        me.granted.wait(0, std::memory_order_acquire);
    }
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
    next->granted.notify_one();
}

std::size_t QueryGate::waiting() const {
    std::lock_guard lock(mutex_);
    return waiters_.size();
}

}  // namespace talentmatch::api
