#pragma once
// One fully populated, valid instance of every entity, shared by the models
// tests (round trips, validation). `sample_known()` holds every id they refer to.
#include "models/entities.hpp"
#include "models/validation.hpp"

namespace talentmatch::testing {

inline Skill sample_skill() {
    return {"ict.net.routing", "路由配置", "Routing", "ict.network", {"routing", "OSPF"}};
}

inline Certificate sample_certificate() {
    return {"cert.1x.net.mid",
            "网络系统建设与运维（中级）",
            "Network operations (intermediate)",
            CertificateKind::kOnePlusX,
            "intermediate",
            "Huawei",
            {{"ict.net.routing", 3}}};
}

inline Institution sample_institution() {
    return {"szpt", "Shenzhen Polytechnic", "Nanshan", EducationLevel::kVocationalBachelor};
}

inline Program sample_program() {
    return {"szpt.510202",
            "szpt",
            "Computer networks",
            "510202",
            "ict",
            EducationLevel::kHigherVocational,
            120,
            {{"ict.net.routing", 3}, {"common.english", 2}},
            {"cert.1x.net.mid"}};
}

inline Graduate sample_graduate() {
    Graduate g;
    g.id = "g-000001";
    g.institution_id = "szpt";
    g.program_id = "szpt.510202";
    g.graduation_year = 2025;
    g.education_level = EducationLevel::kHigherVocational;
    g.skills = {
        {"ict.net.routing",
         3,
         {{EvidenceKind::kCourse, "C101"}, {EvidenceKind::kCertificate, "cert.1x.net.mid"}}},
        {"common.english", 2, {}}};
    g.certificates = {"cert.1x.net.mid"};
    g.preferred_districts = {"Nanshan", "Bao'an"};
    g.preferred_clusters = {"ict"};
    g.seeking = false;
    return g;
}

inline Employer sample_employer() {
    return {"emp.001", "Pengcheng Networks", "ict", "Futian", "assoc.ict"};
}

inline Job sample_job() {
    Job j;
    j.id = "job-1";
    j.employer_id = "emp.001";
    j.title = "Network engineer \"junior\", 网络工程师";
    j.cluster = "ict";
    j.district = "Futian";
    j.headcount = 3;
    j.min_education = EducationLevel::kHigherVocational;
    j.required_certificates = {"cert.1x.net.mid"};
    j.valid_until = "2026-02-28";
    j.requirements = {{"ict.net.routing", 3, 8, true}, {"common.english", 2, 3, false}};
    return j;
}

inline KnownIds sample_known() {
    KnownIds known;
    known.skills = {"ict.net.routing", "common.english"};
    known.certificates = {"cert.1x.net.mid"};
    known.institutions = {"szpt"};
    known.programs = {"szpt.510202", "other.510202"};
    known.program_institution = {{"szpt.510202", "szpt"}, {"other.510202", "other"}};
    known.employers = {"emp.001"};
    return known;
}

}  // namespace talentmatch::testing
