#include "datagen/graduate_factory.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace talentmatch::datagen {

namespace {

constexpr std::uint64_t kGraduateStream = 0x6772616475617465ULL;  // "graduate"

int clamp_level(double x, int lo, int hi) {
    const int rounded = static_cast<int>(std::floor(x + 0.5));
    return std::clamp(rounded, lo, hi);
}

std::vector<double> district_weights_or_flat(const GraduateContext& c) {
    if (c.district_ids.empty()) return {1.0};
    if (c.district_weights.size() == c.district_ids.size()) return c.district_weights;
    return std::vector<double>(c.district_ids.size(), 1.0);
}

// Adds `skill_id` at `level` with one evidence item, or raises an existing
// entry by one level (max 5) and appends the evidence.
void add_extra(Graduate& g, std::unordered_map<std::string, std::size_t>& where,
               const std::string& skill_id, int level, Evidence evidence) {
    if (auto it = where.find(skill_id); it != where.end()) {
        auto& skill = g.skills[it->second];
        skill.level = std::min(skill.level + 1, 5);
        skill.evidence.push_back(std::move(evidence));
        return;
    }
    where.emplace(skill_id, g.skills.size());
    g.skills.push_back({skill_id, level, {std::move(evidence)}});
}

}  // namespace

GraduateFactory::GraduateFactory(GraduateContext context)
    : context_(std::move(context)), districts_(district_weights_or_flat(context_)) {}

std::string GraduateFactory::graduate_id(std::int64_t index) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "g-%07lld", static_cast<long long>(index + 1));
    return buffer;
}

Graduate GraduateFactory::draw(const Program& program, const std::string& institution_district,
                               std::int64_t index) const {
    Rng rng(mix_seed(context_.seed ^ kGraduateStream, static_cast<std::uint64_t>(index)));
    Graduate g;
    g.id = graduate_id(index);
    g.institution_id = program.institution_id;
    g.program_id = program.id;
    g.graduation_year = context_.graduation_year - (rng.bernoulli(0.1) ? 1 : 0);
    g.education_level = program.education_level;

    // Strength: sd 0.6 levels across graduates; per-skill noise sd 0.55.
    const double strength = rng.normal() * 0.6;
    std::unordered_map<std::string, std::size_t> where;
    where.reserve(program.curriculum.size() + 8);
    char course[48];
    for (std::size_t i = 0; i < program.curriculum.size(); ++i) {
        const auto& c = program.curriculum[i];
        const bool missed = rng.bernoulli(0.06);
        const int level = clamp_level(c.level + strength + rng.normal() * 0.55, 0, 5);
        if (missed || level == 0) continue;
        std::snprintf(course, sizeof course, "%s-C%02zu", program.code.c_str(), i + 1);
        where.emplace(c.skill_id, g.skills.size());
        g.skills.push_back({c.skill_id, level, {{EvidenceKind::kCourse, course}}});
    }

    // Certificates the program prepares for: the first with p = 0.45 (+0.2
    // per sd of strength), each further one 0.7 times as likely.
    double p = std::clamp(0.45 + 0.33 * strength, 0.05, 0.9);
    for (const auto& cert : program.certificates) {
        if (rng.bernoulli(p)) g.certificates.push_back(cert);
        p *= 0.7;
    }
    for (const auto& [cert, probability] : context_.general_certificates) {
        if (rng.bernoulli(probability) &&
            std::find(g.certificates.begin(), g.certificates.end(), cert) == g.certificates.end()) {
            g.certificates.push_back(cert);
        }
    }

    // Extras: 0..8, ~2.6 on average; stronger graduates win more competitions.
    const std::size_t cluster_slot = static_cast<std::size_t>(
        std::find(context_.cluster_ids.begin(), context_.cluster_ids.end(), program.cluster) -
        context_.cluster_ids.begin());
    const bool has_cluster = cluster_slot < context_.cluster_ids.size();
    static constexpr double kExtraCounts[] = {0.10, 0.18, 0.24, 0.2, 0.13, 0.07, 0.04, 0.02, 0.02};
    const WeightedIndex extra_count(kExtraCounts);
    const std::size_t extras = extra_count.draw(rng);
    for (std::size_t e = 0; e < extras; ++e) {
        const double competition_p = std::clamp(0.12 + 0.1 * strength, 0.02, 0.3);
        const double u = rng.uniform01();
        EvidenceKind kind = u < competition_p          ? EvidenceKind::kCompetition
                            : u < competition_p + 0.35 ? EvidenceKind::kInternship
                            : u < competition_p + 0.6  ? EvidenceKind::kProject
                                                       : EvidenceKind::kSelfReported;
        const std::vector<std::string>* pool = nullptr;
        std::string ref;
        switch (kind) {
            case EvidenceKind::kCompetition:
                pool = &context_.competition_skills;
                if (!context_.competition_names.empty()) {
                    ref = context_.competition_names[rng.index(context_.competition_names.size())];
                }
                break;
            case EvidenceKind::kInternship:
                pool = &context_.internship_skills;
                if (has_cluster && !context_.cluster_employers[cluster_slot].empty()) {
                    const auto& hosts = context_.cluster_employers[cluster_slot];
                    ref = hosts[rng.index(hosts.size())];
                }
                break;
            case EvidenceKind::kProject:
                pool = &context_.project_skills;
                ref = "capstone-project";
                break;
            default:
                pool = &context_.self_reported_skills;
                break;
        }
        // Half the time the skill comes from the cluster's jobs instead.
        const bool from_cluster = has_cluster && kind != EvidenceKind::kSelfReported &&
                                  !context_.cluster_skills[cluster_slot].empty() &&
                                  rng.bernoulli(0.5);
        if (from_cluster) pool = &context_.cluster_skills[cluster_slot];
        if (pool == nullptr || pool->empty()) continue;
        const std::string& skill = (*pool)[rng.index(pool->size())];
        const int level = kind == EvidenceKind::kCompetition
                              ? static_cast<int>(rng.uniform_int(3, 4))
                              : static_cast<int>(rng.uniform_int(2, 3));
        add_extra(g, where, skill, level, {kind, ref});
    }

    // Preferences: 1..3 districts (home district likelier), 1..2 clusters.
    if (!context_.district_ids.empty()) {
        const std::size_t wanted =
            std::min<std::size_t>(context_.district_ids.size(), 1 + rng.index(3));
        if (!institution_district.empty() && rng.bernoulli(0.5)) {
            g.preferred_districts.push_back(institution_district);
        }
        for (int attempts = 0; g.preferred_districts.size() < wanted && attempts < 20; ++attempts) {
            const std::string& d = context_.district_ids[districts_.draw(rng)];
            if (std::find(g.preferred_districts.begin(), g.preferred_districts.end(), d) ==
                g.preferred_districts.end()) {
                g.preferred_districts.push_back(d);
            }
        }
    }
    if (!program.cluster.empty() && rng.bernoulli(0.9))
        g.preferred_clusters.push_back(program.cluster);
    if (!context_.cluster_ids.empty() && rng.bernoulli(0.3)) {
        const std::string& other = context_.cluster_ids[rng.index(context_.cluster_ids.size())];
        if (std::find(g.preferred_clusters.begin(), g.preferred_clusters.end(), other) ==
            g.preferred_clusters.end()) {
            g.preferred_clusters.push_back(other);
        }
    }
    g.seeking = rng.bernoulli(0.88);
    return g;
}

}  // namespace talentmatch::datagen
