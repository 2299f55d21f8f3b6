#pragma once
// Draws synthetic graduates from their program's curriculum profile with
// individual variation: an overall strength per graduate (some stronger, some
// weaker), per-skill noise, a few courses missed, extra skills from
// internships, competitions, projects or self-study (with evidence),
// certificates the program prepares for (stronger graduates hold more),
// preferred districts and clusters, and a seeking flag.
//
// Shared by the shipped-taxonomy generator and the O*NET importer. A
// graduate depends only on (context, program, index, seed): the caller may
// draw them in any order or in parallel. The context is read-only; draw() is
// const and thread-safe.
#include <cstdint>
#include <string>
#include <vector>

#include "datagen/random.hpp"
#include "models/entities.hpp"

namespace talentmatch::datagen {

struct GraduateContext {
    std::uint64_t seed = 1;
    int graduation_year = 2026;
    // Extra-skill pools by evidence kind; any may be empty.
    std::vector<std::string> competition_skills;
    std::vector<std::string> internship_skills;
    std::vector<std::string> project_skills;
    std::vector<std::string> self_reported_skills;
    std::vector<std::string> competition_names;  // evidence refs for competitions
    // Skills related to a cluster (jobs' skills there), for internships/projects.
    std::vector<std::string> cluster_ids;
    std::vector<std::vector<std::string>> cluster_skills;     // parallel to cluster_ids
    std::vector<std::vector<std::string>> cluster_employers;  // internship hosts, parallel
    // Districts a graduate may prefer, with popularity weights (same length).
    std::vector<std::string> district_ids;
    std::vector<double> district_weights;
    // Certificates any graduate may hold regardless of program, with probability.
    std::vector<std::pair<std::string, double>> general_certificates;
};

class GraduateFactory {
  public:
    explicit GraduateFactory(GraduateContext context);

    // Graduate number `index` (global, 0-based) of `program`; its id is
    // "g-" + (index + 1) zero-padded to 7 digits. `institution_district` biases the
    // preferred districts towards home.
    Graduate draw(const Program& program, const std::string& institution_district,
                  std::int64_t index) const;

    static std::string graduate_id(std::int64_t index);

  private:
    GraduateContext context_;
    WeightedIndex districts_;
};

}  // namespace talentmatch::datagen
