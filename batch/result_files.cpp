#include "batch/result_files.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>

#include <tbb/parallel_pipeline.h>

#include "batch/csv_writer.hpp"
#include "batch/outcome_files.hpp"
#include "runfmt/run_files.hpp"

namespace talentmatch::batch {
namespace {
using matcher::Index;
using nlohmann::json;

// A CSV file written through a buffer flushed every few MB.
class CsvFile {
  public:
    CsvFile(RunPublisher& publisher, const std::string& name,
            std::initializer_list<const char*> header)
        : file_(publisher.open_file(name)) {
        for (const char* h : header) csv_.cell(std::string_view(h));
        csv_.end_row();
    }
    // A file of runfmt/run_files.hpp, with its stated header.
    template <std::size_t N>
    CsvFile(RunPublisher& publisher, const std::string& name,
            const std::array<std::string_view, N>& header)
        : file_(publisher.open_file(name)) {
        for (const std::string_view h : header) csv_.cell(h);
        csv_.end_row();
    }
    CsvWriter& row() { return csv_; }
    void end_row() {
        csv_.end_row();
        if (csv_.text().size() > (4u << 20)) file_.write(csv_.take()), csv_ = CsvWriter{};
    }
    // Rows formatted elsewhere, appended after those written so far.
    void write_rows(std::string_view text) {
        file_.write(csv_.take());
        csv_ = CsvWriter{};
        file_.write(text);
    }
    void close() {
        file_.write(csv_.text());
        file_.close();
    }

  private:
    DurableFile file_;
    CsvWriter csv_;
};

void write_json(RunPublisher& publisher, const std::string& name, const json& value) {
    publisher.write_file(name, value.dump(1) + "\n");
}

void match_row(CsvWriter& w, const matcher::PairScore& s) {
    w.cell(s.score()).cell(s.fit()).cell(s.coverage()).cell(s.relevance());
}

void write_lists(RunPublisher& p, const std::string& name, const char* row_col,
                 const char* other_col, const matcher::SortedIds& rows,
                 const matcher::SortedIds& others, const matcher::TopKLists& lists, std::size_t k) {
    CsvFile f(p, name, {row_col, "rank", other_col, "score", "fit", "coverage", "relevance"});
    // Chunks of rows are formatted in parallel and written in row order (the
    // largest file, k rows per graduate, is most of the outputs stage), with
    // a few chunks in flight at once.
    constexpr std::size_t kRowsPerChunk = 4096;
    constexpr std::size_t kChunksInFlight = 8;
    const std::size_t chunks = (lists.rows() + kRowsPerChunk - 1) / kRowsPerChunk;
    std::size_t next = 0;
    tbb::parallel_pipeline(
        kChunksInFlight,
        tbb::make_filter<void, std::size_t>(tbb::filter_mode::serial_in_order,
                                            [&](tbb::flow_control& control) -> std::size_t {
                                                if (next == chunks) control.stop();
                                                return next++;
                                            }) &
            tbb::make_filter<std::size_t, std::string>(
                tbb::filter_mode::parallel,
                [&](std::size_t chunk) {
                    CsvWriter csv;
                    const std::size_t last = std::min(lists.rows(), (chunk + 1) * kRowsPerChunk);
                    for (std::size_t r = chunk * kRowsPerChunk; r < last; ++r) {
                        std::int64_t rank = 0;
                        for (const auto& m : lists.row(r)) {
                            if (std::size_t(rank) >= k) break;
                            csv.cell(rows[Index(r)]).cell(++rank).cell(others[m.index]);
                            match_row(csv, m.score);
                            csv.end_row();
                        }
                    }
                    return csv.take();
                }) &
            tbb::make_filter<std::string, void>(
                tbb::filter_mode::serial_in_order,
                [&](const std::string& text) { f.write_rows(text); }));
    f.close();
}

// How blocking pairs were counted (SPEC's rule over complete lists).
json stability_json(const AssignmentStage& a) {
    return {{"rule", "every eligible pair with coverage >= min_coverage (untruncated)"},
            {"method", a.stability.exact ? "exact: every seeking graduate"
                                         : "sampled: every n-th seeking graduate in id order"},
            {"graduates_checked", a.stability.graduates_checked},
            {"graduates_in_blocking_pairs", a.stability.graduates_in_blocking_pairs}};
}

json level_json(const matcher::LevelBalance& l) {
    json j = {{"level", l.level},
              {"demand", l.demand},
              {"demand_at_least", l.demand_at_least},
              {"projected", l.projected},
              {"projected_ratio", l.projected_ratio}};
    j["supply"] = l.supply ? json(*l.supply) : json(nullptr);
    j["ratio"] = l.ratio ? json(*l.ratio) : json(nullptr);
    return j;
}

const char* grouping_name(matcher::BalanceGrouping g) {
    switch (g) {
        case matcher::BalanceGrouping::kOverall:
            return "overall";
        case matcher::BalanceGrouping::kCluster:
            return "cluster";
        case matcher::BalanceGrouping::kDistrict:
            return "district";
    }
    return "overall";
}

void write_supply_demand(const BatchResults& r, RunPublisher& p) {
    const matcher::SupplyDemandReport* reports[3] = {&r.balance_overall, &r.balance_by_cluster,
                                                     &r.balance_by_district};
    CsvFile skills(p, runfmt::kSupplyDemandSkillsCsv, runfmt::kSupplyDemandSkillsColumns);
    CsvFile cats(p, "supply_demand_categories.csv",
                 {"grouping", "group", "category", "demand", "supply", "ratio", "label",
                  "projected", "projected_ratio", "projected_label", "shortage_skills",
                  "balanced_skills", "surplus_skills"});
    CsvFile groups(p, "supply_demand_groups.csv",
                   {"grouping", "group", "jobs", "openings", "seeking_graduates",
                    "projected_cohort", "projected_training"});
    json all = json::object();
    const auto& s = r.snapshot();
    for (const auto* rep : reports) {
        const char* gname = grouping_name(rep->group_by);
        json jr = {
            {"groups", json::array()}, {"skills", json::array()}, {"categories", json::array()}};
        for (const auto& g : rep->groups) {
            groups.row()
                .cell(gname)
                .cell(g.group)
                .cell(std::int64_t(g.jobs))
                .cell(std::int64_t(g.openings));
            groups.row()
                .cell(std::int64_t(g.seeking_graduates.value_or(0)))
                .cell(std::int64_t(g.projected_cohort))
                .cell(std::int64_t(g.projected_training));
            groups.end_row();
            jr["groups"].push_back({{"group", g.group},
                                    {"jobs", g.jobs},
                                    {"openings", g.openings},
                                    {"seeking_graduates", g.seeking_graduates.value_or(0)},
                                    {"projected_cohort", g.projected_cohort},
                                    {"projected_training", g.projected_training}});
        }
        for (const auto& k : rep->skills) {
            auto& w = skills.row();
            w.cell(gname)
                .cell(k.group)
                .cell(k.skill_id)
                .cell(s.skill_name_en[k.skill])
                .cell(k.category);
            w.cell(std::int64_t(k.demand)).cell(std::int64_t(k.bottleneck_level));
            w.cell(std::int64_t(k.supply.value_or(0))).cell(k.ratio.value_or(0.0), 4);
            w.cell(to_string(k.label)).cell(std::int64_t(k.projected_bottleneck_level));
            w.cell(std::int64_t(k.projected))
                .cell(k.projected_ratio, 4)
                .cell(to_string(k.projected_label));
            skills.end_row();
            json levels = json::array();
            for (const auto& l : k.levels) levels.push_back(level_json(l));
            jr["skills"].push_back({{"group", k.group},
                                    {"skill_id", k.skill_id},
                                    {"category", k.category},
                                    {"demand", k.demand},
                                    {"bottleneck_level", k.bottleneck_level},
                                    {"supply", k.supply ? json(*k.supply) : json(nullptr)},
                                    {"ratio", k.ratio ? json(*k.ratio) : json(nullptr)},
                                    {"label", to_string(k.label)},
                                    {"projected", k.projected},
                                    {"projected_ratio", k.projected_ratio},
                                    {"projected_label", to_string(k.projected_label)},
                                    {"levels", levels}});
        }
        for (const auto& c : rep->categories) {
            auto& w = cats.row();
            w.cell(gname).cell(c.group).cell(c.category).cell(std::int64_t(c.demand));
            w.cell(std::int64_t(c.supply.value_or(0)))
                .cell(c.ratio.value_or(0.0), 4)
                .cell(to_string(c.label));
            w.cell(std::int64_t(c.projected))
                .cell(c.projected_ratio, 4)
                .cell(to_string(c.projected_label));
            w.cell(std::int64_t(c.shortage_skills))
                .cell(std::int64_t(c.balanced_skills))
                .cell(std::int64_t(c.surplus_skills));
            cats.end_row();
            jr["categories"].push_back({{"group", c.group},
                                        {"category", c.category},
                                        {"demand", c.demand},
                                        {"supply", c.supply ? json(*c.supply) : json(nullptr)},
                                        {"ratio", c.ratio ? json(*c.ratio) : json(nullptr)},
                                        {"label", to_string(c.label)},
                                        {"projected", c.projected},
                                        {"projected_ratio", c.projected_ratio},
                                        {"shortage_skills", c.shortage_skills},
                                        {"balanced_skills", c.balanced_skills},
                                        {"surplus_skills", c.surplus_skills}});
        }
        all[gname] = std::move(jr);
    }
    skills.close();
    cats.close();
    groups.close();
    write_json(p, runfmt::kSupplyDemandJson, all);
}

std::string gaps_text(const matcher::ProgramAlignment& a) {
    std::string t;
    for (const auto& g : a.top_shortfalls) {
        if (!t.empty()) t += ';';
        t += g.skill_id + ":" + std::to_string(g.shortfall);
    }
    return t;
}

void write_alignment(const BatchResults& r, RunPublisher& p) {
    const auto& s = r.snapshot();
    CsvFile f(p, "program_alignment.csv",
              {"program_id", "program_name", "scope", "segment", "openings", "aligned_openings",
               "eligible_openings", "aligned_share", "mean_coverage", "top_gaps"});
    json out = json::array();
    for (Index i = 0; i < s.programs.size(); ++i) {
        const std::string& id = s.programs.ids[i];
        const auto name_it = r.loaded.program_names.find(id);
        const std::string name = name_it == r.loaded.program_names.end() ? "" : name_it->second;
        const Index c = s.programs.cluster[i];
        const std::string cluster = c == matcher::kNone ? "" : s.clusters[c];
        json entry = {{"program_id", id}, {"program_name", name}};
        for (int scope = 0; scope < 2; ++scope) {
            const auto& a = scope == 0 ? r.alignment_own_cluster[i] : r.alignment_region[i];
            auto& w = f.row();
            w.cell(id)
                .cell(name)
                .cell(scope == 0 ? "own_cluster" : "region")
                .cell(scope == 0 ? cluster : "");
            w.cell(std::int64_t(a.openings)).cell(std::int64_t(a.aligned_openings));
            w.cell(std::int64_t(a.eligible_openings))
                .cell(a.aligned_share, 4)
                .cell(a.mean_coverage, 4);
            w.cell(gaps_text(a));
            f.end_row();
            json gaps = json::array();
            for (const auto& g : a.top_shortfalls) {
                gaps.push_back({{"skill_id", g.skill_id},
                                {"shortfall", g.shortfall},
                                {"openings", g.openings}});
            }
            entry[scope == 0 ? "own_cluster" : "region"] = {
                {"segment", scope == 0 ? cluster : ""},
                {"openings", a.openings},
                {"aligned_openings", a.aligned_openings},
                {"eligible_openings", a.eligible_openings},
                {"aligned_share", a.aligned_share},
                {"mean_coverage", a.mean_coverage},
                {"top_gaps", gaps}};
        }
        out.push_back(std::move(entry));
    }
    f.close();
    write_json(p, runfmt::kProgramAlignmentJson, out);
}

void write_assignment(const BatchResults& r, RunPublisher& p) {
    const auto& s = r.snapshot();
    const auto& a = r.assignment;
    CsvFile pairs(p, runfmt::kAssignmentCsv, runfmt::kAssignmentColumns);
    for (Index g = 0; g < s.graduates.size(); ++g) {
        const Index j = a.assignment.job_of[g];
        if (j == matcher::kUnassigned) continue;
        double coverage = 0;
        for (const auto& m : r.graduates.jobs_per_candidate.row(g)) {
            if (m.index == j) coverage = m.score.coverage();
        }
        pairs.row()
            .cell(s.graduates.ids[g])
            .cell(s.jobs.ids[j])
            .cell(to_double(a.assignment.score_of[g]))
            .cell(coverage);
        pairs.end_row();
    }
    pairs.close();
    CsvFile jobs(p, runfmt::kAssignmentJobsCsv, runfmt::kAssignmentJobsColumns);
    for (Index j = 0; j < s.jobs.size(); ++j) {
        jobs.row()
            .cell(s.jobs.ids[j])
            .cell(std::int64_t(a.capacity[j]))
            .cell(std::int64_t(a.filled[j]));
        jobs.row()
            .cell(std::int64_t(a.capacity[j] - a.filled[j]))
            .cell(std::int64_t(a.acceptable_proposers[j]));
        jobs.end_row();
    }
    jobs.close();
    write_json(p, runfmt::kAssignmentJson,
               {{"min_coverage", r.settings.assignment_min_coverage},
                {"preference_lists", "complete: every eligible job with coverage >= min_coverage"},
                {"initial_list_depth", r.settings.assignment_depth},
                {"fetched_graduates", a.lazy.fetched_graduates},
                {"fetch_rounds", a.lazy.fetch_rounds},
                {"fetched_jobs", a.lazy.fetched_jobs},
                {"seeking_graduates", a.seeking},
                {"graduates_with_acceptable_job", a.with_acceptable_job},
                {"placed_graduates", a.placed},
                {"unplaced_seeking_graduates", a.seeking - a.placed},
                {"openings", a.funnel.openings},
                {"filled_openings", a.funnel.placed},
                {"unfilled_openings", a.funnel.openings - a.funnel.placed},
                {"proposals", a.assignment.proposals},
                {"blocking_pairs", a.stability.blocking_pairs},
                {"blocking_pairs_check", stability_json(a)},
                {"stable", a.stability.blocking_pairs == 0},
                {"weight", a.weight},
                {"max_weight_upper_bound", a.upper_bound},
                {"gap_to_max_weight_at_most", std::max(0.0, a.upper_bound - a.weight)},
                {"funnel",
                 {{"openings", a.funnel.openings},
                  {"eligible", a.funnel.eligible},
                  {"matched", a.funnel.matched},
                  {"placed", a.funnel.placed}}}});

    CsvFile best(p, runfmt::kBestMatchesCsv, runfmt::kBestMatchesColumns);
    for (Index g = 0; g < s.graduates.size(); ++g) {
        const auto row = r.graduates.jobs_per_candidate.row(g);
        if (row.empty()) continue;
        best.row()
            .cell(s.graduates.ids[g])
            .cell(s.jobs.ids[row.front().index])
            .cell(row.front().score.score());
        best.end_row();
    }
    best.close();
}

void write_diagnostics(const BatchResults& r, RunPublisher& p) {
    const auto& s = r.snapshot();
    CsvFile jobs(p, "unfilled_openings.csv",
                 {"job_id", "title", "unfilled", "reason", "detail", "acceptable_proposers",
                  "relaxation_analysed", "eligible_seeking", "best_relaxation_skill",
                  "relax_from_level", "relax_to_level", "graduates_added"});
    json jj = json::array();
    for (const auto& u : r.diagnostics.unfilled_jobs) {
        auto& w = jobs.row();
        w.cell(s.jobs.ids[u.job])
            .cell(s.jobs.title[u.job])
            .cell(std::int64_t(u.unfilled))
            .cell(u.reason)
            .cell(u.detail);
        w.cell(std::int64_t(u.acceptable_proposers))
            .cell(std::int64_t(u.relaxation_analysed ? 1 : 0));
        w.cell(std::int64_t(u.eligible_seeking));
        if (!u.relaxations.empty()) {
            const auto& b = u.relaxations.front();
            w.cell(b.skill_id)
                .cell(std::int64_t(b.from_level))
                .cell(std::int64_t(b.to_level))
                .cell(std::int64_t(b.added_graduates));
        } else {
            w.cell("").cell("").cell("").cell("");
        }
        jobs.end_row();
        json relax = json::array();
        for (const auto& b : u.relaxations) {
            relax.push_back({{"skill_id", b.skill_id},
                             {"from_level", b.from_level},
                             {"to_level", b.to_level},
                             {"graduates_added", b.added_graduates}});
        }
        json e = {{"job_id", s.jobs.ids[u.job]},
                  {"unfilled", u.unfilled},
                  {"reason", u.reason},
                  {"detail", u.detail},
                  {"acceptable_proposers", u.acceptable_proposers},
                  {"relaxation_analysed", u.relaxation_analysed}};
        if (u.relaxation_analysed)
            e["eligible_seeking"] = u.eligible_seeking, e["relaxations"] = relax;
        jj.push_back(std::move(e));
    }
    jobs.close();
    write_json(p, runfmt::kUnfilledOpeningsJson, jj);

    CsvFile grads(p, "unplaced_graduates.csv",
                  {"graduate_id", "reason", "nearest_job_id", "nearest_coverage", "failed_gates",
                   "unlock_kind", "unlock_id", "has_level", "needs_level"});
    json gj = json::array();
    for (const auto& u : r.diagnostics.unplaced_graduates) {
        const std::string job = u.nearest_job == matcher::kNone ? "" : s.jobs.ids[u.nearest_job];
        auto& w = grads.row();
        w.cell(s.graduates.ids[u.graduate]).cell(u.reason).cell(job).cell(u.nearest_coverage, 4);
        w.cell(std::int64_t(u.failed_gates)).cell(u.unlock_kind).cell(u.unlock_id);
        w.cell(std::int64_t(u.has)).cell(std::int64_t(u.needs));
        grads.end_row();
        gj.push_back(
            {{"graduate_id", s.graduates.ids[u.graduate]},
             {"reason", u.reason},
             {"nearest_job_id", job},
             {"nearest_coverage", u.nearest_coverage},
             {"failed_gates", u.failed_gates},
             {"unlock",
              {{"kind", u.unlock_kind}, {"id", u.unlock_id}, {"has", u.has}, {"needs", u.needs}}}});
    }
    grads.close();
    write_json(p, runfmt::kUnplacedGraduatesJson, gj);
}

void write_diff(const BatchResults& r, RunPublisher& p) {
    const auto& d = r.diff;
    CsvFile sh(p, "diff_shortages.csv", {"skill_id", "change"});
    for (const auto& id : d.new_shortages) sh.row().cell(id).cell("new"), sh.end_row();
    for (const auto& id : d.resolved_shortages) sh.row().cell(id).cell("resolved"), sh.end_row();
    sh.close();
    CsvFile bm(p, "diff_best_matches.csv", {"graduate_id", "previous_job_id", "current_job_id"});
    for (const auto& c : d.best_match_changes) {
        bm.row().cell(c.graduate_id).cell(c.previous_job_id).cell(c.current_job_id);
        bm.end_row();
    }
    bm.close();
    CsvFile op(p, "diff_openings.csv", {"job_id", "previous_filled", "current_filled"});
    for (const auto& c : d.opening_changes) {
        op.row().cell(c.job_id).cell(c.previous_filled).cell(c.current_filled);
        op.end_row();
    }
    op.close();
    CsvFile pl(p, "diff_placements.csv", {"program_id", "previous_placed", "current_placed"});
    for (const auto& c : d.placed_changes) {
        pl.row().cell(c.program_id).cell(c.previous_placed).cell(c.current_placed);
        pl.end_row();
    }
    pl.close();
    write_json(p, "diff.json",
               {{"has_previous", d.has_previous},
                {"new_shortages", d.new_shortages},
                {"resolved_shortages", d.resolved_shortages},
                {"best_match_changed", d.best_match_changes.size()},
                {"openings_filled_since", d.openings_filled_since},
                {"openings_unfilled_since", d.openings_unfilled_since},
                {"placed_since", d.placements_compared ? json(d.placed_since) : json(nullptr)}});
}

}  // namespace

json summary_json(const BatchResults& r) {
    const auto& s = r.snapshot();
    std::int64_t openings = 0;
    for (auto h : s.jobs.headcount) openings += h;
    std::map<std::string, std::int64_t> job_reasons, grad_reasons;
    for (const auto& u : r.diagnostics.unfilled_jobs) job_reasons[u.reason] += u.unfilled;
    for (const auto& u : r.diagnostics.unplaced_graduates) ++grad_reasons[u.reason];
    std::int64_t shortage = 0, surplus = 0, balanced = 0;
    for (const auto& k : r.balance_overall.skills) {
        if (k.label == matcher::BalanceLabel::kShortage) ++shortage;
        if (k.label == matcher::BalanceLabel::kSurplus) ++surplus;
        if (k.label == matcher::BalanceLabel::kBalanced) ++balanced;
    }
    const auto& a = r.assignment;
    return {
        {"data_hash", r.loaded.data_hash},
        {"taxonomy_hash", r.loaded.taxonomy_hash},
        {"store_data_version", r.loaded.store_data_version},
        {"settings",
         {{"k", r.settings.k},
          {"assignment_depth", r.settings.assignment_depth},
          {"assignment_min_coverage", r.settings.assignment_min_coverage},
          {"alignment_min_coverage", r.settings.alignment_min_coverage},
          {"relaxation_job_limit", r.settings.relaxation_job_limit}}},
        {"counts",
         {{"skills", s.skills.size()},
          {"certificates", s.certificates.size()},
          {"institutions", s.institutions.size()},
          {"programs", s.programs.size()},
          {"employers", s.employers.size()},
          {"jobs", s.jobs.size()},
          {"openings", openings},
          {"graduates", s.graduates.size()},
          {"seeking_graduates", a.seeking},
          {"expired_jobs", r.loaded.expired_jobs},
          {"expired_openings", r.loaded.expired_openings},
          {"teachers", r.loaded.teachers_projects->graduates.size()},
          {"projects", r.loaded.teachers_projects->jobs.size()},
          {"research_results", r.loaded.research_demands->graduates.size()},
          {"innovation_demands", r.loaded.research_demands->jobs.size()},
          {"occupational_standards", r.loaded.programs_standards->jobs.size()},
          {"training_programs", r.loaded.training_jobs->graduates.size()}}},
        {"as_of", r.loaded.as_of},
        {"pairs_scored",
         {{"graduate_job", r.graduates.pairs},
          {"program_job", r.programs.pairs},
          {"teacher_project", r.teachers.pairs},
          {"research_result_innovation_demand", r.research.pairs},
          {"program_occupational_standard", r.standards.pairs}}},
        {"assignment",
         {{"placed_graduates", a.placed},
          {"filled_openings", a.funnel.placed},
          {"unfilled_openings", a.funnel.openings - a.funnel.placed},
          {"unplaced_seeking_graduates", a.seeking - a.placed},
          {"blocking_pairs", a.stability.blocking_pairs},
          {"blocking_pairs_check", stability_json(a)},
          {"weight", a.weight},
          {"max_weight_upper_bound", a.upper_bound},
          {"gap_to_max_weight_at_most", std::max(0.0, a.upper_bound - a.weight)},
          {"funnel",
           {{"openings", a.funnel.openings},
            {"eligible", a.funnel.eligible},
            {"matched", a.funnel.matched},
            {"placed", a.funnel.placed}}}}},
        {"supply_demand",
         {{"skills_in_demand", r.balance_overall.skills.size()},
          {"shortage_skills", shortage},
          {"balanced_skills", balanced},
          {"surplus_skills", surplus}}},
        {"diagnostics",
         {{"unfilled_openings_by_reason", job_reasons},
          {"unplaced_graduates_by_reason", grad_reasons},
          {"relaxation_jobs_analysed", r.diagnostics.relaxation_jobs_analysed}}},
        {"diff",
         {{"has_previous", r.diff.has_previous},
          {"new_shortages", r.diff.new_shortages.size()},
          {"resolved_shortages", r.diff.resolved_shortages.size()},
          {"best_match_changed", r.diff.best_match_changes.size()},
          {"openings_filled_since", r.diff.openings_filled_since},
          {"openings_unfilled_since", r.diff.openings_unfilled_since}}},
    };
}

void write_result_files(const BatchResults& r, RunPublisher& p) {
    const auto& s = r.snapshot();
    write_lists(p, "jobs_per_graduate.csv", "graduate_id", "job_id", s.graduates.ids, s.jobs.ids,
                r.graduates.jobs_per_candidate, r.settings.k);
    write_lists(p, "graduates_per_job.csv", "job_id", "graduate_id", s.jobs.ids, s.graduates.ids,
                r.graduates.candidates_per_job, r.settings.k);
    write_lists(p, "jobs_per_program.csv", "program_id", "job_id", s.programs.ids, s.jobs.ids,
                r.programs.jobs_per_candidate, r.settings.k);
    write_lists(p, "programs_per_job.csv", "job_id", "program_id", s.jobs.ids, s.programs.ids,
                r.programs.candidates_per_job, r.settings.k);
    const auto& t = *r.loaded.teachers_projects;
    write_lists(p, "projects_per_teacher.csv", "teacher_id", "project_id", t.graduates.ids,
                t.jobs.ids, r.teachers.jobs_per_candidate, r.settings.k);
    write_lists(p, "teachers_per_project.csv", "project_id", "teacher_id", t.jobs.ids,
                t.graduates.ids, r.teachers.candidates_per_job, r.settings.k);
    const auto& rd = *r.loaded.research_demands;
    write_lists(p, "innovation_demands_per_research_result.csv", "research_result_id",
                "innovation_demand_id", rd.graduates.ids, rd.jobs.ids,
                r.research.jobs_per_candidate, r.settings.k);
    write_lists(p, "research_results_per_innovation_demand.csv", "innovation_demand_id",
                "research_result_id", rd.jobs.ids, rd.graduates.ids, r.research.candidates_per_job,
                r.settings.k);
    const auto& ps = *r.loaded.programs_standards;
    write_lists(p, "occupational_standards_per_program.csv", "program_id",
                "occupational_standard_id", ps.programs.ids, ps.jobs.ids,
                r.standards.jobs_per_candidate, r.settings.k);
    write_lists(p, "programs_per_occupational_standard.csv", "occupational_standard_id",
                "program_id", ps.jobs.ids, ps.programs.ids, r.standards.candidates_per_job,
                r.settings.k);
    const auto& tj = *r.loaded.training_jobs;
    write_lists(p, "jobs_per_training_program.csv", "training_program_id", "job_id",
                tj.graduates.ids, tj.jobs.ids, r.training.jobs_per_candidate, r.settings.k);
    write_lists(p, "training_programs_per_job.csv", "job_id", "training_program_id", tj.jobs.ids,
                tj.graduates.ids, r.training.candidates_per_job, r.settings.k);
    write_assignment(r, p);
    write_supply_demand(r, p);
    write_alignment(r, p);
    write_outcome_files(r.outcomes, p);
    write_diagnostics(r, p);
    write_diff(r, p);
    write_json(p, runfmt::kSummaryJson, summary_json(r));
}

}  // namespace talentmatch::batch
