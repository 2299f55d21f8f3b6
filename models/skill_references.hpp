#pragma once
// Skill references in bulk input that are not skill ids (SPEC: aliases "used
// to resolve what people type"; issue 14). Before an item is validated, each
// of its skill references (program curriculum[i].skill_id, graduate
// skills[i].skill_id, job requirements[i].skill_id) that is not a known id is
// looked up by the matching rule of skill_search.hpp:
//   - exactly one skill matches exactly (its id, a name or an alias equals
//     the text, case-insensitively, either language): the reference is
//     rewritten to that skill's id and the rewrite is reported;
//   - several skills match exactly (ambiguous), or none does: the item gets
//     a FieldError at the reference's path naming up to 3 suggestions (the
//     exact matches, else search_skills' best), and is not written.
// Other kinds carry no skill references and are left as they are. Pure
// functions over an immutable directory; thread-safe.
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "models/entities.hpp"
#include "models/field_error.hpp"

namespace talentmatch {

// One reference rewritten: at `path` ("requirements[2].skill_id"), the
// text `given` became `skill_id`.
struct SkillResolution {
    std::string path, given, skill_id;
};

// The skills references are resolved against (what the store holds).
class SkillDirectory {
  public:
    explicit SkillDirectory(std::vector<Skill> skills);

    bool is_id(const std::string& text) const { return ids_.count(text) > 0; }

    // The outcome for a text that is not an id: the id it resolves to, or
    // the error message (with suggestions).
    struct Lookup {
        std::optional<std::string> skill_id;
        std::string error;
    };
    Lookup lookup(const std::string& text) const;

  private:
    std::vector<Skill> skills_;  // id order
    std::unordered_set<std::string> ids_;
    // folded exact text (id, names, aliases) -> indices of skills having it
    std::unordered_map<std::string, std::vector<std::size_t>> exact_;
};

// Resolves the skill references of `item` in place (see above): appends the
// rewrites to `resolved` and the failures to `errors` (paths relative to the
// item). Every kind has an overload; those without skill references do nothing.
void resolve_skill_references(Program& item, const SkillDirectory& directory,
                              std::vector<SkillResolution>& resolved,
                              std::vector<FieldError>& errors);
void resolve_skill_references(Graduate& item, const SkillDirectory& directory,
                              std::vector<SkillResolution>& resolved,
                              std::vector<FieldError>& errors);
void resolve_skill_references(Job& item, const SkillDirectory& directory,
                              std::vector<SkillResolution>& resolved,
                              std::vector<FieldError>& errors);
template <class T>
void resolve_skill_references(T&, const SkillDirectory&, std::vector<SkillResolution>&,
                              std::vector<FieldError>&) {}

// The kinds that refer to skills (and so have something to resolve).
template <class T>
inline constexpr bool kHasSkillReferences =
    std::is_same_v<T, Program> || std::is_same_v<T, Graduate> || std::is_same_v<T, Job>;

}  // namespace talentmatch
