#include "matcher/snapshot/connection_snapshot.hpp"

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "models/entity_kind.hpp"
#include "models/entity_registry.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {

namespace {

using Rename = std::pair<std::string_view, std::string_view>;

// How a kind's fields are named where the builder names a graduate's or a
// job's ("graduates[t-1].skills" is "teachers[t-1].expertise").
template <class T>
struct FieldNames;
template <>
struct FieldNames<Teacher> {
    static constexpr std::array<Rename, 1> fields{{{"skills", "expertise"}}};
};
template <>
struct FieldNames<ResearchResult> {
    static constexpr std::array<Rename, 1> fields{{{"skills", "profile"}}};
};
template <>
struct FieldNames<Project> {
    static constexpr std::array<Rename, 2> fields{
        {{"valid_until", "end_date"}, {"headcount", "team_size"}}};
};
template <>
struct FieldNames<InnovationDemand> {
    static constexpr std::array<Rename, 0> fields{};
};
template <>
struct FieldNames<OccupationalStandard> {
    static constexpr std::array<Rename, 0> fields{};
};
template <>
struct FieldNames<TrainingProgram> {
    static constexpr std::array<Rename, 0> fields{};
};

// Runs add(); a ValidationError's paths are renamed from the graduate's or
// job's ("graduates[") to T's ("teachers[").
template <class T, class Add>
void with_paths_of(std::string_view from, Add add) {
    try {
        add();
    } catch (ValidationError& e) {
        const std::string to = std::string(to_string(kind_of<T>())) + "[";
        std::vector<FieldError> errors = e.errors();
        for (FieldError& error : errors) {
            if (error.path.rfind(from, 0) == 0) error.path.replace(0, from.size(), to);
            for (const auto& [field, as] : FieldNames<T>::fields) {
                const std::string dot = "]." + std::string(field);
                if (const auto at = error.path.find(dot); at != std::string::npos) {
                    error.path.replace(at + 2, field.size(), as);
                }
            }
        }
        throw ValidationError(std::move(errors));
    }
}

Graduate candidate_of(const std::string& id, const std::string& institution_id,
                      const std::vector<SkillLevel>& profile, bool available) {
    Graduate g;
    g.id = id;
    g.institution_id = institution_id;
    g.education_level = EducationLevel::kSecondaryVocational;  // demands ask for none
    g.skills.reserve(profile.size());
    for (const SkillLevel& s : profile) g.skills.push_back({s.skill_id, s.level, {}});
    g.seeking = available;
    return g;
}

Job demand_of(const std::string& id, const std::string& employer_id, const std::string& title,
              const Employer* employer) {
    Job j;
    j.id = id;
    j.employer_id = employer_id;
    j.title = title;
    if (employer) {
        j.cluster = employer->cluster;
        j.district = employer->district;
    }
    j.min_education = EducationLevel::kSecondaryVocational;
    return j;
}

}  // namespace

Graduate as_candidate(const Teacher& teacher) {
    return candidate_of(teacher.id, teacher.institution_id, teacher.expertise, teacher.available);
}

Graduate as_candidate(const ResearchResult& result) {
    Graduate g = candidate_of(result.id, result.institution_id, result.profile, result.available);
    g.graduation_year = result.readiness_level;  // year_or_cohort: MatchFilter::min_year_or_cohort
    return g;
}

Graduate as_candidate(const TrainingProgram& program) {
    Graduate g =
        candidate_of(program.id, program.institution_id, program.skills, program.capacity > 0);
    g.education_level = EducationLevel::kMaster;  // the trainees' own, not the program's
    g.certificates = program.certificates;
    return g;
}

Job as_demand(const Project& project, const Employer* employer) {
    Job j = demand_of(project.id, project.employer_id, project.title, employer);
    j.headcount = project.team_size;
    j.valid_until = project.end_date;
    j.requirements = project.requirements;
    return j;
}

Job as_demand(const InnovationDemand& demand, const Employer* employer) {
    Job j = demand_of(demand.id, demand.employer_id, demand.title, employer);
    if (!demand.cluster.empty()) j.cluster = demand.cluster;
    j.headcount = 1;
    j.valid_until = demand.valid_until;
    j.requirements = demand.requirements;
    return j;
}

Job as_demand(const OccupationalStandard& standard) {
    Job j = demand_of(standard.id, "",
                      standard.name_zh.empty() ? standard.name_en : standard.name_zh, nullptr);
    j.headcount = 1;
    j.requirements = standard.requirements;
    return j;
}

void ProgramStandardSnapshotBuilder::add_standard(const OccupationalStandard& standard) {
    with_paths_of<OccupationalStandard>("jobs[", [&] { builder_.add_job(as_demand(standard)); });
}

template <class Supply, class Demand>
void ConnectionSnapshotBuilder<Supply, Demand>::add_institution(const Institution& institution) {
    builder_.add_institution(institution);
}

template <class Supply, class Demand>
void ConnectionSnapshotBuilder<Supply, Demand>::add_employer(const Employer& employer) {
    builder_.add_employer(employer);
    employers_[employer.id] = employer;
}

template <class Supply, class Demand>
void ConnectionSnapshotBuilder<Supply, Demand>::add_supply(const Supply& supply) {
    with_paths_of<Supply>("graduates[", [&] { builder_.add_graduate(as_candidate(supply)); });
}

template <class Supply, class Demand>
void ConnectionSnapshotBuilder<Supply, Demand>::add_certificate(const Certificate& certificate) {
    builder_.add_certificate(certificate);
}

template <class Supply, class Demand>
void ConnectionSnapshotBuilder<Supply, Demand>::add_demand(const Demand& demand) {
    if constexpr (std::is_same_v<Demand, Job>) {
        builder_.add_job(demand);  // a job is its own demand profile
    } else {
        const auto employer = employers_.find(demand.employer_id);
        const Job job =
            as_demand(demand, employer == employers_.end() ? nullptr : &employer->second);
        if constexpr (requires { demand.association_id; }) {
            with_paths_of<Demand>("jobs[", [&] { builder_.add_job(job, demand.association_id); });
        } else {
            with_paths_of<Demand>("jobs[", [&] { builder_.add_job(job); });
        }
    }
}

template <class Supply, class Demand>
std::shared_ptr<const Snapshot> ConnectionSnapshotBuilder<Supply, Demand>::build() {
    employers_.clear();
    return builder_.build();
}

template class ConnectionSnapshotBuilder<Teacher, Project>;
template class ConnectionSnapshotBuilder<ResearchResult, InnovationDemand>;
template class ConnectionSnapshotBuilder<TrainingProgram, Job>;

}  // namespace talentmatch::matcher
