#pragma once
// HttpServer: the one place that knows the HTTP library. It serves a Router
// over HTTP/1.1 with libmicrohttpd (Debian's libmicrohttpd 0.9.75):
//  - an event loop (epoll, `event_threads` threads) holds every connection,
//    idle or slow, without a thread each; a fixed pool of `threads` workers
//    only ever runs COMPLETE requests: the event loop buffers the body as it
//    arrives, suspends the connection, hands the request to the pool, and the
//    worker's answer resumes it. A slow or idle client costs a socket and a
//    small buffer, never a worker. Exception: a quick route (RouteSpec::quick:
//    no body, a bounded engine query or a gauge, no waiting) runs on the event
//    thread that read it, saving the two thread hand-offs; slow clients still
//    hold no thread, since only a complete request reaches a handler;
//  - caps on connections per client address and in total: beyond them a
//    request is answered 503 and its connection closed, and a little further
//    the library closes new connections at accept (connection_registry.hpp);
//  - read deadlines: a request's line and headers must be complete within
//    header_timeout of the moment its connection began waiting for it
//    (accepted, or the previous answer sent); its body within body_timeout
//    (+1 s per body_min_rate bytes) of its headers; a connection silent for
//    keep_alive_timeout is closed (idle keep-alive, a stalled upload, a client
//    not reading). A deadline passed drops the connection (a 408 when the
//    late data arrives while we read);
//  - a body limit enforced while reading, for Content-Length and chunked
//    alike: a declared length over max_body_bytes is answered 413 at once, a
//    chunked body as soon as it passes the limit; no more than
//    max_body_bytes is ever buffered;
//  - the route's access policy (Route::admission: key 401, role 403) and
//    404/405 decided from the headers BEFORE a body is read, so an
//    unauthenticated upload is refused unread;
//  - a refusal sent while the client may already be sending its body (no
//    Expect: 100-continue) is written on the socket at once, then up to
//    2 x max_body_bytes of the body are read and dropped before the close,
//    so the client reads the answer rather than a connection reset;
//  - TCP_NODELAY; HEAD served as GET without the body; unknown path -> 404;
//    known path, other method -> 405 with Allow; every error body the front
//    produces (408, 413, 503) is application/problem+json. Exception: a
//    request line or header block too large for the connection's buffer
//    (414/431) or malformed beyond parsing (400) is refused by the library
//    itself, with its short HTML body, before any callback sees the request
//    (0.9.75 offers no hook); beyond the hard connection caps the library
//    closes the connection at accept without an answer;
//  - an observer called after every request (metrics, request log) with the
//    route pattern ("" when unrouted); exceptions from handlers mapped by
//    problem_from_exception().
// No client can starve another: until its request is complete a client holds
// only a socket in the event loop (never a worker), the deadlines shed the
// slow ones, and the caps bound what one address or everyone can hold.
// Why libmicrohttpd: it is in Debian, and has per-client and total
// connection limits, an inactivity timeout, suspend/resume for handing
// requests to our own pool, and a chunked decoder that streams the body to
// us piece by piece (so the limit and the admission check are ours). cpp-
// httplib binds a connection to a thread for its keep-alive life and reads a
// whole chunked body before any hook; libevent's evhttp (2.1 in Debian) has
// no per-client limit and no thread hand-off, and cannot run our
// authentication before it reads a body.
//
// Thread-safety: configure (constructor, set_*) before listen(); stop() may
// be called from any thread but a worker's: it stops accepting, lets
// in-flight requests finish, and returns once listen() has returned.
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
    int port = 8080;        // 0 = any free port (tests); see HttpServer::port()
    int threads = 0;        // workers running complete requests; 0 = default_thread_count()
    int event_threads = 0;  // event-loop threads; 0 = default_event_thread_count()
    std::size_t max_body_bytes = 64 * 1024 * 1024;
    std::size_t max_connections = 4096;            // open connections in total
    std::size_t max_connections_per_client = 256;  // from one client address
    // A connection silent this long is closed (keep-alive idle, stalled body).
    std::chrono::seconds keep_alive_timeout{5};
    std::chrono::seconds header_timeout{10};  // see the header comment
    std::chrono::seconds body_timeout{30};    // plus 1 s per body_min_rate bytes
    std::size_t body_min_rate = 64 * 1024;    // bytes per second
};

// max(64, 8 * hardware threads): handlers block (SQLite writes, the query
// gate's FIFO), so more workers than cores; they only ever hold complete
// requests, so this does not bound the connections served.
int default_thread_count();
// One event-loop thread per hardware thread, 1 to 8: they also run the quick
// routes (RouteSpec::quick), so they are the query threads under load.
int default_event_thread_count();

struct RequestRecord {
    const Request* request;
    const Response* response;   // status, headers, key id (read nothing else)
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

    // Binds host:port (listen backlog SOMAXCONN); throws std::runtime_error
    // when it cannot. Returns the bound port.
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
    friend struct Impl;
    Router router_;
    ServerOptions options_;
    int port_ = 0;
    Observer observer_;
    std::function<void(const std::string&, const std::string&)> fault_logger_;
    std::unique_ptr<Impl> impl_;  // last: its threads use the members above
};

}  // namespace talentmatch::api
