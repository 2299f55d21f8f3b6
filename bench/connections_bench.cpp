// The alliance's other connections at province scale (issue 13's measure):
// teachers x enterprise projects, research results x innovation demands and
// training programs x jobs, beside the graduates x jobs top-k of the same
// world, in the same run.
//   1. graduates x jobs: the nightly top-k both ways (10 jobs per graduate,
//      10 graduates per job), the batch's dominant stage, as the baseline;
//   2. per connection: building its snapshot and its top-k both ways (the
//      nightly stages "top-k teachers", "top-k research results", "top-k
//      training programs"), and the
//      added time as a share of (1);
//   3. per query direction: single-query latency p50/p99 (wall and thread
//      CPU), one supply's top 10 demands and one demand's top 10 supplies.
// Every list sampled is checked against the reference scorer before any time
// is printed. Supplies and demands are drawn from the province world's
// graduate and job shapes (bench/province_world.hpp) under their own ids.
// ./bench.sh runs it after matcher_bench (province scale by default).
// Usage: connections_bench [--graduates N] [--jobs N] [--teachers N]
//                          [--projects N] [--results N] [--demands N]
//                          [--training N]
//                          [--threads N] [--queries N] [--out FILE]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>
#include <vector>

#include "bench/province_world.hpp"
#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/score/reference_scorer.hpp"
#include "matcher/snapshot/connection_snapshot.hpp"

using namespace talentmatch;
using namespace talentmatch::matcher;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return 1e3 * double(ts.tv_sec) + 1e-6 * double(ts.tv_nsec);
}

[[noreturn]] void mismatch(const std::string& what) {
    std::cerr << "RESULT MISMATCH vs reference: " << what << "\n";
    std::exit(1);
}

// The supplies and demands of one connection, from the world's shapes.
Teacher teacher(const bench::ProvinceWorld& w, int i) {
    const Graduate g = w.graduate(i);
    Teacher t{bench::numbered("tch", i), g.institution_id, {}, i % 3 == 0, i % 4 != 0};
    for (const auto& s : g.skills) t.expertise.push_back({s.skill_id, s.level});
    return t;
}
ResearchResult result(const bench::ProvinceWorld& w, int i) {
    const Graduate g = w.graduate(w.shape().graduates - 1 - i);
    ResearchResult r;
    r.id = bench::numbered("res", i);
    r.institution_id = g.institution_id;
    for (const auto& s : g.skills) r.profile.push_back({s.skill_id, s.level});
    r.readiness_level = 1 + i % 9;
    r.available = i % 5 != 0;
    return r;
}
Project project(const bench::ProvinceWorld& w, int i) {
    const Job j = w.job(i);
    return {bench::numbered("prj", i), j.employer_id, j.title, j.requirements, 1 + i % 4, "", ""};
}
InnovationDemand demand(const bench::ProvinceWorld& w, int i) {
    const Job j = w.job(w.shape().jobs - 1 - i);
    return {bench::numbered("dem", i), j.employer_id, "", "", j.requirements, "", ""};
}

TrainingProgram training(const bench::ProvinceWorld& w, int i) {
    const Graduate g = w.graduate(i * 7 % w.shape().graduates);
    TrainingProgram t;
    t.id = bench::numbered("trn", i);
    t.institution_id = g.institution_id;
    for (const auto& s : g.skills) t.skills.push_back({s.skill_id, s.level});
    t.capacity = i % 6 == 0 ? 0 : 30 + i % 90;
    return t;
}
// The jobs are the training programs' demands as they are.
const Job& job_as_demand(const Job& j, const Employer*) {
    return j;
}

struct Latency {
    double p50 = 0, p99 = 0, cpu_p50 = 0, cpu_p99 = 0;
};
Latency latency(std::vector<double> wall, std::vector<double> cpu) {
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    auto pct = [](const std::vector<double>& v, std::size_t n) {
        return v[std::min(v.size() - 1, v.size() * n / 100)];
    };
    return {pct(wall, 50), pct(wall, 99), pct(cpu, 50), pct(cpu, 99)};
}

// One connection: build, nightly top-k both ways, checks, query latency.
template <class Supply, class Demand, class SupplyOf, class DemandOf>
nlohmann::json measure(const char* name, const bench::ProvinceWorld& world, int supplies,
                       int demands, SupplyOf supply_of, DemandOf demand_of, int queries,
                       const ExecutionOptions& exec, double baseline_s) {
    const ScoreConfig config;
    const auto t_build = Clock::now();
    ConnectionSnapshotBuilder<Supply, Demand> builder;
    for (int s = 0; s < world.shape().skills; ++s) builder.add_skill(world.skill(s));
    for (int c = 0; c < 20; ++c)
        builder.add_certificate({bench::numbered("cert", c), "", "", {}, "", "", {}});
    for (int i = 0; i < 50; ++i)
        builder.add_institution({bench::numbered("inst", i), "", world.district(i), {}});
    for (int e = 0; e < world.shape().employers; ++e) builder.add_employer(world.employer(e));
    for (int i = 0; i < supplies; ++i) builder.add_supply(supply_of(i));
    for (int i = 0; i < demands; ++i) builder.add_demand(demand_of(i));
    const auto snapshot = builder.build();
    const Snapshot& s = *snapshot;
    const double build_s = seconds_since(t_build);

    const auto t_batch = Clock::now();
    const BatchTopK lists = batch_top_k(s, CandidateKind::kGraduates,
                                        {0, Index(s.graduates.size())}, 10, 10, {}, config, exec);
    const double batch_s = seconds_since(t_batch);

    // Checks: sampled supplies' lists and demands' lists against the reference.
    std::vector<Graduate> candidates;
    std::vector<Job> jobs;
    for (int i = 0; i < supplies; ++i) candidates.push_back(as_candidate(supply_of(i)));
    for (int i = 0; i < demands; ++i) {
        if constexpr (std::is_same_v<Demand, Job>) {
            jobs.push_back(job_as_demand(demand_of(i), nullptr));
        } else {
            jobs.push_back(as_demand(demand_of(i), nullptr));
        }
    }
    for (int c = 0; c < 5; ++c) {
        const Graduate& g = candidates[std::size_t(c) * 7919 % candidates.size()];
        std::vector<std::pair<PairScore, std::string>> want;
        for (const Job& j : jobs) {
            if (const auto sc = reference_score(g, j, config)) want.push_back({*sc, j.id});
        }
        std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) {
            const int cmp = compare_scores(a.first, b.first);
            return cmp > 0 || (cmp == 0 && a.second < b.second);
        });
        if (want.size() > 10) want.resize(10);
        const auto row = lists.jobs_per_candidate.row(*s.graduates.ids.find(g.id));
        if (row.size() != want.size()) mismatch(std::string(name) + " list length of " + g.id);
        for (std::size_t r = 0; r < row.size(); ++r) {
            if (s.jobs.ids[row[r].index] != want[r].second || !(row[r].score == want[r].first))
                mismatch(std::string(name) + " " + g.id + " rank " + std::to_string(r));
        }
    }
    {
        const Job& j = jobs[jobs.size() / 2];
        std::vector<std::pair<PairScore, std::string>> want;
        for (const Graduate& g : candidates) {
            if (!g.seeking) continue;
            if (const auto sc = reference_score(g, j, config)) want.push_back({*sc, g.id});
        }
        std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) {
            const int cmp = compare_scores(a.first, b.first);
            return cmp > 0 || (cmp == 0 && a.second < b.second);
        });
        if (want.size() > 10) want.resize(10);
        const auto row = lists.candidates_per_job.row(*s.jobs.ids.find(j.id));
        if (row.size() != want.size()) mismatch(std::string(name) + " list length of " + j.id);
        for (std::size_t r = 0; r < row.size(); ++r) {
            if (s.graduates.ids[row[r].index] != want[r].second || !(row[r].score == want[r].first))
                mismatch(std::string(name) + " " + j.id + " rank " + std::to_string(r));
        }
    }

    // Single queries, one thread, as the API runs them.
    ExecutionOptions single{1, Kernel::kAuto};
    std::vector<double> wall[2], cpu[2];
    for (int q = 0; q < queries; ++q) {
        const std::string supply[1] = {
            s.graduates.ids[Index(std::uint64_t(q) * 104729 % s.graduates.size())]};
        const std::string demand[1] = {s.jobs.ids[Index(std::uint64_t(q) * 7919 % s.jobs.size())]};
        for (int d = 0; d < 2; ++d) {
            const double c0 = thread_cpu_ms();
            const auto t = Clock::now();
            const MatchLists r = d == 0 ? top_jobs_for_graduates(s, supply, 10, {}, config, single)
                                        : top_graduates_for_jobs(s, demand, 10, {}, config, single);
            wall[d].push_back(seconds_since(t) * 1e3);
            cpu[d].push_back(thread_cpu_ms() - c0);
            if (r.size() != 1) mismatch(std::string(name) + " single query");
        }
    }
    const Latency by_supply = latency(wall[0], cpu[0]), by_demand = latency(wall[1], cpu[1]);
    const auto as_json = [](const Latency& l) {
        return nlohmann::json{{"p50_ms", l.p50},
                              {"p99_ms", l.p99},
                              {"cpu_p50_ms", l.cpu_p50},
                              {"cpu_p99_ms", l.cpu_p99}};
    };
    return {{"supplies", supplies},
            {"demands", demands},
            {"pairs", double(supplies) * double(demands)},
            {"build_seconds", build_s},
            {"top_k_both_ways_seconds", batch_s},
            {"added_share_of_graduate_job_top_k", (build_s + batch_s) / baseline_s},
            {"demands_for_one_supply", as_json(by_supply)},
            {"supplies_for_one_demand", as_json(by_demand)}};
}

}  // namespace

int main(int argc, char** argv) {
    bench::ProvinceShape shape;
    int teachers = 50'000, projects = 20'000, results = 20'000, demands = 20'000;
    int training_programs = 5'000;
    int threads = 2, queries = 1000;
    std::string out_path = "build/bench/connections.json";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const int v = std::atoi(argv[i + 1]);
        if (a == "--graduates")
            shape.graduates = v;
        else if (a == "--jobs")
            shape.jobs = v;
        else if (a == "--teachers")
            teachers = v;
        else if (a == "--projects")
            projects = v;
        else if (a == "--results")
            results = v;
        else if (a == "--demands")
            demands = v;
        else if (a == "--training")
            training_programs = v;
        else if (a == "--threads")
            threads = v;
        else if (a == "--queries")
            queries = v;
        else if (a == "--out")
            out_path = argv[i + 1];
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    shape.employers = std::min(shape.employers, shape.jobs);
    shape.programs = std::min(shape.programs, shape.graduates);
    teachers = std::min(teachers, shape.graduates);
    results = std::min(results, shape.graduates);
    projects = std::min(projects, shape.jobs);
    demands = std::min(demands, shape.jobs);
    training_programs = std::min(training_programs, shape.graduates);
    const bench::ProvinceWorld world(shape);
    const ExecutionOptions exec{threads, Kernel::kAuto};
    nlohmann::json report;
    {
        std::ifstream load("/proc/loadavg");
        std::string l1;
        load >> l1;
        report["load_average_1min_at_start"] = l1;
    }
    report["threads"] = threads;

    // 1. The baseline: graduates x jobs, the nightly top-k both ways.
    SnapshotBuilder builder;
    for (int s = 0; s < shape.skills; ++s) builder.add_skill(world.skill(s));
    for (int c = 0; c < 20; ++c)
        builder.add_certificate({bench::numbered("cert", c), "", "", {}, "", "", {}});
    for (int i = 0; i < 50; ++i)
        builder.add_institution({bench::numbered("inst", i), "", world.district(i), {}});
    for (int p = 0; p < shape.programs; ++p) builder.add_program(world.program(p));
    for (int e = 0; e < shape.employers; ++e) builder.add_employer(world.employer(e));
    for (int g = 0; g < shape.graduates; ++g) builder.add_graduate(world.graduate(g));
    for (int j = 0; j < shape.jobs; ++j) builder.add_job(world.job(j));
    const auto snapshot = builder.build();
    const auto t_base = Clock::now();
    const BatchTopK base =
        batch_top_k(*snapshot, CandidateKind::kGraduates, {0, Index(snapshot->graduates.size())},
                    10, 10, {}, {}, exec);
    const double base_s = seconds_since(t_base);
    report["graduates_jobs"] = {{"graduates", shape.graduates},
                                {"jobs", shape.jobs},
                                {"pairs", double(shape.graduates) * double(shape.jobs)},
                                {"top_k_both_ways_seconds", base_s}};

    // 2-3. The connections.
    report["teachers_projects"] = measure<Teacher, Project>(
        "teachers-projects", world, teachers, projects, [&](int i) { return teacher(world, i); },
        [&](int i) { return project(world, i); }, queries, exec, base_s);
    report["research_results_innovation_demands"] = measure<ResearchResult, InnovationDemand>(
        "results-demands", world, results, demands, [&](int i) { return result(world, i); },
        [&](int i) { return demand(world, i); }, queries, exec, base_s);
    // Training programs against every job of the world (the jobs themselves).
    report["training_programs_jobs"] = measure<TrainingProgram, Job>(
        "training-jobs", world, training_programs, shape.jobs,
        [&](int i) { return training(world, i); }, [&](int j) { return world.job(j); }, queries,
        exec, base_s);
    report["checked_against_reference"] = true;
    std::ofstream(out_path) << report.dump(2) << "\n";

    std::printf("connections at province scale (%d threads, load %s at start)\n", threads,
                report["load_average_1min_at_start"].get<std::string>().c_str());
    std::printf("  graduates x jobs %d x %d: top-k both ways %.1f s (baseline)\n", shape.graduates,
                shape.jobs, base_s);
    for (const char* key :
         {"teachers_projects", "research_results_innovation_demands", "training_programs_jobs"}) {
        const auto& r = report[key];
        std::printf(
            "  %-36s %d x %d: build %.2f s, top-k both ways %.2f s = %.1f %% of the "
            "baseline; one supply's demands p50 %.3f / p99 %.3f ms, one demand's "
            "supplies p50 %.3f / p99 %.3f ms (wall)\n",
            key, r["supplies"].get<int>(), r["demands"].get<int>(),
            r["build_seconds"].get<double>(), r["top_k_both_ways_seconds"].get<double>(),
            100 * r["added_share_of_graduate_job_top_k"].get<double>(),
            r["demands_for_one_supply"]["p50_ms"].get<double>(),
            r["demands_for_one_supply"]["p99_ms"].get<double>(),
            r["supplies_for_one_demand"]["p50_ms"].get<double>(),
            r["supplies_for_one_demand"]["p99_ms"].get<double>());
    }
    std::printf("  (every sampled list equals the reference scorer's; %s)\n", out_path.c_str());
    (void)base;
    return 0;
}
