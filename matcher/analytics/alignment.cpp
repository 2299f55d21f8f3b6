#include "matcher/analytics/alignment.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "matcher/analytics/analytics_arena.hpp"
#include "matcher/analytics/segment_index.hpp"
#include "models/credited_levels.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {

namespace {

__extension__ typedef unsigned __int128 U128;

constexpr int kCoverageFractionBits = 32;

std::uint32_t threshold_basis_points(double min_coverage) {
    if (!(min_coverage >= 0.0 && min_coverage <= 1.0))
        throw ValidationError(
            {{"min_coverage", "must be in [0, 1], got " + std::to_string(min_coverage)}});
    return static_cast<std::uint32_t>(std::lround(min_coverage * 10'000.0));
}

std::vector<Index> resolve_programs(const Snapshot& s, const std::vector<std::string>& ids) {
    std::vector<Index> out;
    if (ids.empty()) {
        out.resize(s.programs.size());
        for (Index p = 0; p < out.size(); ++p) out[p] = p;
        return out;
    }
    out.reserve(ids.size());
    for (const std::string& id : ids) {
        const std::optional<Index> p = s.programs.ids.find(id);
        if (!p) throw NotFoundError("program", id);
        out.push_back(*p);
    }
    return out;
}

// Per-task scratch: per segment position and per skill; all zero between programs.
struct Scratch {
    Scratch(std::size_t positions, std::size_t skills)
        : cov_num(positions, 0), must_met(positions, 0), in_curriculum(skills, 0) {}
    std::vector<std::uint32_t> cov_num;
    std::vector<std::uint16_t> must_met;
    std::vector<std::uint8_t> in_curriculum;
};

// Shortfall of a skill the curriculum has at level c, from its postings:
// Σ h·w·max(0, r − c) = Σ h·w·r − Σ h·w·min(c, r). Fills the per-job sums too.
SkillShortfall walk_postings(const SegmentIndex& x, Index skill, std::uint8_t c, Scratch& scratch) {
    std::uint64_t met_weight = 0, met_openings = 0;
    for (const SegmentPosting& post : x.postings.row(skill)) {
        const std::uint64_t h = x.headcount[post.position];
        const std::uint32_t m = std::min(c, post.level);
        scratch.cov_num[post.position] += std::uint32_t{post.weight} * m;
        met_weight += h * post.weight * m;
        if (c < post.level) continue;
        met_openings += h;
        scratch.must_met[post.position] += post.must_have;
    }
    return {
        skill, {}, x.demand_weight[skill] - met_weight, x.demand_openings[skill] - met_openings};
}

// What a program's typical graduate brings: curriculum levels (sorted by
// skill index), certificates (sorted), education level.
struct Profile {
    std::span<const SkillEntry> curriculum;
    std::span<const Index> certificates;
    std::uint8_t education = 0;
};

Profile profile_of(const Snapshot& s, Index p) {
    return {s.programs.skills.row(p), s.programs.certificates.row(p), s.programs.education[p]};
}

ProgramAlignment align_one(const Snapshot& s, const SegmentIndex& x, Index p,
                           const Profile& profile, std::uint32_t threshold_bp,
                           std::size_t top_skills, Scratch& scratch) {
    const CandidateSet& programs = s.programs;
    const std::span<const SkillEntry> curriculum = profile.curriculum;
    std::vector<SkillShortfall> candidates;
    for (const SkillEntry& e : curriculum) {
        scratch.in_curriculum[e.skill] = 1;
        const SkillShortfall item = walk_postings(x, e.skill, e.level, scratch);
        if (item.shortfall > 0) candidates.push_back(item);
    }
    // Skills outside the curriculum fall short by their whole demand; the
    // largest top_skills of them are candidates too.
    std::size_t taken = 0;
    for (Index skill : x.skills_by_demand) {
        if (taken == top_skills) break;
        if (scratch.in_curriculum[skill]) continue;
        candidates.push_back({skill, {}, x.demand_weight[skill], x.demand_openings[skill]});
        ++taken;
    }
    for (const SkillEntry& e : curriculum) scratch.in_curriculum[e.skill] = 0;

    ProgramAlignment out;
    out.program = p;
    out.program_id = programs.ids[p];
    out.openings = x.openings;
    const std::span<const Index> held = profile.certificates;
    const std::uint8_t education = profile.education;
    U128 coverage_sum = 0;  // Σ h·⌊coverage·2^32⌋
    for (std::size_t pos = 0; pos < x.size(); ++pos) {
        const std::uint64_t h = x.headcount[pos];
        const std::uint32_t cov_num = scratch.cov_num[pos];
        const std::uint32_t cov_den = x.cov_den[pos];
        const bool must_haves_met = scratch.must_met[pos] == x.must_count[pos];
        scratch.cov_num[pos] = 0;
        scratch.must_met[pos] = 0;
        coverage_sum += U128{h} * ((std::uint64_t{cov_num} << kCoverageFractionBits) / cov_den);
        if (!must_haves_met || education < x.min_education[pos]) continue;
        if (x.needs_certificates[pos]) {
            const std::span<const Index> needed = s.jobs.certificates.row(x.job[pos]);
            if (!std::includes(held.begin(), held.end(), needed.begin(), needed.end())) continue;
        }
        out.eligible_openings += h;
        if (std::uint64_t{cov_num} * 10'000 >= std::uint64_t{threshold_bp} * cov_den)
            out.aligned_openings += h;
    }
    if (out.openings > 0) {
        out.aligned_share = double(out.aligned_openings) / double(out.openings);
        out.mean_coverage =
            double(coverage_sum) / std::ldexp(double(out.openings), kCoverageFractionBits);
    }

    const std::size_t n = std::min(top_skills, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n),
                      candidates.end(), [](const SkillShortfall& a, const SkillShortfall& b) {
                          if (a.shortfall != b.shortfall) return a.shortfall > b.shortfall;
                          return a.skill < b.skill;
                      });
    candidates.resize(n);
    for (SkillShortfall& item : candidates) item.skill_id = s.skills[item.skill];
    out.top_shortfalls = std::move(candidates);
    return out;
}

void check_top_skills(int top_skills) {
    if (top_skills < 0)
        throw ValidationError({{"top_skills", "must be >= 0, got " + std::to_string(top_skills)}});
}

}  // namespace

AlignmentReport align_programs(const Snapshot& s, const AlignmentQuery& query,
                               const ExecutionOptions& options) {
    AlignmentReport report;
    report.min_coverage_bp = threshold_basis_points(query.min_coverage);
    check_top_skills(query.top_skills);
    const ResolvedSegment segment = resolve_segment(s, query.segment, "segment");
    const std::vector<Index> programs = resolve_programs(s, query.program_ids);

    const SegmentIndex index = build_segment_index(s, segment);
    report.segment_jobs = index.size();
    report.segment_openings = index.openings;

    report.programs.resize(programs.size());
    const auto top = static_cast<std::size_t>(query.top_skills);
    run_in_arena(options, [&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, programs.size(), 4),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              Scratch scratch(index.size(), s.skills.size());
                              for (std::size_t i = range.begin(); i != range.end(); ++i)
                                  report.programs[i] =
                                      align_one(s, index, programs[i], profile_of(s, programs[i]),
                                                report.min_coverage_bp, top, scratch);
                          });
    });
    return report;
}

namespace {

// The program's curriculum with the changes applied (sorted by skill index,
// level-0 entries dropped, as the snapshot keeps them).
std::vector<SkillEntry> changed_curriculum(const Snapshot& s, Index p,
                                           const std::vector<CurriculumChange>& changes) {
    std::vector<FieldError> errors;
    std::vector<std::optional<std::uint8_t>> level_of(s.skills.size());
    for (const SkillEntry& e : s.programs.skills.row(p)) level_of[e.skill] = e.level;
    std::vector<std::uint8_t> changed(s.skills.size(), 0);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string at = "curriculum[" + std::to_string(i) + "]";
        const auto skill = s.skills.find(changes[i].skill_id);
        if (!skill) {
            errors.push_back({at + ".skill_id", "unknown skill \"" + changes[i].skill_id + "\""});
            continue;
        }
        if (changed[*skill]++) {
            errors.push_back({at + ".skill_id", "skill \"" + changes[i].skill_id +
                                                    "\" is changed twice; give one level"});
        }
        if (changes[i].level < 0 || changes[i].level > 5) {
            errors.push_back({at + ".level", "must be 0..5 (0 removes it), got " +
                                                 std::to_string(changes[i].level)});
            continue;
        }
        level_of[*skill] = static_cast<std::uint8_t>(changes[i].level);
    }
    if (!errors.empty()) throw ValidationError(std::move(errors));
    std::vector<SkillEntry> out;
    for (Index skill = 0; skill < level_of.size(); ++skill) {
        if (level_of[skill] && *level_of[skill] > 0) out.push_back({skill, *level_of[skill]});
    }
    return out;
}

// The certificates named in `added` (paths `at`[i]), appended to `out`.
void find_certificates(const Snapshot& s, const std::vector<std::string>& added,
                       const std::string& at, std::vector<Index>& out,
                       std::vector<FieldError>& errors) {
    for (std::size_t i = 0; i < added.size(); ++i) {
        const auto c = s.certificates.find(added[i]);
        if (!c) {
            errors.push_back(
                {at + "[" + std::to_string(i) + "]", "unknown certificate \"" + added[i] + "\""});
            continue;
        }
        out.push_back(*c);
    }
}

// The changed profile after the curriculum changes: each added course's
// skills and each added certificate's (its own or a course's) evidence
// credited (models/credited_levels.hpp); the certificates become the
// program's.
struct ChangedProfile {
    std::vector<SkillEntry> curriculum;
    std::vector<Index> certificates;
};
ChangedProfile with_additions(const Snapshot& s, Index p, std::vector<SkillEntry> curriculum,
                              const WhatIfQuery& query) {
    std::vector<FieldError> errors;
    std::vector<Index> added;
    find_certificates(s, query.add_certificates, "add_certificates", added, errors);
    const auto by_skill = [](const SkillEntry& e) { return e.skill; };
    for (std::size_t i = 0; i < query.add_courses.size(); ++i) {
        const std::string at = "add_courses[" + std::to_string(i) + "]";
        const CourseChange& course = query.add_courses[i];
        std::vector<SkillEntry> taught;
        for (std::size_t j = 0; j < course.skills.size(); ++j) {
            const std::string item = at + ".skills[" + std::to_string(j) + "]";
            const SkillLevel& level = course.skills[j];
            const auto skill = s.skills.find(level.skill_id);
            if (!skill) {
                errors.push_back({item + ".skill_id", "unknown skill \"" + level.skill_id + "\""});
            } else if (level.level < 1 || level.level > 5) {
                errors.push_back(
                    {item + ".level", "must be 1..5, got " + std::to_string(level.level)});
            } else {
                taught.push_back({*skill, static_cast<std::uint8_t>(level.level)});
            }
        }
        std::sort(taught.begin(), taught.end(),
                  [](const SkillEntry& a, const SkillEntry& b) { return a.skill < b.skill; });
        for (std::size_t j = 1; j < taught.size(); ++j) {
            if (taught[j].skill == taught[j - 1].skill) {
                errors.push_back(
                    {at + ".skills", "skill \"" + s.skills[taught[j].skill] + "\" listed twice"});
            }
        }
        if (course.skills.empty()) errors.push_back({at + ".skills", "at least one skill"});
        credit_levels(curriculum, std::span<const SkillEntry>(taught), by_skill);
        find_certificates(s, course.certificates, at + ".certificates", added, errors);
    }
    if (!errors.empty()) throw ValidationError(std::move(errors));
    std::sort(added.begin(), added.end());
    added.erase(std::unique(added.begin(), added.end()), added.end());
    for (const Index c : added) credit_levels(curriculum, s.certificate_skills.row(c), by_skill);
    const std::span<const Index> held = s.programs.certificates.row(p);
    std::vector<Index> certificates(held.begin(), held.end());
    certificates.insert(certificates.end(), added.begin(), added.end());
    std::sort(certificates.begin(), certificates.end());
    certificates.erase(std::unique(certificates.begin(), certificates.end()), certificates.end());
    return {std::move(curriculum), std::move(certificates)};
}

// Supply–demand rows, before and after, of the skills whose level in
// program p's profile differs in `changed` (sorted by skill).
std::vector<SkillLevelChange> supply_demand_change(const Snapshot& s, const SegmentFilter& segment,
                                                   Index p,
                                                   const std::vector<SkillEntry>& changed) {
    std::vector<int> before(s.skills.size(), 0), after(s.skills.size(), 0);
    for (const SkillEntry& e : s.programs.skills.row(p)) before[e.skill] = e.level;
    for (const SkillEntry& e : changed) after[e.skill] = e.level;
    SupplyDemandQuery query;
    query.segment = segment;
    for (Index skill = 0; skill < s.skills.size(); ++skill)
        if (before[skill] != after[skill]) query.only_skills.push_back(skill);
    std::vector<SkillLevelChange> out;
    if (query.only_skills.empty()) return out;
    SupplyDemandReport was = supply_demand(s, query);
    query.program_change = ProgramProfileChange{p, changed};
    SupplyDemandReport will_be = supply_demand(s, query);
    // Same segment, same skills: the same rows in the same (skill) order.
    for (std::size_t i = 0; i < was.skills.size(); ++i) {
        const Index skill = was.skills[i].skill;
        out.push_back({before[skill], after[skill], std::move(was.skills[i]),
                       std::move(will_be.skills.at(i))});
    }
    return out;
}

}  // namespace

WhatIfReport align_what_if(const Snapshot& s, const WhatIfQuery& query) {
    WhatIfReport report;
    report.min_coverage_bp = threshold_basis_points(query.min_coverage);
    check_top_skills(query.top_skills);
    const ResolvedSegment segment = resolve_segment(s, query.segment, "segment");
    const Index p = resolve_programs(s, {query.program_id}).at(0);
    const ChangedProfile changes =
        with_additions(s, p, changed_curriculum(s, p, query.curriculum), query);
    const Profile changed{changes.curriculum, changes.certificates, s.programs.education[p]};

    const SegmentIndex index = build_segment_index(s, segment);
    report.segment_jobs = index.size();
    report.segment_openings = index.openings;
    const auto top = static_cast<std::size_t>(query.top_skills);
    Scratch scratch(index.size(), s.skills.size());
    report.before = align_one(s, index, p, profile_of(s, p), report.min_coverage_bp, top, scratch);
    report.after = align_one(s, index, p, changed, report.min_coverage_bp, top, scratch);
    report.supply_demand = supply_demand_change(s, query.segment, p, changes.curriculum);
    return report;
}

}  // namespace talentmatch::matcher
