#include "batch/report_builder.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "batch/report_strings.hpp"
#include "models/place_names.hpp"

namespace talentmatch::batch {
namespace {

Named place(models::PlaceKind kind, const std::string& id) {
    const auto* p = models::find_place(kind, id);
    return p ? Named{id, p->name_zh, p->name_en} : Named{id, "", ""};
}

Named skill(const matcher::Snapshot& s, const std::string& id) {
    const auto k = s.skills.find(id);
    return k ? Named{id, s.skill_name_zh[*k], s.skill_name_en[*k]} : Named{id, "", ""};
}

// One connection's row: its sizes, the demands answered at the minimum
// coverage, and its best pair (exact score, then the lists' order).
ConnectionRow connection_row(ReportText name, const matcher::Snapshot& s,
                             matcher::CandidateKind kind, const BothWays& lists,
                             double min_coverage) {
    const matcher::CandidateSet& supplies =
        kind == matcher::CandidateKind::kGraduates ? s.graduates : s.programs;
    ConnectionRow row;
    row.name = static_cast<int>(name);
    row.supplies = static_cast<std::int64_t>(supplies.size());
    row.demands = static_cast<std::int64_t>(s.jobs.size());
    const matcher::IndexedMatch* best = nullptr;
    matcher::Index best_demand = 0;
    const bool listed = !lists.candidates_per_job.offsets.empty();
    for (matcher::Index j = 0; listed && j < matcher::Index(s.jobs.size()); ++j) {
        const auto list = lists.candidates_per_job.row(j);
        if (list.empty()) continue;
        if (list.front().score.coverage() >= min_coverage) ++row.answered;
        if (!best || matcher::compare_scores(list.front().score, best->score) > 0) {
            best = &list.front();
            best_demand = j;
        }
    }
    if (best) {
        row.best_demand = s.jobs.title[best_demand].empty() ? std::string(s.jobs.ids[best_demand])
                                                            : s.jobs.title[best_demand];
        row.best_supply = supplies.ids[best->index];
        row.best_coverage = best->score.coverage();
    }
    return row;
}

}  // namespace

ReportData build_report_data(const BatchResults& r, std::int64_t run_id) {
    const auto& s = r.snapshot();
    ReportData d;
    d.counts.run_id = run_id;
    d.counts.graduates = static_cast<std::int64_t>(s.graduates.size());
    d.counts.seeking_graduates = static_cast<std::int64_t>(r.assignment.seeking);
    d.counts.jobs = static_cast<std::int64_t>(s.jobs.size());
    d.counts.openings = r.assignment.funnel.openings;
    d.counts.programs = static_cast<std::int64_t>(s.programs.size());
    d.counts.skills = static_cast<std::int64_t>(s.skills.size());
    d.counts.data_hash = r.loaded.data_hash;
    d.counts.taxonomy_hash = r.loaded.taxonomy_hash;
    d.counts.as_of = r.loaded.as_of;
    d.counts.expired_jobs = static_cast<std::int64_t>(r.loaded.expired_jobs);
    d.counts.expired_openings = static_cast<std::int64_t>(r.loaded.expired_openings);
    d.counts.blocking_pairs = static_cast<std::int64_t>(r.assignment.stability.blocking_pairs);
    d.counts.stability_graduates =
        static_cast<std::int64_t>(r.assignment.stability.graduates_checked);
    d.counts.stability_exact = r.assignment.stability.exact;
    d.counts.weight = r.assignment.weight;
    d.counts.max_weight_bound = r.assignment.upper_bound;
    const matcher::BalanceThresholds thresholds;  // the batch's supply-demand queries use these
    d.counts.shortage_below = thresholds.shortage_below;
    d.counts.surplus_above = thresholds.surplus_above;
    d.counts.assignment_min_coverage = r.settings.assignment_min_coverage;
    d.counts.alignment_min_coverage = r.settings.alignment_min_coverage;

    std::vector<const matcher::SkillBalance*> short_rows;
    for (const auto& k : r.balance_overall.skills) {
        if (k.label == matcher::BalanceLabel::kShortage) short_rows.push_back(&k);
    }
    // Largest shortfall (demand − supply at the bottleneck level) first: the
    // skills where the most openings go unserved, then ratio, then id.
    auto shortfall = [](const matcher::SkillBalance* k) {
        for (const auto& l : k->levels) {
            if (l.level == k->bottleneck_level)
                return std::int64_t(l.demand_at_least) - std::int64_t(l.supply.value_or(0));
        }
        return std::int64_t{0};
    };
    std::sort(short_rows.begin(), short_rows.end(), [&](auto* a, auto* b) {
        if (shortfall(a) != shortfall(b)) return shortfall(a) > shortfall(b);
        const double ra = a->ratio.value_or(0), rb = b->ratio.value_or(0);
        if (ra != rb) return ra < rb;
        return a->skill_id < b->skill_id;
    });
    for (std::size_t i = 0; i < short_rows.size() && i < 15; ++i) {
        const auto& k = *short_rows[i];
        ShortageBar bar{skill(s, k.skill_id), place(models::PlaceKind::kCategory, k.category),
                        k.bottleneck_level};
        for (const auto& l : k.levels) {
            if (l.level != k.bottleneck_level) continue;
            bar.demand = double(l.demand_at_least);
            bar.supply = double(l.supply.value_or(0));
            bar.projected = double(l.projected);
        }
        d.shortages.push_back(bar);
    }

    // Heatmap: clusters × top categories by demand.
    std::map<std::string, std::uint64_t> category_demand;
    for (const auto& c : r.balance_by_cluster.categories) category_demand[c.category] += c.demand;
    std::vector<std::pair<std::string, std::uint64_t>> cats(category_demand.begin(),
                                                            category_demand.end());
    std::stable_sort(cats.begin(), cats.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (cats.size() > 14) cats.resize(14);
    std::sort(cats.begin(), cats.end());
    for (const auto& c : cats)
        d.cluster_by_category.columns.push_back(place(models::PlaceKind::kCategory, c.first));
    for (const auto& g : r.balance_by_cluster.groups) {
        d.cluster_by_category.rows.push_back(place(models::PlaceKind::kCluster, g.group));
        std::vector<std::optional<double>> row(cats.size());
        for (const auto& c : r.balance_by_cluster.categories) {
            if (c.group != g.group) continue;
            for (std::size_t i = 0; i < cats.size(); ++i) {
                if (cats[i].first == c.category && c.demand > 0) row[i] = c.ratio;
            }
        }
        d.cluster_by_category.ratio.push_back(std::move(row));
    }

    std::vector<const matcher::ProgramAlignment*> progs;
    for (const auto& a : r.alignment_own_cluster) progs.push_back(&a);
    std::sort(progs.begin(), progs.end(), [](auto* a, auto* b) {
        if (a->aligned_share != b->aligned_share) return a->aligned_share > b->aligned_share;
        if (a->mean_coverage != b->mean_coverage) return a->mean_coverage > b->mean_coverage;
        return a->program_id < b->program_id;
    });
    for (const auto* a : progs) {
        const matcher::Index p = a->program;
        const matcher::Index inst = s.programs.institution[p];
        const matcher::Index cluster = s.programs.cluster[p];
        d.programs.push_back(
            {a->program_id, s.program_name[p],
             inst < s.institution_name.size() ? s.institution_name[inst] : std::string(),
             cluster == matcher::kNone ? Named{}
                                       : place(models::PlaceKind::kCluster, s.clusters[cluster]),
             std::int64_t(a->openings), a->aligned_share, a->mean_coverage});
    }

    d.outcomes.graduation_year = r.outcomes.graduation_year;
    d.outcomes.graduates = r.outcomes.total.graduates;
    d.outcomes.placed = r.outcomes.total.placed;
    for (const auto& g : r.outcomes.programs) {
        const auto inst = s.institutions.find(g.institution_id);
        d.outcomes.programs.push_back(
            {g.id, g.name,
             inst && *inst < s.institution_name.size() ? s.institution_name[*inst] : std::string(),
             g.graduates, g.placed, g.placed_in_own_cluster, g.aligned_share});
    }

    d.funnel = r.assignment.funnel;
    d.changes.has_previous = r.diff.has_previous;
    d.changes.new_shortages = std::int64_t(r.diff.new_shortages.size());
    d.changes.resolved_shortages = std::int64_t(r.diff.resolved_shortages.size());
    d.changes.best_match_changed = std::int64_t(r.diff.best_match_changes.size());
    d.changes.openings_filled_since = r.diff.openings_filled_since;
    d.changes.openings_unfilled_since = r.diff.openings_unfilled_since;
    for (std::size_t i = 0; i < r.diff.new_shortages.size() && i < 12; ++i) {
        d.changes.new_shortage_skills.push_back(skill(s, r.diff.new_shortages[i]));
    }
    for (std::size_t i = 0; i < r.diff.resolved_shortages.size() && i < 12; ++i) {
        d.changes.resolved_shortage_skills.push_back(skill(s, r.diff.resolved_shortages[i]));
    }
    const double min = r.settings.assignment_min_coverage;
    using matcher::CandidateKind;
    d.connections = {connection_row(ReportText::kConnectionTeachers, *r.loaded.teachers_projects,
                                    CandidateKind::kGraduates, r.teachers, min),
                     connection_row(ReportText::kConnectionResearch, *r.loaded.research_demands,
                                    CandidateKind::kGraduates, r.research, min),
                     connection_row(ReportText::kConnectionStandards, *r.loaded.programs_standards,
                                    CandidateKind::kPrograms, r.standards, min),
                     connection_row(ReportText::kConnectionTraining, *r.loaded.training_jobs,
                                    CandidateKind::kGraduates, r.training, min)};
    return d;
}

}  // namespace talentmatch::batch
