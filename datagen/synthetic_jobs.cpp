// Jobs of the synthetic data set, drawn from a cluster's occupation templates.
#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "datagen/synthetic_parts.hpp"

namespace talentmatch::datagen::detail {

namespace {

std::vector<double> ranks_weights(std::size_t n, double offset) {
    std::vector<double> w(n);
    for (std::size_t k = 0; k < n; ++k) w[k] = 1.0 / (static_cast<double>(k) + offset);
    return w;
}

// Headcount: mostly 1-5, a few large (up to 100).
int draw_headcount(Rng& rng) {
    static constexpr double kShares[] = {0.34, 0.22, 0.14, 0.09, 0.07, 0.09, 0.04, 0.01};
    const std::size_t bucket = WeightedIndex(kShares).draw(rng);
    if (bucket < 5) return static_cast<int>(bucket) + 1;
    if (bucket == 5) return static_cast<int>(rng.uniform_int(6, 10));
    if (bucket == 6) return static_cast<int>(rng.uniform_int(11, 30));
    return static_cast<int>(rng.uniform_int(31, 100));
}

std::vector<std::string> tail_pool(const ClusterTemplates& cluster, const ShippedData& data) {
    std::vector<std::string> pool;
    std::unordered_set<std::string> seen;
    auto add = [&](const std::string& id) {
        if (seen.insert(id).second) pool.push_back(id);
    };
    for (const auto& o : cluster.occupations) {
        for (const auto& s : o.core) add(s.skill_id);
        for (const auto& s : o.optional) add(s.skill_id);
    }
    for (const auto& p : cluster.programs) {
        for (const auto& s : p.curriculum) add(s.skill_id);
    }
    for (const auto& s : data.common_curriculum) add(s.skill_id);
    return pool;
}

}  // namespace

JobFactory::JobFactory(const ShippedData& data, const ClusterTemplates& cluster, Rng rng)
    : cluster_(&cluster),
      data_(&data),
      occupation_rank_(
          sample_without_replacement(rng, cluster.occupations.size(), cluster.occupations.size())),
      occupation_popularity_(ranks_weights(cluster.occupations.size(), 1.5)),
      tail_skills_(tail_pool(cluster, data)),
      tail_popularity_(ranks_weights(std::max<std::size_t>(tail_skills_.size(), 1), 1.0)),
      district_weights_(district_weights(data, cluster.cluster)),
      districts_(district_weights_) {
    // Long-tail popularity: a seeded permutation of the pool, then Zipf ranks.
    const auto order = sample_without_replacement(rng, tail_skills_.size(), tail_skills_.size());
    std::vector<std::string> ranked;
    for (auto i : order) ranked.push_back(tail_skills_[i]);
    tail_skills_ = std::move(ranked);
}

Job JobFactory::draw(const Employer& employer, std::int64_t index, const SyntheticConfig& config,
                     Rng& rng) const {
    const OccupationTemplate& t =
        cluster_->occupations[occupation_rank_[occupation_popularity_.draw(rng)]];
    Job job;
    char id[32];
    std::snprintf(id, sizeof id, "job-%06lld", static_cast<long long>(index + 1));
    job.id = id;
    job.employer_id = employer.id;
    job.title = t.title_zh + " (" + t.title_en + ")";
    job.cluster = cluster_->cluster;
    job.district =
        rng.bernoulli(0.85) ? employer.district : data_->districts[districts_.draw(rng)].id;
    job.headcount = draw_headcount(rng);
    job.min_education = t.min_education;
    if (job.min_education > EducationLevel::kSecondaryVocational && rng.bernoulli(0.25)) {
        job.min_education = static_cast<EducationLevel>(static_cast<int>(job.min_education) - 1);
    }
    for (const auto& cert : t.certificates) {
        const bool licence = cert.rfind("cert.licence.", 0) == 0;
        if (rng.bernoulli(licence ? 0.6 : 0.3)) job.required_certificates.push_back(cert);
    }
    job.valid_until = iso_date_plus(config.postings_date, rng.uniform_int(14, 240));

    std::unordered_set<std::string> used;
    for (const auto& s : t.core) {
        const bool must =
            std::find(t.must_have.begin(), t.must_have.end(), s.skill_id) != t.must_have.end();
        if (!must && rng.bernoulli(0.1)) continue;
        Requirement r;
        r.skill_id = s.skill_id;
        const double u = rng.uniform01();
        const int delta = u < 0.2 ? -1 : (u > 0.85 && !must) ? 1 : 0;
        r.level = std::clamp(s.level + delta, 1, must ? 3 : 5);
        r.weight = std::clamp(s.weight + static_cast<int>(rng.uniform_int(-1, 1)), 1, 10);
        r.must_have = must;
        used.insert(r.skill_id);
        job.requirements.push_back(std::move(r));
    }
    if (!t.optional.empty()) {
        const std::size_t k = static_cast<std::size_t>(rng.uniform_int(
            std::min<std::int64_t>(3, static_cast<std::int64_t>(t.optional.size())),
            static_cast<std::int64_t>(std::min<std::size_t>(6, t.optional.size()))));
        const std::size_t take = std::min(k, t.optional.size());
        for (auto i : sample_without_replacement(rng, t.optional.size(), take)) {
            const auto& s = t.optional[i];
            if (!used.insert(s.skill_id).second) continue;
            const double u = rng.uniform01();
            const int delta = u < 0.2 ? -1 : u > 0.8 ? 1 : 0;
            job.requirements.push_back({s.skill_id, std::clamp(s.level + delta, 1, 5),
                                        static_cast<int>(rng.uniform_int(2, 5)), false});
        }
    }
    // The long tail: 1..4 skills by cluster-wide Zipf popularity.
    const int tail = static_cast<int>(rng.uniform_int(1, 4));
    for (int n = 0, attempts = 0; n < tail && attempts < 10 && !tail_skills_.empty(); ++attempts) {
        const std::string& skill = tail_skills_[tail_popularity_.draw(rng)];
        if (!used.insert(skill).second) continue;
        job.requirements.push_back({skill, static_cast<int>(rng.uniform_int(1, 3)),
                                    static_cast<int>(rng.uniform_int(1, 4)), false});
        ++n;
    }
    return job;
}

}  // namespace talentmatch::datagen::detail
