#pragma once
// One program's alignment as the API answers it (GET
// /v1/programs/{id}/alignment and each side of POST .../what-if): openings
// counts, shares and the top shortfall skills with their names in the
// reader's language.
#include <nlohmann/json.hpp>

#include "api/reader_language.hpp"
#include "matcher/analytics.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::api {

nlohmann::json alignment_json(const matcher::Snapshot& s, const matcher::ProgramAlignment& a,
                              Lang lang);

}  // namespace talentmatch::api
