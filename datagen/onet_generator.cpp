#include "datagen/onet_generator.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string_view>

#include "datagen/graduate_factory.hpp"
#include "datagen/graduate_stream.hpp"
#include "datagen/random.hpp"

namespace talentmatch::datagen {

namespace {

enum Stream : std::uint64_t { kHeadcounts = 11, kCohorts };

int draw_headcount(Rng& rng) {
    static constexpr double kShares[] = {0.4, 0.22, 0.13, 0.08, 0.06, 0.08, 0.03};
    const std::size_t bucket = WeightedIndex(kShares).draw(rng);
    if (bucket < 5) return static_cast<int>(bucket) + 1;
    if (bucket == 5) return static_cast<int>(rng.uniform_int(6, 10));
    return static_cast<int>(rng.uniform_int(11, 40));
}

// "onet-15-1252.00" -> "15-12"
std::string minor_group(const Job& job) {
    return job.id.substr(5, 5);
}

struct Family {
    std::vector<const Job*> jobs;
};

Program family_program(const std::string& minor, const Family& family) {
    Program p;
    p.id = "onet-prog-" + minor;
    p.code = minor + "00";
    p.cluster = family.jobs.front()->cluster;
    p.name = "O*NET " + minor + "xx: " + family.jobs.front()->title +
             (family.jobs.size() > 1 ? " and related" : "");
    std::map<std::string, std::pair<int, int>> sums;  // skill -> (sum of levels, count)
    std::map<EducationLevel, int> education;
    for (const Job* job : family.jobs) {
        ++education[job->min_education];
        for (const auto& r : job->requirements) {
            auto& [sum, count] = sums[r.skill_id];
            sum += r.level;
            ++count;
        }
    }
    const double n = static_cast<double>(family.jobs.size());
    for (const auto& [skill, sc] : sums) {
        if (static_cast<double>(sc.second) < 0.3 * n) continue;
        const double mean = static_cast<double>(sc.first) / static_cast<double>(sc.second);
        p.curriculum.push_back({skill, std::clamp(static_cast<int>(std::floor(mean + 0.5)), 1, 5)});
    }
    int best = -1;
    for (const auto& [level, count] : education) {
        if (count >= best) {  // ties go to the higher level (map is ascending)
            best = count;
            p.education_level = level;
        }
    }
    return p;
}

// The occupations' holders (onet_import.hpp: OnetDataset::workers), under one
// institution and one program of their own so they never mix with the
// synthetic cohorts' statistics; not seeking, so assignment leaves them out.
void write_workers(const OnetDataset& onet, const std::vector<NamedId>& districts,
                   const OnetGenerationConfig& config, DatasetWriter& out,
                   GenerationSummary& summary) {
    if (onet.workers.empty()) return;
    Institution inst;
    inst.id = kOnetWorkerInstitution;
    inst.name = "O*NET occupation holders (worker profiles)";
    inst.level = EducationLevel::kMaster;
    if (!districts.empty()) inst.district = districts.front().id;
    out.write(inst);
    ++summary.institutions;
    Program p;
    p.id = kOnetWorkerProgram;
    p.institution_id = inst.id;
    p.name = "O*NET worker profiles: one holder per occupation";
    p.code = "000000";
    p.cluster = onet.jobs.front().cluster;
    p.education_level = EducationLevel::kMaster;
    out.write(p);
    ++summary.programs;
    for (Graduate w : onet.workers) {
        w.graduation_year = config.graduation_year;
        summary.graduate_skills += static_cast<std::int64_t>(w.skills.size());
        out.write(w);
        ++summary.graduates;
    }
}

}  // namespace

GenerationSummary generate_from_onet(const OnetDataset& onet, const std::vector<NamedId>& districts,
                                     const OnetGenerationConfig& config, DatasetWriter& out,
                                     const ProgressFn& progress) {
    GenerationSummary summary;
    const Rng root(config.seed);
    for (const auto& s : onet.skills) out.write(s);
    summary.skills = static_cast<std::int64_t>(onet.skills.size());

    // Employers in districts, in turn; their jobs follow them.
    std::map<std::string, std::string> employer_district;
    std::size_t turn = 0;
    for (Employer e : onet.employers) {
        if (!districts.empty()) e.district = districts[turn++ % districts.size()].id;
        employer_district[e.id] = e.district;
        out.write(e);
        ++summary.employers;
    }
    Rng headcounts = root.split(kHeadcounts);
    std::map<std::string, Family> families;
    for (const Job& source : onet.jobs) {
        Job job = source;
        job.headcount = draw_headcount(headcounts);
        job.district = employer_district[job.employer_id];
        out.write(job);
        ++summary.jobs;
        summary.job_requirements += static_cast<std::int64_t>(job.requirements.size());
        summary.openings += job.headcount;
        families[minor_group(source)].jobs.push_back(&source);
    }
    // Every occupation is also an occupational standard (the public stand-in
    // for a national standard): the same requirements under the SOC code.
    for (const Job& source : onet.jobs) {
        OccupationalStandard standard;
        standard.id = "std-" + source.id;
        standard.name_en = source.title;
        standard.code = source.id.substr(std::string_view("onet-").size());
        standard.source = "O*NET 29.2";
        standard.requirements = source.requirements;
        out.write(standard);
        ++summary.occupational_standards;
    }

    // Institutions and one program per minor group.
    std::vector<Institution> institutions;
    for (int i = 0; i < config.institutions; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "onet-inst-%02d", i + 1);
        Institution inst;
        inst.id = id;
        inst.name = "O*NET profile college " + std::to_string(i + 1) + " (synthetic)";
        inst.level = EducationLevel::kMaster;
        if (!districts.empty())
            inst.district = districts[static_cast<std::size_t>(i) % districts.size()].id;
        institutions.push_back(inst);
        out.write(inst);
    }
    summary.institutions = static_cast<std::int64_t>(institutions.size());
    std::vector<Program> programs;
    std::vector<double> weights;
    for (const auto& [minor, family] : families) {
        Program p = family_program(minor, family);
        if (p.curriculum.empty()) continue;
        p.institution_id = institutions[programs.size() % institutions.size()].id;
        programs.push_back(std::move(p));
        weights.push_back(static_cast<double>(family.jobs.size()));
    }
    if (programs.empty())
        throw std::runtime_error("generate --onet: no occupation family has a profile");
    // Cohorts proportional to the number of occupations in the family.
    double total = 0.0;
    for (double w : weights) total += w;
    std::int64_t assigned = 0;
    for (std::size_t i = 0; i < programs.size(); ++i) {
        programs[i].cohort_size = static_cast<int>(
            std::floor(static_cast<double>(config.graduates) * weights[i] / total));
        assigned += programs[i].cohort_size;
    }
    for (std::size_t i = 0; assigned < config.graduates;
         i = (i + 1) % programs.size(), ++assigned) {
        ++programs[i].cohort_size;
    }
    for (const auto& p : programs) out.write(p);
    summary.programs = static_cast<std::int64_t>(programs.size());

    GraduateContext context;
    context.seed = config.seed;
    context.graduation_year = config.graduation_year;
    for (const auto& s : onet.skills) context.self_reported_skills.push_back(s.id);
    context.project_skills = context.self_reported_skills;
    context.internship_skills = context.self_reported_skills;
    context.competition_skills = context.self_reported_skills;
    context.competition_names = {"WorldSkills", "SkillsUSA", "capstone competition"};
    std::map<std::string, std::size_t> cluster_slot;
    for (const auto& job : onet.jobs) {
        auto [it, inserted] = cluster_slot.emplace(job.cluster, context.cluster_ids.size());
        if (inserted) {
            context.cluster_ids.push_back(job.cluster);
            context.cluster_skills.emplace_back();
            context.cluster_employers.push_back({job.employer_id});
        }
        auto& pool = context.cluster_skills[it->second];
        for (const auto& r : job.requirements) {
            if (std::find(pool.begin(), pool.end(), r.skill_id) == pool.end())
                pool.push_back(r.skill_id);
        }
    }
    for (const auto& d : districts) context.district_ids.push_back(d.id);
    const GraduateFactory factory(std::move(context));
    std::map<std::string, std::string> institution_district;
    for (const auto& i : institutions) institution_district[i.id] = i.district;
    std::vector<std::string> home;
    for (const auto& p : programs) home.push_back(institution_district[p.institution_id]);
    const auto totals = write_graduates(factory, programs, home, out, progress);
    summary.graduates = totals.graduates;
    summary.graduate_skills = totals.skills;
    write_workers(onet, districts, config, out, summary);

    std::ofstream attribution(out.dir() / "ATTRIBUTION.txt", std::ios::binary);
    attribution << onet_attribution();
    if (!attribution)
        throw std::runtime_error("cannot write " + (out.dir() / "ATTRIBUTION.txt").string());
    return summary;
}

}  // namespace talentmatch::datagen
