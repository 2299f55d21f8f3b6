#include "batch/report_strings.hpp"

#include <array>

namespace talentmatch::batch {
namespace {

struct Entry {
    ReportText key;
    std::string_view en, zh;
};

using T = ReportText;

constexpr std::array<Entry, std::size_t(T::kCount)> kTexts = {{
    {T::kTitle, "talentmatch nightly report", "talentmatch 夜间批处理报告"},
    {T::kHeaderRun, "Run {run} · run date {date}", "第 {run} 次运行 · 运行日期 {date}"},
    {T::kHeaderHashes, "data {data} · taxonomy {taxonomy} · timings in run.json",
     "数据 {data} · 技能目录 {taxonomy} · 各阶段用时见 run.json"},
    {T::kOtherLanguage, "中文版", "English version"},
    {T::kAtAGlance, "At a glance", "概览"},
    {T::kKpiGraduates, "graduates", "毕业生"},
    {T::kKpiSeeking, "seeking work", "求职中"},
    {T::kKpiJobs, "jobs", "岗位"},
    {T::kKpiOpenings, "openings", "招聘人数"},
    {T::kKpiPrograms, "programs", "专业"},
    {T::kKpiPlaced, "placed by the assignment", "推荐分配已安置"},
    {T::kShortageHeading, "Skills in shortage", "紧缺技能"},
    {T::kShortageNote,
     "The skills labelled shortage with the most openings left unserved: openings that need the "
     "skill at its bottleneck level or higher, against seeking graduates at that level.",
     "被标为紧缺、且缺口最大的技能：需要该技能达到瓶颈等级及以上的招聘人数，对比达到该等级的求职毕"
     "业生人数。"},
    {T::kShortageNone, "No skill is in shortage.", "没有紧缺技能。"},
    {T::kShortageLabel, "{skill} (level {level})", "{skill}（{level} 级）"},
    {T::kLegendDemand, "demand (openings)", "需求（招聘人数）"},
    {T::kLegendSupply, "supply (seeking graduates at the level)", "供给（达到该等级的求职毕业生）"},
    {T::kLegendProjected, "projected (program cohorts per year)", "预计供给（各专业每年毕业人数）"},
    {T::kHeatmapHeading, "Supply and demand by industry cluster × skill category",
     "按产业集群 × 技能类别的供需"},
    {T::kHeatmapNote,
     "Each cell is supply ÷ demand over the openings of the cluster that need a skill of the "
     "category; below 1 means fewer graduates than openings.",
     "每格为供给 ÷ 需求，统计该集群中需要该类别技能的岗位；小于 1 表示毕业生少于岗位。"},
    {T::kHeatmapNone, "No demand recorded.", "没有需求记录。"},
    {T::kLegendShortage, "shortage", "紧缺"},
    {T::kLegendBalanced, "balanced", "平衡"},
    {T::kLegendSurplus, "surplus", "富余"},
    {T::kLegendNoDemand, "no demand", "无需求"},
    {T::kAlignmentHeading, "How well each program prepares for its cluster's jobs",
     "各专业与本集群岗位的对接程度"},
    {T::kAlignmentNote,
     "Each program's typical graduate (its curriculum profile) against the openings of its own "
     "industry cluster.",
     "以各专业的典型毕业生（课程培养的技能画像）对照本专业所属产业集群的岗位。"},
    {T::kAlignmentAll, "The chart shows all {n} programs.", "图中为全部 {n} 个专业。"},
    {T::kAlignmentSome,
     "The chart shows the best {best} and the worst {worst} of {n} programs; the table below "
     "lists every program.",
     "图中为 {n} 个专业中最好的 {best} 个和最差的 {worst} 个；下表列出全部专业。"},
    {T::kAlignmentAxis, "bar: aligned share of openings · mark: mean coverage",
     "条形：对口岗位占比 · 竖线：平均覆盖度"},
    {T::kAlignmentNone, "No programs.", "没有专业。"},
    {T::kTableRank, "#", "序号"},
    {T::kTableProgram, "program", "专业"},
    {T::kTableInstitution, "institution", "院校"},
    {T::kTableCluster, "cluster", "产业集群"},
    {T::kTableOpenings, "openings in cluster", "集群招聘人数"},
    {T::kTableAligned, "aligned share", "对口占比"},
    {T::kTableCoverage, "mean coverage", "平均覆盖度"},
    {T::kOutcomesHeading, "What became of the {year} graduates", "{year} 届毕业生去向"},
    {T::kOutcomesNote,
     "From the placements recorded: {placed} of {graduates} graduates placed ({rate}). A graduate "
     "counts once, by the latest placement; \"in own cluster\" is the share of the placed whose "
     "employer is in the program's cluster, beside the program's aligned share.",
     "按已登记的就业去向：{graduates} 名毕业生中 {placed} "
     "名已就业（{rate}）。每名毕业生只计一次，以"
     "最近一次去向为准；“本集群就业”为已就业者中用人单位属于本专业产业集群的占比，旁列该专业的对口"
     "占比。"},
    {T::kOutcomesNone, "No placements recorded for this year.", "本届尚无登记的就业去向。"},
    {T::kTableGraduates, "graduates", "毕业生"},
    {T::kTablePlaced, "placed", "已就业"},
    {T::kTableEmploymentRate, "employment rate", "就业率"},
    {T::kTableOwnCluster, "in own cluster", "本集群就业"},
    {T::kFunnelHeading, "From openings to placements", "从岗位到安置"},
    {T::kFunnelNote,
     "Openings → openings with an eligible graduate → with an acceptable pair (coverage at least "
     "the minimum) → filled by the recommended assignment.",
     "招聘人数 → 有符合条件毕业生的 → 有可接受配对（覆盖度不低于下限）的 → 被推荐分配填补的。"},
    {T::kFunnelOpenings, "openings", "招聘人数"},
    {T::kFunnelEligible, "eligible", "有合格者"},
    {T::kFunnelMatched, "matched", "有可接受配对"},
    {T::kFunnelPlaced, "placed", "已安置"},
    {T::kChecks,
     "Jobs past their valid-until date on {date}: {expired_jobs} ({expired_openings} openings), "
     "left out of every figure. Blocking pairs: {blocking} {checked}. Total score {weight}; a "
     "maximum-weight assignment scores at most {bound} (an upper bound, not the optimum).",
     "截至 {date} 已过有效期的岗位：{expired_jobs} 个（{expired_openings} "
     "人），不计入任何数字。阻塞对：{blocking} 个{checked}。总分 "
     "{weight}；最大权重分配的得分不超过 "
     "{bound}（上界，并非最优值）。"},
    {T::kChecksExact, "(every seeking graduate checked)", "（已检查全部求职毕业生）"},
    {T::kChecksSample, "(a sample of {n} seeking graduates checked)",
     "（抽样检查了 {n} 名求职毕业生）"},
    {T::kChangesHeading, "Changes since the previous run", "与上次运行相比的变化"},
    {T::kChangesFirst, "First run: nothing to compare with.", "首次运行：没有可比较的结果。"},
    {T::kChangesNew, "new shortages", "新增紧缺"},
    {T::kChangesResolved, "resolved shortages", "已缓解紧缺"},
    {T::kChangesBestMatch, "graduates whose best match changed", "最佳匹配发生变化的毕业生"},
    {T::kChangesFilled, "openings filled since", "此后新填补的岗位"},
    {T::kChangesUnfilled, "openings unfilled since", "此后空出的岗位"},
    {T::kTermsHeading, "Terms used in this report", "本报告用语说明"},
    {T::kTermBottleneck, "bottleneck level", "瓶颈等级"},
    {T::kTermBottleneckText,
     "Skill levels run from 1 (aware) to 5 (expert), and a graduate at a level can fill any "
     "opening asking that level or lower. The bottleneck level is the level at which graduates "
     "fall furthest short of the openings that need at least that level: the level to train for.",
     "技能等级从 1（了解）到 5（精通）；达到某等级的毕业生可胜任要求该等级及以下的岗位。"
     "瓶颈等级是毕业生相对于“至少需要该等级”的岗位缺口最大的那个等级，即最需要培养到的等级。"},
    {T::kTermDemand, "demand", "需求"},
    {T::kTermDemandText, "Openings (jobs × headcount) that require the skill.",
     "需要该技能的招聘人数（岗位 × 招聘人数）。"},
    {T::kTermSupply, "supply", "供给"},
    {T::kTermSupplyText,
     "Graduates who are seeking work, open to the cluster, and have the skill at the level.",
     "正在求职、愿意去该集群、且该技能达到相应等级的毕业生人数。"},
    {T::kTermProjected, "projected supply", "预计供给"},
    {T::kTermProjectedText,
     "Graduates per year from programs whose courses teach the skill to the level (their annual "
     "cohort).",
     "课程将该技能培养到相应等级的各专业每年的毕业人数。"},
    {T::kTermRatio, "ratio, shortage, surplus", "供需比、紧缺、富余"},
    {T::kTermRatioText,
     "Supply ÷ demand. Below {shortage} is a shortage, above {surplus} a surplus, between them "
     "balanced.",
     "供给 ÷ 需求。低于 {shortage} 为紧缺，高于 {surplus} 为富余，介于两者之间为平衡。"},
    {T::kTermCoverage, "coverage", "覆盖度"},
    {T::kTermCoverageText,
     "How much of what a job asks a profile can do: each required skill counts up to the required "
     "level, weighted by its importance; 100 % means every requirement is met.",
     "技能画像能满足岗位要求的程度：每项要求按其权重计，最多计到要求的等级；100 % "
     "表示全部要求都已满足。"},
    {T::kTermEligible, "eligible", "符合条件"},
    {T::kTermEligibleText,
     "Every must-have skill at the required level, every required certificate, the minimum "
     "education, and the job still valid on the run date.",
     "所有必备技能达到要求等级、持有所有要求的证书、满足最低学历，且岗位在运行日期仍有效。"},
    {T::kTermAligned, "aligned share", "对口占比"},
    {T::kTermAlignedText,
     "The share of the cluster's openings (by headcount) that the program's typical graduate is "
     "eligible for with coverage of at least {min}.",
     "专业典型毕业生符合条件且覆盖度不低于 {min} 的岗位，占本集群招聘人数的比例。"},
    {T::kTermAssignment, "recommended assignment", "推荐分配"},
    {T::kTermAssignmentText,
     "A stable matching of seeking graduates to openings (graduates propose, both sides rank by "
     "score) over every eligible pair with coverage of at least {min}.",
     "将求职毕业生与岗位进行稳定匹配（毕业生申请、双方按匹配分排序），考虑所有覆盖度不低于 {min} "
     "的合格配对。"},
    {T::kTermBlocking, "blocking pair", "阻塞对"},
    {T::kTermBlockingText,
     "A graduate and a job who would both rather have each other than what the assignment gave "
     "them; a stable assignment has none.",
     "一名毕业生和一个岗位都更愿意选择对方而不是分配结果；稳定的分配中不存在阻塞对。"},
    {T::kTermBound, "upper bound", "上界"},
    {T::kTermBoundText,
     "No assignment of the same pairs can score more; the gap to it is at most what stability "
     "costs.",
     "同样的配对中任何分配的总分都不会超过它；与它的差距不超过稳定性所付出的代价。"},
    {T::kConnectionsHeading, "The alliance's other connections", "联盟的其他对接"},
    {T::kConnectionsNote,
     "Each demand's best supplies by the same exact score as graduates and jobs (lists in the "
     "run's CSV files). Answered: demands whose best supply covers at least the minimum share "
     "of what they ask.",
     "各项需求与供给按与毕业生—岗位相同的精确评分匹配（完整名单见本次运行的 CSV "
     "文件）。有响应：最佳供给的覆盖度不低于下限的需求。"},
    {T::kConnectionTeachers, "teachers ↔ enterprise projects", "教师 ↔ 企业项目"},
    {T::kConnectionResearch, "research results ↔ innovation demands", "科研成果 ↔ 创新需求"},
    {T::kConnectionStandards, "programs ↔ occupational standards", "专业 ↔ 职业标准"},
    {T::kConnectionTraining, "training programs ↔ jobs", "实训项目 ↔ 岗位"},
    {T::kTableConnection, "connection", "对接"},
    {T::kTableSupplies, "supplies", "供给"},
    {T::kTableDemands, "demands", "需求"},
    {T::kTableAnswered, "answered", "有响应"},
    {T::kTableBestPair, "best pair (coverage)", "最佳配对（覆盖度）"},
    {T::kConnectionsNone, "none yet", "暂无"},
}};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < kTexts.size(); ++i) {
        if (std::size_t(kTexts[i].key) != i || kTexts[i].en.empty() || kTexts[i].zh.empty())
            return false;
    }
    return true;
}
static_assert(in_enum_order(), "one entry per ReportText, in enum order, both languages given");

}  // namespace

std::string_view report_text(ReportText key, Lang lang) {
    const Entry& e = kTexts.at(std::size_t(key));
    return lang == Lang::kZh ? e.zh : e.en;
}

std::string fill(std::string_view text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        bool replaced = false;
        if (text[i] == '{') {
            for (const auto& [name, value] : values) {
                const std::string_view rest = text.substr(i + 1);
                if (rest.starts_with(name) && rest.size() > name.size() &&
                    rest[name.size()] == '}') {
                    out += value;
                    i += name.size() + 2;
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

}  // namespace talentmatch::batch
