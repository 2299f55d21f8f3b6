#pragma once
// How the subcommands open the store: only `import` and `generate` (and
// `serve --create`) may create one; every other command refuses a path that
// is not an existing talentmatch store (store::NotAStoreError, which main()
// maps to kExitNotAStore), so a mistyped --db never yields an empty store.
#include <optional>
#include <string>

#include "store/store.hpp"

namespace talentmatch::cli {

inline store::StoreOptions existing_store() {
    store::StoreOptions options;
    options.create = false;
    return options;
}

// Why `org` cannot be the organisation of a key of `role`, if it cannot: an
// association key names an association some employer belongs to, a
// career-office or research-office key an institution of the store.
inline std::optional<std::string> missing_organisation(store::Store& db, store::Role role,
                                                       const std::string& org) {
    if (org.empty()) return std::nullopt;  // the store names the missing org itself
    if (role == store::Role::kAssociation && !db.association_exists(org))
        return "no association '" + org + "' (no employer belongs to it)";
    if ((role == store::Role::kCareerOffice || role == store::Role::kResearchOffice) &&
        !db.get<Institution>(org))
        return "no institution '" + org + "'";
    return std::nullopt;
}

}  // namespace talentmatch::cli
