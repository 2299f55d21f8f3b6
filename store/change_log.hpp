#pragma once
// The change log (schema version 2): how a long-lived reader keeps an
// in-memory copy of the entities current without re-reading every table.
//
// Writing (store_<entity>.cpp): every entity upsert and delete appends one
// row (kind, id) to `change_log` inside the write's own transaction, so the
// log and the data commit together and a rolled-back write leaves no row.
// The oldest rows are pruned once more than kChangeLogKeep follow them.
// Erasure (remove<Graduate>) must not leave the graduate's id behind: it
// blanks that id in every log row (and the ids of the placements erased with
// it) and appends a marker row with id ''.
//
// Reading (Store::read_changes): in ONE read transaction, delivers to a
// ChangeSink either everything (a full load: the first call, or when the log
// no longer reaches back to the caller's position, or when most of a kind
// changed) or, per (kind, id) logged after the caller's position, the
// entity's current state (put) or its absence (erase); after an erasure
// marker, the ids of every graduate still stored (retain). So a sink that
// applies every call holds exactly the committed state at the returned
// position: never half of a batch, and an erased graduate is gone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/entities.hpp"
#include "store/store_types.hpp"

namespace talentmatch::store {

inline constexpr std::int64_t kChangeLogKeep = 200000;

// Receives the changes; called on the reading thread only. Graduates come
// without evidence (the matcher does not use it).
class ChangeSink {
  public:
    virtual ~ChangeSink() = default;
    // How many entities of this kind the sink holds (to choose between point
    // reads of the changed ids and one scan of the kind).
    virtual std::size_t size(EntityKind kind) const = 0;
    // A complete list of this kind follows: drop what is held.
    virtual void clear(EntityKind kind) = 0;
    virtual void put(const Skill& value) = 0;
    virtual void put(const Certificate& value) = 0;
    virtual void put(const Institution& value) = 0;
    virtual void put(const Program& value) = 0;
    virtual void put(const Employer& value) = 0;
    virtual void put(const Job& value) = 0;
    virtual void put(const Graduate& value) = 0;
    virtual void put(const Placement& value) = 0;
    virtual void put(const Teacher& value) = 0;
    virtual void put(const Project& value) = 0;
    virtual void put(const InnovationDemand& value) = 0;
    virtual void put(const ResearchResult& value) = 0;
    virtual void put(const OccupationalStandard& value) = 0;
    virtual void put(const Course& value) = 0;
    virtual void put(const TrainingProgram& value) = 0;
    virtual void erase(EntityKind kind, const std::string& id) = 0;
    // Keep only the held entities of `kind` whose id is in `sorted_ids`.
    virtual void retain(EntityKind kind, const std::vector<std::string>& sorted_ids) = 0;
};

struct ChangePosition {
    std::int64_t seq = 0;           // pass back as after_seq next time
    std::int64_t data_version = 0;  // Store::data_version() at that point
    bool full = false;              // every kind was delivered from scratch
    std::size_t changed = 0;        // (kind, id) pairs delivered as put/erase
};

}  // namespace talentmatch::store
