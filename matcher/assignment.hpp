#pragma once
// The matcher's stable assignment, as the layers outside matcher/ see it (the
// one header they include for it): deferred acceptance over complete lists
// (assignment/assignment.hpp), supplied lazily a chunk at a time
// (assignment/lazy_assignment.hpp) by the engine's own ranking
// (assignment/assignment_source.hpp).
#include "matcher/assignment/assignment.hpp"
#include "matcher/assignment/assignment_source.hpp"
#include "matcher/assignment/lazy_assignment.hpp"
