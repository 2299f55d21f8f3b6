#pragma once
// Internal to the store library: appending to the change log
// (change_log.hpp) from the per-entity write paths.
#include <string>

#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

// Appends (kind, id) to the change log of the current write transaction, and
// now and then prunes rows more than kChangeLogKeep behind the newest.
void log_change(Store::Impl& impl, EntityKind kind, const std::string& id);

// Erasure: blanks `id` in every graduate row of the log and appends the
// erasure marker (kind graduate, id '').
void log_graduate_erasure(Store::Impl& impl, const std::string& id);

}  // namespace talentmatch::store

namespace talentmatch::store {

// An EraseRows (store_impl.hpp) that also logs the deletion: what the
// delete_<entity> paths pass to delete_entity.
template <EntityKind Kind, EraseRows Erase>
bool erase_logged(Store::Impl& impl, const std::string& id) {
    const bool deleted = Erase(impl, id);
    if (deleted) log_change(impl, Kind, id);
    return deleted;
}

}  // namespace talentmatch::store
