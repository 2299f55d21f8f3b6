#pragma once
// The matcher's ranking score, as the layers outside matcher/ see it (the one
// header they include for it): ScoreConfig and the exact fit, bonus and
// comparison rules (score/score_config.hpp). The plain reference scorer
// (score/reference_scorer.hpp) is for the oracle tests, benches and fuzzers.
#include "matcher/score/score_config.hpp"
