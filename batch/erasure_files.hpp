#pragma once
// Erasure in the run folders already written. A graduate erased from the
// store (Store::remove<Graduate>) leaves the SHA-256 of its id in the store's
// pending erasures; this rewrites every published run folder so that no file
// names the id any more, then clears the pending entries:
//   *.csv   every row with a field equal to an erased id is dropped;
//   *.json  every array element, and every object member keyed by an erased
//           id, whose value holds such a string is dropped;
//   others  (report.html, ...) each id-like token equal to an erased id is
//           replaced by "[erased]".
// Totals computed from the dropped rows (summary counts, shares) are left as
// they were: the run reports what it computed, minus the person.
//
// Each file is rewritten atomically (written beside, fsynced, renamed over,
// directory fsynced). The pending list is cleared only after every folder is
// rewritten and only when no other batch run is queued or running (one that
// read the store before the erasure may still publish the id; it applies
// the list again after publishing). So a process killed at any point leaves
// the list in the store and the next `batch` or `serve` start (or the next
// DELETE) finishes the work: erasure is "done" once the list is empty.
//
// Not thread-safe with itself on the same directories: callers are the batch
// (at start and after publishing) and the server (at start and after a
// DELETE), which serialise through the store's run history and its own mutex.
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "store/store.hpp"

namespace talentmatch::batch {

// Rewrites the files of one run folder for the erased ids whose SHA-256 (hex)
// is in `id_hashes`. Returns how many files changed. Throws on I/O error.
std::size_t erase_from_run_folder(const std::filesystem::path& run_dir,
                                  const std::unordered_set<std::string>& id_hashes);

// Applies the store's pending erasures to every run folder under every
// output directory of the run history and `extra_out_dirs` (missing ones are
// skipped), then clears them unless a run other than `own_run_id` (0: none)
// is queued or running. Returns how many files changed.
std::size_t apply_pending_erasures(store::Store& store,
                                   const std::vector<std::filesystem::path>& extra_out_dirs,
                                   std::int64_t own_run_id = 0);

}  // namespace talentmatch::batch
