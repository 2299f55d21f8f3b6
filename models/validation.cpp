#include "models/validation.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <unordered_map>

#include "models/limits.hpp"
#include "models/rule_checker.hpp"

namespace talentmatch {

using detail::LazyPath;
using detail::RuleChecker;

namespace {

// One entity's check: the rules broken go to `check`; references are looked
// up in `known` (null for the kinds that refer to nothing).
struct Checking {
    RuleChecker& check;
    const KnownIds* known;
};

const std::unordered_set<std::string>& known_ids(const Checking& c, Refers refers) {
    if (c.known == nullptr) throw std::logic_error("a reference checked without known ids");
    switch (refers) {
        case Refers::kSkill:
            return c.known->skills;
        case Refers::kCertificate:
            return c.known->certificates;
        case Refers::kInstitution:
            return c.known->institutions;
        case Refers::kProgram:
            return c.known->programs;
        case Refers::kEmployer:
            return c.known->employers;
        case Refers::kNothing:
            break;
    }
    throw std::logic_error("a reference rule that names no kind");
}

std::string_view refers_word(Refers refers) {
    switch (refers) {
        case Refers::kSkill:
            return "skill";
        case Refers::kCertificate:
            return "certificate";
        case Refers::kInstitution:
            return "institution";
        case Refers::kProgram:
            return "program";
        case Refers::kEmployer:
            return "employer";
        case Refers::kNothing:
            break;
    }
    return "value";
}

void check_text(const Checking& c, const LazyPath& path, const std::string& value,
                const FieldRules& rules) {
    switch (rules.text) {
        case Text::kId:
            if (rules.refers != Refers::kNothing) {
                if (rules.may_be_empty && value.empty()) return;
                c.check.reference(path, value, known_ids(c, rules.refers),
                                  refers_word(rules.refers));
            } else if (rules.required || !value.empty()) {
                c.check.id(path, value);
            }
            return;
        case Text::kDate:
            if (rules.required && value.empty()) {
                c.check.add(path, "is required (a date YYYY-MM-DD)");
            } else {
                c.check.optional_date(path, value);
            }
            return;
        case Text::kPlain:
            if (rules.not_empty && value.empty()) c.check.add(path, "must not be empty");
            c.check.text(path, value, rules.max_length);
            return;
    }
}

// For each item, the index of the first earlier item with the same key, or
// npos; empty when every key is distinct (the usual case: nothing allocated
// but a reused scratch list).
constexpr std::size_t kNone = std::string::npos;
template <class Items, class Key>
std::vector<std::size_t> earlier_duplicates(const Items& items, Key key) {
    thread_local std::vector<std::string_view> sorted;
    sorted.clear();
    for (const auto& item : items) sorted.push_back(key(item));
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) return {};
    std::vector<std::size_t> first(items.size(), kNone);
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto [at, inserted] = seen.emplace(key(items[i]), i);
        if (!inserted) first[i] = at->second;
    }
    return first;
}

// The key of N's `unique` field (an id text), for lists of N.
template <Described N>
std::string_view unique_key(const N& item) {
    std::string_view key;
    for_each_field<N>([&](const auto& field) {
        using V = typename std::decay_t<decltype(field)>::Value;
        if constexpr (std::is_same_v<V, std::string>) {
            if (field.rules.unique) key = item.*field.member;
        }
    });
    return key;
}

template <Described N>
constexpr bool has_unique_field() {
    bool found = false;
    for_each_field<N>([&](const auto& field) { found = found || field.rules.unique; });
    return found;
}

template <Described T>
void check_fields(const Checking& c, const T& value, const LazyPath& at,
                  std::size_t duplicate_of = kNone);

template <class V>
void check_value(const Checking& c, const LazyPath& path, const V& value, const FieldRules& rules) {
    if constexpr (std::is_same_v<V, std::string>) {
        check_text(c, path, value, rules);
    } else if constexpr (std::is_same_v<V, int>) {
        if (rules.max != FieldRules::kNoGreatest) {
            c.check.range(path, value, rules.min, rules.max);
        } else if (rules.min != FieldRules::kNoLeast) {
            c.check.at_least(path, value, rules.min);
        }
    } else if constexpr (WireEnum<V>) {
        c.check.range(path, static_cast<int>(value), 0,
                      static_cast<int>(WireNames<V>::names.size()) - 1);
    } else if constexpr (std::is_same_v<V, bool>) {
        // any value
    } else {
        static_assert(kIsVector<V>, "a field type entity_description.hpp does not list");
        using Item = typename V::value_type;
        c.check.min_items(path, value.size(), rules.min_items);
        c.check.list_length(path, value.size(), kMaxListLength);
        if constexpr (std::is_same_v<Item, std::string>) {
            const auto earlier =
                rules.unique ? earlier_duplicates(
                                   value, [](const std::string& s) { return std::string_view(s); })
                             : std::vector<std::size_t>{};
            for (std::size_t i = 0; i < value.size(); ++i) {
                const LazyPath item = path.item(i);
                check_text(c, item, value[i], rules);
                if (!earlier.empty() && earlier[i] != kNone) {
                    c.check.duplicate(item, value[i], earlier[i], refers_word(rules.refers));
                }
            }
        } else {
            const auto earlier = has_unique_field<Item>()
                                     ? earlier_duplicates(value, unique_key<Item>)
                                     : std::vector<std::size_t>{};
            for (std::size_t i = 0; i < value.size(); ++i) {
                check_fields(c, value[i], path.item(i), earlier.empty() ? kNone : earlier[i]);
            }
        }
    }
}

// Every rule of T's Description, field by field in wire order. `duplicate_of`:
// T is an item of a list and an earlier item holds its `unique` value.
// after(name) runs after field `name`'s rules (rules across fields).
template <Described T, class After>
void check_fields(const Checking& c, const T& value, const LazyPath& at, std::size_t duplicate_of,
                  After after) {
    for_each_field<T>([&](const auto& field) {
        const LazyPath path = at.field(field.name);
        const auto& v = value.*field.member;
        check_value(c, path, v, field.rules);
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
            if (field.rules.unique && duplicate_of != kNone) {
                c.check.duplicate(path, v, duplicate_of, refers_word(field.rules.refers));
            }
        }
        after(field.name, path);
    });
}

template <Described T>
void check_fields(const Checking& c, const T& value, const LazyPath& at, std::size_t duplicate_of) {
    check_fields(c, value, at, duplicate_of, [](std::string_view, const LazyPath&) {});
}

template <Described T>
std::vector<FieldError> check_entity(const T& value, const KnownIds* known,
                                     const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    check_fields(Checking{check, known}, value, LazyPath(path));
    return errors;
}

}  // namespace

std::vector<FieldError> validate(const Skill& value, const std::string& path) {
    return check_entity(value, nullptr, path);
}

std::vector<FieldError> validate(const Certificate& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

std::vector<FieldError> validate(const Institution& value, const std::string& path) {
    return check_entity(value, nullptr, path);
}

std::vector<FieldError> validate(const Program& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

namespace {

// A graduate's or a course's program is one of its own institution's.
template <class T>
std::vector<FieldError> check_with_own_program(const T& value, const KnownIds& known,
                                               const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    // Across fields: the program is one of the graduate's own institution's.
    const auto own_program = [&](std::string_view name, const LazyPath& at) {
        if (name != "program_id") return;
        const auto owner = known.program_institution.find(value.program_id);
        if (owner != known.program_institution.end() && owner->second != value.institution_id) {
            check.add(at, "program \"" + value.program_id + "\" belongs to institution \"" +
                              owner->second + "\", not \"" + value.institution_id + "\"");
        }
    };
    check_fields(Checking{check, &known}, value, LazyPath(path), kNone, own_program);
    return errors;
}

}  // namespace

std::vector<FieldError> validate(const Graduate& value, const KnownIds& known,
                                 const std::string& path) {
    return check_with_own_program(value, known, path);
}

std::vector<FieldError> validate(const Employer& value, const std::string& path) {
    return check_entity(value, nullptr, path);
}

std::vector<FieldError> validate(const Job& value, const KnownIds& known, const std::string& path) {
    return check_entity(value, &known, path);
}

std::vector<FieldError> validate(const Placement& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

std::vector<FieldError> validate(const Teacher& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

std::vector<FieldError> validate(const Project& value, const KnownIds& known,
                                 const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    // Across fields: ISO dates compare as text (a malformed one is refused by its own rule).
    const auto ends_after_start = [&](std::string_view name, const LazyPath& at) {
        if (name != "end_date" || !detail::is_valid_date(value.start_date) ||
            !detail::is_valid_date(value.end_date)) {
            return;
        }
        if (value.end_date < value.start_date) {
            check.add(at, "must not be before start_date \"" + value.start_date + "\", got \"" +
                              value.end_date + "\"");
        }
    };
    check_fields(Checking{check, &known}, value, LazyPath(path), kNone, ends_after_start);
    return errors;
}

std::vector<FieldError> validate(const InnovationDemand& value, const KnownIds& known,
                                 const std::string& path) {
    std::vector<FieldError> errors;
    RuleChecker check(errors);
    // Across fields: submitted for an employer or by an association, exactly
    // one; an association's own demand states its cluster.
    const bool employer = !value.employer_id.empty(), association = !value.association_id.empty();
    const auto one_submitter = [&](std::string_view name, const LazyPath& at) {
        if (name == "association_id" && employer == association) {
            check.add(at, employer ? "give employer_id or association_id, not both"
                                   : "give employer_id (an enterprise's demand) or "
                                     "association_id (an association's own)");
        } else if (name == "cluster" && association && !employer && value.cluster.empty()) {
            check.add(at, "is required when an association submits the demand on its own");
        }
    };
    check_fields(Checking{check, &known}, value, LazyPath(path), kNone, one_submitter);
    return errors;
}

std::vector<FieldError> validate(const ResearchResult& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

std::vector<FieldError> validate(const OccupationalStandard& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

std::vector<FieldError> validate(const Course& value, const KnownIds& known,
                                 const std::string& path) {
    return check_with_own_program(value, known, path);
}

std::vector<FieldError> validate(const TrainingProgram& value, const KnownIds& known,
                                 const std::string& path) {
    return check_entity(value, &known, path);
}

}  // namespace talentmatch
