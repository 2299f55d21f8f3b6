#pragma once
// ApiServer: the whole HTTP API assembled over one SQLite file — the Store
// for writes and entity reads, the SnapshotHolder for queries, metrics, the
// request log, and the HttpServer serving build_routes(). Used by
// `talentmatch serve` and by the tests (port 0 = an ephemeral port).
//
// Lifetime: construct (opens the store, starts building the first snapshot),
// bind(), listen() on some thread (blocks), stop() from another (in-flight
// requests finish, then listen() returns); the destructor closes the store
// after the server, the batch worker (a running batch is abandoned at its next
// progress event; see batch_runner.hpp) and the snapshot thread are gone.
#include <memory>
#include <string>
#include <vector>

#include <spdlog/logger.h>

#include "api/api_context.hpp"
#include "api/batch_runner.hpp"
#include "api/http_server.hpp"
#include "api/latest_run_results.hpp"
#include "api/route_spec.hpp"
#include "runfmt/run_launcher.hpp"

namespace talentmatch::store {
class Store;
}

namespace talentmatch::api {

struct ApiServerOptions {
    std::string db_path;
    // Where batch runs started by POST /v1/batch-runs publish (runs/, latest/);
    // "" = "out" beside the database file.
    std::string out_dir;
    // How POST /v1/batch-runs runs the batch (`serve` wires batch::launch_run);
    // empty: every run fails with "no batch launcher".
    runfmt::RunLauncher run_launcher;
    ServerOptions http;
    QuerySettings query;
    SnapshotHolderOptions snapshot;
    std::shared_ptr<spdlog::logger> logger;  // null: spdlog's default logger
};

class ApiServer {
  public:
    explicit ApiServer(ApiServerOptions options);
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    int bind() { return http_->bind(); }
    void listen() { http_->listen(); }
    void stop() { http_->stop(); }
    bool running() const { return http_->running(); }
    int port() const { return http_->port(); }

    store::Store& store() { return *store_; }
    SnapshotHolder& snapshots() { return *snapshots_; }
    BatchRunner& batch_runner() { return *batch_runner_; }
    LatestRunCache& latest_results() { return *latest_; }
    const std::vector<RouteSpec>& routes() const { return routes_; }
    const HttpServer& http() const { return *http_; }

  private:
    std::shared_ptr<spdlog::logger> logger_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<SnapshotHolder> snapshots_;
    Metrics metrics_;
    std::unique_ptr<QueryGate> query_gate_;
    std::unique_ptr<ApiContext> context_;
    std::unique_ptr<LatestRunCache> latest_;
    std::unique_ptr<BatchRunner> batch_runner_;
    std::vector<RouteSpec> routes_;
    std::unique_ptr<HttpServer> http_;
};

}  // namespace talentmatch::api
