#include "batch/nightly_batch.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <map>

#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "batch/batch_results.hpp"
#include "batch/erasure_files.hpp"
#include "batch/report_builder.hpp"
#include "batch/report_html.hpp"
#include "batch/result_files.hpp"
#include "batch/run_publisher.hpp"
#include "batch/stage_reporter.hpp"
#include "matcher/snapshot.hpp"
#include "models/field_error.hpp"
#include "models/field_rules.hpp"
#include "runfmt/run_parameters.hpp"
#include "store/store.hpp"

namespace talentmatch::batch {
namespace {
using nlohmann::json;

std::string utc_now() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

double peak_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;  // ru_maxrss is KiB on Linux
}

// Stage names and rough shares of the run's time (for the overall percentage).
std::vector<StageSpec> stage_specs() {
    return {{"snapshot", 8},
            {"top-k graduates", 60},
            {"top-k programs", 2},
            {"top-k teachers", 1},
            {"top-k research results", 1},
            {"top-k standards", 1},
            {"top-k training programs", 1},
            {"assignment", 4},
            {"supply-demand", 3},
            {"alignment", 2},
            {"diagnostics", 6},
            {"diff", 2},
            {"outputs", 12}};
}

void align_all(BatchResults& r, const BatchOptions& o, const matcher::ExecutionOptions& exec,
               StageReporter& rep) {
    const auto& s = r.snapshot();
    rep.begin("alignment", s.programs.size(), "programs");
    r.alignment_own_cluster.assign(s.programs.size(), {});
    std::map<matcher::Index, std::vector<std::string>> by_cluster;
    for (matcher::Index p = 0; p < s.programs.size(); ++p) {
        r.alignment_own_cluster[p].program = p;
        r.alignment_own_cluster[p].program_id = s.programs.ids[p];
        if (s.programs.cluster[p] != matcher::kNone)
            by_cluster[s.programs.cluster[p]].push_back(s.programs.ids[p]);
    }
    std::uint64_t done = 0;
    for (auto& [cluster, ids] : by_cluster) {
        matcher::AlignmentQuery q;
        q.segment.cluster = s.clusters[cluster];
        q.min_coverage = o.alignment_min_coverage;
        q.top_skills = 5;
        q.program_ids = ids;
        auto report = matcher::align_programs(s, q, exec);
        for (auto& a : report.programs) r.alignment_own_cluster[a.program] = std::move(a);
        done += ids.size();
        rep.advance(done);
    }
    matcher::AlignmentQuery region;
    region.min_coverage = o.alignment_min_coverage;
    region.top_skills = 5;
    r.alignment_region = std::move(matcher::align_programs(s, region, exec).programs);
    rep.end();
}

void balance_all(BatchResults& r, const matcher::ExecutionOptions& exec, StageReporter& rep) {
    rep.begin("supply-demand", 3, "groupings");
    matcher::SupplyDemandQuery q;
    q.group_by = matcher::BalanceGrouping::kOverall;
    r.balance_overall = matcher::supply_demand(r.snapshot(), q, exec);
    rep.advance(1);
    q.group_by = matcher::BalanceGrouping::kCluster;
    r.balance_by_cluster = matcher::supply_demand(r.snapshot(), q, exec);
    rep.advance(2);
    q.group_by = matcher::BalanceGrouping::kDistrict;
    r.balance_by_district = matcher::supply_demand(r.snapshot(), q, exec);
    rep.end();
}

DiffInputs diff_inputs(const BatchResults& r) {
    const auto& s = r.snapshot();
    DiffInputs in;
    for (const auto& k : r.balance_overall.skills) {
        if (k.label == matcher::BalanceLabel::kShortage) in.shortage_skills.push_back(k.skill_id);
    }
    std::sort(in.shortage_skills.begin(), in.shortage_skills.end());
    for (matcher::Index g = 0; g < s.graduates.size(); ++g) {
        const auto row = r.graduates.jobs_per_candidate.row(g);
        if (!row.empty())
            in.best_match.emplace_hint(in.best_match.end(), s.graduates.ids[g],
                                       s.jobs.ids[row.front().index]);
    }
    for (matcher::Index j = 0; j < s.jobs.size(); ++j) {
        in.job_filled.emplace_hint(in.job_filled.end(), s.jobs.ids[j], r.assignment.filled[j]);
    }
    in.outcomes_year = r.outcomes.graduation_year;
    for (const auto& program : r.outcomes.programs)
        in.placed_per_program[program.id] = program.placed;
    return in;
}

}  // namespace

void validate(const BatchOptions& o) {
    std::vector<FieldError> errors;
    if (o.db_path.empty())
        errors.push_back({"db", "is required"});
    else if (!std::filesystem::is_regular_file(o.db_path))
        errors.push_back(
            {"db", "no talentmatch store at " + o.db_path.string() + " (no such file)"});
    if (o.out_dir.empty()) errors.push_back({"out", "is required"});
    using runfmt::kRunAssignmentDepth, runfmt::kRunK, runfmt::kRunThreads;
    if (!kRunK.contains(std::int64_t(o.k)))
        errors.push_back({"k", "must be " + kRunK.text() + ", got " + std::to_string(o.k)});
    if (!kRunThreads.contains(o.threads))
        errors.push_back({"threads", range_message(kRunThreads.min, kRunThreads.max, o.threads)});
    if (!kRunAssignmentDepth.contains(std::int64_t(o.assignment_depth)))
        errors.push_back({"assignment_depth", "must be " + kRunAssignmentDepth.text() + ", got " +
                                                  std::to_string(o.assignment_depth)});
    if (!runfmt::is_coverage_fraction(o.assignment_min_coverage))
        errors.push_back({"assignment_min_coverage", "must be in [0, 1]"});
    if (!runfmt::is_coverage_fraction(o.alignment_min_coverage))
        errors.push_back({"alignment_min_coverage", "must be in [0, 1]"});
    if (o.shard_graduates < 1) errors.push_back({"shard_graduates", "must be >= 1"});
    if (!o.as_of.empty() && !matcher::date_key(o.as_of))
        errors.push_back({"as_of", "must be a date YYYY-MM-DD, got \"" + o.as_of + "\""});
    if (!errors.empty()) throw ValidationError(std::move(errors));
    matcher::validate(o.score);
}

runfmt::RunOutcome launch_run(const runfmt::RunLaunch& launch, const ProgressCallback& progress) {
    BatchOptions options;
    options.db_path = launch.db_path;
    options.out_dir = launch.out_dir;
    options.run_id = launch.run_id;
    options.k = launch.request.k;
    options.threads = launch.request.threads;
    options.assignment_min_coverage = launch.request.min_coverage;
    const BatchResult result = run_batch(options, progress);
    return {result.run_dir, result.seconds};
}

BatchResult run_batch(const BatchOptions& o, const ProgressCallback& progress,
                      const GraduateTopK& graduate_top_k) {
    validate(o);
    const auto t0 = std::chrono::steady_clock::now();
    const std::string started_at = utc_now();
    // Two connections: `store` reads the data (a scan holds a read transaction
    // for its whole length), `runs` writes the history meanwhile (WAL).
    // An existing store only: a mistyped --db must not become an empty store.
    store::StoreOptions existing;
    existing.create = false;
    store::Store store(o.db_path.string(), existing);
    store::Store runs(o.db_path.string(), existing);
    runs.mark_interrupted_runs();
    const std::int64_t run_id =
        o.run_id != 0 ? o.run_id
                      : runs.create_batch_run(std::filesystem::absolute(o.out_dir).string());
    auto history = [&runs, run_id](const std::string& stage, double overall) {
        try {
            runs.update_batch_run(run_id, stage, overall);
        } catch (const store::StoreError&) {
            // Progress in the history is best effort; the run itself goes on.
        }
    };
    try {
        StageReporter rep(stage_specs(), progress, history);
        sweep_staging_leftovers(o.out_dir);
        // Erasures since the last run reach the old folders before the diff
        // reads the previous one (erasure_files.hpp).
        apply_pending_erasures(runs, {o.out_dir}, run_id);
        const auto previous = latest_run_dir(o.out_dir);
        const matcher::ExecutionOptions exec{o.threads, matcher::Kernel::kAuto};

        BatchResults r;
        r.settings = {o.k, o.assignment_depth, o.assignment_min_coverage, o.alignment_min_coverage,
                      o.relaxation_job_limit};
        r.loaded = load_snapshot(store, rep, o.as_of.empty() ? matcher::today_utc() : o.as_of);
        const auto& s = r.snapshot();
        r.graduates =
            graduate_top_k
                ? graduate_top_k(r.loaded, std::max(o.k, o.assignment_depth), o.k, rep)
                : top_k_both_ways(s, matcher::CandidateKind::kGraduates,
                                  std::max(o.k, o.assignment_depth), o.k, o.shard_graduates,
                                  o.score, exec, "top-k graduates", rep);
        r.programs = top_k_both_ways(s, matcher::CandidateKind::kPrograms, o.k, o.k,
                                     o.shard_graduates, o.score, exec, "top-k programs", rep);
        r.teachers = top_k_both_ways(
            *r.loaded.teachers_projects, matcher::CandidateKind::kGraduates, o.k, o.k,
            o.shard_graduates, o.score, exec, "top-k teachers", rep, "teachers");
        r.research = top_k_both_ways(*r.loaded.research_demands, matcher::CandidateKind::kGraduates,
                                     o.k, o.k, o.shard_graduates, o.score, exec,
                                     "top-k research results", rep, "results");
        r.standards =
            top_k_both_ways(*r.loaded.programs_standards, matcher::CandidateKind::kPrograms, o.k,
                            o.k, o.shard_graduates, o.score, exec, "top-k standards", rep);
        r.training = top_k_both_ways(*r.loaded.training_jobs, matcher::CandidateKind::kGraduates,
                                     o.k, o.k, o.shard_graduates, o.score, exec,
                                     "top-k training programs", rep, "training programs");
        rep.begin("assignment", s.graduates.size(), "graduates");
        r.assignment = assign(s, r.graduates.jobs_per_candidate, r.graduates.candidates_per_job,
                              std::max(o.k, o.assignment_depth), o.k, o.assignment_min_coverage,
                              o.score, exec);
        rep.end();
        balance_all(r, exec, rep);
        align_all(r, o, exec, rep);
        // Employment outcomes of the latest graduation year, beside each
        // program's own-cluster alignment (a count over placements: no stage).
        r.outcomes = matcher::outcome_report(s, r.loaded.placements,
                                             matcher::latest_graduation_year(s).value_or(0),
                                             r.alignment_own_cluster);
        rep.begin("diagnostics", s.jobs.size() + s.graduates.size(), "entities");
        r.diagnostics = diagnose(s, r.assignment, r.graduates.jobs_per_candidate,
                                 r.graduates.candidates_per_job, r.programs.jobs_per_candidate,
                                 o.score, o.relaxation_job_limit, o.threads);
        rep.end();
        rep.begin("diff", 1, "runs");
        r.diff_inputs = diff_inputs(r);
        r.diff = diff_against(previous, r.diff_inputs);
        rep.end();

        rep.begin("outputs", 3, "steps");
        const auto outputs_start = std::chrono::steady_clock::now();
        RunPublisher publisher(o.out_dir, run_directory_name(run_id));
        // On the run's threads (the large lists are formatted in parallel).
        tbb::task_arena(o.threads > 0 ? o.threads : tbb::task_arena::automatic).execute([&] {
            write_result_files(r, publisher);
        });
        rep.advance(1);
        const ReportData report = build_report_data(r, run_id);
        for (const auto lang : {models::Lang::kEn, models::Lang::kZh})
            publisher.write_file(report_file_name(lang), render_report_html(report, lang));
        rep.advance(2);
        const json summary = summary_json(r);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        json timings = json::array();
        for (const auto& [stage, secs] : rep.timings())
            timings.push_back({{"stage", stage}, {"seconds", secs}});
        // The outputs stage so far: every file but run.json, and its publication.
        timings.push_back({{"stage", "outputs"},
                           {"seconds", std::chrono::duration<double>(
                                           std::chrono::steady_clock::now() - outputs_start)
                                           .count()},
                           {"until", runfmt::kRunInfoJson}});
        const double topk_secs = [&] {
            for (const auto& [stage, secs] : rep.timings()) {
                if (stage == "top-k graduates") return secs;
            }
            return 0.0;
        }();
        json run = {{"run_id", run_id},
                    {"started_at", started_at},
                    {"finished_at", utc_now()},
                    {"threads", o.threads},
                    {"seconds", seconds},
                    {"stage_seconds", timings},
                    {"graduate_job_pairs_per_second",
                     topk_secs > 0 ? double(r.graduates.pairs) / topk_secs : 0.0},
                    {"peak_rss_mib", peak_rss_mib()},
                    {"previous_run", previous ? previous->filename().string() : ""}};
        publisher.write_file(runfmt::kRunInfoJson, run.dump(1) + "\n");
        BatchResult result;
        result.run_id = run_id;
        result.run_dir = publisher.publish();
        // Erasures committed while this run read the store.
        apply_pending_erasures(runs, {o.out_dir}, run_id);
        rep.end();
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        json history_entry = summary;
        history_entry["run"] = run;
        result.summary_json = summary.dump(1);
        runs.finish_batch_run(run_id, store::RunStatus::kSucceeded, history_entry.dump(), "");
        return result;
    } catch (const std::exception& e) {
        try {
            runs.finish_batch_run(run_id, store::RunStatus::kFailed, "", e.what());
        } catch (const std::exception&) {
            // The original error matters more than a failed history update.
        }
        throw;
    }
}

}  // namespace talentmatch::batch
