// Liveness, readiness, metrics and batch run history.
#include <chrono>
#include <sstream>

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "store/store.hpp"

namespace talentmatch::api {
namespace {

std::string query_gate_gauge(const QueryGate& gate) {
    std::ostringstream out;
    out << "# HELP talentmatch_queries_waiting Engine queries queued for a query slot.\n"
        << "# TYPE talentmatch_queries_waiting gauge\n"
        << "talentmatch_queries_waiting " << gate.waiting() << "\n";
    return out.str();
}

std::string snapshot_gauges(const SnapshotHolder& holder) {
    const auto published = holder.current();
    std::ostringstream out;
    out << "# HELP talentmatch_snapshot_ready 1 once a matching snapshot is loaded.\n"
        << "# TYPE talentmatch_snapshot_ready gauge\n"
        << "talentmatch_snapshot_ready " << (published.snapshot ? 1 : 0) << "\n";
    if (published.snapshot) {
        const double age =
            std::chrono::duration<double>(std::chrono::system_clock::now() - published.built_at)
                .count();
        out << "# HELP talentmatch_snapshot_version Store data_version the snapshot was built at.\n"
            << "# TYPE talentmatch_snapshot_version gauge\n"
            << "talentmatch_snapshot_version " << published.data_version << "\n"
            << "# HELP talentmatch_snapshot_age_seconds Seconds since the snapshot was published.\n"
            << "# TYPE talentmatch_snapshot_age_seconds gauge\n"
            << "talentmatch_snapshot_age_seconds " << age << "\n"
            << "# HELP talentmatch_snapshot_build_seconds Wall time of the last snapshot build.\n"
            << "# TYPE talentmatch_snapshot_build_seconds gauge\n"
            << "talentmatch_snapshot_build_seconds " << holder.last_build_seconds() << "\n"
            << "# HELP talentmatch_snapshot_builds_total Snapshots built since start.\n"
            << "# TYPE talentmatch_snapshot_builds_total counter\n"
            << "talentmatch_snapshot_builds_total " << holder.builds() << "\n"
            << "# HELP talentmatch_snapshot_entities Entities in the snapshot.\n"
            << "# TYPE talentmatch_snapshot_entities gauge\n"
            << "talentmatch_snapshot_entities{kind=\"graduates\"} "
            << published.snapshot->graduates.size() << "\n"
            << "talentmatch_snapshot_entities{kind=\"programs\"} "
            << published.snapshot->programs.size() << "\n"
            << "talentmatch_snapshot_entities{kind=\"jobs\"} " << published.snapshot->jobs.size()
            << "\n";
    }
    return out.str();
}

nlohmann::json run_json(const store::BatchRun& run) {
    nlohmann::json out = {{"id", run.id},
                          {"status", store::to_string(run.status)},
                          {"stage", run.stage},
                          {"progress", run.progress},
                          {"started_at", run.started_at},
                          {"finished_at", run.finished_at ? nlohmann::json(*run.finished_at)
                                                          : nlohmann::json(nullptr)},
                          {"out_dir", run.out_dir},
                          {"error", run.error}};
    if (!run.summary_json.empty()) {
        out["summary"] = nlohmann::json::parse(run.summary_json, nullptr, false);
    }
    return out;
}

}  // namespace

void add_system_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    routes.push_back({"GET",
                      "/healthz",
                      "Liveness: the process serves HTTP",
                      "system",
                      {},
                      "",
                      {},
                      {},
                      [](Request&, const Principal&) {
                          return json_response({{"status", "ok"}});
                      }});
    routes.back().quick = true;
    routes.push_back(
        {"GET",
         "/readyz",
         "Readiness: a matching snapshot is loaded",
         "system",
         {},
         "",
         {},
         {503},
         [&ctx](Request&, const Principal&) {
             const auto published = ctx.snapshots.current();
             if (!published.snapshot) {
                 throw ServiceUnavailable("the matching snapshot is still loading");
             }
             return json_response({{"status", "ready"}, {"data_version", published.data_version}});
         }});
    routes.back().quick = true;
    routes.push_back({"GET",
                      "/metrics",
                      "Prometheus metrics: requests, latency, snapshot",
                      "system",
                      {},
                      "",
                      {},
                      {},
                      [&ctx](Request&, const Principal&) {
                          Response res;
                          res.content_type = "text/plain; version=0.0.4";
                          res.body = ctx.metrics.render() + snapshot_gauges(ctx.snapshots) +
                                     query_gate_gauge(ctx.query_gate);
                          return res;
                      }});
    routes.push_back({"GET",
                      "/v1/batch-runs",
                      "Batch run history, newest first",
                      "batch",
                      {Role::kAdmin},
                      "",
                      {{"limit", "integer", "how many runs, 1..1000 (default 20)"}},
                      {400},
                      [&ctx](Request& r, const Principal&) {
                          nlohmann::json runs = nlohmann::json::array();
                          for (const auto& run :
                               ctx.store.list_batch_runs(query_size(r, "limit", 20, 1, 1000))) {
                              runs.push_back(run_json(run));
                          }
                          return json_response({{"items", std::move(runs)}});
                      }});
    routes.push_back({"GET",
                      "/v1/batch-runs/{id}",
                      "One batch run: status, stage, progress, summary",
                      "batch",
                      {Role::kAdmin},
                      "",
                      {},
                      {404},
                      [&ctx](Request& r, const Principal&) {
                          const std::string& id = r.path_params.at("id");
                          std::int64_t number = 0;
                          try {
                              std::size_t used = 0;
                              number = std::stoll(id, &used);
                              if (used != id.size()) throw NotFoundError("batch run", id);
                          } catch (const std::logic_error&) {
                              throw NotFoundError("batch run", id);
                          }
                          const auto run = ctx.store.get_batch_run(number);
                          if (!run) throw NotFoundError("batch run", id);
                          return json_response(run_json(*run));
                      }});
}

}  // namespace talentmatch::api
