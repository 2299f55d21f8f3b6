#pragma once
// Imports the public O*NET 29.2 tables (TSV text edition, see
// data/realdata/onet-29.2/SOURCE.md) as a talentmatch taxonomy and job
// set. The mapping is documented in datagen/ONET_MAPPING.md:
//  - Skills.txt + Knowledge.txt elements -> skills (id = element id,
//    category "onet.<skills|knowledge>.<subgroup>" from Content Model Reference);
//  - each rated occupation -> one job: requirement per element kept
//    (importance IM >= keep_importance, else the top min_requirements by IM;
//    by default every rated element), level = onet_level(LV) in 1..5,
//    weight = onet_weight(IM, mean IM of the element, weights) in 1..10, must-have when IM >=
//    must_have_importance; ratings with Not Relevant = Y are skipped, and those with Recommend
//    Suppress = Y unless jobs_keep_suppressed;
//  - minimum education from the Required Level of Education distribution
//    (lowest category reaching 50 % cumulative), else from the Job Zone;
//  - one employer per SOC major group (cluster "soc-NN");
//  - one worker profile per rated occupation ("someone who holds it"): a
//    graduate with every rated element neither suppressed nor not relevant at level onet_level(LV),
//    no importance, no certificates, education kMaster (never limiting).
// Deterministic: no randomness; output sorted by O*NET-SOC code / element id.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::datagen {

// How an LV rating (0..7) becomes an engine level (1..5).
//  - kQuintiles: level = 1 + the number of kOnetLevelCuts at or below LV. The
//    cuts are the quintiles of every rated, non-skipped LV of Skills.txt and
//    Knowledge.txt (29.2), so each level holds about a fifth of the ratings
//    (O*NET's LVs sit mostly between 1 and 5, where linear steps of 1.4 LV
//    merge most ratings into levels 2-4).
//  - kLinear: round(LV / 7 * 5), clamped to 1..5 (the first mapping).
enum class OnetLevels : std::uint8_t { kQuintiles = 0, kLinear = 1 };
inline constexpr double kOnetLevelCuts[4] = {1.53, 2.30, 3.00, 3.68};

// How importance IM (1..5) becomes a requirement's weight (1..10).
//  - kDistinctive: round(IM x f), f = 1 + IM - mean IM of the element over
//    every job's ratings, clamped to 0.2..3: an element this occupation
//    relies on more than occupations in general weighs more (Reading
//    Comprehension, important everywhere, tells jobs apart less).
//  - kImportance: round(2 x IM) (the first mapping).
enum class OnetWeights : std::uint8_t { kDistinctive = 0, kImportance = 1 };

struct OnetRules {
    // Defaults chosen by bench/quality.sh (ONET_MAPPING.md "Measured effect").
    double keep_importance = 0.0;       // 0: every rated element is a requirement
    double must_have_importance = 4.5;  // IM >= 4.5: must-have
    std::size_t min_requirements = 3;   // kept even below keep_importance
    bool knowledge = true;              // false: Skills.txt only (35 elements), no Knowledge.txt
    OnetLevels levels = OnetLevels::kQuintiles;
    // Jobs keep a Recommend Suppress = Y rating (O*NET's best estimate, of low
    // precision); worker profiles never claim one.
    bool jobs_keep_suppressed = true;
    OnetWeights weights = OnetWeights::kDistinctive;
};

// Ids of the worker profiles' institution and program (generate_from_onet
// writes both; a worker is "onet-worker-<O*NET-SOC code>").
inline constexpr const char* kOnetWorkerInstitution = "onet-inst-workers";
inline constexpr const char* kOnetWorkerProgram = "onet-prog-workers";
inline constexpr const char* kOnetWorkerPrefix = "onet-worker-";

struct OnetImportStats {
    std::size_t occupations_listed = 0;    // rows of Occupation Data.txt
    std::size_t occupations_imported = 0;  // with Skills/Knowledge ratings -> jobs
    std::size_t rows_suppressed = 0;       // Recommend Suppress = Y (IM or LV rows)
    std::size_t rows_not_relevant = 0;     // Not Relevant = Y
    std::size_t requirements = 0;
    std::size_t must_haves = 0;
    std::size_t education_from_rl = 0;  // min education from the RL distribution
    std::size_t education_from_job_zone = 0;
};

struct OnetDataset {
    std::vector<Skill> skills;        // sorted by id
    std::vector<Employer> employers;  // one per SOC major group, sorted by id
    std::vector<Job> jobs;            // one per rated occupation, sorted by id; headcount 1
    // One per job, same order: the occupation's holder. graduation_year 0 and
    // seeking false (a holder is not job-seeking, so assignment leaves them
    // out); the generator sets the year.
    std::vector<Graduate> workers;
    OnetImportStats stats;
};

// Reads Skills.txt, Knowledge.txt, Content Model Reference.txt, Occupation
// Data.txt, Job Zones.txt and "Education, Training, and Experience (RL
// only).txt" from `dir`. Throws std::runtime_error naming the file, line or
// column on malformed input.
OnetDataset import_onet(const std::filesystem::path& dir, const OnetRules& rules = {});

// Mapping functions, exposed for tests and ONET_MAPPING.md.
int onet_level(double lv, OnetLevels scale = OnetLevels::kQuintiles);  // LV 0..7 -> 1..5
int onet_weight(double im);  // kImportance: IM 1..5 -> 1..10
int onet_weight(double im, double mean_im, OnetWeights scheme);
EducationLevel onet_education_from_rl_category(int category);  // 1..12
EducationLevel onet_education_from_job_zone(int zone);         // 1..5

// The attribution O*NET's CC BY 4.0 licence asks for (ATTRIBUTION.txt).
std::string onet_attribution();

}  // namespace talentmatch::datagen
