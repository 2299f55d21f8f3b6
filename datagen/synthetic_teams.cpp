#include "datagen/synthetic_teams.hpp"

#include <algorithm>
#include <set>

#include "datagen/civil_date.hpp"

namespace talentmatch::datagen {

namespace {

enum Stream : std::uint64_t { kTeachers = 1, kProjects };

Teacher make_teacher(const Program& program, int n, const detail::JobFactory* factory, Rng& rng) {
    Teacher t;
    t.id = "t-" + program.id + "-" + std::to_string(n);
    t.institution_id = program.institution_id;
    std::set<std::string> known;
    for (const SkillLevel& s : program.curriculum) {
        const int level = std::min(5, s.level + static_cast<int>(rng.uniform_int(0, 1)));
        t.expertise.push_back({s.skill_id, level});
        known.insert(s.skill_id);
    }
    t.dual_qualified = rng.bernoulli(0.4);
    if (t.dual_qualified && factory && !factory->cluster_skills().empty()) {
        const auto& industry = factory->cluster_skills();
        const auto extra = rng.uniform_int(1, 3);
        for (std::int64_t i = 0; i < extra; ++i) {
            const std::string& skill = industry[rng.index(industry.size())];
            if (!known.insert(skill).second) continue;
            t.expertise.push_back({skill, static_cast<int>(rng.uniform_int(2, 4))});
        }
    }
    t.available = rng.bernoulli(0.7);
    return t;
}

}  // namespace

TeamTotals write_teachers_and_projects(const TeamWorld& world, const SyntheticConfig& config,
                                       const Rng& rng, DatasetWriter& out) {
    TeamTotals totals;
    const Rng teacher_rng = rng.split(kTeachers);
    for (std::size_t p = 0; p < world.programs->size(); ++p) {
        const Program& program = (*world.programs)[p];
        const auto factory = world.factory_of_cluster->find(program.cluster);
        Rng r = teacher_rng.split(p);
        for (int n = 1; n <= config.teachers_per_program; ++n) {
            out.write(make_teacher(
                program, n, factory == world.factory_of_cluster->end() ? nullptr : factory->second,
                r));
            ++totals.teachers;
        }
    }
    if (world.employers->empty()) return totals;
    const Rng project_rng = rng.split(kProjects);
    for (std::int64_t i = 0; i < config.projects; ++i) {
        Rng r = project_rng.split(static_cast<std::uint64_t>(i));
        const Employer& e = (*world.employers)[r.index(world.employers->size())];
        const auto factory = world.factory_of_cluster->find(e.cluster);
        if (factory == world.factory_of_cluster->end()) continue;
        const Job job = factory->second->draw(e, i, config, r);
        Project p;
        p.id = "prj-" + std::to_string(i + 1);
        p.employer_id = e.id;
        // "激光设备操作技术员 (Laser equipment operator)": the Chinese name only.
        const std::string name = job.title.substr(0, job.title.find(" ("));
        p.title = name + "技术攻关";
        p.requirements = job.requirements;
        for (Requirement& q : p.requirements) q.level = std::min(5, q.level + 1);
        p.team_size = static_cast<int>(r.uniform_int(1, 4));
        p.start_date = iso_date(config.postings_date);
        p.end_date = iso_date_plus(config.postings_date, r.uniform_int(90, 365));
        p.description = "与院校教师组建技术团队：" + name;
        out.write(p);
        ++totals.projects;
    }
    return totals;
}

}  // namespace talentmatch::datagen
