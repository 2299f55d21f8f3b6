#pragma once
// The matcher's queries, as the layers outside matcher/ see them (the one
// header they include for them):
//  - top-k in every direction, batch-first (query/match_query.hpp), with a
//    reusable workspace for small queries (query/query_workspace.hpp);
//  - the explanation of one pair: score, gates, contributions, learning plan
//    (query/explanation.hpp);
//  - a graduate's near misses (query/near_misses.hpp).
// Which regime answers a query (sparse, dense, must-key, candidate index) is
// the matcher's own choice.
#include "matcher/query/explanation.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/query/near_misses.hpp"
#include "matcher/query/query_workspace.hpp"
