// The HTTP front under hostile clients, over raw loopback sockets: body limits
// while reading (chunked), authentication before the body, slow senders and
// idle connections that must not starve a fresh client, per-client caps and
// header deadlines. Every wait is bounded by a generous timeout; nothing
// asserts on latency.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <httplib.h>

#include "api_harness.hpp"

namespace talentmatch::api::testing {
namespace {

using namespace std::chrono_literals;

// A client socket to 127.0.0.1:port; closed at destruction.
class RawSocket {
  public:
    explicit RawSocket(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    }
    ~RawSocket() {
        if (fd_ >= 0) ::close(fd_);
    }
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    bool connected() const { return connected_; }
    // False once the peer has closed or reset the connection.
    bool send(const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }
    // Waits up to `timeout` for data; appends what arrived to received().
    // Returns false when the peer closed (or reset) the connection.
    bool poll_read(std::chrono::milliseconds timeout) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return true;
        char buffer[4096];
        const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        received_.append(buffer, static_cast<std::size_t>(n));
        return true;
    }
    // Reads until the received text holds `marker` or the peer closed, for at
    // most `timeout`; true when the marker arrived.
    bool read_until(const std::string& marker, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (received_.find(marker) == std::string::npos &&
               std::chrono::steady_clock::now() < deadline) {
            if (!poll_read(50ms)) break;
        }
        return received_.find(marker) != std::string::npos;
    }
    // The status code of the first response received, 0 if none yet.
    int status() const {
        if (received_.rfind("HTTP/1.1 ", 0) != 0 || received_.size() < 12) return 0;
        return std::stoi(received_.substr(9, 3));
    }
    const std::string& received() const { return received_; }

  private:
    int fd_ = -1;
    bool connected_ = false;
    std::string received_;
};

std::string chunked_put_head(const std::string& path, const std::string& key) {
    std::string head = "PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!key.empty()) head += "Authorization: Bearer " + key + "\r\n";
    return head + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
}

std::string chunk(std::size_t size) {
    char length[32];
    std::snprintf(length, sizeof length, "%zx\r\n", size);
    return length + std::string(size, ' ') + "\r\n";
}

// A fresh client's GET, with a generous timeout; the status, or -1 on failure.
int fresh_get(int port, const std::string& path, const std::string& key = "") {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(20, 0);
    client.set_read_timeout(20, 0);
    httplib::Headers headers;
    if (!key.empty()) headers.emplace("Authorization", "Bearer " + key);
    const auto result = client.Get(path, headers);
    return result ? result->status : -1;
}

TEST(ConnectionLimits, ChunkedBodyOverTheLimitIs413BeforeTheBodyEnds) {
    constexpr std::size_t kLimit = 64 * 1024;
    Harness h(true, [](ServerOptions& o) { o.max_body_bytes = kLimit; });
    RawSocket s(h.port());
    ASSERT_TRUE(s.connected());
    ASSERT_TRUE(s.send(chunked_put_head("/v1/jobs/big", h.key("admin"))));
    // Up to 16x the limit, 4 KiB at a time, watching for an early answer; the
    // terminating chunk is never sent, so only a limit enforced while reading
    // answers at all.
    std::size_t sent = 0;
    while (sent < 16 * kLimit && s.status() == 0) {
        if (!s.send(chunk(4096))) break;
        sent += 4096;
        if (!s.poll_read(sent > kLimit ? 20ms : 0ms)) break;
    }
    s.read_until("\r\n\r\n", 20s);
    EXPECT_EQ(s.status(), 413) << s.received().substr(0, 300);
    EXPECT_NE(s.received().find("application/problem+json"), std::string::npos);
    EXPECT_LT(sent, 16 * kLimit);  // answered while the body was still coming
    EXPECT_EQ(fresh_get(h.port(), "/v1/jobs/big", h.key("admin")), 404);  // nothing stored
}

TEST(ConnectionLimits, ChunkedUploadWithoutAKeyIs401BeforeAnyBodyByte) {
    Harness h;
    RawSocket s(h.port());
    ASSERT_TRUE(s.send(chunked_put_head("/v1/jobs/x", "")));  // headers only
    ASSERT_TRUE(s.read_until("\r\n\r\n", 20s)) << "no answer to the headers alone";
    EXPECT_EQ(s.status(), 401);
    EXPECT_NE(s.received().find("WWW-Authenticate: Bearer"), std::string::npos);
}

TEST(ConnectionLimits, ChunkedUploadByARoleNotAllowedIs403BeforeAnyBodyByte) {
    Harness h;
    RawSocket s(h.port());
    ASSERT_TRUE(s.send(chunked_put_head("/v1/jobs/x", h.key("viewer"))));
    ASSERT_TRUE(s.read_until("\r\n\r\n", 20s)) << "no answer to the headers alone";
    EXPECT_EQ(s.status(), 403);
}

// Keeps `count` connections dribbling a never-ending header, one byte per
// connection every `period`, until destroyed.
class Dribblers {
  public:
    Dribblers(int port, int count, std::chrono::milliseconds period) {
        for (int i = 0; i < count; ++i) sockets_.push_back(std::make_unique<RawSocket>(port));
        thread_ = std::thread([this, period] {
            const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
            std::size_t at = 0;
            while (!stop_) {
                for (auto& s : sockets_) {
                    s->send(at < head.size() ? head.substr(at, 1) : std::string("a"));
                }
                ++at;
                for (auto t = 0ms; t < period && !stop_; t += 10ms)
                    std::this_thread::sleep_for(10ms);
            }
        });
    }
    ~Dribblers() {
        stop_ = true;
        thread_.join();
    }
    std::vector<std::unique_ptr<RawSocket>>& sockets() { return sockets_; }

  private:
    std::vector<std::unique_ptr<RawSocket>> sockets_;
    std::atomic<bool> stop_{false};
    std::thread thread_;  // last: uses the members above
};

TEST(ConnectionLimits, SlowSendersDoNotStarveAFreshClient) {
    Harness h(true, [](ServerOptions& o) { o.threads = 8; });
    Dribblers slow(h.port(), 40, 300ms);  // 5x the worker count
    std::this_thread::sleep_for(200ms);   // every slow connection accepted
    EXPECT_EQ(fresh_get(h.port(), "/healthz"), 200);
    EXPECT_EQ(fresh_get(h.port(), "/v1/graduates/g1/matches?k=3", h.key("admin")), 200);
}

TEST(ConnectionLimits, IdleConnectionsBeyondTheWorkerCountDoNotBlockAFreshClient) {
    Harness h(true, [](ServerOptions& o) {
        o.threads = 8;
        o.keep_alive_timeout = std::chrono::seconds(60);
    });
    std::vector<std::unique_ptr<RawSocket>> idle;
    for (int i = 0; i < 40; ++i) {
        idle.push_back(std::make_unique<RawSocket>(h.port()));
        // Half have been served once and wait, kept alive, for a next request.
        if (i % 2 == 0) {
            idle.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            idle.back()->read_until("\"ok\"", 20s);
        }
    }
    EXPECT_EQ(fresh_get(h.port(), "/healthz"), 200);
    EXPECT_EQ(fresh_get(h.port(), "/v1/graduates/g1/matches?k=3", h.key("admin")), 200);
}

TEST(ConnectionLimits, ConnectionsBeyondThePerClientCapAre503) {
    Harness h(true, [](ServerOptions& o) { o.max_connections_per_client = 4; });
    std::vector<std::unique_ptr<RawSocket>> held;
    for (int i = 0; i < 4; ++i) held.push_back(std::make_unique<RawSocket>(h.port()));
    std::this_thread::sleep_for(200ms);  // the four are accepted first
    RawSocket extra(h.port());
    ASSERT_TRUE(extra.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    ASSERT_TRUE(extra.read_until("\r\n\r\n", 20s));
    EXPECT_EQ(extra.status(), 503) << extra.received();
    EXPECT_NE(extra.received().find("too many connections"), std::string::npos);
    // Once the held connections are gone, the address is served again.
    held.clear();
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
        std::this_thread::sleep_for(50ms);
        status = fresh_get(h.port(), "/healthz");
    }
    EXPECT_EQ(status, 200);
}

TEST(ConnectionLimits, AHeaderDribbledPastTheDeadlineIsDropped) {
    Harness h(true, [](ServerOptions& o) { o.header_timeout = std::chrono::seconds(1); });
    Dribblers slow(h.port(), 1, 100ms);
    RawSocket& s = *slow.sockets().front();
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    bool open = true;
    while (open && std::chrono::steady_clock::now() < deadline) open = s.poll_read(100ms);
    EXPECT_FALSE(open) << "the server still reads a header that never ends";
}

TEST(ConnectionLimits, HeadIsAnsweredWithoutABody) {
    Harness h;
    RawSocket s(h.port());
    ASSERT_TRUE(
        s.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\n"
               "Host: x\r\n\r\n"));
    ASSERT_TRUE(s.read_until("\"ok\"", 20s));
    // The HEAD answer carries no body: the next bytes are the GET's answer.
    const auto second = s.received().find("HTTP/1.1 200", 1);
    ASSERT_NE(second, std::string::npos) << s.received();
    EXPECT_EQ(s.received().substr(second - 4, 4), "\r\n\r\n");
    EXPECT_EQ(s.received().find("\"ok\""), s.received().rfind("\"ok\""));
}

}  // namespace
}  // namespace talentmatch::api::testing
