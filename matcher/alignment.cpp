#include "matcher/alignment.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "matcher/analytics_arena.hpp"
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

// Per-task scratch, dense over skills; reset through `touched` after each program.
struct Scratch {
    explicit Scratch(std::size_t skills)
        : level(skills, 0), shortfall(skills, 0), openings(skills, 0) {}
    std::vector<std::uint8_t> level;
    std::vector<std::uint64_t> shortfall;
    std::vector<std::uint64_t> openings;
    std::vector<Index> touched;
};

ProgramAlignment align_one(const Snapshot& s, Index p, const std::vector<Index>& jobs,
                           std::uint32_t threshold_bp, std::size_t top_skills, Scratch& scratch) {
    const CandidateSet& programs = s.programs;
    for (const SkillEntry& e : programs.skills.row(p)) scratch.level[e.skill] = e.level;
    const std::span<const Index> held = programs.certificates.row(p);
    const std::uint8_t education = programs.education[p];

    ProgramAlignment out;
    out.program = p;
    out.program_id = programs.ids[p];
    U128 coverage_sum = 0;  // Σ h·⌊coverage·2^32⌋
    for (Index j : jobs) {
        const auto h = static_cast<std::uint64_t>(s.jobs.headcount[j]);
        if (h == 0) continue;  // weighs nothing (the builder rejects it anyway)
        std::uint32_t cov_num = 0, cov_den = 0;
        bool must_haves_met = true;
        for (const RequirementEntry& req : s.jobs.requirements.row(j)) {
            const std::uint8_t c = scratch.level[req.skill];
            cov_num += std::uint32_t{req.weight} * std::min(c, req.level);
            cov_den += std::uint32_t{req.weight} * req.level;
            if (c >= req.level) continue;
            if (req.must_have) must_haves_met = false;
            if (scratch.openings[req.skill] == 0) scratch.touched.push_back(req.skill);
            scratch.shortfall[req.skill] +=
                h * req.weight * static_cast<std::uint64_t>(req.level - c);
            scratch.openings[req.skill] += h;
        }
        out.openings += h;
        coverage_sum += U128{h} * ((std::uint64_t{cov_num} << kCoverageFractionBits) / cov_den);
        const std::span<const Index> needed = s.jobs.certificates.row(j);
        const bool eligible = must_haves_met && education >= s.jobs.min_education[j] &&
                              std::includes(held.begin(), held.end(), needed.begin(), needed.end());
        if (!eligible) continue;
        out.eligible_openings += h;
        if (std::uint64_t{cov_num} * 10'000 >= std::uint64_t{threshold_bp} * cov_den)
            out.aligned_openings += h;
    }
    if (out.openings > 0) {
        out.aligned_share = double(out.aligned_openings) / double(out.openings);
        out.mean_coverage =
            double(coverage_sum) / std::ldexp(double(out.openings), kCoverageFractionBits);
    }

    std::vector<SkillShortfall> all;
    all.reserve(scratch.touched.size());
    for (Index skill : scratch.touched) {
        all.push_back({skill, {}, scratch.shortfall[skill], scratch.openings[skill]});
        scratch.shortfall[skill] = 0;
        scratch.openings[skill] = 0;
    }
    scratch.touched.clear();
    for (const SkillEntry& e : programs.skills.row(p)) scratch.level[e.skill] = 0;
    const std::size_t n = std::min(top_skills, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                      [](const SkillShortfall& a, const SkillShortfall& b) {
                          if (a.shortfall != b.shortfall) return a.shortfall > b.shortfall;
                          return a.skill < b.skill;
                      });
    all.resize(n);
    for (SkillShortfall& item : all) item.skill_id = s.skills[item.skill];
    out.top_shortfalls = std::move(all);
    return out;
}

}  // namespace

AlignmentReport align_programs(const Snapshot& s, const AlignmentQuery& query,
                               const ExecutionOptions& options) {
    AlignmentReport report;
    report.min_coverage_bp = threshold_basis_points(query.min_coverage);
    if (query.top_skills < 0)
        throw ValidationError(
            {{"top_skills", "must be >= 0, got " + std::to_string(query.top_skills)}});
    const ResolvedSegment segment = resolve_segment(s, query.segment, "segment");
    const std::vector<Index> programs = resolve_programs(s, query.program_ids);

    std::vector<Index> jobs;
    for (Index j = 0; j < s.jobs.size(); ++j) {
        if (!segment.contains_job(s, j)) continue;
        jobs.push_back(j);
        report.segment_openings += static_cast<std::uint64_t>(s.jobs.headcount[j]);
    }
    report.segment_jobs = jobs.size();

    report.programs.resize(programs.size());
    const auto top = static_cast<std::size_t>(query.top_skills);
    run_in_arena(options, [&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, programs.size(), 4),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              Scratch scratch(s.skills.size());
                              for (std::size_t i = range.begin(); i != range.end(); ++i)
                                  report.programs[i] = align_one(
                                      s, programs[i], jobs, report.min_coverage_bp, top, scratch);
                          });
    });
    return report;
}

}  // namespace talentmatch::matcher
