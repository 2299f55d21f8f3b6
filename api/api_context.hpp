#pragma once
// What every handler needs, passed in (no globals): the store (writes and
// entity reads), the snapshot holder (queries), metrics and query settings.
// Owned by the caller (cli/cmd_serve.cpp or a test) and outliving the server.
#include <cstddef>

#include "api/metrics.hpp"
#include "api/query_gate.hpp"
#include "api/snapshot_holder.hpp"
#include "matcher/score.hpp"

namespace talentmatch::store {
class Store;
}

namespace talentmatch::api {

struct QuerySettings {
    matcher::ScoreConfig score;
    int threads_per_query = 1;  // the HTTP pool already runs queries in parallel
    std::size_t default_k = 10;
    std::size_t max_k = 1000;
    std::size_t default_page = 100;
    std::size_t max_page = 1000;
    std::size_t viewer_min_group = 5;  // viewer: supply groups under this are suppressed
    // Engine queries running at once, the rest queue FIFO (query_gate.hpp);
    // 0 = no limit. Default: one per core, plus one.
    std::size_t query_slots = default_query_slots();
};

struct ApiContext {
    store::Store& store;
    SnapshotHolder& snapshots;
    Metrics& metrics;
    QueryGate& query_gate;  // engine queries pass it; entity reads do not
    QuerySettings settings;
};

}  // namespace talentmatch::api
