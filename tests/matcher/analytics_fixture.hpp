#pragma once
// Test helpers for the analytics tests: a market as plain domain entities,
// turned into a Snapshot through the real SnapshotBuilder, and a seeded random
// market generator for the brute-force comparisons.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "matcher/snapshot/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::matcher::testing {

struct Market {
    std::vector<Skill> skills;
    std::vector<Certificate> certificates;
    std::vector<Institution> institutions;
    std::vector<Program> programs;
    std::vector<Employer> employers;
    std::vector<Graduate> graduates;
    std::vector<Job> jobs;
};

inline std::shared_ptr<const Snapshot> build(const Market& m) {
    SnapshotBuilder b;
    for (const Skill& x : m.skills) b.add_skill(x);
    for (const Certificate& x : m.certificates) b.add_certificate(x);
    for (const Institution& x : m.institutions) b.add_institution(x);
    for (const Program& x : m.programs) b.add_program(x);
    for (const Employer& x : m.employers) b.add_employer(x);
    for (const Graduate& x : m.graduates) b.add_graduate(x);
    for (const Job& x : m.jobs) b.add_job(x);
    return b.build();
}

inline Skill skill(std::string id, std::string category) {
    Skill s;
    s.id = std::move(id);
    s.name_en = s.id;
    s.name_zh = s.id;
    s.category = std::move(category);
    return s;
}

inline Requirement req(std::string skill, int level, int weight, bool must_have = false) {
    return {std::move(skill), level, weight, must_have};
}

// A random market: `n` sets every size; ids are zero-padded so id order is
// numeric order. Levels, weights, must-haves, certificates, education,
// preferences and seeking flags all vary, including graduates with no skills.
struct RandomSizes {
    int skills = 10, categories = 3, clusters = 3, districts = 3, institutions = 3;
    int programs = 12, employers = 6, graduates = 150, jobs = 50, certificates = 3;
};

inline std::string padded(const char* prefix, int i) {
    std::string n = std::to_string(i);
    return prefix + std::string(4 - n.size(), '0') + n;
}

inline Market random_market(std::uint32_t seed, const RandomSizes& z = {}) {
    std::mt19937 rng(seed);
    const auto uniform = [&](int lo, int hi) {
        return std::uniform_int_distribution<int>(lo, hi)(rng);
    };
    const auto pick = [&](const char* prefix, int n) { return padded(prefix, uniform(0, n - 1)); };
    // k distinct indices out of n, in random order.
    const auto sample = [&](int n, int k) {
        std::vector<int> all(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
        std::shuffle(all.begin(), all.end(), rng);
        all.resize(static_cast<std::size_t>(std::min(n, k)));
        return all;
    };
    const auto education = [&] { return static_cast<EducationLevel>(uniform(0, 4)); };
    Market m;
    for (int i = 0; i < z.skills; ++i)
        m.skills.push_back(skill(padded("s", i), pick("cat", z.categories)));
    for (int i = 0; i < z.certificates; ++i) {
        Certificate c;
        c.id = padded("cert", i);
        c.name_en = c.id;
        c.name_zh = c.id;
        m.certificates.push_back(c);
    }
    for (int i = 0; i < z.institutions; ++i)
        m.institutions.push_back({padded("inst", i), "institution", pick("D", z.districts),
                                  EducationLevel::kHigherVocational});
    for (int i = 0; i < z.programs; ++i) {
        Program p;
        p.id = padded("p", i);
        p.institution_id = pick("inst", z.institutions);
        p.name = p.id;
        p.code = "510202";
        p.cluster = pick("C", z.clusters);
        p.education_level = education();
        p.cohort_size = uniform(0, 60);
        for (int s : sample(z.skills, uniform(0, 6)))
            p.curriculum.push_back({padded("s", s), uniform(1, 5)});
        for (int c : sample(z.certificates, uniform(0, 2)))
            p.certificates.push_back(padded("cert", c));
        m.programs.push_back(p);
    }
    for (int i = 0; i < z.employers; ++i)
        m.employers.push_back(
            {padded("e", i), "employer", pick("C", z.clusters), pick("D", z.districts), ""});
    for (int i = 0; i < z.graduates; ++i) {
        Graduate g;
        g.id = padded("g", i);
        g.institution_id = pick("inst", z.institutions);
        g.program_id = pick("p", z.programs);
        g.graduation_year = 2026;
        g.education_level = education();
        for (int s : sample(z.skills, uniform(0, 5)))
            g.skills.push_back({padded("s", s), uniform(1, 5), {}});
        for (int c : sample(z.certificates, uniform(0, 2)))
            g.certificates.push_back(padded("cert", c));
        for (int d : sample(z.districts, uniform(0, 2)))
            g.preferred_districts.push_back(padded("D", d));
        for (int c : sample(z.clusters, uniform(0, 2)))
            g.preferred_clusters.push_back(padded("C", c));
        g.seeking = uniform(0, 4) != 0;
        m.graduates.push_back(g);
    }
    for (int i = 0; i < z.jobs; ++i) {
        Job j;
        j.id = padded("j", i);
        j.employer_id = pick("e", z.employers);
        j.title = j.id;
        j.cluster = pick("C", z.clusters);
        j.district = pick("D", z.districts);
        j.headcount = uniform(1, 9);
        j.min_education = static_cast<EducationLevel>(uniform(0, 2));
        if (uniform(0, 3) == 0) j.required_certificates.push_back(pick("cert", z.certificates));
        for (int s : sample(z.skills, uniform(1, 5)))
            j.requirements.push_back(
                req(padded("s", s), uniform(1, 5), uniform(1, 10), uniform(0, 3) == 0));
        m.jobs.push_back(j);
    }
    return m;
}

}  // namespace talentmatch::matcher::testing
