#include "api/api_server.hpp"

#include <filesystem>

#include <spdlog/spdlog.h>

#include "api/handlers_batch.hpp"
#include "api/handlers_outcomes.hpp"
#include "api/request_log.hpp"
#include "api/routes.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

ApiServer::ApiServer(ApiServerOptions options)
    : logger_(options.logger ? options.logger : spdlog::default_logger()),
      store_(std::make_unique<store::Store>(options.db_path)) {
    auto logger = logger_;
    snapshots_ = std::make_unique<SnapshotHolder>(
        options.db_path, options.snapshot,
        [logger](const std::string& message) { logger->error("{}", message); });
    // Every committed write of entities wakes the publisher; no handler has
    // to remember it.
    store_->on_data_commit([holder = snapshots_.get()] { holder->notify_write(); });
    query_gate_ = std::make_unique<QueryGate>(options.query.query_slots);
    context_ = std::make_unique<ApiContext>(
        ApiContext{*store_, *snapshots_, metrics_, *query_gate_, options.query});
    const std::filesystem::path out_dir =
        !options.out_dir.empty() ? std::filesystem::path(options.out_dir)
                                 : std::filesystem::absolute(options.db_path).parent_path() / "out";
    latest_ = std::make_unique<LatestRunCache>(out_dir);
    batch_runner_ = std::make_unique<BatchRunner>(
        *store_, options.db_path, out_dir, std::move(options.run_launcher), logger_, [this] {
            latest_->get();  // load the new run's index early
        });
    routes_ = build_routes(*context_, [this](std::vector<RouteSpec>& routes) {
        add_batch_routes(routes, *context_, *batch_runner_, *latest_);
        add_outcome_routes(routes, *context_, *latest_);
    });
    http_ =
        std::make_unique<HttpServer>(make_router(routes_, store_key_lookup(*store_)), options.http);
    http_->set_observer([this](const RequestRecord& record) {
        metrics_.record(record.request->method, record.route_pattern, record.response->status,
                        record.latency);
        log_request(*logger_, record, record.response->key_id);
    });
    http_->set_fault_logger([this](const std::string& request_id, const std::string& message) {
        logger_->error("request id={} fault: {}", request_id, message);
    });
}

ApiServer::~ApiServer() {
    if (http_) http_->stop();
    http_.reset();          // no handler runs after this
    batch_runner_.reset();  // abandons a running batch at its next progress event, joins
    store_->on_data_commit({});
    snapshots_.reset();  // joins the rebuild thread
    store_.reset();      // closes the SQLite connection cleanly
}

}  // namespace talentmatch::api
