#pragma once
// The employment outcomes report (matcher/analytics/outcomes.hpp) the API answers
// GET /v1/reports/outcomes from, computed once per state of its inputs and
// reused until one changes: the store's data_version (every committed entity
// write, placements included), the published snapshot's data_version, the
// graduation year and the latest run. A province's placements are read in
// pages (kPage rows per read transaction), so a writer waits for one page at
// most, never for the whole scan.
//
// Consistency: the data_version is read before the placements, so a write
// that commits during the read makes the next request recompute; pages read
// at slightly different moments count each placement present throughout once
// and a placement written or erased meanwhile at most once.
//
// Thread-safety: get() may be called from any thread; concurrent misses
// compute in parallel and the last one stored wins (each is a correct answer).
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "api/latest_run_results.hpp"
#include "api/snapshot_holder.hpp"
#include "matcher/analytics.hpp"
#include "store/store.hpp"

namespace talentmatch::api {

class OutcomeReportCache {
  public:
    static constexpr std::size_t kPage = 10000;

    // The report of `year` over `published` (null year: the latest any of its
    // graduates has), with each program's own-cluster aligned share from the
    // latest run (`latest`), when one has published.
    std::shared_ptr<const matcher::OutcomeReport> get(store::Store& store,
                                                      const PublishedSnapshot& published,
                                                      std::optional<int> year,
                                                      LatestRunCache& latest);

  private:
    struct Key {
        std::int64_t store_version = -1;
        std::int64_t snapshot_version = -1;
        int year = 0;     // as asked; 0 = the latest (fixed by snapshot_version)
        std::string run;  // the latest run's directory name, "" without one
        bool operator==(const Key&) const = default;
    };
    std::mutex mutex_;  // guards key_ and report_ (held for a pointer copy only)
    Key key_;
    std::shared_ptr<const matcher::OutcomeReport> report_;
};

}  // namespace talentmatch::api
