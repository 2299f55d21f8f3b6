#include "models/skill_references.hpp"

#include <algorithm>

#include "models/skill_search.hpp"
#include "models/validation.hpp"

namespace talentmatch {
namespace {

constexpr std::size_t kSuggestions = 3;

std::string quoted(const std::string& text) {
    return "\"" + text + "\"";
}

std::string describe(const Skill& s) {
    std::string names = s.name_zh;
    if (!s.name_en.empty()) names += (names.empty() ? "" : " / ") + s.name_en;
    return quoted(s.id) + (names.empty() ? "" : " (" + names + ")");
}

std::string list(const std::vector<const Skill*>& skills) {
    std::string out;
    for (std::size_t i = 0; i < skills.size() && i < kSuggestions; ++i)
        out += (i ? ", " : "") + describe(*skills[i]);
    return out;
}

template <class Entry>
void resolve_all(std::vector<Entry>& entries, const std::string& list_name,
                 const SkillDirectory& directory, std::vector<SkillResolution>& resolved,
                 std::vector<FieldError>& errors) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::string& ref = entries[i].skill_id;
        if (ref.empty() || directory.is_id(ref)) continue;  // empty: validation names it
        const std::string path = join_path(index_path(list_name, i), "skill_id");
        auto found = directory.lookup(ref);
        if (found.skill_id) {
            resolved.push_back({path, ref, *found.skill_id});
            ref = std::move(*found.skill_id);
        } else {
            errors.push_back({path, std::move(found.error)});
        }
    }
}

}  // namespace

SkillDirectory::SkillDirectory(std::vector<Skill> skills) : skills_(std::move(skills)) {
    std::sort(skills_.begin(), skills_.end(),
              [](const Skill& a, const Skill& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < skills_.size(); ++i) {
        const Skill& s = skills_[i];
        ids_.insert(s.id);
        std::vector<std::string> texts = {s.id, s.name_zh, s.name_en};
        texts.insert(texts.end(), s.aliases.begin(), s.aliases.end());
        for (const auto& t : texts) {
            const std::string folded = fold_skill_text(t);
            if (folded.empty()) continue;
            auto& hits = exact_[folded];
            if (hits.empty() || hits.back() != i) hits.push_back(i);
        }
    }
}

SkillDirectory::Lookup SkillDirectory::lookup(const std::string& text) const {
    const std::string folded = fold_skill_text(text);
    if (const auto it = exact_.find(folded); it != exact_.end() && !folded.empty()) {
        if (it->second.size() == 1) return {skills_[it->second.front()].id, ""};
        std::vector<const Skill*> all;
        for (const std::size_t i : it->second) all.push_back(&skills_[i]);
        return {std::nullopt, "skill " + quoted(text) + " is ambiguous: it names " +
                                  std::to_string(all.size()) +
                                  " skills, give the id of one: " + list(all)};
    }
    // Not an exact match: the best partial matches, by search_skills' rank.
    std::vector<std::pair<int, std::size_t>> hits;
    if (!folded.empty()) {
        for (std::size_t i = 0; i < skills_.size(); ++i) {
            const int rank = skill_match_rank(skills_[i], folded);
            if (rank < 3) hits.emplace_back(rank, i);
        }
    }
    std::stable_sort(hits.begin(), hits.end());  // rank, then id (skills_ is in id order)
    std::vector<const Skill*> best;
    for (const auto& [rank, i] : hits) best.push_back(&skills_[i]);
    return {std::nullopt, "unknown skill " + quoted(text) +
                              (best.empty() ? ": no skill id, name or alias contains it"
                                            : "; did you mean " + list(best) + "?")};
}

void resolve_skill_references(Program& item, const SkillDirectory& directory,
                              std::vector<SkillResolution>& resolved,
                              std::vector<FieldError>& errors) {
    resolve_all(item.curriculum, "curriculum", directory, resolved, errors);
}

void resolve_skill_references(Graduate& item, const SkillDirectory& directory,
                              std::vector<SkillResolution>& resolved,
                              std::vector<FieldError>& errors) {
    resolve_all(item.skills, "skills", directory, resolved, errors);
}

void resolve_skill_references(Job& item, const SkillDirectory& directory,
                              std::vector<SkillResolution>& resolved,
                              std::vector<FieldError>& errors) {
    resolve_all(item.requirements, "requirements", directory, resolved, errors);
}

}  // namespace talentmatch
