#pragma once
// The matcher's reports, as the layers outside matcher/ see them (the one
// header they include for them): market segments (analytics/segment.hpp),
// supply–demand balance and its small-group suppression
// (analytics/supply_demand.hpp, analytics/small_group_suppression.hpp),
// program alignment (analytics/alignment.hpp) and employment outcomes
// (analytics/outcomes.hpp).
#include "matcher/analytics/alignment.hpp"
#include "matcher/analytics/outcomes.hpp"
#include "matcher/analytics/segment.hpp"
#include "matcher/analytics/small_group_suppression.hpp"
#include "matcher/analytics/supply_demand.hpp"
