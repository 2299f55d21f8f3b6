#include "batch/diagnostics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "batch/csv_writer.hpp"
#include "matcher/query.hpp"
#include "models/education_level.hpp"

namespace talentmatch::batch {
namespace {
using matcher::Index;

int level_of(const matcher::CandidateSet& set, Index c, Index skill) {
    const auto row = set.skills.row(c);
    auto it = std::lower_bound(row.begin(), row.end(), skill,
                               [](const matcher::SkillEntry& e, Index s) { return e.skill < s; });
    return it != row.end() && it->skill == skill ? it->level : 0;
}

bool holds(const matcher::CandidateSet& set, Index c, Index cert) {
    const auto row = set.certificates.row(c);
    return std::binary_search(row.begin(), row.end(), cert);
}

// Seeking-graduate counts used to name a gate nobody meets.
struct SeekingSupply {
    std::vector<std::array<std::uint64_t, 6>> at_least;  // [skill][L]: level >= L
    std::vector<std::uint64_t> certificate_holders;
    std::array<std::uint64_t, 6> education_at_least{};  // [e]: education >= e
};

SeekingSupply seeking_supply(const matcher::Snapshot& s) {
    SeekingSupply out;
    out.at_least.assign(s.skills.size(), {});
    out.certificate_holders.assign(s.certificates.size(), 0);
    const auto& g = s.graduates;
    for (Index i = 0; i < g.size(); ++i) {
        if (!g.seeking[i]) continue;
        for (const auto& e : g.skills.row(i)) {
            for (int L = 1; L <= e.level; ++L) ++out.at_least[e.skill][L];
        }
        for (Index c : g.certificates.row(i)) ++out.certificate_holders[c];
        for (int e = 0; e <= g.education[i] && e < 6; ++e) ++out.education_at_least[e];
    }
    return out;
}

// Posting lists: per skill, seeking graduates having it (index order).
using Postings = std::unordered_map<Index, std::vector<Index>>;

std::string job_reason_detail(const matcher::Snapshot& s, Index j, const SeekingSupply& supply,
                              std::string& reason) {
    const auto& jobs = s.jobs;
    reason = "no_eligible_graduate";
    for (const auto& r : jobs.requirements.row(j)) {
        if (r.must_have && supply.at_least[r.skill][r.level] == 0) {
            return "must-have skill " + s.skills[r.skill] + " at level " + std::to_string(r.level) +
                   ": no seeking graduate has it";
        }
    }
    for (Index c : jobs.certificates.row(j)) {
        if (supply.certificate_holders[c] == 0) {
            return "certificate " + s.certificates[c] + ": no seeking graduate holds it";
        }
    }
    if (supply.education_at_least[jobs.min_education[j]] == 0) {
        return "education " +
               std::string(to_string(static_cast<EducationLevel>(jobs.min_education[j]))) +
               ": no seeking graduate has it";
    }
    return "no seeking graduate meets every gate at once";
}

bool meets_non_skill_gates(const matcher::Snapshot& s, Index g, Index j) {
    if (s.graduates.education[g] < s.jobs.min_education[j]) return false;
    for (Index c : s.jobs.certificates.row(j)) {
        if (!holds(s.graduates, g, c)) return false;
    }
    return true;
}

// Exact counts: seeking graduates eligible for j, and per must-have how many
// more become eligible when that one requirement is lowered by one level.
void analyse_relaxations(const matcher::Snapshot& s, Index j, const Postings& postings,
                         UnfilledJob& out) {
    const auto& g = s.graduates;
    std::vector<matcher::RequirementEntry> must;
    for (const auto& r : s.jobs.requirements.row(j)) {
        if (r.must_have) must.push_back(r);
    }
    if (must.empty()) return;  // nothing to relax: only certificates / education gate it
    out.relaxation_analysed = true;
    std::vector<std::uint64_t> added(must.size(), 0);
    // Checks graduate i: eligible, or exactly one must-have short by one level.
    auto visit = [&](Index i) {
        if (!g.seeking[i] || !meets_non_skill_gates(s, i, j)) return;
        int failing = -1, failures = 0;
        bool short_by_one = false;
        for (std::size_t k = 0; k < must.size() && failures < 2; ++k) {
            const int a = level_of(g, i, must[k].skill);
            if (a >= must[k].level) continue;
            ++failures;
            failing = static_cast<int>(k);
            short_by_one = a == must[k].level - 1;
        }
        if (failures == 0) ++out.eligible_seeking;
        if (failures == 1 && short_by_one) ++added[static_cast<std::size_t>(failing)];
    };
    // Every graduate that counts meets all must-haves but at most one, so with
    // two or more must-haves it has the skill of a or of b (the two shortest
    // posting lists) at level >= 1. With one must-have at level r >= 2 the
    // relaxed graduates have level r-1 >= 1 and are in its list; at r = 1 the
    // relaxed ones lack the skill, so everyone is visited.
    std::vector<std::size_t> order(must.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    auto list_size = [&](std::size_t k) {
        auto it = postings.find(must[k].skill);
        return it == postings.end() ? std::size_t{0} : it->second.size();
    };
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return list_size(x) != list_size(y) ? list_size(x) < list_size(y) : x < y;
    });
    const bool single = must.size() == 1;
    const bool needs_everyone = single && must[0].level == 1;  // relaxing to 0 drops the skill
    if (needs_everyone) {
        for (Index i = 0; i < g.size(); ++i) visit(i);
    } else {
        std::vector<Index> drivers;
        for (std::size_t n = 0; n < std::min<std::size_t>(2, order.size()); ++n) {
            auto it = postings.find(must[order[n]].skill);
            if (it != postings.end())
                drivers.insert(drivers.end(), it->second.begin(), it->second.end());
        }
        std::sort(drivers.begin(), drivers.end());
        drivers.erase(std::unique(drivers.begin(), drivers.end()), drivers.end());
        for (Index i : drivers) visit(i);
    }
    for (std::size_t k = 0; k < must.size(); ++k) {
        out.relaxations.push_back(
            {s.skills[must[k].skill], must[k].level, must[k].level - 1, added[k]});
    }
    std::stable_sort(out.relaxations.begin(), out.relaxations.end(),
                     [](const Relaxation& a, const Relaxation& b) {
                         return a.added_graduates > b.added_graduates;
                     });
}

void set_unlock_from_plan(const matcher::Explanation& e, UnplacedGraduate& u) {
    if (e.learning_plan.empty()) return;
    const auto& step = e.learning_plan.front();
    u.unlock_kind = "skill";
    u.unlock_id = step.skill_id;
    u.has = step.has_level;
    u.needs = step.required_level;
}

UnplacedGraduate diagnose_graduate(const matcher::Snapshot& s, Index g,
                                   const AssignmentStage& assignment,
                                   const matcher::TopKLists& jobs_per_graduate,
                                   const matcher::TopKLists& jobs_per_program,
                                   const matcher::ScoreConfig& config) {
    UnplacedGraduate u;
    u.graduate = g;
    const std::uint32_t first = assignment.first_choice[g];
    const auto eligible = jobs_per_graduate.row(g);
    if (first != matcher::kUnassigned || !eligible.empty()) {
        u.reason = first == matcher::kUnassigned ? "coverage_below_minimum" : "outranked";
        u.nearest_job = first == matcher::kUnassigned ? eligible.front().index : first;
        const auto e = matcher::explain_indices(s, matcher::CandidateKind::kGraduates, g,
                                                u.nearest_job, config);
        u.nearest_coverage = e.coverage;
        set_unlock_from_plan(e, u);
        return u;
    }
    u.reason = "no_eligible_job";
    const Index program = s.graduates.program[g];
    if (program == matcher::kNone || program >= jobs_per_program.rows()) return u;
    struct Best {
        std::uint32_t gates = 0;
        int gap = 0;
        double coverage = 0;
        Index job = matcher::kNone;
    } best;
    matcher::FailedGate best_gate;
    for (const auto& m : jobs_per_program.row(program)) {
        const auto e =
            matcher::explain_indices(s, matcher::CandidateKind::kGraduates, g, m.index, config);
        const auto gates = static_cast<std::uint32_t>(e.failed_gates.size());
        int gap = 0;
        for (const auto& f : e.failed_gates) gap += std::max(0, f.needs - f.has);
        const bool better = best.job == matcher::kNone || gates < best.gates ||
                            (gates == best.gates &&
                             (gap < best.gap || (gap == best.gap && e.coverage > best.coverage)));
        if (!better) continue;
        best = {gates, gap, e.coverage, m.index};
        best_gate = {};
        int widest = -1;
        for (const auto& f : e.failed_gates) {
            if (f.needs - f.has > widest) widest = f.needs - f.has, best_gate = f;
        }
    }
    if (best.job == matcher::kNone) return u;
    u.nearest_job = best.job;
    u.nearest_coverage = best.coverage;
    u.failed_gates = best.gates;
    if (best.gates > 0) {
        u.unlock_kind = best_gate.kind == matcher::GateKind::kMustHaveSkill        ? "skill"
                        : best_gate.kind == matcher::GateKind::kMissingCertificate ? "certificate"
                                                                                   : "education";
        u.unlock_id = best_gate.id;
        u.has = best_gate.has;
        u.needs = best_gate.needs;
    }
    return u;
}

}  // namespace

Diagnostics diagnose(const matcher::Snapshot& s, const AssignmentStage& assignment,
                     const matcher::TopKLists& jobs_per_graduate,
                     const matcher::TopKLists& graduates_per_job,
                     const matcher::TopKLists& jobs_per_program, const matcher::ScoreConfig& config,
                     std::size_t relaxation_job_limit, int threads) {
    Diagnostics out;
    const SeekingSupply supply = seeking_supply(s);
    const auto& jobs = s.jobs;
    for (Index j = 0; j < jobs.size(); ++j) {
        const auto cap = assignment.capacity[j];
        if (assignment.filled[j] >= cap) continue;
        UnfilledJob u;
        u.job = j;
        u.unfilled = cap - assignment.filled[j];
        u.acceptable_proposers = assignment.acceptable_proposers[j];
        const auto row = graduates_per_job.row(j);
        if (u.acceptable_proposers > 0) {
            u.reason = "taken_by_higher_scorers";
            u.detail = std::to_string(u.acceptable_proposers) +
                       " graduates proposed to it; each was outranked by the holders";
        } else if (!row.empty()) {
            double best = 0;
            for (const auto& m : row) best = std::max(best, m.score.coverage());
            const bool enough = matcher::coverage_at_least(
                std::max_element(row.begin(), row.end(),
                                 [](const auto& a, const auto& b) {
                                     return a.score.coverage() < b.score.coverage();
                                 })
                    ->score,
                assignment.min_coverage_bp);
            u.reason = enough ? "ranked_below_other_jobs" : "coverage_below_minimum";
            u.detail = "best eligible coverage " + format_fixed(100 * best, 1) + "%";
        } else {
            u.detail = job_reason_detail(s, j, supply, u.reason);
        }
        out.unfilled_jobs.push_back(std::move(u));
    }

    // Relaxation analysis for the jobs with the most unfilled openings.
    std::vector<std::size_t> pick(out.unfilled_jobs.size());
    for (std::size_t i = 0; i < pick.size(); ++i) pick[i] = i;
    std::stable_sort(pick.begin(), pick.end(), [&](std::size_t a, std::size_t b) {
        return out.unfilled_jobs[a].unfilled > out.unfilled_jobs[b].unfilled;
    });
    pick.resize(std::min(pick.size(), relaxation_job_limit));
    out.relaxation_jobs_analysed = pick.size();
    Postings postings;
    for (std::size_t p : pick) {
        for (const auto& r : jobs.requirements.row(out.unfilled_jobs[p].job)) {
            if (r.must_have) postings.try_emplace(r.skill);
        }
    }
    const auto& g = s.graduates;
    for (Index i = 0; i < g.size(); ++i) {
        if (!g.seeking[i]) continue;
        for (const auto& e : g.skills.row(i)) {
            auto it = postings.find(e.skill);
            if (it != postings.end()) it->second.push_back(i);
        }
    }
    tbb::task_arena arena(threads == 0 ? tbb::task_arena::automatic : threads);
    arena.execute([&] {
        tbb::parallel_for(std::size_t{0}, pick.size(), [&](std::size_t n) {
            auto& u = out.unfilled_jobs[pick[n]];
            analyse_relaxations(s, u.job, postings, u);
        });
    });

    std::vector<Index> unplaced;
    for (Index i = 0; i < g.size(); ++i) {
        if (g.seeking[i] && assignment.assignment.job_of[i] == matcher::kUnassigned)
            unplaced.push_back(i);
    }
    out.unplaced_graduates.resize(unplaced.size());
    arena.execute([&] {
        tbb::parallel_for(std::size_t{0}, unplaced.size(), [&](std::size_t n) {
            out.unplaced_graduates[n] = diagnose_graduate(
                s, unplaced[n], assignment, jobs_per_graduate, jobs_per_program, config);
        });
    });
    return out;
}

}  // namespace talentmatch::batch
