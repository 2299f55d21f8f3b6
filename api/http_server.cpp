// The only translation unit that includes <microhttpd.h> (see http_server.hpp
// for the contract and the choice of library).
//
// One request's life on a connection (MHD calls on_access on the
// connection's event thread each time):
//   request line  -> on_uri creates its Exchange (MHD's per-request context);
//   headers done  -> on_headers: caps, 413 on a declared length, 404/405,
//                    then for a body on a guarded route the admission check on
//                    a worker (connection suspended) before any body byte;
//   body pieces   -> on_body: appended up to max_body_bytes, deadline kept;
//   body done     -> suspended, dispatched on a worker, resumed with the answer;
//   resumed       -> the answer is queued; MHD sends it (HEAD: without body);
//   completed     -> on_completed frees the Exchange; the connection waits for
//                    its next request under a fresh header deadline.
#include "api/http_server.hpp"

#include <microhttpd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include "api/connection_registry.hpp"
#include "api/listen_socket.hpp"
#include "api/problem.hpp"
#include "api/socket_answer.hpp"
#include "api/uri.hpp"
#include "api/worker_pool.hpp"

namespace talentmatch::api {

int default_thread_count() {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(64, 8 * cores);
}

int default_event_thread_count() {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::clamp(cores, 1, 8);
}

namespace {

using Clock = std::chrono::steady_clock;
using Entry = ConnectionRegistry::Entry;

// How far past the soft caps the library's own caps sit: connections between
// the two get a 503 answer, connections beyond the hard caps are closed at
// accept without one.
constexpr std::size_t kHardCapMargin = 16;

// After a refusal, how much of the body is read and dropped before the
// connection is closed anyway, in units of max_body_bytes.
constexpr std::size_t kDrainFactor = 2;

// One request, from its request line to its completion (MHD's con_cls).
struct Exchange {
    enum class Phase { kHeaders, kAdmitting, kBody, kDispatched, kDraining };
    Phase phase = Phase::kHeaders;
    std::string raw_uri;  // as sent: path and query, still percent-encoded
    Request request;
    bool chunked = false;
    bool expects_continue = false;  // Expect: 100-continue (the body waits for our go)
    std::size_t declared_length = 0;
    std::size_t drained = 0;  // body bytes read and dropped after a refusal
    Clock::time_point body_start;
    std::string route_pattern;
    std::optional<Response> answer;  // written by a worker before it resumes the connection
    bool in_flight = false;          // counted in Impl::in_flight until completed
    bool quick = false;              // a quick route (RouteSpec::quick): runs on the event thread
};

std::string make_prefix() {
    std::random_device device;
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", static_cast<unsigned>(device()));
    return buffer;
}

// ASCII lower case (header names are ASCII tokens).
std::string lower(const char* text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, const char* value) {
    auto& headers = *static_cast<std::map<std::string, std::string>*>(cls);
    headers.emplace(lower(key), value != nullptr ? value : "");
    return MHD_YES;
}

Entry* entry_of(MHD_Connection* connection) {
    const auto* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info != nullptr ? static_cast<Entry*>(info->socket_context) : nullptr;
}

}  // namespace

struct HttpServer::Impl {
    explicit Impl(HttpServer& owner) : server(owner), id_prefix(make_prefix()) {}

    HttpServer& server;
    const std::string id_prefix;  // random per process, so ids differ across restarts
    std::atomic<std::uint64_t> next_request{0};
    int listen_fd = -1;

    std::mutex mutex;  // guards the three flags below
    std::condition_variable changed;
    bool stop_requested = false;
    bool serving = false;
    bool finished = false;
    std::atomic<bool> stopping{false};  // read by event threads: answer 503, close
    std::atomic<int> in_flight{0};      // exchanges handed to the pool, not yet completed

    std::unique_ptr<ConnectionRegistry> connections;
    std::unique_ptr<WorkerPool> workers;
    MHD_Daemon* daemon = nullptr;

    const ServerOptions& options() const { return server.options_; }

    void observe(const Exchange& ex, const Response& res, Clock::time_point start) const {
        if (!server.observer_) return;
        server.observer_(RequestRecord{&ex.request, &res, ex.route_pattern, Clock::now() - start});
    }

    // --- MHD callbacks (static trampolines below) ---

    void on_connection(MHD_Connection* c, void** socket_context,
                       MHD_ConnectionNotificationCode code) {
        if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
            connections->close(static_cast<Entry*>(*socket_context));
            *socket_context = nullptr;
            return;
        }
        const int fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD)->connect_fd;
        const sockaddr* peer =
            MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS)->client_addr;
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);  // else Nagle: ~40 ms
        Entry* entry = connections->open(fd, peer);
        ConnectionRegistry::set_deadline(*entry, Clock::now() + options().header_timeout);
        *socket_context = entry;
    }

    void on_completed(MHD_Connection* c, void** context) {
        auto* ex = static_cast<Exchange*>(*context);
        *context = nullptr;
        if (ex != nullptr && ex->in_flight && --in_flight == 0) {
            std::lock_guard lock(mutex);
            changed.notify_all();
        }
        delete ex;
        if (Entry* entry = entry_of(c)) {  // waiting for the next request now
            ConnectionRegistry::set_deadline(*entry, Clock::now() + options().header_timeout);
        }
    }

    MHD_Result on_access(MHD_Connection* c, const char* method, const char* data, size_t* size,
                         void** context) {
        auto* ex = static_cast<Exchange*>(*context);
        if (ex == nullptr) return MHD_NO;  // on_uri always runs first
        Entry* entry = entry_of(c);
        if (entry == nullptr) return MHD_NO;
        switch (ex->phase) {
            case Exchange::Phase::kHeaders:
                return on_headers(c, *ex, *entry, method);
            case Exchange::Phase::kAdmitting:  // resumed after the admission check
                if (ex->answer) return refuse_before_body(c, *ex, *entry);
                ex->phase = Exchange::Phase::kBody;
                return MHD_YES;
            case Exchange::Phase::kDraining:    // refused: read and drop, then close
                if (*size == 0) return MHD_NO;  // all of it read: close cleanly
                ex->drained += *size;
                *size = 0;
                return ex->drained <= kDrainFactor * options().max_body_bytes ? MHD_YES : MHD_NO;
            case Exchange::Phase::kBody:
                if (*size != 0) return on_body(*ex, *entry, data, size);
                if (ex->quick) return dispatch_here(c, *ex);
                return dispatch_async(c, *ex, *entry);
            case Exchange::Phase::kDispatched:  // resumed with the answer
                return queue(c, *ex, /*close=*/false);
        }
        return MHD_NO;
    }

    MHD_Result on_headers(MHD_Connection* c, Exchange& ex, Entry& entry, const char* method) {
        const auto now = Clock::now();
        Request& request = ex.request;
        request.method = std::strcmp(method, "HEAD") == 0 ? "GET" : method;
        split_target(ex.raw_uri, request.path, request.query);
        MHD_get_connection_values(c, MHD_HEADER_KIND, collect_header, &request.headers);
        request.request_id = id_prefix + "-" + std::to_string(next_request.fetch_add(1) + 1);
        ex.declared_length = std::strtoull(request.header("content-length").c_str(), nullptr, 10);
        ex.chunked =
            lower(request.header("transfer-encoding").c_str()).find("chunked") != std::string::npos;
        ex.expects_continue = lower(request.header("expect").c_str()) == "100-continue";

        if (stopping.load()) {
            return answer_now(c, ex, entry, problem_response(503, "the server is stopping"), now);
        }
        if (entry.over_cap) {
            Response res =
                problem_response(503, "too many connections: at most " +
                                          std::to_string(options().max_connections_per_client) +
                                          " from one client address and " +
                                          std::to_string(options().max_connections) + " in total");
            res.headers["Retry-After"] = "1";
            return answer_now(c, ex, entry, std::move(res), now);
        }
        if (ex.declared_length > options().max_body_bytes) {
            return answer_now(c, ex, entry, too_large(), now);
        }
        if (ex.declared_length == 0 && !ex.chunked) {
            ConnectionRegistry::clear_deadline(entry);
            ex.phase = Exchange::Phase::kBody;
            std::map<std::string, std::string> params;
            const Route* route = server.router_.match(request.method, request.path, params).route;
            ex.quick = route != nullptr && route->quick;
            return MHD_YES;
        }
        // A body follows: decide what the headers can decide before reading it.
        ex.body_start = now;
        ConnectionRegistry::set_deadline(entry, body_deadline(ex, ex.declared_length));
        std::map<std::string, std::string> params;
        const auto match = server.router_.match(request.method, request.path, params);
        if (match.route == nullptr) {  // 404 / 405: no handler, so no need for the body
            return answer_now(c, ex, entry, server.dispatch(request, ex.route_pattern), now);
        }
        request.body.reserve(std::min(ex.declared_length, options().max_body_bytes));
        if (!match.route->admission) {
            ex.phase = Exchange::Phase::kBody;
            return MHD_YES;
        }
        ex.phase = Exchange::Phase::kAdmitting;
        ex.route_pattern = match.route->pattern;
        const Admission* admission = &match.route->admission;
        suspend_for_pool(c, ex, [this, c, &ex, admission, now] {
            if (auto refusal = (*admission)(ex.request)) {
                observe(ex, *refusal, now);
                ex.answer = std::move(*refusal);
            }
            MHD_resume_connection(c);
        });
        return MHD_YES;
    }

    MHD_Result on_body(Exchange& ex, Entry& entry, const char* data, size_t* size) {
        const auto now = Clock::now();
        if (ex.request.body.size() + *size > options().max_body_bytes) {
            return refuse_reading(ex, entry, too_large(), now);
        }
        if (ConnectionRegistry::expired(entry, now)) {
            return refuse_reading(ex, entry,
                                  problem_response(408, "request body not received in time"), now);
        }
        ex.request.body.append(data, *size);
        *size = 0;
        if (ex.chunked) {  // no declared length: the allowance grows with what arrived
            ConnectionRegistry::set_deadline(entry, body_deadline(ex, ex.request.body.size()));
        }
        return MHD_YES;
    }

    // A quick route, answered on this event thread: no hand-off, no resume.
    MHD_Result dispatch_here(MHD_Connection* c, Exchange& ex) {
        const auto start = Clock::now();
        Response res = server.dispatch(ex.request, ex.route_pattern);
        observe(ex, res, start);
        ex.answer = std::move(res);
        return queue(c, ex, /*close=*/false);
    }

    MHD_Result dispatch_async(MHD_Connection* c, Exchange& ex, Entry& entry) {
        ConnectionRegistry::clear_deadline(entry);
        ex.phase = Exchange::Phase::kDispatched;
        suspend_for_pool(c, ex, [this, c, &ex] {
            const auto start = Clock::now();
            Response res = server.dispatch(ex.request, ex.route_pattern);
            observe(ex, res, start);
            ex.answer = std::move(res);
            MHD_resume_connection(c);  // ex belongs to the event thread from here on
        });
        return MHD_YES;
    }

    void suspend_for_pool(MHD_Connection* c, Exchange& ex, std::function<void()> job) {
        if (!ex.in_flight) {
            ex.in_flight = true;
            ++in_flight;
        }
        MHD_suspend_connection(c);
        workers->submit(std::move(job));
    }

    // --- answers ---

    Response too_large() const {
        return problem_response(
            413, "request body exceeds " + std::to_string(options().max_body_bytes) + " bytes");
    }

    Clock::time_point body_deadline(const Exchange& ex, std::size_t bytes) const {
        const auto rate = std::max<std::size_t>(1, options().body_min_rate);
        return ex.body_start + options().body_timeout + std::chrono::seconds(bytes / rate);
    }

    // An answer the front produces from the headers, before any body byte.
    MHD_Result answer_now(MHD_Connection* c, Exchange& ex, Entry& entry, Response res,
                          Clock::time_point start) {
        observe(ex, res, start);
        ex.answer = std::move(res);
        return refuse_before_body(c, ex, entry);
    }

    // Sends ex.answer and closes without reading the body. A client waiting
    // for 100 Continue (or with no body) gets it through MHD, and sends no
    // body. Any other client is already sending its body and would see a
    // reset, not the answer, if we closed on unread data: it gets the answer
    // on the socket at once, then up to kDrainFactor x max_body_bytes of its body are read
    // and dropped (never kept) before the connection closes.
    MHD_Result refuse_before_body(MHD_Connection* c, Exchange& ex, Entry& entry) {
        if (ex.expects_continue || (ex.declared_length == 0 && !ex.chunked)) {
            return queue(c, ex, /*close=*/true);
        }
        write_answer_and_close(entry.fd, *ex.answer, ex.request.request_id);
        ex.phase = Exchange::Phase::kDraining;
        return MHD_YES;
    }

    // An answer while the body is being read (MHD 0.9.75 cannot queue one
    // then): written on the socket, and the rest of the body is drained as
    // above (413) or not read at all (408: the client is too slow anyway).
    MHD_Result refuse_reading(Exchange& ex, Entry& entry, Response res, Clock::time_point start) {
        observe(ex, res, start);
        write_answer_and_close(entry.fd, res, ex.request.request_id);
        if (res.status == 408) return MHD_NO;
        ex.phase = Exchange::Phase::kDraining;
        return MHD_YES;
    }

    MHD_Result queue(MHD_Connection* c, Exchange& ex, bool close) {
        if (!ex.answer) return MHD_NO;
        Response& res = *ex.answer;
        auto* body = new std::string(std::move(res.body));
        MHD_Response* out = MHD_create_response_from_buffer_with_free_callback_cls(
            body->size(), body->data(), [](void* cls) { delete static_cast<std::string*>(cls); },
            body);
        if (out == nullptr) {
            delete body;
            return MHD_NO;
        }
        for (const auto& [key, value] : res.headers) {
            MHD_add_response_header(out, key.c_str(), value.c_str());
        }
        MHD_add_response_header(out, "Content-Type", res.content_type.c_str());
        MHD_add_response_header(out, "X-Request-Id", ex.request.request_id.c_str());
        if (close || stopping.load()) MHD_add_response_header(out, "Connection", "close");
        const MHD_Result queued = MHD_queue_response(c, static_cast<unsigned>(res.status), out);
        MHD_destroy_response(out);
        return queued;
    }
};

namespace {

void* on_uri(void*, const char* uri, MHD_Connection*) {
    auto* ex = new Exchange;
    ex->raw_uri = uri != nullptr ? uri : "";
    return ex;
}

}  // namespace

HttpServer::HttpServer(Router router, ServerOptions options)
    : router_(std::move(router)),
      options_(std::move(options)),
      impl_(std::make_unique<Impl>(*this)) {}

HttpServer::~HttpServer() {
    stop();
    if (impl_->listen_fd >= 0) ::close(impl_->listen_fd);
}

void HttpServer::set_observer(Observer observer) {
    observer_ = std::move(observer);
}
void HttpServer::set_fault_logger(std::function<void(const std::string&, const std::string&)> f) {
    fault_logger_ = std::move(f);
}

int HttpServer::bind() {
    const ListenSocket socket = open_listen_socket(options_.host, options_.port);
    port_ = socket.port;
    impl_->listen_fd = socket.fd;
    return port_;
}

void HttpServer::listen() {
    Impl& impl = *impl_;
    {
        std::lock_guard lock(impl.mutex);
        if (impl.stop_requested || impl.listen_fd < 0) return;
    }
    impl.connections = std::make_unique<ConnectionRegistry>(options_.max_connections,
                                                            options_.max_connections_per_client);
    impl.workers = std::make_unique<WorkerPool>(
        static_cast<std::size_t>(options_.threads > 0 ? options_.threads : default_thread_count()));
    impl.connections->start_watchdog(std::chrono::milliseconds(200));

    const unsigned event_threads = static_cast<unsigned>(
        options_.event_threads > 0 ? options_.event_threads : default_event_thread_count());
    const unsigned flags =
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_TURBO;
    MHD_AccessHandlerCallback access = [](void* cls, MHD_Connection* c, const char*,
                                          const char* method, const char*, const char* data,
                                          size_t* size, void** context) {
        return static_cast<Impl*>(cls)->on_access(c, method, data, size, context);
    };
    MHD_RequestCompletedCallback completed = [](void* cls, MHD_Connection* c, void** context,
                                                MHD_RequestTerminationCode) {
        static_cast<Impl*>(cls)->on_completed(c, context);
    };
    MHD_NotifyConnectionCallback notify = [](void* cls, MHD_Connection* c, void** socket_context,
                                             MHD_ConnectionNotificationCode code) {
        static_cast<Impl*>(cls)->on_connection(c, socket_context, code);
    };
    impl.daemon = MHD_start_daemon(
        flags, 0, nullptr, nullptr, access, &impl,                                    //
        MHD_OPTION_LISTEN_SOCKET, impl.listen_fd,                                     //
        MHD_OPTION_THREAD_POOL_SIZE, event_threads,                                   //
        MHD_OPTION_CONNECTION_LIMIT,                                                  //
        static_cast<unsigned>(options_.max_connections + kHardCapMargin),             //
        MHD_OPTION_PER_IP_CONNECTION_LIMIT,                                           //
        static_cast<unsigned>(options_.max_connections_per_client + kHardCapMargin),  //
        MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(options_.keep_alive_timeout.count()),
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, nullptr,   //
        MHD_OPTION_NOTIFY_COMPLETED, completed, &impl,  //
        MHD_OPTION_NOTIFY_CONNECTION, notify, &impl,    //
        MHD_OPTION_END);
    if (impl.daemon == nullptr) {
        impl.workers->stop();
        impl.connections->stop_watchdog();
        throw std::runtime_error("cannot start the HTTP event loop on port " +
                                 std::to_string(port_));
    }
    std::unique_lock lock(impl.mutex);
    impl.serving = true;
    impl.changed.notify_all();
    impl.changed.wait(lock, [&] { return impl.stop_requested; });

    // Graceful stop: new requests (on open or new connections) get 503 with
    // Connection: close, in-flight ones finish (bounded wait), then the
    // workers run what they hold, and only then are the connections closed.
    // No MHD_quiesce_daemon: with epoll worker threads it races a worker
    // removing the listen socket from its epoll set, and libmicrohttpd 0.9.75
    // aborts the process ("Failed to remove listen FD from epoll set", seen
    // once in a test run).
    impl.stopping = true;
    impl.changed.wait_for(lock, std::chrono::seconds(30), [&] { return impl.in_flight == 0; });
    lock.unlock();
    impl.workers->stop();
    MHD_stop_daemon(impl.daemon);  // closes the listen socket too (it was not quiesced)
    impl.daemon = nullptr;
    impl.listen_fd = -1;
    impl.connections->stop_watchdog();
    lock.lock();
    impl.serving = false;
    impl.finished = true;
    impl.changed.notify_all();
}

void HttpServer::stop() {
    if (!impl_) return;
    std::unique_lock lock(impl_->mutex);
    impl_->stop_requested = true;
    impl_->changed.notify_all();
    if (impl_->serving) impl_->changed.wait(lock, [this] { return impl_->finished; });
}

bool HttpServer::running() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->serving && !impl_->stop_requested;
}

}  // namespace talentmatch::api
