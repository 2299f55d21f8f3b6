#pragma once
// The matcher's block passes, as the layers outside matcher/ see them (the
// one header they include for them): the nightly top-k in both directions
// (kernels/batch_top_k.hpp), complete lists above a floor for the stable
// assignment (kernels/jobs_above_floor.hpp) and the packed subsets those
// fetches score (kernels/candidate_subset.hpp). The scalar and AVX-512 kernels
// behind them are chosen at run time and give identical results.
#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/candidate_subset.hpp"
#include "matcher/kernels/jobs_above_floor.hpp"
