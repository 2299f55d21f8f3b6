#include "matcher/query/near_misses.hpp"

#include <algorithm>
#include <optional>

#include "matcher/score/candidate_levels.hpp"
#include "matcher/score/invalid_argument.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {

bool near_miss_before(const Snapshot& s, const NearMiss& a, const NearMiss& b) {
    if (a.gap != b.gap) return a.gap < b.gap;
    // covered_a / total_a > covered_b / total_b, exactly (totals are > 0).
    const std::uint64_t lhs = std::uint64_t(a.covered) * b.total;
    const std::uint64_t rhs = std::uint64_t(b.covered) * a.total;
    if (lhs != rhs) return lhs > rhs;
    return s.jobs.ids[a.job] < s.jobs.ids[b.job];
}

std::vector<NearMiss> near_misses(const Snapshot& s, const NearMissQuery& q) {
    const std::optional<Index> g = s.graduates.ids.find(q.graduate_id);
    if (!g) throw NotFoundError("graduate", q.graduate_id);
    std::int32_t as_of_key = kOpenEnded;
    if (!q.as_of.empty()) {
        const auto key = date_key(q.as_of);
        if (!key || *key == kOpenEnded) throw_invalid("as_of", "must be a date YYYY-MM-DD");
        as_of_key = *key;
    }
    const auto levels = s.graduates.skills.row(*g);
    const auto held = s.graduates.certificates.row(*g);
    const std::uint8_t education = s.graduates.education[*g];
    std::vector<NearMiss> out;
    for (Index j = 0; j < s.jobs.size(); ++j) {
        if (!q.as_of.empty() && !valid_on(s.jobs.valid_until_key[j], as_of_key)) continue;
        if (education < s.jobs.min_education[j]) continue;
        const auto required = s.jobs.certificates.row(j);
        if (!std::includes(held.begin(), held.end(), required.begin(), required.end())) continue;
        NearMiss m{j, 0, 0, 0, s.jobs.weighted_level_sum[j]};
        for (const RequirementEntry& r : s.jobs.requirements.row(j)) {
            const int a = level_of(levels, r.skill);
            m.covered += std::uint32_t(r.weight) * std::uint32_t(std::min<int>(a, r.level));
            if (r.must_have && a < r.level) {
                m.gap += std::uint32_t(r.level - a);
                ++m.failed_must_haves;
            }
        }
        if (m.failed_must_haves == 0 || m.total == 0) continue;  // eligible: not a near miss
        if (q.max_gap != 0 && m.gap > q.max_gap) continue;
        out.push_back(m);
    }
    const auto before = [&s](const NearMiss& a, const NearMiss& b) {
        return near_miss_before(s, a, b);
    };
    const std::size_t k = std::min(q.k, out.size());
    std::partial_sort(out.begin(), out.begin() + std::ptrdiff_t(k), out.end(), before);
    out.resize(k);
    return out;
}

}  // namespace talentmatch::matcher
