#include "api/plain_sentence.hpp"

#include <cmath>

namespace talentmatch::api {
namespace {

constexpr std::size_t kNamedSteps = 3;

std::string gate_text(const matcher::Snapshot& s, const matcher::FailedGate& g, Lang lang) {
    const bool zh = lang == Lang::kZh;
    switch (g.kind) {
        case matcher::GateKind::kMustHaveSkill:
            return zh ? "必备技能 " + skill_name(s, g.id, lang) + " 需 " + std::to_string(g.needs) +
                            " 级，现为 " + std::to_string(g.has) + " 级"
                      : "must-have " + skill_name(s, g.id, lang) + " needs level " +
                            std::to_string(g.needs) + ", has " + std::to_string(g.has);
        case matcher::GateKind::kMissingCertificate:
            return zh ? "缺少证书 " + g.id : "missing certificate " + g.id;
        case matcher::GateKind::kEducationBelowMinimum:
            return zh ? "学历低于要求" : "education below the minimum";
        default:
            return zh ? "岗位已过有效期（" + g.id + "）" : "the job expired on " + g.id;
    }
}

}  // namespace

int coverage_percent(double coverage) {
    return static_cast<int>(std::lround(coverage * 100.0));
}

const std::string& skill_name(const matcher::Snapshot& s, const std::string& skill_id, Lang lang) {
    const auto index = s.skills.find(skill_id);
    if (!index) return skill_id;
    const std::string& zh = s.skill_name_zh[*index];
    const std::string& en = s.skill_name_en[*index];
    const std::string& first = lang == Lang::kZh ? zh : en;
    if (!first.empty()) return first;
    const std::string& second = lang == Lang::kZh ? en : zh;
    return second.empty() ? skill_id : second;
}

std::string plain_sentence(const matcher::Snapshot& s, const matcher::Explanation& e, Lang lang) {
    const bool zh = lang == Lang::kZh;
    std::string title = e.job_id;
    if (const auto job = s.jobs.ids.find(e.job_id); job && !s.jobs.title[*job].empty()) {
        title = s.jobs.title[*job];
    }
    std::string out;
    if (!e.eligible && !e.failed_gates.empty()) {
        out += zh ? "暂不符合条件（" : "Not eligible yet (";
        for (std::size_t i = 0; i < e.failed_gates.size(); ++i) {
            if (i > 0) out += zh ? "；" : "; ";
            out += gate_text(s, e.failed_gates[i], lang);
        }
        out += zh ? "）。" : "). ";
    }
    const std::string percent = std::to_string(coverage_percent(e.coverage));
    out += zh ? "满足「" + title + "」要求的 " + percent + "%"
              : "Covers " + percent + " % of what " + title + " asks";
    if (e.learning_plan.empty()) {
        out += zh ? "，无需补充技能。" : "; nothing left to learn for it.";
        return out;
    }
    out += zh ? "；还需将 " : "; learn ";
    const std::size_t named = std::min(kNamedSteps, e.learning_plan.size());
    for (std::size_t i = 0; i < named; ++i) {
        const auto& step = e.learning_plan[i];
        if (i > 0) out += zh ? "、" : (i + 1 == named ? " and " : ", ");
        out += skill_name(s, step.skill_id, lang);
        out += zh ? " 提升到 " + std::to_string(step.required_level) + " 级"
                  : " to level " + std::to_string(step.required_level);
    }
    if (const std::size_t more = e.learning_plan.size() - named; more > 0) {
        out +=
            zh ? "（另有 " + std::to_string(more) + " 项技能）"
               : " (and " + std::to_string(more) + (more == 1 ? " more skill)" : " more skills)");
    }
    out += zh ? "。" : ".";
    return out;
}

}  // namespace talentmatch::api
