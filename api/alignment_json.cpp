#include "api/alignment_json.hpp"

#include "api/plain_sentence.hpp"

namespace talentmatch::api {

nlohmann::json alignment_json(const matcher::Snapshot& s, const matcher::ProgramAlignment& a,
                              Lang lang) {
    nlohmann::json shortfalls = nlohmann::json::array();
    for (const auto& sf : a.top_shortfalls) {
        shortfalls.push_back({{"skill_id", sf.skill_id},
                              {"skill_name", skill_name(s, sf.skill_id, lang)},
                              {"shortfall", sf.shortfall},
                              {"openings", sf.openings}});
    }
    return {{"openings", a.openings},
            {"aligned_openings", a.aligned_openings},
            {"eligible_openings", a.eligible_openings},
            {"aligned_share", a.aligned_share},
            {"mean_coverage", a.mean_coverage},
            {"top_shortfalls", std::move(shortfalls)}};
}

}  // namespace talentmatch::api
