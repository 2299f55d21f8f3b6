#include "models/skill_search.hpp"

#include <algorithm>
#include <tuple>

namespace talentmatch {
namespace {

int rank_in(std::string_view field, const std::string& q) {
    const std::string f = fold_skill_text(field);
    if (f == q) return 0;
    if (f.starts_with(q)) return 1;
    return f.find(q) != std::string::npos ? 2 : 3;
}

}  // namespace

std::string fold_skill_text(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return "";
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

int skill_match_rank(const Skill& s, const std::string& q) {
    int best = std::min({rank_in(s.id, q), rank_in(s.name_zh, q), rank_in(s.name_en, q)});
    for (const auto& alias : s.aliases) best = std::min(best, rank_in(alias, q));
    return best;
}

std::vector<Skill> search_skills(std::vector<Skill> skills, std::string_view q, std::size_t limit) {
    const std::string needle = fold_skill_text(q);
    std::vector<std::pair<int, std::size_t>> hits;  // (rank, index)
    for (std::size_t i = 0; i < skills.size(); ++i) {
        const int rank = skill_match_rank(skills[i], needle);
        if (rank < 3) hits.emplace_back(rank, i);
    }
    std::sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
        return std::tie(a.first, skills[a.second].id) < std::tie(b.first, skills[b.second].id);
    });
    std::vector<Skill> out;
    for (std::size_t k = 0; k < hits.size() && k < limit; ++k) {
        out.push_back(std::move(skills[hits[k].second]));
    }
    return out;
}

}  // namespace talentmatch
