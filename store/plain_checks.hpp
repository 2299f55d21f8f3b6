#pragma once
// Allocation-free "is this plainly valid?" checks for the bulk kinds (jobs,
// graduates), run before models/validation.hpp on the store's write path.
// plainly_valid(x, known) is true exactly when validate(x, known, "") returns
// no error and no child key repeats (the store's own check()); it builds no
// path strings, so the common all-valid bulk item costs a few hash lookups.
// When it is false the caller runs the full validation, which writes the
// messages. tests/store checks the equivalence on valid and broken values.
#include "models/entities.hpp"
#include "models/validation.hpp"

namespace talentmatch::store {

bool plainly_valid(const Job& value, const KnownIds& known);
bool plainly_valid(const Graduate& value, const KnownIds& known);

}  // namespace talentmatch::store
