#pragma once
// Value types of the Store's interface: pages, bulk results, scan options.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "models/entity_kind.hpp"
#include "models/field_error.hpp"

namespace talentmatch::store {

using ::talentmatch::EntityKind;  // models/entity_kind.hpp
using ::talentmatch::kAllEntityKinds;
using ::talentmatch::to_string;

// One page of a list: ids ascending, strictly after `after_id` ("" = from the
// start), at most `limit` items. `org_id`, when not empty, keeps only what
// that tenant owns: graduates and programs of institution org_id; employers
// whose association_id is org_id; jobs of those employers; placements of
// graduates of institution org_id; teachers of institution org_id; projects
// of employers whose association_id is org_id. Other kinds ignore it.
struct PageRequest {
    std::string after_id;
    std::size_t limit = 100;
    std::string org_id;
};

template <class T>
struct Page {
    std::vector<T> items;
    std::string next_after_id;  // pass as after_id for the next page; "" on the last page
};

// kUnchanged: the store already held the value exactly (compared in the
// canonical form, canonical.hpp); nothing was written, no version moved.
enum class UpsertOutcome { kCreated, kUpdated, kUnchanged };

// kCommitValid: valid items are written, invalid ones reported and skipped.
// kAllOrNothing: if any item is invalid nothing is written.
enum class BulkMode { kCommitValid, kAllOrNothing };

enum class ItemStatus {
    kCreated,
    kUpdated,
    kUnchanged,   // already stored exactly as given; not rewritten
    kInvalid,     // errors says why; not written
    kNotApplied,  // valid, but not written because another item was invalid (kAllOrNothing)
};
// "created", "updated", "unchanged", "invalid", "not_applied"
std::string_view to_string(ItemStatus status);

// Per-item result of a bulk upsert; `index` is the item's position in the
// input, error paths are relative to the item ("requirements[2].level").
struct ItemResult {
    std::size_t index = 0;
    std::string id;
    ItemStatus status = ItemStatus::kCreated;
    std::vector<FieldError> errors;
};

struct BulkResult {
    std::vector<ItemResult> items;  // one per input item, in input order
    std::size_t applied = 0;        // created + updated + unchanged (stored as given)
    std::size_t invalid = 0;
};

// Options of the full scans (scan_* in store.hpp).
struct ScanOptions {
    bool with_evidence = true;  // graduates: false leaves GraduateSkill::evidence empty (faster)
    std::string after_id;       // start strictly after this id ("" = from the first)
    std::size_t limit = std::numeric_limits<std::size_t>::max();
};

// Job totals of one group (a cluster or a district) for summaries.
struct JobGroupTotals {
    std::string key;
    std::int64_t jobs = 0;
    std::int64_t openings = 0;  // sum of headcounts
};

struct StoreSummary {
    std::vector<std::pair<EntityKind, std::int64_t>> counts;  // every kind, kAllEntityKinds order
    std::vector<JobGroupTotals> jobs_by_cluster;              // key ascending
    std::vector<JobGroupTotals> jobs_by_district;             // key ascending
    std::int64_t seeking_graduates = 0;
};

}  // namespace talentmatch::store
