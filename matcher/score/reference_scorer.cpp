#include "matcher/score/reference_scorer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace talentmatch::matcher {
namespace {

std::optional<PairScore> score(const std::map<std::string, int>& levels,
                               const std::set<std::string>& certificates, EducationLevel education,
                               const Job& j, std::int32_t bonus) {
    if (education < j.min_education) return std::nullopt;
    for (const std::string& c : j.required_certificates) {
        if (!certificates.count(c)) return std::nullopt;
    }
    PairScore s;
    s.cov_den = 0;
    for (const Requirement& r : j.requirements) {
        auto it = levels.find(r.skill_id);
        const int a = it == levels.end() ? 0 : it->second;
        if (r.must_have && a < r.level) return std::nullopt;
        s.cov_num += std::uint32_t(r.weight * std::min(a, r.level));
        s.cov_den += std::uint32_t(r.weight * r.level);
        s.rel_num += std::uint32_t(std::min(a, r.level));
    }
    for (const auto& [skill, a] : levels) s.rel_den += std::uint32_t(a);
    s.bonus = bonus;
    return s;
}

}  // namespace

std::optional<PairScore> reference_score(const Graduate& g, const Job& j,
                                         const ScoreConfig& config) {
    std::map<std::string, int> levels;
    for (const GraduateSkill& s : g.skills) levels[s.skill_id] = s.level;
    const std::set<std::string> certs(g.certificates.begin(), g.certificates.end());
    std::int32_t bonus = 0;
    if (std::count(g.preferred_districts.begin(), g.preferred_districts.end(), j.district)) {
        bonus += config.district_bonus;
    }
    if (std::count(g.preferred_clusters.begin(), g.preferred_clusters.end(), j.cluster)) {
        bonus += config.cluster_bonus;
    }
    return score(levels, certs, g.education_level, j, bonus);
}

std::optional<PairScore> reference_score(const Program& p, const Job& j,
                                         const ScoreConfig& /*config*/) {
    std::map<std::string, int> levels;
    for (const SkillLevel& s : p.curriculum) levels[s.skill_id] = s.level;
    const std::set<std::string> certs(p.certificates.begin(), p.certificates.end());
    return score(levels, certs, p.education_level, j, 0);
}

}  // namespace talentmatch::matcher
