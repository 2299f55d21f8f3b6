#pragma once
// Stage 1: the store's entities streamed into a matcher::Snapshot (store.hpp
// full scans, ascending id order; evidence is not read: the matcher does not
// use it), with the content hashes of the data and of the taxonomy.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "batch/stage_reporter.hpp"
#include "matcher/snapshot.hpp"
#include "store/store.hpp"

namespace talentmatch::batch {

struct LoadedSnapshot {
    std::shared_ptr<const matcher::Snapshot> snapshot;
    std::string data_hash;      // every entity the matcher reads (content_hash.hpp)
    std::string taxonomy_hash;  // skills and certificates
    std::int64_t store_data_version = 0;
    std::map<std::string, std::string> program_names;  // program id -> name, for reports
    std::string as_of;                                 // the run's date, "YYYY-MM-DD"
    std::uint64_t expired_jobs = 0;      // jobs past valid_until on as_of: not in the snapshot
    std::uint64_t expired_openings = 0;  // their headcount
    std::vector<Placement> placements;   // every placement, id order (the outcomes report)
    // The other connections (matcher/snapshot/connection_snapshot.hpp), empty sets
    // when there are none: teachers as candidates and the projects not ended
    // on as_of as jobs; research results as candidates and the innovation
    // demands not past valid_until on as_of as jobs.
    std::shared_ptr<const matcher::Snapshot> teachers_projects;
    std::shared_ptr<const matcher::Snapshot> research_demands;
    // Programs against the occupational standards as jobs (hashed into
    // taxonomy_hash: standards are reference data).
    std::shared_ptr<const matcher::Snapshot> programs_standards;
    // Practice bases' training programs as candidates against the jobs valid
    // on as_of (their capacity is also projected supply in `snapshot`).
    std::shared_ptr<const matcher::Snapshot> training_jobs;
};

// Reports stage "snapshot" (unit: graduates). Placements are not part of the
// snapshot (the matcher does not score them): they are read beside it, and
// hashed into data_hash; so are the kinds of the other connections, which
// make their own snapshots (teachers_projects, research_demands; a store with
// none of a kind hashes as before). Jobs past valid_until on
// `as_of`
// ("YYYY-MM-DD", matcher/snapshot/validity.hpp) are left out of the snapshot, so no
// later stage matches, assigns, counts or lists them; they are counted (and
// still part of data_hash, which hashes the store's content). Throws
// ValidationError when the store holds something the matcher rejects or
// as_of is not a date, StoreError on storage faults.
LoadedSnapshot load_snapshot(store::Store& store, StageReporter& reporter,
                             const std::string& as_of);

}  // namespace talentmatch::batch
