#include "ingest/ingest.hpp"

namespace talentmatch::ingest {

void Totals::count(const Outcome& outcome) {
    resolved += outcome.resolved.size();
    switch (outcome.status) {
        case store::ItemStatus::kCreated:
            ++created;
            break;
        case store::ItemStatus::kUpdated:
            ++updated;
            break;
        case store::ItemStatus::kUnchanged:
            ++unchanged;
            break;
        case store::ItemStatus::kInvalid:
            ++invalid;
            break;
        case store::ItemStatus::kNotApplied:
            ++not_applied;
            break;
    }
}

Totals& Totals::operator+=(const Totals& other) {
    created += other.created;
    updated += other.updated;
    unchanged += other.unchanged;
    invalid += other.invalid;
    not_applied += other.not_applied;
    resolved += other.resolved;
    return *this;
}

}  // namespace talentmatch::ingest
