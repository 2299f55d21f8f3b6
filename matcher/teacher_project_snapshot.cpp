#include "matcher/teacher_project_snapshot.hpp"

#include <string>
#include <utility>

#include "models/field_error.hpp"

namespace talentmatch::matcher {

namespace {

// The builder names a graduate's or job's field ("graduates[t-1].skills");
// the caller sent a teacher or a project ("teachers[t-1].expertise").
std::string renamed(std::string path, std::string_view from, std::string_view to) {
    if (path.rfind(from, 0) == 0) path.replace(0, from.size(), to);
    return path;
}

template <class Add>
void with_paths(std::string_view from, std::string_view to,
                std::initializer_list<std::pair<std::string_view, std::string_view>> fields,
                Add add) {
    try {
        add();
    } catch (ValidationError& e) {
        std::vector<FieldError> errors = e.errors();
        for (FieldError& error : errors) {
            error.path = renamed(std::move(error.path), from, to);
            for (const auto& [field, as] : fields) {
                const std::string dot = "]." + std::string(field);
                if (const auto at = error.path.find(dot); at != std::string::npos) {
                    error.path.replace(at + 2, field.size(), as);
                }
            }
        }
        throw ValidationError(std::move(errors));
    }
}

}  // namespace

Graduate as_candidate(const Teacher& teacher) {
    Graduate g;
    g.id = teacher.id;
    g.institution_id = teacher.institution_id;
    g.education_level = EducationLevel::kSecondaryVocational;  // projects ask for none
    g.skills.reserve(teacher.expertise.size());
    for (const SkillLevel& s : teacher.expertise) g.skills.push_back({s.skill_id, s.level, {}});
    g.seeking = teacher.available;
    return g;
}

Job as_demand(const Project& project, const Employer* employer) {
    Job j;
    j.id = project.id;
    j.employer_id = project.employer_id;
    j.title = project.title;
    if (employer) {
        j.cluster = employer->cluster;
        j.district = employer->district;
    }
    j.headcount = project.team_size;
    j.min_education = EducationLevel::kSecondaryVocational;
    j.valid_until = project.end_date;
    j.requirements = project.requirements;
    return j;
}

void TeacherProjectSnapshotBuilder::add_institution(const Institution& institution) {
    builder_.add_institution(institution);
}

void TeacherProjectSnapshotBuilder::add_employer(const Employer& employer) {
    builder_.add_employer(employer);
    employers_[employer.id] = employer;
}

void TeacherProjectSnapshotBuilder::add_teacher(const Teacher& teacher) {
    with_paths("graduates[", "teachers[", {{"skills", "expertise"}},
               [&] { builder_.add_graduate(as_candidate(teacher)); });
}

void TeacherProjectSnapshotBuilder::add_project(const Project& project) {
    const auto employer = employers_.find(project.employer_id);
    const Job job = as_demand(project, employer == employers_.end() ? nullptr : &employer->second);
    with_paths("jobs[", "projects[", {{"valid_until", "end_date"}, {"headcount", "team_size"}},
               [&] { builder_.add_job(job); });
}

std::shared_ptr<const Snapshot> TeacherProjectSnapshotBuilder::build() {
    employers_.clear();
    return builder_.build();
}

}  // namespace talentmatch::matcher
