#pragma once
// Sizes and fixed dates of a synthetic data set. Presets (SPEC.md scale):
//   tiny      ~3 institutions, ~200 graduates, ~50 jobs, 3 teachers per program,
//             30 projects, 20 research results, 20 innovation demands (tests)
//   demo      12 institutions, ~60 programs, 20,000 graduates, 3,000 jobs, 150 employers,
//             placements of the latest cohort, 5 teachers per program, 200
//             enterprise projects, 200 research results, 150 innovation demands
//   province  100 institutions, 1,000,000 graduates, 100,000 jobs
// Dates are fields (not the clock): output depends on the config alone.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "datagen/civil_date.hpp"

namespace talentmatch::datagen {

struct SyntheticConfig {
    std::uint64_t seed = 1;
    int institutions = 12;
    int programs_per_institution = 5;  // fewer where an institution's level allows fewer
    std::int64_t graduates = 20000;
    int employers = 150;
    std::int64_t jobs = 3000;
    int graduation_year = 2026;
    // Jobs are valid 2..34 weeks after this; `generate` sets it 30 days before
    // its --date (default today), so most jobs are valid on that date.
    CivilDate postings_date{2026, 6, 30};
    // Placement outcomes for the graduates of graduation_year
    // (synthetic_placements.hpp); the demo preset only.
    bool placements = false;
    // Teachers per program and enterprise projects (synthetic_teams.hpp);
    // the tiny and demo presets.
    int teachers_per_program = 0;
    std::int64_t projects = 0;
    // Research results and innovation demands (synthetic_research.hpp); the
    // tiny and demo presets.
    std::int64_t research_results = 0;
    std::int64_t innovation_demands = 0;
};

std::optional<SyntheticConfig> preset(std::string_view name);
std::vector<std::string> preset_names();

}  // namespace talentmatch::datagen
