#include "datagen/synthetic_research.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "datagen/civil_date.hpp"

namespace talentmatch::datagen {

namespace {

enum Stream : std::uint64_t { kResults = 1, kDemands };

// A result of `program`'s institution in the program's cluster: the skills of
// a job of that cluster the team could serve (its requirements at their level
// or one above), and 1..2 of the program's curriculum skills one level above.
ResearchResult make_result(std::int64_t n, const Program& program,
                           const detail::JobFactory* factory, const SyntheticConfig& config,
                           Rng& rng) {
    ResearchResult v;
    v.id = "rr-" + std::to_string(n + 1);
    v.institution_id = program.institution_id;
    std::set<std::string> known;
    if (factory) {
        Employer partner;
        partner.id = "partner";
        partner.cluster = program.cluster;
        const Job job = factory->draw(partner, n, config, rng);
        for (const Requirement& r : job.requirements) {
            if (!known.insert(r.skill_id).second) continue;
            v.profile.push_back(
                {r.skill_id, std::min(5, r.level + static_cast<int>(rng.uniform_int(0, 1)))});
        }
    }
    if (!program.curriculum.empty()) {
        const auto extra = rng.uniform_int(1, 2);
        for (std::int64_t i = 0; i < extra; ++i) {
            const SkillLevel& s = program.curriculum[rng.index(program.curriculum.size())];
            if (!known.insert(s.skill_id).second) continue;
            v.profile.push_back({s.skill_id, std::min(5, s.level + 1)});
        }
    }
    v.title = program.name + "方向科研成果 " + std::to_string(n + 1);
    v.readiness_level = static_cast<int>(rng.uniform_int(2, 8));
    v.available = rng.bernoulli(0.8);
    v.description = "面向" + program.name + "相关产业的技术成果与研究团队";
    return v;
}

}  // namespace

ResearchTotals write_research_and_demands(const TeamWorld& world, const SyntheticConfig& config,
                                          const Rng& rng, DatasetWriter& out) {
    ResearchTotals totals;
    if (!world.programs->empty()) {
        const Rng result_rng = rng.split(kResults);
        for (std::int64_t i = 0; i < config.research_results; ++i) {
            Rng r = result_rng.split(static_cast<std::uint64_t>(i));
            const Program& program = (*world.programs)[r.index(world.programs->size())];
            const auto factory = world.factory_of_cluster->find(program.cluster);
            ResearchResult v = make_result(
                i, program, factory == world.factory_of_cluster->end() ? nullptr : factory->second,
                config, r);
            if (v.profile.empty()) continue;  // a program without curriculum or cluster
            out.write(v);
            ++totals.results;
        }
    }
    if (world.employers->empty()) return totals;
    const Rng demand_rng = rng.split(kDemands);
    for (std::int64_t i = 0; i < config.innovation_demands; ++i) {
        Rng r = demand_rng.split(static_cast<std::uint64_t>(i));
        const Employer& e = (*world.employers)[r.index(world.employers->size())];
        const auto factory = world.factory_of_cluster->find(e.cluster);
        if (factory == world.factory_of_cluster->end()) continue;
        const Job job = factory->second->draw(e, i, config, r);
        InnovationDemand d;
        d.id = "idm-" + std::to_string(i + 1);
        d.employer_id = e.id;
        // "激光设备操作技术员 (Laser equipment operator)": the Chinese name only.
        const std::string name = job.title.substr(0, job.title.find(" ("));
        d.title = name + "关键技术需求";
        d.requirements = job.requirements;
        const auto keep =
            std::min<std::int64_t>(r.uniform_int(2, 5), std::int64_t(d.requirements.size()));
        d.requirements.resize(static_cast<std::size_t>(keep));
        for (Requirement& q : d.requirements) q.level = std::min(5, q.level + 1);
        d.problem = "寻求院校科研团队合作解决" + name + "相关的技术难题";
        if (i % 10 == 9 && !e.association_id.empty()) {
            // The association's own: a problem its members share.
            d.employer_id.clear();
            d.association_id = e.association_id;
            d.cluster = e.cluster;
            d.problem = "联盟成员企业共性技术难题：" + d.problem;
        }
        d.valid_until = iso_date_plus(config.postings_date, r.uniform_int(180, 540));
        out.write(d);
        ++totals.demands;
    }
    return totals;
}

}  // namespace talentmatch::datagen
