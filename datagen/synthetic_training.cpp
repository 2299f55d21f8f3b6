// Practice bases and their training programs: three bases (an industry
// college, a practice centre, an enterprise training base), run by the first
// three institutions, each training for the occupations of one cluster: per
// occupation template, a program that trains its core skills at the levels
// the occupation asks for (one level less for the practice centre's
// introductory programs), preparing for the occupation's certificates, with a
// yearly capacity of 30 to 120. Deterministic: no random draws, so the rest of
// a generated data set does not change with it.
#include <algorithm>

#include "datagen/synthetic_parts.hpp"

namespace talentmatch::datagen::detail {

namespace {

struct BaseSpec {
    BaseKind kind;
    const char* name_suffix;  // after the cluster's Chinese name
    int level_offset;         // added to each core level (at least 1)
};

constexpr BaseSpec kBases[] = {{BaseKind::kIndustryCollege, "产业学院", 0},
                               {BaseKind::kPracticeCentre, "公共实训中心", -1},
                               {BaseKind::kEnterpriseBase, "企业实训基地", 0}};

std::string cluster_name(const ShippedData& data, const std::string& id) {
    for (const NamedId& c : data.clusters) {
        if (c.id == id) return c.name_zh;
    }
    return id;
}

}  // namespace

std::vector<TrainingProgram> make_training_programs(const ShippedData& data,
                                                    const std::vector<Institution>& institutions) {
    std::vector<TrainingProgram> out;
    const std::size_t bases =
        std::min({std::size(kBases), institutions.size(), data.templates.size()});
    for (std::size_t b = 0; b < bases; ++b) {
        const BaseSpec& spec = kBases[b];
        const Institution& runner = institutions[b];
        const ClusterTemplates& cluster = data.templates[b];
        const std::string base = cluster_name(data, cluster.cluster) + spec.name_suffix;
        int number = 0;
        for (const OccupationTemplate& o : cluster.occupations) {
            TrainingProgram t;
            ++number;
            t.id = runner.id + "-base" + std::to_string(b + 1) + "-t" +
                   std::string(number < 10 ? "0" : "") + std::to_string(number);
            t.institution_id = runner.id;
            t.base = base;
            t.base_kind = spec.kind;
            t.name = o.title_zh + "实训";
            t.cluster = cluster.cluster;
            t.district = runner.district;
            for (const TemplateSkill& s : o.core) {
                t.skills.push_back({s.skill_id, std::clamp(s.level + spec.level_offset, 1, 5)});
            }
            t.certificates = o.certificates;
            t.capacity = 30 + 15 * ((number * 7 + static_cast<int>(b) * 3) % 7);
            out.push_back(std::move(t));
        }
    }
    return out;
}

}  // namespace talentmatch::datagen::detail
