// Courses of the synthetic programs: each program's curriculum in courses of
// up to three skills, in curriculum order, at the program's levels (so its
// derived profile is its curriculum: models/credited_levels.hpp), and each
// certificate the program prepares for linked to the course whose skills it
// evidences most (course-certificate co-growth). Deterministic: no random
// draws, so the rest of a generated data set does not change with it.
#include <algorithm>
#include <map>

#include "datagen/synthetic_parts.hpp"

namespace talentmatch::datagen::detail {

namespace {

constexpr std::size_t kSkillsPerCourse = 3;

std::string course_name(const std::vector<SkillLevel>& skills,
                        const std::map<std::string, const Skill*>& skill_of) {
    // "电池 PACK 装配（电池模组设计、BMS 开发）": the first skill, then the others.
    std::string name;
    for (std::size_t i = 0; i < skills.size(); ++i) {
        const auto it = skill_of.find(skills[i].skill_id);
        const std::string& part = it == skill_of.end() || it->second->name_zh.empty()
                                      ? skills[i].skill_id
                                      : it->second->name_zh;
        name += (i == 0 ? "" : i == 1 ? "（" : "、") + part;
    }
    return skills.size() > 1 ? name + "）" : name;
}

}  // namespace

std::vector<Course> make_courses(const ShippedData& data, const std::vector<Program>& programs) {
    std::map<std::string, const Skill*> skill_of;
    for (const Skill& s : data.skills) skill_of[s.id] = &s;
    std::map<std::string, const Certificate*> certificate_of;
    for (const Certificate& c : data.certificates) certificate_of[c.id] = &c;
    std::vector<Course> out;
    for (const Program& p : programs) {
        std::vector<Course> courses;
        for (std::size_t i = 0; i < p.curriculum.size(); i += kSkillsPerCourse) {
            Course c;
            c.id = p.id + "-c" + std::string(i / kSkillsPerCourse + 1 < 10 ? "0" : "") +
                   std::to_string(i / kSkillsPerCourse + 1);
            c.institution_id = p.institution_id;
            c.program_id = p.id;
            const auto end = std::min(p.curriculum.size(), i + kSkillsPerCourse);
            for (std::size_t k = i; k < end; ++k) {
                if (p.curriculum[k].level > 0) c.skills.push_back(p.curriculum[k]);
            }
            if (c.skills.empty()) continue;
            c.name = course_name(c.skills, skill_of);
            courses.push_back(std::move(c));
        }
        if (courses.empty()) continue;
        for (const std::string& id : p.certificates) {
            const auto cert = certificate_of.find(id);
            std::size_t best = 0, best_overlap = 0;
            for (std::size_t k = 0; cert != certificate_of.end() && k < courses.size(); ++k) {
                std::size_t overlap = 0;
                for (const SkillLevel& e : cert->second->skills) {
                    overlap += static_cast<std::size_t>(std::count_if(
                        courses[k].skills.begin(), courses[k].skills.end(),
                        [&](const SkillLevel& s) { return s.skill_id == e.skill_id; }));
                }
                if (overlap > best_overlap) best = k, best_overlap = overlap;
            }
            courses[best].certificates.push_back(id);
        }
        for (Course& c : courses) out.push_back(std::move(c));
    }
    return out;
}

}  // namespace talentmatch::datagen::detail
