#include "matcher/alignment.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "matcher/analytics_arena.hpp"
#include "matcher/segment_index.hpp"
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

std::vector<Index> more_certificates(const Snapshot& s, Index p,
                                     const std::vector<std::string>& added) {
    const std::span<const Index> held = s.programs.certificates.row(p);
    std::vector<Index> out(held.begin(), held.end());
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < added.size(); ++i) {
        const auto c = s.certificates.find(added[i]);
        if (!c) {
            errors.push_back({"add_certificates[" + std::to_string(i) + "]",
                              "unknown certificate \"" + added[i] + "\""});
            continue;
        }
        out.push_back(*c);
    }
    if (!errors.empty()) throw ValidationError(std::move(errors));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

WhatIfReport align_what_if(const Snapshot& s, const WhatIfQuery& query) {
    WhatIfReport report;
    report.min_coverage_bp = threshold_basis_points(query.min_coverage);
    check_top_skills(query.top_skills);
    const ResolvedSegment segment = resolve_segment(s, query.segment, "segment");
    const Index p = resolve_programs(s, {query.program_id}).at(0);
    const std::vector<SkillEntry> curriculum = changed_curriculum(s, p, query.curriculum);
    const std::vector<Index> certificates = more_certificates(s, p, query.add_certificates);

    const SegmentIndex index = build_segment_index(s, segment);
    report.segment_jobs = index.size();
    report.segment_openings = index.openings;
    const auto top = static_cast<std::size_t>(query.top_skills);
    Scratch scratch(index.size(), s.skills.size());
    report.before = align_one(s, index, p, profile_of(s, p), report.min_coverage_bp, top, scratch);
    const Profile changed{curriculum, certificates, s.programs.education[p]};
    report.after = align_one(s, index, p, changed, report.min_coverage_bp, top, scratch);
    return report;
}

}  // namespace talentmatch::matcher
