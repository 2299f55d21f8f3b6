#include "datagen/synthetic_generator.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "datagen/graduate_factory.hpp"
#include "datagen/graduate_stream.hpp"
#include "datagen/synthetic_parts.hpp"
#include "datagen/synthetic_placements.hpp"
#include "datagen/synthetic_research.hpp"
#include "datagen/synthetic_teams.hpp"

namespace talentmatch::datagen {

namespace {

// Independent random streams per stage, so a change in one stage's draws
// does not shift every other stage.
enum Stream : std::uint64_t {
    kInstitutions = 1,
    kPrograms,
    kEmployers,
    kJobFactories,
    kJobs,
    kPlacements,
    kTeams,
    kResearch
};

const std::vector<std::string>& competition_names() {
    static const std::vector<std::string> names = {
        "全国职业院校技能大赛",   "世界技能大赛深圳选拔赛", "中国国际大学生创新大赛", "华为ICT大赛",
        "全国大学生电子设计竞赛", "中国机器人大赛",         "深圳市职工技能大赛"};
    return names;
}

GraduateContext graduate_context(
    const ShippedData& data, const SyntheticConfig& config, const std::vector<Employer>& employers,
    const std::vector<std::unique_ptr<detail::JobFactory>>& factories) {
    GraduateContext c;
    c.seed = config.seed;
    c.graduation_year = config.graduation_year;
    c.competition_skills = data.extras.competition;
    c.internship_skills = data.extras.internship;
    c.project_skills = data.extras.project;
    c.self_reported_skills = data.extras.self_reported;
    c.competition_names = competition_names();
    for (std::size_t i = 0; i < data.templates.size(); ++i) {
        c.cluster_ids.push_back(data.templates[i].cluster);
        c.cluster_skills.push_back(factories[i]->cluster_skills());
        c.cluster_employers.emplace_back();
        for (const auto& e : employers) {
            if (e.cluster == data.templates[i].cluster) c.cluster_employers.back().push_back(e.id);
        }
    }
    // Graduates' district preferences follow where the jobs are, flattened.
    std::vector<double> weights(data.districts.size(), 2.0);
    for (const auto& cluster : data.templates) {
        const auto w = detail::district_weights(data, cluster.cluster);
        for (std::size_t d = 0; d < w.size(); ++d) weights[d] += w[d];
    }
    for (const auto& d : data.districts) c.district_ids.push_back(d.id);
    c.district_weights = weights;
    for (const auto& cert : data.certificates) {
        if (cert.id == "cert.cet.cet4") c.general_certificates.emplace_back(cert.id, 0.3);
        if (cert.id == "cert.ncre.level2") c.general_certificates.emplace_back(cert.id, 0.15);
        if (cert.id == "cert.licence.driving_c1")
            c.general_certificates.emplace_back(cert.id, 0.25);
    }
    return c;
}

}  // namespace

GenerationSummary generate_synthetic(const ShippedData& data, const SyntheticConfig& config,
                                     DatasetWriter& out, const ProgressFn& progress) {
    const Rng root(config.seed);
    GenerationSummary summary;
    for (const auto& s : data.skills) out.write(s);
    for (const auto& c : data.certificates) out.write(c);
    summary.skills = static_cast<std::int64_t>(data.skills.size());
    summary.certificates = static_cast<std::int64_t>(data.certificates.size());

    const auto institutions = detail::make_institutions(data, config, root.split(kInstitutions));
    const auto programs = detail::make_programs(data, config, institutions, root.split(kPrograms));
    const auto employers = detail::make_employers(data, config, root.split(kEmployers));
    for (const auto& i : institutions) out.write(i);
    for (const auto& p : programs) out.write(p);
    const auto courses = detail::make_courses(data, programs);
    for (const auto& c : courses) out.write(c);
    const auto training = detail::make_training_programs(data, institutions);
    for (const auto& t : training) out.write(t);
    for (const auto& e : employers) out.write(e);
    summary.institutions = static_cast<std::int64_t>(institutions.size());
    summary.programs = static_cast<std::int64_t>(programs.size());
    summary.courses = static_cast<std::int64_t>(courses.size());
    summary.training_programs = static_cast<std::int64_t>(training.size());
    summary.employers = static_cast<std::int64_t>(employers.size());

    std::vector<std::unique_ptr<detail::JobFactory>> factories;
    std::map<std::string, std::size_t> factory_of;
    const Rng factory_rng = root.split(kJobFactories);
    for (std::size_t i = 0; i < data.templates.size(); ++i) {
        factories.push_back(
            std::make_unique<detail::JobFactory>(data, data.templates[i], factory_rng.split(i)));
        factory_of[data.templates[i].cluster] = i;
    }

    // Jobs: employers by Zipf-like popularity (a few post many jobs).
    std::map<std::string, std::vector<std::string>> jobs_of_employer;  // for placements
    if (!employers.empty()) {
        Rng rng = root.split(kJobs);
        const auto employer_order =
            sample_without_replacement(rng, employers.size(), employers.size());
        const WeightedIndex employer_popularity = zipf(employers.size(), 3.0);
        for (std::int64_t j = 0; j < config.jobs; ++j) {
            const Employer& e = employers[employer_order[employer_popularity.draw(rng)]];
            const Job job = factories[factory_of.at(e.cluster)]->draw(e, j, config, rng);
            summary.job_requirements += static_cast<std::int64_t>(job.requirements.size());
            summary.openings += job.headcount;
            if (config.placements) jobs_of_employer[job.employer_id].push_back(job.id);
            out.write(job);
            ++summary.jobs;
            if (progress && (j + 1) % 10000 == 0) progress("jobs", j + 1, config.jobs);
        }
    }

    // One occupational standard per occupation template: what the alliance's
    // enterprises ask of that occupation (core skills, weights, must-haves).
    for (const ClusterTemplates& cluster : data.templates) {
        for (const OccupationTemplate& occupation : cluster.occupations) {
            OccupationalStandard standard;
            standard.id = "std-" + occupation.id;
            standard.name_zh = occupation.title_zh;
            standard.name_en = occupation.title_en;
            standard.source = "talentmatch occupation templates (data/templates)";
            for (const TemplateSkill& s : occupation.core) {
                const bool must =
                    std::find(occupation.must_have.begin(), occupation.must_have.end(),
                              s.skill_id) != occupation.must_have.end();
                standard.requirements.push_back({s.skill_id, s.level, std::max(1, s.weight), must});
            }
            if (standard.requirements.empty()) continue;
            out.write(standard);
            ++summary.occupational_standards;
        }
    }

    const GraduateFactory graduates(graduate_context(data, config, employers, factories));
    std::map<std::string, std::string> district_of_institution;
    for (const auto& i : institutions) district_of_institution[i.id] = i.district;
    std::vector<std::string> home;
    for (const auto& p : programs) home.push_back(district_of_institution.at(p.institution_id));
    const auto totals = write_graduates(graduates, programs, home, out, progress);
    summary.graduates = totals.graduates;
    summary.graduate_skills = totals.skills;
    if (config.placements) {
        const PlacementWorld world{&graduates, &programs, &home, &employers, &jobs_of_employer};
        summary.placements = write_placements(world, config, root.split(kPlacements), out);
    }
    std::map<std::string, const detail::JobFactory*> factory_of_cluster;
    for (const auto& [cluster, i] : factory_of) factory_of_cluster[cluster] = factories[i].get();
    const TeamWorld world{&programs, &employers, &factory_of_cluster};
    if (config.teachers_per_program > 0 || config.projects > 0) {
        const TeamTotals teams =
            write_teachers_and_projects(world, config, root.split(kTeams), out);
        summary.teachers = teams.teachers;
        summary.projects = teams.projects;
    }
    if (config.research_results > 0 || config.innovation_demands > 0) {
        const ResearchTotals research =
            write_research_and_demands(world, config, root.split(kResearch), out);
        summary.research_results = research.results;
        summary.innovation_demands = research.demands;
    }
    return summary;
}

}  // namespace talentmatch::datagen
