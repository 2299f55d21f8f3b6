#pragma once
// ConnectionRegistry: the open client connections of the HTTP front, with
// what the event library does not do itself:
//  - soft caps, per client address and in total: a connection opened beyond
//    a cap is marked `over_cap`, and the front answers its first request 503
//    (problem+json, Connection: close) instead of serving it; the library's
//    own hard caps, a little higher, close further connections at accept;
//  - read deadlines: each connection carries the time by which the request
//    it is reading must be complete (headers, then body); a watchdog thread
//    shuts the socket down (shutdown(2), never close(2)) once it has passed,
//    so a client dribbling a byte at a time is dropped even though every
//    byte resets the library's inactivity timeout.
// It knows nothing of HTTP; it sees file descriptors and addresses.
//
// Thread-safety: open(), close() and the watchdog take mutex_; an entry's
// deadline is an atomic, set by the connection's event thread without the
// lock. close() must be called before the descriptor is closed: the watchdog
// shuts sockets down under mutex_, so it never touches a reused descriptor.
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace talentmatch::api {

class ConnectionRegistry {
  public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::int64_t kNoDeadline = INT64_MAX;

    struct Entry {
        int fd = -1;
        std::string client;  // the peer's address bytes (the per-client key)
        bool over_cap = false;
        bool shut = false;  // guarded by the registry's mutex_
        // Nanoseconds since Clock's epoch; kNoDeadline while the request is
        // being processed or answered.
        std::atomic<std::int64_t> deadline{kNoDeadline};
    };
    ConnectionRegistry(std::size_t max_total, std::size_t max_per_client);
    ~ConnectionRegistry();
    ConnectionRegistry(const ConnectionRegistry&) = delete;
    ConnectionRegistry& operator=(const ConnectionRegistry&) = delete;

    // Registers a connection; the entry lives until close(entry).
    Entry* open(int fd, const sockaddr* peer);
    void close(Entry* entry);

    static void set_deadline(Entry& entry, Clock::time_point when) {
        entry.deadline.store(when.time_since_epoch().count(), std::memory_order_relaxed);
    }
    static void clear_deadline(Entry& entry) {
        entry.deadline.store(kNoDeadline, std::memory_order_relaxed);
    }
    static bool expired(const Entry& entry, Clock::time_point now) {
        return entry.deadline.load(std::memory_order_relaxed) <= now.time_since_epoch().count();
    }

    // Shuts down every connection whose deadline has passed; returns how many.
    std::size_t shed_expired(Clock::time_point now);
    // Runs shed_expired() every `period` on a thread until stop_watchdog().
    void start_watchdog(std::chrono::milliseconds period);
    void stop_watchdog();

  private:
    const std::size_t max_total_;
    const std::size_t max_per_client_;
    std::mutex mutex_;  // guards entries_, per_client_, Entry::shut, stopping_
    std::unordered_map<Entry*, std::unique_ptr<Entry>> entries_;
    std::unordered_map<std::string, std::size_t> per_client_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread watchdog_;  // last: uses the members above
};

}  // namespace talentmatch::api
