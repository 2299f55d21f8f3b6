// The matcher benchmarks of issue 3, one harness, results checked against the
// reference scorer on a sample BEFORE any time is printed:
//  1. full province batch (top-10 jobs per graduate + top-50 graduates per job);
//  2. FAISS IndexFlatIP side by side on a graduate sample × every job;
//  3. single-graduate query latency (p50/p99);
//  4. snapshot build time and peak memory;
//  5. single-graduate query latency on the shipped taxonomy's shape (386
//     skills, so a graduate's postings reach most jobs): the dense regime
//     (dense_query.hpp, what the API uses) beside the sparse regime
//     (sparse_query.hpp, the old path) measured interleaved in the same run,
//     with the ratio; the same pair of rows is printed for the 2,000-skill
//     world of figure 3;
//  6. the other single-item directions (graduates for a job, programs for a
//     job, jobs for a program) on the shipped taxonomy's shape.
// Usage: matcher_bench [--graduates N] [--jobs N] [--skills N] [--threads N]
//                      [--faiss-graduates N] [--queries N] [--out results.json]
//                      [--commit SHA] [--batch 0|1] [--shipped-skills N]
//                      [--shipped-graduates N]
// --batch 0 skips figures 1 and 2 (the minutes-long province batch and FAISS)
// for quick latency runs.
#include <faiss/IndexFlat.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "bench/province_world.hpp"
#include "matcher/kernels/batch_top_k.hpp"
#include "matcher/kernels/block_kernels.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/query/dense_query.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/query/sparse_query.hpp"
#include "matcher/score/reference_scorer.hpp"

using namespace talentmatch;
using namespace talentmatch::matcher;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Process CPU seconds (user + system, all threads): with a loaded machine the
// wall time overstates the engine's cost; both are reported.
double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// This thread's CPU time in milliseconds (per-query cost without other load).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return 1e3 * double(ts.tv_sec) + 1e-6 * double(ts.tv_nsec);
}

double peak_rss_gib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / (1024.0 * 1024.0);
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    }
    return "unknown";
}

[[noreturn]] void mismatch(const std::string& what) {
    std::cerr << "RESULT MISMATCH vs reference: " << what << "\n";
    std::exit(1);
}

struct Ranked {
    std::string id;
    PairScore score;
};

void sort_cut(std::vector<Ranked>& v, std::size_t k) {
    std::sort(v.begin(), v.end(), [](const Ranked& a, const Ranked& b) {
        const int c = compare_scores(a.score, b.score);
        return c > 0 || (c == 0 && a.id < b.id);
    });
    if (v.size() > k) v.resize(k);
}

void check_row(std::span<const IndexedMatch> got, const SortedIds& ids,
               const std::vector<Ranked>& want, const std::string& where) {
    if (got.size() != want.size()) mismatch(where + ": list length");
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (ids[got[i].index] != want[i].id || !(got[i].score == want[i].score)) {
            mismatch(where + " rank " + std::to_string(i));
        }
    }
}

SnapshotBuilder world_builder(const bench::ProvinceWorld& world) {
    const bench::ProvinceShape& shape = world.shape();
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
    return builder;
}

std::vector<Ranked> reference_top_jobs(const bench::ProvinceWorld& world,
                                       const std::vector<Job>& jobs, int g, std::size_t k,
                                       const ScoreConfig& config) {
    const Graduate grad = world.graduate(g);
    std::vector<Ranked> out;
    for (const Job& j : jobs) {
        if (auto s = reference_score(grad, j, config)) out.push_back({j.id, *s});
    }
    sort_cut(out, k);
    return out;
}

// Wall-clock percentiles of one regime, in ms.
struct Percentiles {
    double p50 = 0, p99 = 0;
};

Percentiles percentiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](std::size_t num) { return v[std::min(v.size() - 1, v.size() * num / 100)]; };
    return {at(50), at(99)};
}

// Prints a figure-5 row pair: wall time, then this thread's CPU time.
void print_regimes(const nlohmann::json& r) {
    auto d = [&](const char* key) { return r[key].get<double>(); };
    std::printf(
        "%-44s dense p50 %.3f / p99 %.3f ms, sparse (old) p50 %.3f / p99 %.3f ms: "
        "sparse/dense %.2fx (p50), %.2fx (p99); API (%s) p50 %.3f / p99 %.3f ms "
        "(%d skills, %.0f postings/query)\n",
        r["label"].get<std::string>().c_str(), d("dense_p50_ms"), d("dense_p99_ms"),
        d("sparse_p50_ms"), d("sparse_p99_ms"), d("sparse_over_dense_p50"),
        d("sparse_over_dense_p99"), r["api_regime"].get<std::string>().c_str(), d("api_p50_ms"),
        d("api_p99_ms"), r["skills"].get<int>(), d("mean_postings_per_query"));
    std::printf(
        "%-44s dense p50 %.3f / p99 %.3f ms, sparse (old) p50 %.3f / p99 %.3f ms: "
        "sparse/dense %.2fx (p50), %.2fx (p99); API p50 %.3f / p99 %.3f ms\n",
        "   same, thread CPU time per query", d("dense_cpu_p50_ms"), d("dense_cpu_p99_ms"),
        d("sparse_cpu_p50_ms"), d("sparse_cpu_p99_ms"),
        d("sparse_cpu_p50_ms") / d("dense_cpu_p50_ms"),
        d("sparse_cpu_p99_ms") / d("dense_cpu_p99_ms"), d("api_cpu_p50_ms"), d("api_cpu_p99_ms"));
}

// Figure 5: the dense and the sparse regime (called directly, both with
// reused scratch, no filter) and the public API (which picks a regime), each
// on the same graduates, in runs of 50 queries per regime with a rotating
// order, so that load from others affects all three alike. The first graduates'
// results are checked against the reference scorer before anything is timed.
nlohmann::json regime_latency(const Snapshot& snap, const bench::ProvinceWorld& world,
                              const std::vector<Job>& jobs, int queries, const ScoreConfig& config,
                              const char* label) {
    constexpr std::size_t k = 10;
    const detail::ResolvedFilter no_filter;
    const detail::DenseScan scan =
        detail::cpu_has_avx512bw() ? detail::DenseScan::kAvx512 : detail::DenseScan::kScalar;
    detail::SparseScratch scratch;
    QueryWorkspace workspace;
    ExecutionOptions single{1, Kernel::kAuto};
    single.workspace = &workspace;
    std::vector<detail::HeapEntry> slots(k);
    std::uint32_t count = 0;
    auto run = [&](int regime, Index g) -> std::vector<std::pair<Index, PairScore>> {
        std::vector<std::pair<Index, PairScore>> out;
        if (regime == 2) {
            const std::string ids[1] = {snap.graduates.ids[g]};
            const MatchLists lists = top_jobs_for_graduates(snap, ids, k, {}, config, single);
            for (const Match& m : lists[0]) {
                out.emplace_back(m.index, m.exact);
            }
            return out;
        }
        if (regime == 0) {
            detail::dense_top_jobs(snap, snap.graduates, g, no_filter, {}, config, slots, count,
                                   scratch, scan);
        } else {
            detail::sparse_top_jobs(snap, snap.graduates, g, no_filter, {}, config, slots, count,
                                    scratch);
        }
        detail::sort_best_first(slots, count);
        for (std::uint32_t i = 0; i < count; ++i) out.emplace_back(slots[i].index, slots[i].score);
        return out;
    };
    const auto graduate_of = [&](int q) {
        return Index((std::uint64_t(q) * 104729) % snap.graduates.size());
    };
    double postings = 0;
    for (int q = 0; q < 3; ++q) {
        const Index g = graduate_of(q);
        const std::vector<Ranked> want = reference_top_jobs(
            world, jobs, int(std::stoi(snap.graduates.ids[g].substr(4))), k, config);
        for (int regime = 0; regime < 3; ++regime) {
            const auto got = run(regime, g);
            if (got.size() != want.size()) mismatch(std::string(label) + ": list length");
            for (std::size_t i = 0; i < got.size(); ++i) {
                if (snap.jobs.ids[got[i].first] != want[i].id || !(got[i].second == want[i].score))
                    mismatch(std::string(label) + " regime " + std::to_string(regime) + " rank " +
                             std::to_string(i));
            }
        }
    }
    // Runs of kRun queries per regime (each regime's scratch warm, as on a
    // server thread answering one query after another), rotating regimes.
    constexpr int kRun = 50;
    std::vector<double> lat[3], cpu[3];
    for (int q0 = 0; q0 < queries; q0 += kRun) {
        for (int i = 0; i < 3; ++i) {
            const int regime = (q0 / kRun + i) % 3;
            for (int q = q0; q < std::min(queries, q0 + kRun); ++q) {
                const Index g = graduate_of(q);
                const double c0 = thread_cpu_ms();
                const auto t = Clock::now();
                const auto r = run(regime, g);
                lat[regime].push_back(seconds_since(t) * 1e3);
                cpu[regime].push_back(thread_cpu_ms() - c0);
                if (r.size() > k) mismatch("list longer than k");
            }
        }
    }
    for (int q = 0; q < queries; ++q) {
        postings +=
            double(detail::candidate_postings(snap.job_plan, snap.graduates, graduate_of(q)));
    }
    const Percentiles dense = percentiles(lat[0]), sparse = percentiles(lat[1]),
                      api = percentiles(lat[2]);
    const Percentiles dense_cpu = percentiles(cpu[0]), sparse_cpu = percentiles(cpu[1]),
                      api_cpu = percentiles(cpu[2]);
    const bool api_dense = detail::prefers_dense(snap.job_plan, snap.graduates, graduate_of(0));
    return {{"label", label},
            {"queries", queries},
            {"skills", snap.skills.size()},
            {"jobs", snap.jobs.size()},
            {"mean_postings_per_query", postings / queries},
            {"dense_p50_ms", dense.p50},
            {"dense_p99_ms", dense.p99},
            {"sparse_p50_ms", sparse.p50},
            {"sparse_p99_ms", sparse.p99},
            {"sparse_over_dense_p50", sparse.p50 / dense.p50},
            {"sparse_over_dense_p99", sparse.p99 / dense.p99},
            {"api_regime", api_dense ? "dense" : "sparse"},
            {"api_p50_ms", api.p50},
            {"api_p99_ms", api.p99},
            {"dense_cpu_p50_ms", dense_cpu.p50},
            {"dense_cpu_p99_ms", dense_cpu.p99},
            {"sparse_cpu_p50_ms", sparse_cpu.p50},
            {"sparse_cpu_p99_ms", sparse_cpu.p99},
            {"api_cpu_p50_ms", api_cpu.p50},
            {"api_cpu_p99_ms", api_cpu.p99}};
}

// Figure 6: the other single-item queries the API serves, on one thread with
// reused scratch: top graduates for a job, top programs for a job, top jobs
// for a program (k = 10). The first query of each is checked against the
// reference scorer (over every graduate / program / job) before timing.
nlohmann::json direction_latency(const Snapshot& snap, const bench::ProvinceWorld& world,
                                 const std::vector<Job>& jobs, int queries,
                                 const ScoreConfig& config) {
    constexpr std::size_t k = 10;
    QueryWorkspace workspace;
    ExecutionOptions single{1, Kernel::kAuto};
    single.workspace = &workspace;
    const int shape_graduates = world.shape().graduates, shape_programs = world.shape().programs;
    auto check = [&](const std::vector<Match>& got, std::vector<Ranked> want, const char* what) {
        sort_cut(want, k);
        if (got.size() != want.size()) mismatch(std::string(what) + ": list length");
        for (std::size_t i = 0; i < got.size(); ++i) {
            if (got[i].id != want[i].id || !(got[i].exact == want[i].score))
                mismatch(std::string(what) + " rank " + std::to_string(i));
        }
    };
    {
        const Job& job = jobs[0];
        const std::string ids[1] = {job.id};
        std::vector<Ranked> want_g, want_p;
        for (int g = 0; g < shape_graduates; ++g) {
            const Graduate grad = world.graduate(g);
            if (auto s = reference_score(grad, job, config)) want_g.push_back({grad.id, *s});
        }
        for (int p = 0; p < shape_programs; ++p) {
            const Program prog = world.program(p);
            if (auto s = reference_score(prog, job, config)) want_p.push_back({prog.id, *s});
        }
        check(top_graduates_for_jobs(snap, ids, k, {}, config, single)[0], want_g,
              "graduates for a job");
        check(top_programs_for_jobs(snap, ids, k, {}, config, single)[0], want_p,
              "programs for a job");
        const Program prog = world.program(0);
        const std::string pids[1] = {prog.id};
        std::vector<Ranked> want_j;
        for (const Job& j : jobs) {
            if (auto s = reference_score(prog, j, config)) want_j.push_back({j.id, *s});
        }
        check(top_jobs_for_programs(snap, pids, k, {}, config, single)[0], want_j,
              "jobs for a program");
    }
    nlohmann::json out = {{"graduates", snap.graduates.size()},
                          {"programs", snap.programs.size()},
                          {"jobs", snap.jobs.size()},
                          {"skills", snap.skills.size()},
                          {"queries", queries}};
    // The old path for one job's graduates: the block pass over every block
    // (what candidates_for ran before few_jobs_query.hpp), called directly.
    auto block_pass_graduates = [&](Index job) {
        const Index job_list[1] = {job};
        detail::PassInput in;
        in.snapshot = &snap;
        in.candidates = &snap.graduates;
        in.config = &config;
        in.range_begin = 0;
        in.range_end = Index(snap.graduates.size());
        in.job_list = job_list;
        in.k_candidates = k;
        std::vector<Index> blocks(snap.graduates.block_count());
        for (Index b = 0; b < blocks.size(); ++b) blocks[b] = b;
        auto collectors = detail::run_parallel_pass(in, blocks, single);
        return detail::merge_job_heaps(collectors, 1, k);
    };
    {
        const TopKLists old = block_pass_graduates(0);
        const std::string ids[1] = {snap.jobs.ids[0]};
        const MatchLists now = top_graduates_for_jobs(snap, ids, k, {}, config, single);
        const auto row = old.row(0);
        if (row.size() != now[0].size()) mismatch("block pass vs few-jobs path: length");
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i].index != now[0][i].index || !(row[i].score == now[0][i].exact))
                mismatch("block pass vs few-jobs path");
        }
    }
    const char* names[4] = {"graduates_for_job", "programs_for_job", "jobs_for_program",
                            "graduates_for_job_old_block_pass"};
    for (int d = 0; d < 4; ++d) {
        std::vector<double> cpu;
        for (int q = 0; q < queries; ++q) {
            if (d == 3 && q >= std::max(1, queries / 4)) break;  // slow: a quarter of the queries
            const std::size_t n = d == 2 ? snap.programs.size() : snap.jobs.size();
            const Index i = Index((std::uint64_t(q) * 104729) % n);
            const std::string ids[1] = {d == 2 ? snap.programs.ids[i] : snap.jobs.ids[i]};
            const double c0 = thread_cpu_ms();
            if (d == 3) {
                if (block_pass_graduates(i).row(0).size() > k) mismatch("list longer than k");
                cpu.push_back(thread_cpu_ms() - c0);
                continue;
            }
            const MatchLists r = d == 0   ? top_graduates_for_jobs(snap, ids, k, {}, config, single)
                                 : d == 1 ? top_programs_for_jobs(snap, ids, k, {}, config, single)
                                          : top_jobs_for_programs(snap, ids, k, {}, config, single);
            cpu.push_back(thread_cpu_ms() - c0);
            if (r[0].size() > k) mismatch("list longer than k");
        }
        const Percentiles p = percentiles(cpu);
        out[names[d]] = {{"cpu_p50_ms", p.p50}, {"cpu_p99_ms", p.p99}};
    }
    return out;
}

void print_directions(const nlohmann::json& r) {
    auto at = [&](const char* d, const char* key) { return r[d][key].get<double>(); };
    std::printf(
        "%-44s thread CPU p50/p99: graduates for a job %.3f/%.3f ms (old block pass %.3f/%.3f "
        "ms, %.2fx at p50), programs for a job %.3f/%.3f ms, jobs for a program %.3f/%.3f ms "
        "(%zu graduates, %zu skills)\n",
        "6. other directions, shipped taxonomy shape", at("graduates_for_job", "cpu_p50_ms"),
        at("graduates_for_job", "cpu_p99_ms"), at("graduates_for_job_old_block_pass", "cpu_p50_ms"),
        at("graduates_for_job_old_block_pass", "cpu_p99_ms"),
        at("graduates_for_job_old_block_pass", "cpu_p50_ms") /
            at("graduates_for_job", "cpu_p50_ms"),
        at("programs_for_job", "cpu_p50_ms"), at("programs_for_job", "cpu_p99_ms"),
        at("jobs_for_program", "cpu_p50_ms"), at("jobs_for_program", "cpu_p99_ms"),
        r["graduates"].get<std::size_t>(), r["skills"].get<std::size_t>());
}

}  // namespace

int main(int argc, char** argv) {
    bench::ProvinceShape shape;
    int threads = 2, faiss_graduates = 20'000, queries = 10'000;
    int run_batch = 1, shipped_skills = 386, shipped_graduates = 20'000;
    std::string out_path = "build/bench/results.json", commit = "unknown";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const char* v = argv[i + 1];
        if (a == "--graduates")
            shape.graduates = std::atoi(v);
        else if (a == "--jobs")
            shape.jobs = std::atoi(v);
        else if (a == "--skills")
            shape.skills = std::atoi(v);
        else if (a == "--threads")
            threads = std::atoi(v);
        else if (a == "--faiss-graduates")
            faiss_graduates = std::atoi(v);
        else if (a == "--queries")
            queries = std::atoi(v);
        else if (a == "--out")
            out_path = v;
        else if (a == "--commit")
            commit = v;
        else if (a == "--batch")
            run_batch = std::atoi(v);
        else if (a == "--shipped-skills")
            shipped_skills = std::atoi(v);
        else if (a == "--shipped-graduates")
            shipped_graduates = std::atoi(v);
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    shape.employers = std::min(shape.employers, shape.jobs);
    shape.programs = std::min(shape.programs, shape.graduates);
    faiss_graduates = std::min(faiss_graduates, shape.graduates);
    const bench::ProvinceWorld world(shape);
    const ScoreConfig config;
    nlohmann::json report;
    report["machine"] = {{"cpu", cpu_model()},
                         {"avx512bw", __builtin_cpu_supports("avx512bw") != 0}};
    report["commit"] = commit;
    report["threads"] = threads;
    {
        std::ifstream load("/proc/loadavg");
        std::string l1;
        load >> l1;
        report["machine"]["load_average_1min_at_start"] = l1;
    }
    report["sizes"] = {{"graduates", shape.graduates},
                       {"jobs", shape.jobs},
                       {"skills", shape.skills},
                       {"skills_per_graduate", shape.skills_per_graduate},
                       {"requirements_per_job", shape.requirements_per_job}};
    report["data"] = "synthetic province-shaped world generated in process (fixed seeds)";

    // 4. Snapshot build (streaming: one Graduate object alive at a time).
    const auto t_build = Clock::now();
    const auto snapshot = world_builder(world).build();
    const double build_total = seconds_since(t_build);
    const double build_rss = peak_rss_gib();
    const Snapshot& snap = *snapshot;

    // Reference data for the checks: every job, a sample of graduates.
    std::vector<Job> jobs;
    for (int j = 0; j < shape.jobs; ++j) jobs.push_back(world.job(j));
    std::vector<int> sample;
    for (int i = 0; i < 12; ++i)
        sample.push_back(int((std::uint64_t(i) * 7919 * 104729) % unsigned(shape.graduates)));

    auto reference_jobs = [&](int g, std::size_t k) {
        return reference_top_jobs(world, jobs, g, k, config);
    };

    // 1. Full batch (skipped with --batch 0, as is figure 2).
    const ExecutionOptions exec{threads, Kernel::kAuto};
    const double pairs = double(shape.graduates) * double(shape.jobs);
    double batch_s = 0, batch_cpu = 0, batch_rss = 0, ours_s = 0, faiss_s = 0;
    const std::size_t dim = snap.skills.size();
    if (run_batch != 0) {
        const double cpu_batch0 = cpu_seconds();
        const auto t_batch = Clock::now();
        const BatchTopK batch =
            batch_top_k(snap, CandidateKind::kGraduates, {0, Index(snap.graduates.size())}, 10, 50,
                        {}, config, exec);
        batch_s = seconds_since(t_batch);
        batch_cpu = cpu_seconds() - cpu_batch0;
        batch_rss = peak_rss_gib();
        for (int g : sample) {
            const Index gi = *snap.graduates.ids.find(bench::numbered("grad", g));
            check_row(batch.jobs_per_candidate.row(gi), snap.jobs.ids, reference_jobs(g, 10),
                      "batch jobs for grad " + std::to_string(g));
        }
        {  // Two jobs' top-50 against the reference over every graduate.
            const int check_jobs[2] = {0, shape.jobs / 2};
            std::vector<Ranked> want[2];
            for (int g = 0; g < shape.graduates; ++g) {
                const Graduate grad = world.graduate(g);
                for (int c = 0; c < 2; ++c) {
                    if (auto s = reference_score(grad, jobs[check_jobs[c]], config)) {
                        want[c].push_back({grad.id, *s});
                    }
                }
            }
            for (int c = 0; c < 2; ++c) {
                sort_cut(want[c], 50);
                const Index ji = *snap.jobs.ids.find(jobs[check_jobs[c]].id);
                check_row(batch.candidates_per_job.row(ji), snap.graduates.ids, want[c],
                          "batch graduates for " + jobs[check_jobs[c]].id);
            }
        }

        // 2. FAISS IndexFlatIP vs our engine on the first faiss_graduates graduates.
        const auto t_ours = Clock::now();
        const BatchTopK ours = batch_top_k(snap, CandidateKind::kGraduates,
                                           {0, Index(faiss_graduates)}, 10, 0, {}, config, exec);
        ours_s = seconds_since(t_ours);
        for (int g = 0; g < 3; ++g) {
            check_row(ours.jobs_per_candidate.row(g), snap.jobs.ids,
                      reference_jobs(int(std::stoi(snap.graduates.ids[g].substr(4))), 10),
                      "sample batch");
        }
        std::vector<float> xb(std::size_t(shape.jobs) * dim, 0.0f),
            xq(std::size_t(faiss_graduates) * dim, 0.0f);
        for (Index j = 0; j < snap.jobs.size(); ++j) {
            for (const auto& r : snap.jobs.requirements.row(j))
                xb[j * dim + r.skill] = float(r.weight * r.level);
        }
        for (Index g = 0; g < Index(faiss_graduates); ++g) {
            for (const auto& s : snap.graduates.skills.row(g))
                xq[g * dim + s.skill] = float(s.level);
        }
        faiss::IndexFlatIP index{faiss::Index::idx_t(dim)};
        index.add(faiss::Index::idx_t(shape.jobs), xb.data());
        std::vector<float> distances(std::size_t(faiss_graduates) * 10);
        std::vector<faiss::Index::idx_t> labels(std::size_t(faiss_graduates) * 10);
        const auto t_faiss = Clock::now();
        index.search(faiss::Index::idx_t(faiss_graduates), xq.data(), 10, distances.data(),
                     labels.data());
        faiss_s = seconds_since(t_faiss);
        // Sanity: FAISS's best inner product equals a direct dot product.
        {
            double dot = 0;
            for (std::size_t d = 0; d < dim; ++d)
                dot += double(xq[d]) * xb[std::size_t(labels[0]) * dim + d];
            if (std::abs(dot - distances[0]) > 1e-3 * std::max(1.0, dot))
                mismatch("faiss inner product");
        }
    }

    // 3. Single-graduate latency.
    // The caller keeps a QueryWorkspace (as a server would), so a query
    // reuses its scratch. Wall latency suffers from other load on a shared
    // machine; the thread's CPU time per query is reported beside it.
    std::vector<double> lat, lat_cpu;
    lat.reserve(queries);
    lat_cpu.reserve(queries);
    QueryWorkspace workspace;
    ExecutionOptions single{1, Kernel::kAuto};
    single.workspace = &workspace;
    for (int q = 0; q < queries; ++q) {
        const std::string id =
            snap.graduates.ids[Index((std::uint64_t(q) * 104729) % snap.graduates.size())];
        const std::string ids[1] = {id};
        const double c0 = thread_cpu_ms();
        const auto t = Clock::now();
        const MatchLists r = top_jobs_for_graduates(snap, ids, 10, {}, config, single);
        lat.push_back(seconds_since(t) * 1e3);
        lat_cpu.push_back(thread_cpu_ms() - c0);
        if (q < 3) {
            const auto want = reference_jobs(int(std::stoi(id.substr(4))), 10);
            if (r[0].size() != want.size()) mismatch("single query length");
            for (std::size_t i = 0; i < want.size(); ++i) {
                if (r[0][i].id != want[i].id || !(r[0][i].exact == want[i].score))
                    mismatch("single query");
            }
        }
    }
    std::sort(lat.begin(), lat.end());
    std::sort(lat_cpu.begin(), lat_cpu.end());
    auto pct = [](const std::vector<double>& v, std::size_t num) {
        return v[std::min(v.size() - 1, v.size() * num / 100)];
    };
    const double p50 = pct(lat, 50), p99 = pct(lat, 99);
    const double cpu_p50 = pct(lat_cpu, 50), cpu_p99 = pct(lat_cpu, 99);

    // 5. Dense vs sparse regime: this world, then the shipped taxonomy's shape.
    const nlohmann::json regimes_here =
        regime_latency(snap, world, jobs, queries, config, "5a. regimes, this world");
    nlohmann::json regimes_shipped, directions_shipped;
    {
        bench::ProvinceShape shipped = shape;
        shipped.skills = shipped_skills;
        shipped.graduates = shipped_graduates;
        shipped.programs = std::min(shipped.programs, shipped.graduates);
        const bench::ProvinceWorld shipped_world(shipped);
        const auto shipped_snap = world_builder(shipped_world).build();
        std::vector<Job> shipped_jobs;
        for (int j = 0; j < shipped.jobs; ++j) shipped_jobs.push_back(shipped_world.job(j));
        directions_shipped = direction_latency(*shipped_snap, shipped_world, shipped_jobs,
                                               std::min(queries, 200), config);
        regimes_shipped = regime_latency(*shipped_snap, shipped_world, shipped_jobs, queries,
                                         config, "5b. regimes, shipped taxonomy shape");
    }

    report["snapshot"] = {{"build_seconds_total", build_total},
                          {"build_seconds_layout", snap.stats.build_seconds},
                          {"snapshot_bytes", snap.stats.memory_bytes},
                          {"peak_rss_gib_after_build", build_rss}};
    if (run_batch != 0) {
        report["full_batch"] = {{"k_jobs_per_graduate", 10},
                                {"k_graduates_per_job", 50},
                                {"pairs", pairs},
                                {"seconds", batch_s},
                                {"pairs_per_second", pairs / batch_s},
                                {"cpu_seconds", batch_cpu},
                                {"pairs_per_cpu_second", pairs / batch_cpu},
                                {"peak_rss_gib", batch_rss}};
        report["faiss"] = {{"graduates", faiss_graduates},
                           {"jobs", shape.jobs},
                           {"dim", dim},
                           {"ours_seconds", ours_s},
                           {"faiss_indexflatip_seconds", faiss_s},
                           {"speedup_ours_vs_faiss", faiss_s / ours_s}};
    }
    report["single_query"] = {{"queries", queries},    {"jobs", shape.jobs},
                              {"p50_ms", p50},         {"p99_ms", p99},
                              {"cpu_p50_ms", cpu_p50}, {"cpu_p99_ms", cpu_p99}};
    report["single_query_regimes"] = {{"this_world", regimes_here},
                                      {"shipped_taxonomy_shape", regimes_shipped}};
    report["other_directions_shipped_taxonomy_shape"] = directions_shipped;
    report["peak_rss_gib"] = peak_rss_gib();
    report["checked_against_reference"] = true;

    std::ofstream(out_path) << report.dump(2) << "\n";
    std::printf("talentmatch matcher benchmark  (%s, %d threads, commit %s)\n", cpu_model().c_str(),
                threads, commit.c_str());
    std::printf(
        "data: synthetic province-shaped, %d graduates x %d jobs, %d skills; results match the "
        "reference scorer on a sample\n",
        shape.graduates, shape.jobs, shape.skills);
    std::printf("%-44s %s\n", "figure", "value");
    if (run_batch != 0) {
        std::printf("%-44s %.2f s wall, %.3g pairs/s (%.1f CPU-s, %.3g pairs/CPU-s)\n",
                    "1. full batch top-10 jobs + top-50 grads", batch_s, pairs / batch_s, batch_cpu,
                    pairs / batch_cpu);
        std::printf(
            "%-44s ours %.2f s, FAISS %.2f s, ratio %.1fx\n",
            ("2. " + std::to_string(faiss_graduates) + " grads x all jobs vs IndexFlatIP").c_str(),
            ours_s, faiss_s, faiss_s / ours_s);
    } else {
        std::printf("%-44s skipped (--batch 0)\n", "1.-2. full batch, FAISS");
    }
    std::printf("%-44s p50 %.3f ms, p99 %.3f ms wall (thread CPU: p50 %.3f ms, p99 %.3f ms)\n",
                "3. single-graduate query latency", p50, p99, cpu_p50, cpu_p99);
    std::printf("%-44s %.1f s (layout %.1f s), snapshot %.2f GiB, peak RSS %.2f GiB\n",
                "4. snapshot build", build_total, snap.stats.build_seconds,
                double(snap.stats.memory_bytes) / (1 << 30), build_rss);
    print_regimes(regimes_here);
    print_regimes(regimes_shipped);
    print_directions(directions_shipped);
    std::printf("%-44s %.2f GiB\n", "peak RSS (whole run)", peak_rss_gib());
    std::printf("wrote %s\n", out_path.c_str());
    return 0;
}
