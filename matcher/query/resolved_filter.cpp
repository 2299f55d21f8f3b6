#include "matcher/query/resolved_filter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "matcher/snapshot/validity.hpp"
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

void ResolvedFilter::hold(std::span<const std::uint8_t>& view, std::vector<std::uint8_t> flags) {
    auto owned = std::make_shared<const std::vector<std::uint8_t>>(std::move(flags));
    view = *owned;
    held.push_back(std::move(owned));
}

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
    ValidJobsMemo::Flags valid;  // null: every job valid on as_of
    if (*as_of != kOpenEnded) valid = jobs.valid_jobs.valid_on(jobs.valid_until_key, *as_of);
    if (!filter.districts.empty() || !filter.clusters.empty() || !filter.employers.empty()) {
        std::vector<std::uint8_t> job_ok(jobs.size());
        for (Index j = 0; j < jobs.size(); ++j) {
            job_ok[j] = (valid == nullptr || (*valid)[j]) &&
                        (filter.districts.empty() || pass(districts, jobs.district[j])) &&
                        (filter.clusters.empty() || pass(clusters, jobs.cluster[j])) &&
                        (filter.employers.empty() || pass(employers, jobs.employer[j]));
        }
        out.hold(out.job_ok, std::move(job_ok));
    } else if (valid != nullptr) {
        out.job_ok = *valid;
        out.held.push_back(std::move(valid));
    }
    const CandidateSet& cands =
        kind == CandidateKind::kGraduates ? snapshot.graduates : snapshot.programs;
    if (kind == CandidateKind::kGraduates && !filter.include_not_seeking &&
        std::find(cands.seeking.begin(), cands.seeking.end(), 0) != cands.seeking.end()) {
        out.candidate_listed = cands.seeking;
    }
    const bool by_value = filter.min_year_or_cohort != std::numeric_limits<std::int32_t>::min();
    if (filter.institutions.empty() && filter.programs.empty() && !by_value) return out;
    std::vector<std::uint8_t> candidate_ok(cands.size());
    for (Index c = 0; c < cands.size(); ++c) {
        candidate_ok[c] =
            (filter.institutions.empty() || pass(institutions, cands.institution[c])) &&
            (filter.programs.empty() || pass(programs, cands.program[c])) &&
            cands.year_or_cohort[c] >= filter.min_year_or_cohort;
    }
    out.hold(out.candidate_ok, std::move(candidate_ok));
    return out;
}

}  // namespace talentmatch::matcher::detail
