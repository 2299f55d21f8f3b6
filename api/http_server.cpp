// The only translation unit that includes <httplib.h> (see http_server.hpp).
#include "api/http_server.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <thread>

#include <httplib.h>
#include <sys/socket.h>

#include "api/problem.hpp"

namespace talentmatch::api {

int default_thread_count() {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(64, 8 * cores);
}

struct HttpServer::Impl {
    httplib::Server server;
    std::atomic<std::uint64_t> next_request{0};
    std::string id_prefix;  // random per process, so ids differ across restarts
    int listen_socket = -1;
};

namespace {

// ASCII lower case (header names are ASCII tokens; std::tolower would
// consult the locale for every character of every header).
std::string lower(const std::string& text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string make_prefix() {
    std::random_device device;
    char buffer[9];
    std::snprintf(buffer, sizeof buffer, "%08x", static_cast<unsigned>(device()));
    return buffer;
}

Request to_request(const httplib::Request& in, const std::string& id) {
    Request out;
    out.method = in.method == "HEAD" ? "GET" : in.method;
    out.path = in.path;
    for (const auto& [key, value] : in.params) out.query.emplace(key, value);
    for (const auto& [key, value] : in.headers) out.headers.emplace(lower(key), value);
    out.body = in.body;
    out.request_id = id;
    return out;
}

// Moves the body out of `in` (what set_content does, without copying it);
// the observer after it reads status and key id only.
void write_response(Response& in, httplib::Response& out, const std::string& request_id) {
    out.status = in.status;
    for (const auto& [key, value] : in.headers) out.set_header(key, value);
    out.set_header("X-Request-Id", request_id);
    out.body = std::move(in.body);
    in.body.clear();
    out.headers.erase("Content-Type");
    out.set_header("Content-Type", in.content_type);
}

// cpp-httplib 0.11 (Debian's shared library) listens with a backlog of 5.
// Clients connect in bursts (a pool opening its connections, reconnects after
// keep_alive_max_requests), and whenever more than 5 wait for accept() the
// kernel drops the handshake's last ACK: the client's request then waits for
// a TCP retransmission (200, 400, 800 ms). Measured with 100 requests per
// connection: 51 listen overflows and a 420 ms max in a 10 s wrk run. Calling
// listen() again on the bound socket raises the backlog.
void widen_backlog(int listen_socket) {
    if (listen_socket >= 0) ::listen(listen_socket, SOMAXCONN);
}

}  // namespace

HttpServer::HttpServer(Router router, ServerOptions options)
    : impl_(std::make_unique<Impl>()), router_(std::move(router)), options_(std::move(options)) {
    impl_->id_prefix = make_prefix();
    auto& server = impl_->server;
    server.set_tcp_nodelay(true);
    // Remember the listening socket (httplib's own options still applied) to
    // widen its accept backlog after bind() (see widen_backlog).
    server.set_socket_options([impl = impl_.get()](socket_t sock) {
        httplib::default_socket_options(sock);
        if (impl->listen_socket < 0) impl->listen_socket = sock;
    });
    server.set_payload_max_length(options_.max_body_bytes);
    server.set_keep_alive_timeout(options_.keep_alive_timeout.count());
    server.set_keep_alive_max_count(options_.keep_alive_max_requests);
    const auto threads =
        static_cast<std::size_t>(options_.threads > 0 ? options_.threads : default_thread_count());
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

    auto handle = [this](const httplib::Request& in, httplib::Response& out) {
        const auto start = std::chrono::steady_clock::now();
        const std::string id =
            impl_->id_prefix + "-" + std::to_string(impl_->next_request.fetch_add(1) + 1);
        Request request = to_request(in, id);
        std::string pattern;
        Response response = dispatch(request, pattern);
        if (in.method == "HEAD") response.body.clear();
        write_response(response, out, id);
        if (observer_) {
            observer_(RequestRecord{&request, &response, pattern,
                                    std::chrono::steady_clock::now() - start});
        }
    };
    server.Get(".*", handle);
    server.Post(".*", handle);
    server.Put(".*", handle);
    server.Patch(".*", handle);
    server.Delete(".*", handle);
    server.Options(".*", handle);
    // Errors cpp-httplib raises itself (body over the limit 413, unknown
    // method 400, URI too long 414) get the problem+json shape too.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request& in, httplib::Response& out) {
            if (!out.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            const std::string detail =
                out.status == 413
                    ? "request body exceeds " + std::to_string(options_.max_body_bytes) + " bytes"
                    : status_title(out.status);
            Response response = problem_response(out.status, detail);
            out.set_content(response.body, response.content_type);
            if (observer_) {
                const Request request = to_request(in, std::string(1, '-'));
                observer_(RequestRecord{&request, &response, "", std::chrono::nanoseconds{0}});
            }
            return httplib::Server::HandlerResponse::Handled;
        }));
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::set_observer(Observer observer) {
    observer_ = std::move(observer);
}
void HttpServer::set_fault_logger(std::function<void(const std::string&, const std::string&)> f) {
    fault_logger_ = std::move(f);
}

Response HttpServer::dispatch(Request& request, std::string& route_pattern) const {
    try {
        const auto match = router_.match(request.method, request.path, request.path_params);
        if (match.route == nullptr) {
            if (!match.path_known) {
                return problem_response(404, "no route for " + request.path);
            }
            std::string allow;
            for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
            Response res = problem_response(
                405, "method " + request.method + " is not allowed on " + request.path);
            res.headers["Allow"] = allow;
            return res;
        }
        route_pattern = match.route->pattern;
        return match.route->handler(request);
    } catch (...) {
        std::string message;
        Response res = problem_from_exception(std::current_exception(), &message);
        // 503 (snapshot still loading: /readyz polls it at start) is expected,
        // not a fault.
        if (res.status >= 500 && res.status != 503 && fault_logger_) {
            fault_logger_(request.request_id, message);
        }
        return res;
    }
}

int HttpServer::bind() {
    if (options_.port == 0) {
        port_ = impl_->server.bind_to_any_port(options_.host);
    } else {
        port_ = impl_->server.bind_to_port(options_.host, options_.port) ? options_.port : -1;
    }
    if (port_ <= 0) {
        throw std::runtime_error("cannot listen on " + options_.host + ":" +
                                 std::to_string(options_.port));
    }
    widen_backlog(impl_->listen_socket);
    return port_;
}

void HttpServer::listen() {
    impl_->server.listen_after_bind();
}

void HttpServer::stop() {
    if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

bool HttpServer::running() const {
    return impl_->server.is_running();
}

}  // namespace talentmatch::api
