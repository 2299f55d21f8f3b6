#include "api/explanation_json.hpp"

#include "api/plain_sentence.hpp"

namespace talentmatch::api {

using nlohmann::json;

json explanation_json(const matcher::Snapshot& s, const matcher::Explanation& e, Lang lang) {
    json gates = json::array();
    for (const auto& g : e.failed_gates) {
        json gate = {{"kind", matcher::to_string(g.kind)}, {"id", g.id}, {"message", g.message}};
        if (g.kind == matcher::GateKind::kMustHaveSkill)
            gate["skill_name"] = skill_name(s, g.id, lang);
        gates.push_back(std::move(gate));
    }
    json contributions = json::array();
    for (const auto& c : e.contributions) {
        contributions.push_back({{"skill_id", c.skill_id},
                                 {"skill_name", skill_name(s, c.skill_id, lang)},
                                 {"required_level", c.required_level},
                                 {"weight", c.weight},
                                 {"must_have", c.must_have},
                                 {"has_level", c.has_level},
                                 {"contribution", c.contribution},
                                 {"maximum", c.maximum},
                                 {"evidenced_by", c.evidenced_by}});
    }
    json plan = json::array();
    for (const auto& g : e.learning_plan) {
        plan.push_back({{"skill_id", g.skill_id},
                        {"skill_name", skill_name(s, g.skill_id, lang)},
                        {"has_level", g.has_level},
                        {"required_level", g.required_level},
                        {"gap", g.gap},
                        {"weight", g.weight},
                        {"weighted_gap", g.weighted_gap},
                        {"must_have", g.must_have}});
    }
    return {{"candidate_id", e.candidate_id},
            {"job_id", e.job_id},
            {"eligible", e.eligible},
            {"coverage", e.coverage},
            {"coverage_percent", coverage_percent(e.coverage)},
            {"lang", to_string(lang)},
            {"sentence", plain_sentence(s, e, lang)},
            {"relevance", e.relevance},
            {"fit", e.fit},
            {"failed_gates", std::move(gates)},
            {"contributions", std::move(contributions)},
            {"learning_plan", std::move(plan)}};
}

}  // namespace talentmatch::api
