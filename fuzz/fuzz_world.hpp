#pragma once
// A small, referentially valid world decoded from fuzz input (the shape of
// tests/matcher/random_world.hpp, every choice taken from the input): few
// skills and ids so ties, gates, empty skill lists and maxima occur often;
// up to 80 graduates (3 blocks) and 40 jobs, so both the few-jobs path and
// the block kernels run. Plus a filter over ids that exist in the world.
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "matcher/query/match_query.hpp"
#include "matcher/snapshot/snapshot.hpp"
#include "models/entities.hpp"

namespace talentmatch::fuzz {

struct World {
    std::vector<Skill> skills;
    std::vector<Certificate> certificates;
    std::vector<Institution> institutions;
    std::vector<Program> programs;
    std::vector<Employer> employers;
    std::vector<Graduate> graduates;
    std::vector<Job> jobs;
};

inline const std::vector<std::string>& world_districts() {
    static const std::vector<std::string> v = {"nanshan", "futian", "baoan"};
    return v;
}
inline const std::vector<std::string>& world_clusters() {
    static const std::vector<std::string> v = {"ict", "battery", "robotics"};
    return v;
}

inline std::string world_id(const char* prefix, int i) {
    std::string n = std::to_string(i);
    return std::string(prefix) + std::string(4 - std::min<std::size_t>(4, n.size()), '0') + n;
}

inline World decode_world(FuzzedDataProvider& in) {
    auto uni = [&](int lo, int hi) { return in.ConsumeIntegralInRange<int>(lo, hi); };
    World w;
    const int n_skills = uni(1, 16);
    const int n_programs = uni(1, 6);
    const int n_graduates = uni(0, 80);
    const int n_jobs = uni(0, 40);
    for (int i = 0; i < n_skills; ++i) w.skills.push_back({world_id("s", i), "", "", "", {}});
    for (int i = 0; i < 3; ++i)
        w.certificates.push_back({world_id("cert", i), "", "", {}, "", "", {}});
    for (int i = 0; i < 3; ++i) {
        w.institutions.push_back({world_id("inst", i), "", world_districts()[i], {}});
    }
    for (int i = 0; i < 4; ++i) {
        w.employers.push_back(
            {world_id("emp", i), "", world_clusters()[i % 3], world_districts()[(i + 1) % 3], ""});
    }
    auto pick_skills = [&](int max_n, int min_level) {
        std::vector<int> idx(n_skills);
        for (int i = 0; i < n_skills; ++i) idx[i] = i;
        std::vector<std::pair<std::string, int>> out;
        const int n = uni(0, std::min(max_n, n_skills));
        for (int i = 0; i < n; ++i) {  // distinct skills: swap a chosen one to the front
            std::swap(idx[i], idx[uni(i, n_skills - 1)]);
            out.emplace_back(world_id("s", idx[i]), uni(min_level, 5));
        }
        return out;
    };
    auto some_certs = [&]() {
        std::vector<std::string> out;
        const int mask = uni(0, 7);
        for (int i = 0; i < 3; ++i) {
            if (mask & (1 << i)) out.push_back(world_id("cert", i));
        }
        return out;
    };
    for (int i = 0; i < n_programs; ++i) {
        Program p;
        p.id = world_id("prog", i);
        p.institution_id = world_id("inst", uni(0, 2));
        p.cluster = world_clusters()[uni(0, 2)];
        p.education_level = EducationLevel(uni(0, 4));
        for (auto& [s, l] : pick_skills(8, 1)) p.curriculum.push_back({s, l});
        p.certificates = some_certs();
        w.programs.push_back(p);
    }
    for (int i = 0; i < n_graduates; ++i) {
        Graduate g;
        g.id = world_id("g", i);
        g.institution_id = world_id("inst", uni(0, 2));
        g.program_id = world_id("prog", uni(0, n_programs - 1));
        g.education_level = EducationLevel(uni(0, 4));
        for (auto& [s, l] : pick_skills(8, 0)) g.skills.push_back({s, l, {}});
        g.certificates = some_certs();
        if (in.ConsumeBool()) g.preferred_districts.push_back(world_districts()[uni(0, 2)]);
        if (in.ConsumeBool()) g.preferred_clusters.push_back(world_clusters()[uni(0, 2)]);
        w.graduates.push_back(g);
    }
    for (int i = 0; i < n_jobs; ++i) {
        Job j;
        j.id = world_id("job", i);
        j.employer_id = world_id("emp", uni(0, 3));
        j.cluster = world_clusters()[uni(0, 2)];
        j.district = world_districts()[uni(0, 2)];
        j.min_education = EducationLevel(uni(0, 4));
        if (uni(0, 3) == 0) j.required_certificates = some_certs();
        auto skills = pick_skills(8, 1);
        if (skills.empty()) skills.emplace_back(world_id("s", uni(0, n_skills - 1)), uni(1, 5));
        for (auto& [s, l] : skills) j.requirements.push_back({s, l, uni(1, 10), in.ConsumeBool()});
        w.jobs.push_back(j);
    }
    return w;
}

inline std::shared_ptr<const matcher::Snapshot> build_snapshot(const World& w) {
    matcher::SnapshotBuilder b;
    for (const auto& x : w.skills) b.add_skill(x);
    for (const auto& x : w.certificates) b.add_certificate(x);
    for (const auto& x : w.institutions) b.add_institution(x);
    for (const auto& x : w.programs) b.add_program(x);
    for (const auto& x : w.employers) b.add_employer(x);
    for (const auto& x : w.graduates) b.add_graduate(x);
    for (const auto& x : w.jobs) b.add_job(x);
    return b.build();
}

// Each list is empty (no restriction) or a subset of values the world uses.
inline matcher::MatchFilter decode_filter(FuzzedDataProvider& in, const World& w) {
    matcher::MatchFilter f;
    auto subset = [&](std::vector<std::string> values) {
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        std::vector<std::string> out;
        if (in.ConsumeIntegralInRange<int>(0, 3) != 0) return out;
        for (const auto& v : values) {
            if (in.ConsumeBool()) out.push_back(v);
        }
        return out;
    };
    std::vector<std::string> districts, clusters, employers, institutions, programs;
    for (const auto& j : w.jobs) {
        districts.push_back(j.district);
        clusters.push_back(j.cluster);
        employers.push_back(j.employer_id);
    }
    for (const auto& x : w.institutions) institutions.push_back(x.id);
    for (const auto& x : w.programs) programs.push_back(x.id);
    f.districts = subset(districts);
    f.clusters = subset(clusters);
    f.employers = subset(employers);
    f.institutions = subset(institutions);
    f.programs = subset(programs);
    if (in.ConsumeBool()) f.min_coverage = in.ConsumeIntegralInRange<int>(0, 100) / 100.0;
    return f;
}

}  // namespace talentmatch::fuzz
