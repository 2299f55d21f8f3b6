#pragma once
// A province-shaped synthetic world, generated in process with fixed seeds
// (the project's data generator was not available when this benchmark was
// written): graduates grouped by program, each drawing ~30 skills mostly from
// its program's pool; jobs drawing ~15 requirements from their cluster's
// pool. Every entity is a pure function of (seed, index), so a benchmark can
// regenerate any sample for the reference check without keeping all of them.
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::bench {

struct ProvinceShape {
    int skills = 2000;
    int graduates = 1'000'000;
    int jobs = 100'000;
    int programs = 1000;
    int clusters = 12;
    int districts = 20;
    int employers = 5000;
    int skills_per_graduate = 30;
    int requirements_per_job = 15;
};

inline std::string numbered(const char* prefix, int i) {
    std::string n = std::to_string(i);
    return std::string(prefix) + std::string(n.size() < 7 ? 7 - n.size() : 0, '0') + n;
}

class ProvinceWorld {
  public:
    explicit ProvinceWorld(ProvinceShape shape) : shape_(shape) {}
    const ProvinceShape& shape() const { return shape_; }

    Skill skill(int i) const { return {numbered("sk", i), "技能", "skill", "cat", {}}; }
    std::string district(int i) const { return numbered("d", i % shape_.districts); }
    std::string cluster(int i) const { return numbered("c", i % shape_.clusters); }

    // A program's pool: 60 skills around a cluster-specific window.
    int pool_skill(int program, std::mt19937& rng) const {
        const int base = (program * 37) % shape_.skills;
        return (base + std::uniform_int_distribution<int>(0, 59)(rng)) % shape_.skills;
    }

    Program program(int p) const {
        std::mt19937 rng(1'000'003u * unsigned(p) + 7u);
        Program out;
        out.id = numbered("prog", p);
        out.institution_id = numbered("inst", p % 50);
        out.cluster = cluster(p);
        out.cohort_size = 500;
        std::vector<int> skills;
        while (skills.size() < 40) {
            int s = pool_skill(p, rng);
            if (std::find(skills.begin(), skills.end(), s) == skills.end()) skills.push_back(s);
        }
        for (int s : skills) out.curriculum.push_back({numbered("sk", s), 1 + int(rng() % 5)});
        return out;
    }

    Graduate graduate(int g) const {
        std::mt19937 rng(2'000'003u * unsigned(g) + 11u);
        Graduate out;
        const int p = g / (shape_.graduates / shape_.programs + 1);
        out.id = numbered("grad", g);
        out.institution_id = numbered("inst", p % 50);
        out.program_id = numbered("prog", p);
        out.graduation_year = 2026;
        out.education_level = EducationLevel(rng() % 4);
        std::vector<int> skills;
        while (int(skills.size()) < shape_.skills_per_graduate) {
            const int s =
                rng() % 5 == 0 ? int(rng() % unsigned(shape_.skills)) : pool_skill(p, rng);
            if (std::find(skills.begin(), skills.end(), s) == skills.end()) skills.push_back(s);
        }
        for (int s : skills) out.skills.push_back({numbered("sk", s), 1 + int(rng() % 5), {}});
        if (rng() % 10 == 0) out.certificates.push_back(numbered("cert", int(rng() % 20)));
        out.preferred_districts.push_back(district(int(rng() % 1000)));
        if (rng() % 2) out.preferred_clusters.push_back(cluster(p));
        return out;
    }

    Employer employer(int e) const { return {numbered("emp", e), "", cluster(e), district(e), ""}; }

    Job job(int j) const {
        std::mt19937 rng(3'000'017u * unsigned(j) + 5u);
        Job out;
        const int e = j % shape_.employers;
        out.id = numbered("job", j);
        out.employer_id = numbered("emp", e);
        out.cluster = cluster(e);
        out.district = district(e);
        out.headcount = 1 + int(rng() % 5);
        out.min_education = EducationLevel(rng() % 3);
        if (rng() % 20 == 0) out.required_certificates.push_back(numbered("cert", int(rng() % 20)));
        const int p = int(rng() % unsigned(shape_.programs));  // demand near some program's pool
        std::vector<int> skills;
        while (int(skills.size()) < shape_.requirements_per_job) {
            const int s =
                rng() % 4 == 0 ? int(rng() % unsigned(shape_.skills)) : pool_skill(p, rng);
            if (std::find(skills.begin(), skills.end(), s) == skills.end()) skills.push_back(s);
        }
        for (std::size_t i = 0; i < skills.size(); ++i) {
            out.requirements.push_back({numbered("sk", skills[i]), 1 + int(rng() % 4),
                                        1 + int(rng() % 10), i < 1 && rng() % 3 == 0});
        }
        return out;
    }

  private:
    ProvinceShape shape_;
};

}  // namespace talentmatch::bench
