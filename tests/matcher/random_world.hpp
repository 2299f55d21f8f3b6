#pragma once
// A small random world of entities (fixed seed) for oracle tests: few skills
// and ids so that ties, gates, empty skill lists, max levels and weights all
// occur often.
#include <random>
#include <string>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::matcher::testing {

struct RandomWorld {
    std::vector<Skill> skills;
    std::vector<Certificate> certificates;
    std::vector<Institution> institutions;
    std::vector<Program> programs;
    std::vector<Employer> employers;
    std::vector<Graduate> graduates;
    std::vector<Job> jobs;
};

struct WorldShape {
    int skills = 12;
    int graduates = 150;
    int jobs = 60;
    int programs = 9;
    int max_requirements = 6;
    int max_skills = 7;
    bool extreme = false;  // every level 5 and weight 10 (max sums)
};

inline std::string pad_id(const char* prefix, int i) {
    std::string n = std::to_string(i);
    return std::string(prefix) + std::string(4 - n.size(), '0') + n;
}

inline RandomWorld make_world(unsigned seed, const WorldShape& shape) {
    std::mt19937 rng(seed);
    auto uni = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    RandomWorld w;
    const std::vector<std::string> districts = {"nanshan", "futian", "baoan"};
    const std::vector<std::string> clusters = {"ict", "battery", "robotics"};
    for (int i = 0; i < shape.skills; ++i) {
        w.skills.push_back({pad_id("s", i), "技能", "skill", "cat", {}});
    }
    for (int i = 0; i < 3; ++i)
        w.certificates.push_back({pad_id("cert", i), "", "", {}, "", "", {}});
    for (int i = 0; i < 3; ++i) {
        w.institutions.push_back({pad_id("inst", i), "", districts[i % 3], {}});
    }
    auto pick_skills = [&](int max_n, bool level_zero_ok) {
        std::vector<int> idx(shape.skills);
        for (int i = 0; i < shape.skills; ++i) idx[i] = i;
        std::shuffle(idx.begin(), idx.end(), rng);
        const int n = uni(0, std::min(max_n, shape.skills));
        std::vector<std::pair<std::string, int>> out;
        for (int i = 0; i < n; ++i) {
            out.emplace_back(pad_id("s", idx[i]),
                             shape.extreme ? 5 : uni(level_zero_ok ? 0 : 1, 5));
        }
        return out;
    };
    auto some_certs = [&](int max_n) {
        std::vector<std::string> out;
        for (int i = 0; i < 3; ++i) {
            if (int(out.size()) < max_n && uni(0, 3) == 0) out.push_back(pad_id("cert", i));
        }
        return out;
    };
    for (int i = 0; i < shape.programs; ++i) {
        Program p;
        p.id = pad_id("prog", (i * 7) % shape.programs);  // inserted out of id order
        p.institution_id = pad_id("inst", i % 3);
        p.cluster = clusters[uni(0, 2)];
        p.education_level = EducationLevel(uni(0, 4));
        p.cohort_size = uni(0, 100);
        for (auto& [s, l] : pick_skills(shape.max_skills + 2, false))
            p.curriculum.push_back({s, l});
        p.certificates = some_certs(2);
        w.programs.push_back(p);
    }
    for (int i = 0; i < 5; ++i) {
        w.employers.push_back({pad_id("emp", i), "", clusters[i % 3], districts[(i + 1) % 3], ""});
    }
    for (int i = 0; i < shape.graduates; ++i) {
        Graduate g;
        g.id = pad_id("g", (i * 37) % shape.graduates);
        g.institution_id = pad_id("inst", uni(0, 2));
        g.program_id = pad_id("prog", uni(0, shape.programs - 1));
        g.education_level = EducationLevel(uni(0, 4));
        if (uni(0, 9) > 0) {
            for (auto& [s, l] : pick_skills(shape.max_skills, true)) g.skills.push_back({s, l, {}});
        }
        g.certificates = some_certs(3);
        if (uni(0, 1)) g.preferred_districts.push_back(districts[uni(0, 2)]);
        if (uni(0, 1)) g.preferred_clusters.push_back(clusters[uni(0, 2)]);
        w.graduates.push_back(g);
    }
    for (int i = 0; i < shape.jobs; ++i) {
        Job j;
        j.id = pad_id("job", (i * 13) % shape.jobs);
        const int e = uni(0, 4);
        j.employer_id = pad_id("emp", e);
        j.cluster = clusters[uni(0, 2)];
        j.district = districts[uni(0, 2)];
        j.min_education = EducationLevel(uni(0, 2));
        j.required_certificates = uni(0, 3) == 0 ? some_certs(1) : std::vector<std::string>{};
        auto skills = pick_skills(shape.max_requirements, false);
        if (skills.empty()) skills.emplace_back(pad_id("s", uni(0, shape.skills - 1)), 3);
        for (auto& [s, l] : skills) {
            j.requirements.push_back({s, l, shape.extreme ? 10 : uni(1, 10), uni(0, 4) == 0});
        }
        if (i % 11 == 0) {  // nobody passes: a must-have on a skill at level 5 nobody has
            j.requirements[0].level = 5;
            j.requirements[0].must_have = true;
            j.min_education = EducationLevel::kMaster;
            j.required_certificates = {"cert0000", "cert0001", "cert0002"};
        }
        w.jobs.push_back(j);
    }
    return w;
}

}  // namespace talentmatch::matcher::testing
