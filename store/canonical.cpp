#include "store/canonical.hpp"

#include <algorithm>

namespace talentmatch::store {
namespace {

void sort_unique(std::vector<std::string>& items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
}

template <class T>
void sort_by_skill(std::vector<T>& items) {
    std::stable_sort(items.begin(), items.end(),
                     [](const T& a, const T& b) { return a.skill_id < b.skill_id; });
}

}  // namespace

void canonicalize(Skill& value) {
    sort_unique(value.aliases);
}
void canonicalize(Certificate& value) {
    sort_by_skill(value.skills);
}
void canonicalize(Institution&) {}
void canonicalize(Employer&) {}

void canonicalize(Program& value) {
    sort_by_skill(value.curriculum);
    sort_unique(value.certificates);
}

void canonicalize(Job& value) {
    sort_by_skill(value.requirements);
    sort_unique(value.required_certificates);
}

void canonicalize(Teacher& value) {
    sort_by_skill(value.expertise);
}

void canonicalize(Project& value) {
    sort_by_skill(value.requirements);
}

void canonicalize(InnovationDemand& value) {
    sort_by_skill(value.requirements);
}

void canonicalize(ResearchResult& value) {
    sort_by_skill(value.profile);
}

void canonicalize(OccupationalStandard& value) {
    sort_by_skill(value.requirements);
}

void canonicalize(Course& value) {
    sort_by_skill(value.skills);
    sort_unique(value.certificates);
}

void canonicalize(TrainingProgram& value) {
    sort_by_skill(value.skills);
    sort_unique(value.certificates);
}

void canonicalize(Graduate& value) {
    sort_by_skill(value.skills);
    sort_unique(value.certificates);
    sort_unique(value.preferred_districts);
    sort_unique(value.preferred_clusters);
}

}  // namespace talentmatch::store
