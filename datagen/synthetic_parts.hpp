#pragma once
// Internal pieces of the synthetic generator (synthetic_generator.hpp),
// split by entity so each file stays short. Not a public API.
#include <string>
#include <vector>

#include "datagen/random.hpp"
#include "datagen/shipped_data.hpp"
#include "datagen/synthetic_config.hpp"
#include "models/entities.hpp"

namespace talentmatch::datagen::detail {

// Popularity weight of each shipped district for a cluster (district ids of
// `data`, same order); unknown ids get a small weight.
std::vector<double> district_weights(const ShippedData& data, const std::string& cluster);
// How common each cluster is among employers (same order as data.templates).
std::vector<double> cluster_weights(const ShippedData& data);

std::vector<Institution> make_institutions(const ShippedData& data, const SyntheticConfig& config,
                                           Rng rng);
// Programs of every institution, cohort sizes summing to config.graduates.
std::vector<Program> make_programs(const ShippedData& data, const SyntheticConfig& config,
                                   const std::vector<Institution>& institutions, Rng rng);
// Every program's courses (synthetic_courses.cpp); no random draws.
std::vector<Course> make_courses(const ShippedData& data, const std::vector<Program>& programs);
// Three practice bases' training programs (synthetic_training.cpp); no random draws.
std::vector<TrainingProgram> make_training_programs(const ShippedData& data,
                                                    const std::vector<Institution>& institutions);
std::vector<Employer> make_employers(const ShippedData& data, const SyntheticConfig& config,
                                     Rng rng);

// Draws jobs for one cluster's templates. Immutable after construction.
class JobFactory {
  public:
    JobFactory(const ShippedData& data, const ClusterTemplates& cluster, Rng rng);
    // Job `index` (global, 0-based) posted by `employer`.
    Job draw(const Employer& employer, std::int64_t index, const SyntheticConfig& config,
             Rng& rng) const;
    // Every skill the cluster's occupations use (for internships).
    const std::vector<std::string>& cluster_skills() const { return tail_skills_; }

  private:
    const ClusterTemplates* cluster_;
    const ShippedData* data_;
    std::vector<std::size_t> occupation_rank_;  // popularity order of occupations
    WeightedIndex occupation_popularity_;
    std::vector<std::string> tail_skills_;  // long-tail pool, popularity order
    WeightedIndex tail_popularity_;
    std::vector<double> district_weights_;
    WeightedIndex districts_;
};

}  // namespace talentmatch::datagen::detail
