#pragma once
// QueryGate: at most N engine queries run at once; the rest wait in arrival
// order (FIFO) and are handed a slot as one finishes.
//
// Why: each request runs on one of the HTTP front's worker threads, so many
// busy connections are many runnable threads on few cores. Left to the
// scheduler, a match query is time-sliced among all of them: its tail latency
// grows with the connection count, and a write's publication thread gets a
// small share of the CPU. With about one slot per core the waiting threads
// sleep, queries finish in arrival order and publication competes with a
// handful of threads. Light reads (entity GETs) do not pass the gate: for them
// the hand-off would cost more than the query. The figures are in commits
// aec0d89 and 531ad74 and in bench/api_bench.sh (its ungated row,
// --query-slots 0, is the gate's baseline).
//
// Each waiting thread sleeps on its own word (std::atomic<uint32_t>::wait) and
// is woken (notify_one) only when a slot is handed to it, after the gate's
// mutex is released: no thundering herd, and the woken thread never runs into
// the mutex its waker still holds (a condition variable signalled under the
// mutex costs more system calls per hand-off; commit 531ad74).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>

namespace talentmatch::api {

// One slot per hardware thread, plus one: a core stays busy while one slot's
// thread is between its query and the next (commit 531ad74 has the figures).
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
    // `granted` is 0 while waiting, 1 once release() handed it the slot.
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
