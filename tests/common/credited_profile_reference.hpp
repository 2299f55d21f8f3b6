#pragma once
// For tests: the credited-levels rule (models/credited_levels.hpp) written
// from its words with maps, independent of the matcher's merge: a level is the
// highest any source gives; a graduate's sources are its own skills and the
// evidence of each certificate it holds; a program's are its curriculum, its
// courses' skills and the evidence of each certificate it or its courses
// prepare for. Level-0 entries are dropped; profiles come out in skill id order.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "models/entities.hpp"

namespace talentmatch::testing {

using CertificatesById = std::map<std::string, Certificate>;

inline CertificatesById certificates_by_id(const std::vector<Certificate>& certificates) {
    CertificatesById out;
    for (const Certificate& c : certificates) out[c.id] = c;
    return out;
}

inline std::vector<SkillLevel> credited_levels(const std::map<std::string, int>& own,
                                               const std::set<std::string>& certificates,
                                               const CertificatesById& by_id) {
    std::map<std::string, int> levels;
    const auto raise = [&](const std::string& skill, int level) {
        if (level > 0) levels[skill] = std::max(levels[skill], level);
    };
    for (const auto& [skill, level] : own) raise(skill, level);
    for (const std::string& id : certificates) {
        for (const SkillLevel& s : by_id.at(id).skills) raise(s.skill_id, s.level);
    }
    std::vector<SkillLevel> out;
    for (const auto& [skill, level] : levels) out.push_back({skill, level});
    return out;
}

// The graduate as the matcher sees it: credited skills (no evidence lists).
inline Graduate with_credited_skills(Graduate g, const CertificatesById& by_id) {
    std::map<std::string, int> own;
    for (const GraduateSkill& s : g.skills) own[s.skill_id] = std::max(own[s.skill_id], s.level);
    g.skills.clear();
    for (const SkillLevel& s : credited_levels(
             own, std::set<std::string>(g.certificates.begin(), g.certificates.end()), by_id)) {
        g.skills.push_back({s.skill_id, s.level, {}});
    }
    return g;
}

// The training program as the matcher sees it: credited skills.
inline TrainingProgram with_credited_skills(TrainingProgram t, const CertificatesById& by_id) {
    std::map<std::string, int> own;
    for (const SkillLevel& s : t.skills) own[s.skill_id] = std::max(own[s.skill_id], s.level);
    t.skills = credited_levels(
        own, std::set<std::string>(t.certificates.begin(), t.certificates.end()), by_id);
    return t;
}

// The program as the matcher sees it: the credited curriculum, and the
// certificates it and its courses prepare for.
inline Program with_credited_curriculum(Program p, const std::vector<Course>& courses,
                                        const CertificatesById& by_id) {
    std::map<std::string, int> own;
    const auto raise = [&](const SkillLevel& s) {
        own[s.skill_id] = std::max(own[s.skill_id], s.level);
    };
    std::set<std::string> certificates(p.certificates.begin(), p.certificates.end());
    for (const SkillLevel& s : p.curriculum) raise(s);
    for (const Course& c : courses) {
        if (c.program_id != p.id) continue;
        for (const SkillLevel& s : c.skills) raise(s);
        certificates.insert(c.certificates.begin(), c.certificates.end());
    }
    p.curriculum = credited_levels(own, certificates, by_id);
    p.certificates.assign(certificates.begin(), certificates.end());
    return p;
}

}  // namespace talentmatch::testing
