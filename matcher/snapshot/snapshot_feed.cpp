#include "matcher/snapshot/snapshot_feed.hpp"

namespace talentmatch::matcher {

std::shared_ptr<const Snapshot>& SnapshotSet::operator[](SnapshotPart part) {
    switch (part) {
        case SnapshotPart::kMain:
            return main;
        case SnapshotPart::kTeachersProjects:
            return teachers_projects;
        case SnapshotPart::kResearchDemands:
            return research_demands;
        case SnapshotPart::kProgramsStandards:
            return programs_standards;
        case SnapshotPart::kTrainingJobs:
            break;
    }
    return training_jobs;
}

SnapshotFeed::SnapshotFeed(SnapshotParts parts) : parts_(parts) {}

void SnapshotFeed::put(const Skill& skill) {
    if (wants(SnapshotPart::kMain)) main_.add_skill(skill);
    if (wants(SnapshotPart::kTeachersProjects)) teachers_projects_.add_skill(skill);
    if (wants(SnapshotPart::kResearchDemands)) research_demands_.add_skill(skill);
    if (wants(SnapshotPart::kProgramsStandards)) programs_standards_.add_skill(skill);
    if (wants(SnapshotPart::kTrainingJobs)) training_jobs_.add_skill(skill);
}

void SnapshotFeed::put(const Certificate& certificate) {
    if (wants(SnapshotPart::kMain)) main_.add_certificate(certificate);
    if (wants(SnapshotPart::kProgramsStandards)) programs_standards_.add_certificate(certificate);
    if (wants(SnapshotPart::kTrainingJobs)) training_jobs_.add_certificate(certificate);
}

void SnapshotFeed::put(const Institution& institution) {
    if (wants(SnapshotPart::kMain)) main_.add_institution(institution);
    if (wants(SnapshotPart::kTeachersProjects)) teachers_projects_.add_institution(institution);
    if (wants(SnapshotPart::kResearchDemands)) research_demands_.add_institution(institution);
    if (wants(SnapshotPart::kProgramsStandards)) programs_standards_.add_institution(institution);
    if (wants(SnapshotPart::kTrainingJobs)) training_jobs_.add_institution(institution);
}

void SnapshotFeed::put(const Program& program) {
    if (wants(SnapshotPart::kMain)) main_.add_program(program);
    if (wants(SnapshotPart::kProgramsStandards)) programs_standards_.add_program(program);
}

void SnapshotFeed::put(const Employer& employer) {
    if (wants(SnapshotPart::kMain)) main_.add_employer(employer);
    if (wants(SnapshotPart::kTeachersProjects)) teachers_projects_.add_employer(employer);
    if (wants(SnapshotPart::kResearchDemands)) research_demands_.add_employer(employer);
    if (wants(SnapshotPart::kTrainingJobs)) training_jobs_.add_employer(employer);
}

void SnapshotFeed::put(const Job& job) {
    if (wants(SnapshotPart::kMain)) main_.add_job(job);
    if (wants(SnapshotPart::kTrainingJobs)) training_jobs_.add_demand(job);
}

void SnapshotFeed::put(const Graduate& graduate) {
    if (wants(SnapshotPart::kMain)) main_.add_graduate(graduate);
}

void SnapshotFeed::put(const Teacher& teacher) {
    if (wants(SnapshotPart::kTeachersProjects)) teachers_projects_.add_supply(teacher);
}

void SnapshotFeed::put(const Project& project) {
    if (wants(SnapshotPart::kTeachersProjects)) teachers_projects_.add_demand(project);
}

void SnapshotFeed::put(const InnovationDemand& demand) {
    if (wants(SnapshotPart::kResearchDemands)) research_demands_.add_demand(demand);
}

void SnapshotFeed::put(const ResearchResult& result) {
    if (wants(SnapshotPart::kResearchDemands)) research_demands_.add_supply(result);
}

void SnapshotFeed::put(const OccupationalStandard& standard) {
    if (wants(SnapshotPart::kProgramsStandards)) programs_standards_.add_standard(standard);
}

void SnapshotFeed::put(const Course& course) {
    if (wants(SnapshotPart::kMain)) main_.add_course(course);
    if (wants(SnapshotPart::kProgramsStandards)) programs_standards_.add_course(course);
}

void SnapshotFeed::put(const TrainingProgram& program) {
    if (wants(SnapshotPart::kMain)) main_.add_training_program(program);
    if (wants(SnapshotPart::kTrainingJobs)) training_jobs_.add_supply(program);
}

SnapshotSet SnapshotFeed::build() {
    SnapshotSet out;
    if (wants(SnapshotPart::kMain)) out.main = main_.build();
    if (wants(SnapshotPart::kTeachersProjects)) out.teachers_projects = teachers_projects_.build();
    if (wants(SnapshotPart::kResearchDemands)) out.research_demands = research_demands_.build();
    if (wants(SnapshotPart::kProgramsStandards)) {
        out.programs_standards = programs_standards_.build();
    }
    if (wants(SnapshotPart::kTrainingJobs)) out.training_jobs = training_jobs_.build();
    return out;
}

}  // namespace talentmatch::matcher
