#include "api/connection_registry.hpp"

#include <netinet/in.h>

namespace talentmatch::api {
namespace {

std::string client_key(const sockaddr* peer) {
    if (peer == nullptr) return {};
    if (peer->sa_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(peer);
        return std::string(reinterpret_cast<const char*>(&in->sin_addr), sizeof in->sin_addr);
    }
    if (peer->sa_family == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(peer);
        return std::string(reinterpret_cast<const char*>(&in6->sin6_addr), sizeof in6->sin6_addr);
    }
    return {};
}

}  // namespace

ConnectionRegistry::ConnectionRegistry(std::size_t max_total, std::size_t max_per_client)
    : max_total_(max_total), max_per_client_(max_per_client) {}

ConnectionRegistry::~ConnectionRegistry() {
    stop_watchdog();
}

ConnectionRegistry::Entry* ConnectionRegistry::open(int fd, const sockaddr* peer) {
    auto entry = std::make_unique<Entry>();
    entry->fd = fd;
    entry->client = client_key(peer);
    Entry* raw = entry.get();
    std::lock_guard lock(mutex_);
    const std::size_t from_client = ++per_client_[raw->client];
    entries_.emplace(raw, std::move(entry));
    raw->over_cap = from_client > max_per_client_ || entries_.size() > max_total_;
    return raw;
}

void ConnectionRegistry::close(Entry* entry) {
    if (entry == nullptr) return;
    std::lock_guard lock(mutex_);
    const auto it = per_client_.find(entry->client);
    if (it != per_client_.end() && --it->second == 0) per_client_.erase(it);
    entries_.erase(entry);
}

std::size_t ConnectionRegistry::shed_expired(Clock::time_point now) {
    std::size_t shed = 0;
    std::lock_guard lock(mutex_);
    for (auto& [raw, entry] : entries_) {
        if (entry->shut || !expired(*entry, now)) continue;
        // The event thread then reads end-of-file and closes the connection.
        ::shutdown(entry->fd, SHUT_RDWR);
        entry->shut = true;
        ++shed;
    }
    return shed;
}

void ConnectionRegistry::start_watchdog(std::chrono::milliseconds period) {
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    watchdog_ = std::thread([this, period] {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, period, [this] { return stopping_; })) {
            lock.unlock();
            shed_expired(Clock::now());
            lock.lock();
        }
    });
}

void ConnectionRegistry::stop_watchdog() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
}

}  // namespace talentmatch::api
