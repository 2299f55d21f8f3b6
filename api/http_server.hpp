#pragma once
// HttpServer: the one place that knows cpp-httplib. It serves a Router over
// HTTP/1.1 with:
//  - TCP_NODELAY on (otherwise Nagle against delayed ACKs costs ~44 ms a request);
//  - a worker pool of `threads` (cpp-httplib binds one connection to one worker
//    for its keep-alive life, so size it for the expected connections);
//  - a body limit -> 413; unknown path -> 404; known path, other method -> 405
//    with Allow; every error body is application/problem+json;
//  - an observer called after every request (metrics, request log) with the
//    route pattern ("" when unrouted). Auth and readiness are not hooks here:
//    each route's handler is wrapped with its own access policy (routes.hpp),
//    so the policy sits beside the route and in the OpenAPI document;
//  - exceptions from handlers mapped by problem_from_exception().
//
// Thread-safety: configure (constructor, set_*) before start(); start() and
// stop() may be called from different threads; stop() lets in-flight requests
// finish, then start()/listen returns.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/http_types.hpp"
#include "api/router.hpp"

namespace talentmatch::api {

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0 = any free port (tests); see HttpServer::port()
    int threads = 0;  // 0 = default_thread_count()
    std::size_t max_body_bytes = 64 * 1024 * 1024;
    std::chrono::seconds keep_alive_timeout{5};
    // Requests served on one keep-alive connection before the server closes
    // it (the client reconnects), so a worker rotates to a waiting connection
    // when there are more connections than workers. cpp-httplib's default of
    // 5 made a client reconnect every 5th request; at 100, the request after
    // each reconnect (1 %: accept, a new pool task) set the p99 of a matches
    // load (wrk -c32: p99 6.0 ms mean of 6 runs vs 5.3 ms at 1,000 and 10,000).
    std::size_t keep_alive_max_requests = 1000;
};

// max(64, 8 * hardware threads): one per keep-alive connection (cpp-httplib
// binds a connection to a worker), with room for more clients than a load
// test's 32; idle workers sleep in poll(), and match queries are bounded by
// the query gate (api/query_gate.hpp), not by this.
int default_thread_count();

struct RequestRecord {
    const Request* request;
    const Response* response;   // status, headers, key id; its body was already sent (empty)
    std::string route_pattern;  // "" when no route matched
    std::chrono::nanoseconds latency;
};

class HttpServer {
  public:
    using Observer = std::function<void(const RequestRecord&)>;

    HttpServer(Router router, ServerOptions options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    void set_observer(Observer observer);
    // Called with the message of a 500 (never shown to the client).
    void set_fault_logger(std::function<void(const std::string& request_id, const std::string&)> f);

    // Binds host:port; throws std::runtime_error when it cannot. Returns the bound port.
    int bind();
    // Serves until stop(); blocks. bind() must have succeeded.
    void listen();
    // Stops accepting, lets in-flight requests finish; listen() then returns.
    void stop();
    bool running() const;
    int port() const { return port_; }
    const Router& router() const { return router_; }

    // Runs the full dispatch (routing, handler, errors) on a request
    // without a socket; the socket path calls this too.
    Response dispatch(Request& request, std::string& route_pattern) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    Router router_;
    ServerOptions options_;
    int port_ = 0;
    Observer observer_;
    std::function<void(const std::string&, const std::string&)> fault_logger_;
};

}  // namespace talentmatch::api
