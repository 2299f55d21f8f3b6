#include "api/query_gate.hpp"

#include <algorithm>
#include <thread>

namespace talentmatch::api {

std::size_t default_query_slots() {
    return std::max(1u, std::thread::hardware_concurrency());
}

void QueryGate::acquire() {
    if (unlimited_) return;
    Waiter me;
    std::unique_lock lock(mutex_);
    if (free_ > 0) {
        --free_;
        return;
    }
    waiters_.push_back(&me);
    me.wake.wait(lock, [&me] { return me.granted; });
}

void QueryGate::release() {
    if (unlimited_) return;
    std::lock_guard lock(mutex_);
    if (waiters_.empty()) {
        ++free_;
        return;
    }
    // The slot passes straight to the oldest waiter; free_ stays as it is.
    Waiter* next = waiters_.front();
    waiters_.pop_front();
    next->granted = true;
    next->wake.notify_one();
}

std::size_t QueryGate::waiting() const {
    std::lock_guard lock(mutex_);
    return waiters_.size();
}

}  // namespace talentmatch::api
