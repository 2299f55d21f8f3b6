#pragma once
// Explanation of one (candidate, job) pair, SPEC.md "Match semantics": the
// exact score, which eligibility gate(s) failed, each requirement's
// contribution w·min(a,r) out of Σ w·r, and the learning plan: the missing
// skills (gap r − a > 0) ordered by weighted gap w·(r − a) descending, then
// skill id ascending.
//
// A candidate is a graduate or a program (its curriculum profile as the
// "typical graduate", its certificates as the ones held, its education level).
// Works for ineligible pairs too (that is what explanations are for); the
// score then is what the pair would score, and `eligible` is false.
//
// The score is the matcher's PairScore, so numbers agree to the bit with the
// top-k lists (bonus included for graduates, per ScoreConfig; programs have no
// preferences and get no bonus).
//
// Thread-safety: reads the Snapshot only; any number of calls may run at once.
// Errors: NotFoundError("graduate" | "program" | "job", id) for an unknown id;
// ValidationError from validate(ScoreConfig) for a bad config.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/score/score_config.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

enum class GateKind : std::uint8_t {
    kMustHaveSkill = 0,          // id = skill id; has/needs = levels
    kMissingCertificate = 1,     // id = certificate id; has = 0, needs = 1
    kEducationBelowMinimum = 2,  // id = ""; has/needs = EducationLevel as integers
    kJobExpired = 3,             // id = valid_until; has/needs = as-of / valid-until date keys
};

// Wire names: "must_have_skill", "missing_certificate", "education_below_minimum",
// "job_expired".
const char* to_string(GateKind kind);

struct FailedGate {
    GateKind kind = GateKind::kMustHaveSkill;
    std::string id;
    int has = 0;
    int needs = 0;
    // Human-readable: "must-have skill 'x': has 1, needs 3",
    // "missing certificate 'c'", "education below minimum: has
    // higher_vocational, needs bachelor", "job expired: valid until 2026-02-28,
    // as of 2026-12-03".
    std::string message;
    bool operator==(const FailedGate&) const = default;
};

// One requirement of the job, in the snapshot's requirement order (must-haves
// first, then by skill id).
struct RequirementContribution {
    Index skill = 0;
    std::string skill_id;
    int required_level = 0;  // r, 1..5
    int weight = 0;          // w, 1..10
    bool must_have = false;
    int has_level = 0;               // a, 0..5
    std::uint32_t contribution = 0;  // w·min(a, r)
    std::uint32_t maximum = 0;       // w·r
    // The certificates the candidate holds (a program: prepares for) that
    // evidence this skill at level a (models/credited_levels.hpp), by id; empty
    // when a is 0 or no held certificate evidences that level.
    std::vector<std::string> evidenced_by;
    bool operator==(const RequirementContribution&) const = default;
};

// A missing skill: one learning-plan step.
struct SkillGap {
    Index skill = 0;
    std::string skill_id;
    int has_level = 0;               // a
    int required_level = 0;          // r
    int gap = 0;                     // r − a > 0
    int weight = 0;                  // w
    std::uint32_t weighted_gap = 0;  // w·(r − a)
    bool must_have = false;
    bool operator==(const SkillGap&) const = default;
};

struct Explanation {
    CandidateKind kind = CandidateKind::kGraduates;
    std::string candidate_id;
    std::string job_id;
    PairScore score;  // exact: coverage, relevance, fit, bonus (see score_config.hpp)
    double coverage = 0;
    double relevance = 0;
    double fit = 0;
    bool eligible = false;
    std::vector<FailedGate>
        failed_gates;  // empty iff eligible; skills, certificates, education, then expiry
    std::vector<RequirementContribution> contributions;  // one per requirement
    std::vector<SkillGap> learning_plan;                 // weighted gap desc, then skill id asc
};

// One pair by ids. With `as_of` ("YYYY-MM-DD"; "" = no date), a job past its
// valid_until on that date fails the kJobExpired gate (validity.hpp).
// ValidationError("as_of") when `as_of` is not a date.
Explanation explain(const Snapshot& snapshot, CandidateKind kind, const std::string& candidate_id,
                    const std::string& job_id, const ScoreConfig& config = {},
                    const std::string& as_of = "");

// One pair by indices (no id lookups; indices must be in range, checked).
Explanation explain_indices(const Snapshot& snapshot, CandidateKind kind, Index candidate,
                            Index job, const ScoreConfig& config = {});

struct ExplainRequest {
    CandidateKind kind = CandidateKind::kGraduates;
    std::string candidate_id;
    std::string job_id;
};

// Many pairs at once, results in request order. All ids are checked before any
// work (an unknown id throws; nothing is half-returned).
std::vector<Explanation> explain_batch(const Snapshot& snapshot,
                                       std::span<const ExplainRequest> requests,
                                       const ScoreConfig& config = {});

}  // namespace talentmatch::matcher
