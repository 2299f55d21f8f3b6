#include "store/plain_checks.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "models/field_rules.hpp"
#include "models/limits.hpp"
#include "models/rule_checker.hpp"

namespace talentmatch::store {
namespace {

bool known_ref(const std::string& value, const std::unordered_set<std::string>& known) {
    return !value.empty() && known.contains(value);
}

// The graduate's program is one of its own institution's (models/validation.cpp).
bool own_program(const Graduate& value, const KnownIds& known) {
    const auto owner = known.program_institution.find(value.program_id);
    return owner == known.program_institution.end() || owner->second == value.institution_id;
}

bool short_enough(const std::string& value, std::size_t max) {
    return value.size() <= max || detail::utf8_length(value) <= max;
}

bool education_ok(EducationLevel level) {
    const int v = static_cast<int>(level);
    return v >= 0 && v < kEducationLevelCount;
}

// No repeated string among keys (sorted copies of views: no allocation per key).
template <class Items, class Key>
bool distinct(const Items& items, Key key, std::vector<std::string_view>& scratch) {
    scratch.clear();
    for (const auto& item : items) scratch.push_back(key(item));
    std::sort(scratch.begin(), scratch.end());
    return std::adjacent_find(scratch.begin(), scratch.end()) == scratch.end();
}

bool references_ok(const std::vector<std::string>& ids,
                   const std::unordered_set<std::string>& known,
                   std::vector<std::string_view>& scratch) {
    if (ids.size() > kMaxListLength) return false;
    for (const std::string& id : ids) {
        if (!known_ref(id, known)) return false;
    }
    return distinct(
        ids, [](const std::string& s) { return std::string_view(s); }, scratch);
}

bool labels_ok(const std::vector<std::string>& labels) {
    if (labels.size() > kMaxListLength) return false;
    return std::all_of(labels.begin(), labels.end(), [](const std::string& label) {
        return !label.empty() && short_enough(label, kMaxNameLength);
    });
}

}  // namespace

bool plainly_valid(const Job& value, const KnownIds& known) {
    thread_local std::vector<std::string_view> scratch;
    if (!is_valid_id(value.id) || !known_ref(value.employer_id, known.employers) ||
        !short_enough(value.title, kMaxNameLength) ||
        !short_enough(value.cluster, kMaxNameLength) ||
        !short_enough(value.district, kMaxNameLength) || value.headcount < 1 ||
        !education_ok(value.min_education) ||
        !references_ok(value.required_certificates, known.certificates, scratch) ||
        (!value.valid_until.empty() && !detail::is_valid_date(value.valid_until))) {
        return false;
    }
    if (value.requirements.empty() || value.requirements.size() > kMaxListLength) return false;
    for (const Requirement& r : value.requirements) {
        if (!known_ref(r.skill_id, known.skills) || r.level < kMinRequiredLevel ||
            r.level > kMaxLevel || r.weight < kMinWeight || r.weight > kMaxWeight) {
            return false;
        }
    }
    return distinct(
        value.requirements, [](const Requirement& r) { return std::string_view(r.skill_id); },
        scratch);
}

bool plainly_valid(const Graduate& value, const KnownIds& known) {
    thread_local std::vector<std::string_view> scratch;
    if (!is_valid_id(value.id) || !known_ref(value.institution_id, known.institutions) ||
        !known_ref(value.program_id, known.programs) || !own_program(value, known) ||
        value.graduation_year < kMinGraduationYear || value.graduation_year > kMaxGraduationYear ||
        !education_ok(value.education_level) || value.skills.size() > kMaxListLength) {
        return false;
    }
    for (const GraduateSkill& s : value.skills) {
        if (!known_ref(s.skill_id, known.skills) || s.level < kMinLevel || s.level > kMaxLevel ||
            s.evidence.size() > kMaxListLength) {
            return false;
        }
        for (const Evidence& e : s.evidence) {
            const int kind = static_cast<int>(e.kind);
            if (kind < 0 || kind > 5 || !short_enough(e.ref, kMaxNameLength)) return false;
        }
    }
    if (!distinct(
            value.skills, [](const GraduateSkill& s) { return std::string_view(s.skill_id); },
            scratch)) {
        return false;
    }
    return references_ok(value.certificates, known.certificates, scratch) &&
           labels_ok(value.preferred_districts) && labels_ok(value.preferred_clusters);
}

}  // namespace talentmatch::store
