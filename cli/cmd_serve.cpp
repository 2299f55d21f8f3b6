// talentmatch serve: the HTTP API over one SQLite file (api/api_server.hpp).
// SIGINT/SIGTERM stop it gracefully: stop accepting, let in-flight requests
// finish, abandon a running batch at its next progress event (its results are
// published atomically, so the previous run stays served), stop the snapshot
// thread, close the store.
#include <pthread.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "api/api_server.hpp"
#include "batch/erasure_files.hpp"
#include "batch/nightly_batch.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "store/store.hpp"

namespace talentmatch::cli {
namespace {

struct ServeOptions {
    std::string db;
    std::string out;  // batch results of POST /v1/batch-runs; "" = "out" beside the db
    std::string host = "127.0.0.1";
    int port = 8080;
    int threads = 0;
    std::size_t max_body_mb = 64;
    int event_threads = 0;
    std::size_t max_connections = api::ServerOptions{}.max_connections;
    std::size_t max_connections_per_client = api::ServerOptions{}.max_connections_per_client;
    int keep_alive_seconds = static_cast<int>(api::ServerOptions{}.keep_alive_timeout.count());
    int header_timeout_seconds = static_cast<int>(api::ServerOptions{}.header_timeout.count());
    int body_timeout_seconds = static_cast<int>(api::ServerOptions{}.body_timeout.count());
    std::size_t query_slots = api::default_query_slots();
    bool create = false;
};

// Each connection is a file descriptor: raise the soft limit toward the
// hard one so max_connections can be reached (a shell's default is often 1,024).
void raise_open_file_limit(std::size_t connections) {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = std::min<rlim_t>(limit.rlim_max, connections + 256);
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = wanted;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur < connections + 64) {
        spdlog::warn("talentmatch serve: {} open files allowed (ulimit -n) for {} connections",
                     limit.rlim_cur, connections);
    }
}

// Before serving: refuse a path that is not a talentmatch store (unless
// --create), mark runs whose process is gone as interrupted, and finish
// erasures not yet applied to the run folders (batch/erasure_files.hpp).
void prepare_store(const ServeOptions& o) {
    store::StoreOptions open;
    open.create = o.create;
    store::Store store(o.db, open);
    for (const auto& run : store.mark_interrupted_runs())
        spdlog::warn("talentmatch serve: batch run {} marked failed: {}", run.id, run.error);
    const std::filesystem::path out = !o.out.empty()
                                          ? std::filesystem::path(o.out)
                                          : std::filesystem::absolute(o.db).parent_path() / "out";
    batch::apply_pending_erasures(store, {out});
}

int serve(const ServeOptions& o) {
    prepare_store(o);
    // Block the stop signals in every thread (threads inherit the mask); one
    // thread waits for them with sigwait and stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    api::ApiServerOptions options;
    options.db_path = o.db;
    options.out_dir = o.out;
    options.run_launcher = batch::launch_run;
    options.http.host = o.host;
    options.http.port = o.port;
    options.http.threads = o.threads > 0 ? o.threads : api::default_thread_count();
    options.http.max_body_bytes = o.max_body_mb * 1024 * 1024;
    options.http.event_threads = o.event_threads;
    options.http.max_connections = o.max_connections;
    options.http.max_connections_per_client = o.max_connections_per_client;
    options.http.keep_alive_timeout = std::chrono::seconds(o.keep_alive_seconds);
    options.http.header_timeout = std::chrono::seconds(o.header_timeout_seconds);
    options.http.body_timeout = std::chrono::seconds(o.body_timeout_seconds);
    raise_open_file_limit(o.max_connections);
    options.query.query_slots = o.query_slots;
    api::ApiServer server(options);
    const int port = server.bind();
    spdlog::info(
        "talentmatch serve: listening on http://{}:{} with {} worker threads, at most {} "
        "connections ({} per client address), db {}",
        o.host, port, options.http.threads, o.max_connections, o.max_connections_per_client, o.db);

    std::thread waiter([&server, stop_signals] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        spdlog::info("talentmatch serve: signal {} received, finishing in-flight requests", signal);
        server.stop();
    });
    server.listen();
    // listen() also returns on a fatal accept error: wake the waiter then.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    spdlog::info("talentmatch serve: stopped; store closed");
    return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServeOptions>();
    auto* cmd = app.add_subcommand(
        "serve", "Serve the HTTP API (JSON under /v1, /openapi.json, /metrics) over a store");
    cmd->add_option("--db", options->db, "talentmatch store file (must exist unless --create)")
        ->required();
    cmd->add_flag("--create", options->create, "create an empty store when --db does not exist");
    cmd->add_option("--out", options->out,
                    "directory of batch results (runs/, latest/) for POST /v1/batch-runs and the "
                    "result endpoints; default: 'out' beside the --db file");
    cmd->add_option("--host", options->host, "address to listen on")->capture_default_str();
    cmd->add_option("--port", options->port, "TCP port (0 = any free port)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    cmd->add_option("--threads", options->threads,
                    "worker threads running complete requests (connections are held by the "
                    "event loop, not by workers; default max(64, 8 x cores))")
        ->check(CLI::Range(1, 4096));
    cmd->add_option("--event-threads", options->event_threads,
                    "event-loop threads holding the connections and answering the quick "
                    "routes (default one per core, 1 to 8)")
        ->check(CLI::Range(1, 64));
    cmd->add_option("--max-connections", options->max_connections,
                    "open connections in total; beyond it requests are answered 503")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    cmd->add_option("--max-connections-per-client", options->max_connections_per_client,
                    "open connections from one client address; beyond it 503")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    cmd->add_option("--keep-alive-timeout", options->keep_alive_seconds,
                    "seconds a silent connection is kept (idle keep-alive, stalled upload)")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    cmd->add_option("--header-timeout", options->header_timeout_seconds,
                    "seconds for a request's line and headers, from when its connection began "
                    "waiting for it")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    cmd->add_option("--body-timeout", options->body_timeout_seconds,
                    "seconds for a request body after its headers, plus 1 s per 64 KiB")
        ->check(CLI::Range(1, 3600))
        ->capture_default_str();
    cmd->add_option("--query-slots", options->query_slots,
                    "match and aggregate queries computed at once; more wait in arrival order "
                    "(0 = no limit; default: cores + 1)")
        ->capture_default_str();
    cmd->add_option("--max-body-mb", options->max_body_mb, "request body limit in MiB (413 above)")
        ->check(CLI::Range(1, 4096))
        ->capture_default_str();
    cmd->callback([options, &exit_code] { exit_code = serve(*options); });
}

}  // namespace talentmatch::cli
