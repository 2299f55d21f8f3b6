#pragma once
// QueryGate: at most N engine queries run at once; the rest wait in arrival
// order (FIFO) and are handed a slot as one finishes.
//
// Why: each request runs on one of the HTTP front's worker threads, so 32
// busy connections are 32 runnable threads on 2 cores. Left to the scheduler,
// a match query (~0.1 ms of CPU) is time-sliced among all of them: measured on
// 2 cores with wrk -c32, p99 was 13-25 ms for a 2.8 ms median, and a write's
// publication thread got 1/33 of the CPU (graduate write -> visible 1.3-1.7 s).
// With one slot per core the waiting threads sleep, queries finish in arrival
// order (p99 ~1.4x the median) and publication competes with a handful of
// threads, not 32. Light reads (entity GETs) do not pass the gate: for them
// the handoff would cost more than the query (figures: bench/api_bench.sh).
//
// Each waiting thread sleeps on its own futex word and is woken only when a
// slot is handed to it, after the gate's mutex is released: no thundering
// herd, no spinning, and the woken thread never runs into the mutex its waker
// still holds. (A condition variable signalled under the mutex cost ~4 futex
// calls per handoff instead of 2.) Linux only, like the rest of the server.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

namespace talentmatch::api {

// One slot per hardware thread, plus one: a core stays busy while one slot's
// thread is between its query and the next (measured on 2 cores: 3 slots gave
// ~8,500 requests/s and p99 ~5.4 ms, 2 slots ~7,800 and ~6.1 ms).
std::size_t default_query_slots();

class QueryGate {
  public:
    // slots = 0: no limit (every query runs at once).
    explicit QueryGate(std::size_t slots) : free_(slots), unlimited_(slots == 0) {}
    QueryGate(const QueryGate&) = delete;
    QueryGate& operator=(const QueryGate&) = delete;

    // Holds one slot for its lifetime.
    class Slot {
      public:
        explicit Slot(QueryGate& gate) : gate_(gate) { gate_.acquire(); }
        ~Slot() { gate_.release(); }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;

      private:
        QueryGate& gate_;
    };

    // Queries waiting for a slot now (for /metrics).
    std::size_t waiting() const;

  private:
    // One per thread (thread_local), so it outlives any wake aimed at it.
    struct Waiter {
        std::atomic<std::uint32_t> granted{0};
    };
    void acquire();
    void release();

    mutable std::mutex mutex_;
    std::size_t free_;
    bool unlimited_;
    std::deque<Waiter*> waiters_;
};

}  // namespace talentmatch::api
