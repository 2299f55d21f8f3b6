#include "matcher/query/explanation.hpp"

#include <algorithm>

#include "matcher/score/candidate_levels.hpp"
#include "matcher/score/preference_bonus.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/education_level.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {

const char* to_string(GateKind kind) {
    switch (kind) {
        case GateKind::kMustHaveSkill:
            return "must_have_skill";
        case GateKind::kMissingCertificate:
            return "missing_certificate";
        case GateKind::kEducationBelowMinimum:
            return "education_below_minimum";
        case GateKind::kJobExpired:
            return "job_expired";
    }
    return "must_have_skill";
}

namespace {

const char* kind_name(CandidateKind kind) {
    return kind == CandidateKind::kGraduates ? "graduate" : "program";
}

std::string education_name(std::uint8_t level) {
    return std::string(to_string(static_cast<EducationLevel>(level)));
}

bool contains(std::span<const Index> sorted, Index value) {
    return std::binary_search(sorted.begin(), sorted.end(), value);
}

std::int32_t pair_bonus(const Snapshot& s, CandidateKind kind, Index c, Index job,
                        const ScoreConfig& config) {
    if (kind != CandidateKind::kGraduates) return 0;
    return preference_bonus(config, s.graduates.preferred_districts.row(c),
                            s.graduates.preferred_clusters.row(c), s.jobs.district[job],
                            s.jobs.cluster[job]);
}

void add_gates(const Snapshot& s, const CandidateSet& set, Index c, Index job, Explanation& out) {
    for (const RequirementContribution& r : out.contributions) {
        if (!r.must_have || r.has_level >= r.required_level) continue;
        out.failed_gates.push_back(
            {GateKind::kMustHaveSkill, r.skill_id, r.has_level, r.required_level,
             "must-have skill '" + r.skill_id + "': has " + std::to_string(r.has_level) +
                 ", needs " + std::to_string(r.required_level)});
    }
    const std::span<const Index> held = set.certificates.row(c);
    for (Index cert : s.jobs.certificates.row(job)) {
        if (contains(held, cert)) continue;
        const std::string& id = s.certificates[cert];
        out.failed_gates.push_back(
            {GateKind::kMissingCertificate, id, 0, 1, "missing certificate '" + id + "'"});
    }
    const std::uint8_t has = set.education[c];
    const std::uint8_t needs = s.jobs.min_education[job];
    if (has < needs)
        out.failed_gates.push_back({GateKind::kEducationBelowMinimum, "", has, needs,
                                    "education below minimum: has " + education_name(has) +
                                        ", needs " + education_name(needs)});
}

// The held certificates that evidence `skill` at level `has` (the level used).
std::vector<std::string> evidence_of(const Snapshot& s, const CandidateSet& set, Index c,
                                     Index skill, int has) {
    std::vector<std::string> out;
    if (has == 0) return out;
    for (const Index cert : set.certificates.row(c)) {
        if (cert < s.certificate_skills.rows() &&
            level_of(s.certificate_skills.row(cert), skill) == has) {
            out.push_back(s.certificates[cert]);
        }
    }
    return out;
}

}  // namespace

Explanation explain_indices(const Snapshot& s, CandidateKind kind, Index c, Index job,
                            const ScoreConfig& config) {
    validate(config);
    const CandidateSet& set = kind == CandidateKind::kGraduates ? s.graduates : s.programs;
    if (c >= set.size())
        throw ValidationError({{"candidate", std::string(kind_name(kind)) + " index " +
                                                 std::to_string(c) + " out of range"}});
    if (job >= s.jobs.size())
        throw ValidationError({{"job", "job index " + std::to_string(job) + " out of range"}});

    Explanation out;
    out.kind = kind;
    out.candidate_id = set.ids[c];
    out.job_id = s.jobs.ids[job];
    const std::span<const SkillEntry> levels = set.skills.row(c);
    std::uint32_t cov_num = 0, cov_den = 0, rel_num = 0;
    for (const RequirementEntry& req : s.jobs.requirements.row(job)) {
        const int a = level_of(levels, req.skill);
        const int r = req.level;
        const int w = req.weight;
        const auto met = static_cast<std::uint32_t>(std::min(a, r));
        RequirementContribution item{req.skill,
                                     s.skills[req.skill],
                                     r,
                                     w,
                                     req.must_have != 0,
                                     a,
                                     static_cast<std::uint32_t>(w) * met,
                                     static_cast<std::uint32_t>(w * r),
                                     evidence_of(s, set, c, req.skill, a)};
        cov_num += item.contribution;
        cov_den += item.maximum;
        rel_num += met;
        if (a < r)
            out.learning_plan.push_back({req.skill, item.skill_id, a, r, r - a, w,
                                         static_cast<std::uint32_t>(w * (r - a)), item.must_have});
        out.contributions.push_back(std::move(item));
    }
    std::sort(out.learning_plan.begin(), out.learning_plan.end(),
              [](const SkillGap& x, const SkillGap& y) {
                  if (x.weighted_gap != y.weighted_gap) return x.weighted_gap > y.weighted_gap;
                  return x.skill < y.skill;  // skill index order is id order
              });
    add_gates(s, set, c, job, out);

    out.score.cov_num = cov_num;
    out.score.cov_den = cov_den;
    out.score.rel_num = rel_num;
    out.score.rel_den = set.level_sum[c];
    out.score.bonus = pair_bonus(s, kind, c, job, config);
    out.coverage = out.score.coverage();
    out.relevance = out.score.relevance();
    out.fit = out.score.fit();
    out.eligible = out.failed_gates.empty();
    return out;
}

Explanation explain(const Snapshot& s, CandidateKind kind, const std::string& candidate_id,
                    const std::string& job_id, const ScoreConfig& config,
                    const std::string& as_of) {
    const CandidateSet& set = kind == CandidateKind::kGraduates ? s.graduates : s.programs;
    const std::optional<Index> c = set.ids.find(candidate_id);
    if (!c) throw NotFoundError(kind_name(kind), candidate_id);
    const std::optional<Index> j = s.jobs.ids.find(job_id);
    if (!j) throw NotFoundError("job", job_id);
    Explanation out = explain_indices(s, kind, *c, *j, config);
    if (as_of.empty()) return out;
    const std::optional<std::int32_t> as_of_key = date_key(as_of);
    if (!as_of_key || *as_of_key == kOpenEnded)
        throw ValidationError(std::vector<FieldError>{{"as_of", "must be a date YYYY-MM-DD"}});
    const std::int32_t until = s.jobs.valid_until_key[*j];
    if (!valid_on(until, *as_of_key)) {
        out.failed_gates.push_back(
            {GateKind::kJobExpired, s.jobs.valid_until[*j], *as_of_key, until,
             "job expired: valid until " + s.jobs.valid_until[*j] + ", as of " + as_of});
        out.eligible = false;
    }
    return out;
}

std::vector<Explanation> explain_batch(const Snapshot& s, std::span<const ExplainRequest> requests,
                                       const ScoreConfig& config) {
    validate(config);
    std::vector<std::pair<Index, Index>> pairs;
    pairs.reserve(requests.size());
    for (const ExplainRequest& r : requests) {
        const CandidateSet& set = r.kind == CandidateKind::kGraduates ? s.graduates : s.programs;
        const std::optional<Index> c = set.ids.find(r.candidate_id);
        if (!c) throw NotFoundError(kind_name(r.kind), r.candidate_id);
        const std::optional<Index> j = s.jobs.ids.find(r.job_id);
        if (!j) throw NotFoundError("job", r.job_id);
        pairs.emplace_back(*c, *j);
    }
    std::vector<Explanation> out;
    out.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i)
        out.push_back(
            explain_indices(s, requests[i].kind, pairs[i].first, pairs[i].second, config));
    return out;
}

}  // namespace talentmatch::matcher
