#pragma once
// One ingest step behind `talentmatch import` (files) and the bulk endpoints
// (request bodies). Items arrive already read (bulk/bulk_reader.hpp: decoded,
// or with the errors that stopped them). For each, the step resolves skill
// references given by name or alias (models/skill_references.hpp) and adds
// the caller's own errors (an API key's tenancy); an item with errors gets
// its outcome at once, a valid one is queued. Queued items are stored with
// Store::upsert_many in batches of `batch_size` (flush), or checked as a
// write would check them and not written (check_queued: a dry run, or an
// all-or-nothing request that already has an invalid item).
//
// Every item added gets exactly one outcome through the callback, tagged with
// the order it was added in and the line it was read from. Transactions are
// the caller's: a Store::WriteScope around the whole ingest makes it one
// (all or nothing, or per-item checks that see the state the write sees);
// otherwise each batch commits on its own.
//
// Not thread-safe: one Ingest per input.
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "models/field_error.hpp"
#include "models/skill_references.hpp"
#include "models/validation.hpp"
#include "store/store.hpp"

namespace talentmatch::ingest {

// batch_size that never flushes on its own: only flush() or check_queued() end the queue.
inline constexpr std::size_t kNoBatches = std::numeric_limits<std::size_t>::max();

struct Outcome {
    std::size_t index = 0;  // 0-based, in the order items were added
    std::size_t line = 0;   // 1-based line the item was read from, 0 if none
    store::ItemStatus status = store::ItemStatus::kNotApplied;
    std::vector<FieldError> errors;         // paths relative to the item
    std::vector<SkillResolution> resolved;  // skill references rewritten from a name or alias
};

// Counts of outcomes by status, and of skill references resolved.
struct Totals {
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t invalid = 0;
    std::size_t not_applied = 0;
    std::size_t resolved = 0;

    void count(const Outcome& outcome);
    Totals& operator+=(const Totals& other);
    std::size_t applied() const { return created + updated + unchanged; }
};

template <class T>
class Ingest {
  public:
    // Appends the caller's own errors for a decoded item (may be empty).
    using Check = std::function<void(const T& item, std::vector<FieldError>& errors)>;
    using OnOutcome = std::function<void(Outcome& outcome)>;

    Ingest(store::Store& store, store::BulkMode mode, std::size_t batch_size, OnOutcome on_outcome,
           Check check = {})
        : store_(store),
          mode_(mode),
          batch_size_(batch_size),
          on_outcome_(std::move(on_outcome)),
          check_(std::move(check)) {
        if constexpr (kHasSkillReferences<T>) {
            std::vector<Skill> all;
            store_.scan<Skill>({}, [&all](const Skill& s) { all.push_back(s); });
            skills_.emplace(std::move(all));
        }
    }

    // One item read: `value` if it decoded (then `errors` is empty), else
    // the errors that stopped it.
    void add(std::optional<T> value, std::vector<FieldError> errors, std::size_t line) {
        Outcome outcome;
        outcome.index = added_++;
        outcome.line = line;
        outcome.errors = std::move(errors);
        if (value && skills_) {
            resolve_skill_references(*value, *skills_, outcome.resolved, outcome.errors);
        }
        if (value && check_) check_(*value, outcome.errors);
        if (!value || !outcome.errors.empty()) {
            outcome.status = store::ItemStatus::kInvalid;
            report(outcome);
            return;
        }
        queued_.push_back(std::move(*value));
        queued_outcomes_.push_back(std::move(outcome));
        if (queued_.size() >= batch_size_) flush();
    }

    // Stores the queued items: one Store::upsert_many.
    void flush() {
        if (queued_.empty()) return;
        store::BulkResult result = store_.upsert_many(std::span<const T>(queued_), mode_);
        for (store::ItemResult& item : result.items) {
            Outcome& outcome = queued_outcomes_[item.index];
            outcome.status = item.status;
            outcome.errors = std::move(item.errors);
        }
        report_queued();
    }

    // Checks the queued items as a write would (domain rules, references to
    // stored ids) and writes nothing: each is kNotApplied or kInvalid.
    void check_queued() {
        if (queued_.empty()) return;
        const KnownIds known = store_.known_ids();
        for (std::size_t i = 0; i < queued_.size(); ++i) {
            Outcome& outcome = queued_outcomes_[i];
            if constexpr (requires { validate(queued_[i], known, ""); }) {
                outcome.errors = validate(queued_[i], known, "");
            } else {
                outcome.errors = validate(queued_[i], "");
            }
            outcome.status = outcome.errors.empty() ? store::ItemStatus::kNotApplied
                                                    : store::ItemStatus::kInvalid;
        }
        report_queued();
    }

    const Totals& totals() const { return totals_; }

  private:
    void report(Outcome& outcome) {
        totals_.count(outcome);
        on_outcome_(outcome);
    }
    void report_queued() {
        for (Outcome& outcome : queued_outcomes_) report(outcome);
        queued_.clear();
        queued_outcomes_.clear();
    }

    store::Store& store_;
    store::BulkMode mode_;
    std::size_t batch_size_;
    OnOutcome on_outcome_;
    Check check_;
    std::optional<SkillDirectory> skills_;
    std::vector<T> queued_;
    std::vector<Outcome> queued_outcomes_;  // parallel to queued_
    std::size_t added_ = 0;
    Totals totals_;
};

}  // namespace talentmatch::ingest
