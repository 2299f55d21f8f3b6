#include "matcher/resolved_filter.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "matcher/validity.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher::detail {
namespace {

// Flags of the dictionary entries named in `ids`; empty ids = all allowed.
std::vector<std::uint8_t> allowed(const SortedIds& dict, const std::vector<std::string>& ids,
                                  const std::string& field, std::vector<FieldError>& errors) {
    std::vector<std::uint8_t> ok(dict.size(), ids.empty() ? 1 : 0);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (auto idx = dict.find(ids[i])) {
            ok[*idx] = 1;
        } else {
            errors.push_back({"filter." + field + "[" + std::to_string(i) + "]",
                              "unknown id \"" + ids[i] + "\""});
        }
    }
    return ok;
}

bool pass(const std::vector<std::uint8_t>& ok, Index i) {
    return i == kNone ? false : ok[i] != 0;
}

}  // namespace

ResolvedFilter resolve_filter(const Snapshot& snapshot, CandidateKind kind,
                              const MatchFilter& filter) {
    std::vector<FieldError> errors;
    const auto districts = allowed(snapshot.districts, filter.districts, "districts", errors);
    const auto clusters = allowed(snapshot.clusters, filter.clusters, "clusters", errors);
    const auto employers = allowed(snapshot.employers, filter.employers, "employers", errors);
    const auto institutions =
        allowed(snapshot.institutions, filter.institutions, "institutions", errors);
    const auto programs = allowed(snapshot.programs.ids, filter.programs, "programs", errors);
    if (!(filter.min_coverage >= 0.0 && filter.min_coverage <= 1.0)) {
        errors.push_back({"filter.min_coverage",
                          "must be in [0, 1], got " + std::to_string(filter.min_coverage)});
    }
    const auto as_of = date_key(filter.as_of);
    if (!as_of) errors.push_back({"filter.as_of", "must be a date YYYY-MM-DD"});
    if (!errors.empty()) throw ValidationError(std::move(errors));

    ResolvedFilter out;
    out.min_coverage_bp = std::uint32_t(std::lround(filter.min_coverage * 10'000.0));
    const JobSet& jobs = snapshot.jobs;
    if (!filter.districts.empty() || !filter.clusters.empty() || !filter.employers.empty()) {
        out.job_ok.resize(jobs.size());
        for (Index j = 0; j < jobs.size(); ++j) {
            out.job_ok[j] = (filter.districts.empty() || pass(districts, jobs.district[j])) &&
                            (filter.clusters.empty() || pass(clusters, jobs.cluster[j])) &&
                            (filter.employers.empty() || pass(employers, jobs.employer[j]));
        }
    }
    if (*as_of != kOpenEnded) {
        const auto& keys = jobs.valid_until_key;
        const bool any_expired = std::any_of(keys.begin(), keys.end(),
                                             [&](std::int32_t k) { return !valid_on(k, *as_of); });
        if (any_expired) {
            if (out.job_ok.empty()) out.job_ok.assign(jobs.size(), 1);
            for (Index j = 0; j < jobs.size(); ++j) {
                if (!valid_on(keys[j], *as_of)) out.job_ok[j] = 0;
            }
        }
    }
    const CandidateSet& cands =
        kind == CandidateKind::kGraduates ? snapshot.graduates : snapshot.programs;
    if (kind == CandidateKind::kGraduates && !filter.include_not_seeking &&
        std::find(cands.seeking.begin(), cands.seeking.end(), 0) != cands.seeking.end()) {
        out.candidate_listed = cands.seeking;
    }
    if (filter.institutions.empty() && filter.programs.empty()) return out;
    out.candidate_ok.resize(cands.size());
    for (Index c = 0; c < cands.size(); ++c) {
        out.candidate_ok[c] =
            (filter.institutions.empty() || pass(institutions, cands.institution[c])) &&
            (filter.programs.empty() || pass(programs, cands.program[c]));
    }
    return out;
}

}  // namespace talentmatch::matcher::detail
