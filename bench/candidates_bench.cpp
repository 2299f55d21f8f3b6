// Top-k graduates for one job (GET /v1/jobs/{id}/candidates) at store scale,
// in process: the block scan every graduate block goes through
// (few_jobs_query.hpp, regime A, what the API took before the candidate
// index) beside the candidate index (indexed_candidates_query.hpp, regime B),
// on the same random jobs, interleaved query by query (A, B, A, B ...), with
// the inputs the API prepares (today's-date validity, seeking graduates
// only). Every B list must equal its A list before any time is printed.
// Also the public call (top_graduates_for_jobs, filter resolution included),
// the index's size, and its build cost beside a one-graduate patch (the
// publication it adds to).
//
// Usage: candidates_bench --db STORE [--queries N] [--k K] [--seed S]
//                         [--as-of YYYY-MM-DD] [--threads N] [--only-index 1]
// (--only-index 1: regime B only, ten rounds, nothing printed: for a profiler)
// Prints per regime: process CPU ms per query (all threads) p50 / p99 /
// mean, wall ms p50 / p99, and B/A ratios; the load average at start and end.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "api/snapshot_holder.hpp"
#include "matcher/kernels/pass_runner.hpp"
#include "matcher/query/few_jobs_query.hpp"
#include "matcher/query/indexed_candidates_query.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/query/resolved_filter.hpp"
#include "matcher/snapshot/snapshot_patch.hpp"
#include "matcher/snapshot/snapshot_staging.hpp"
#include "store/store.hpp"

using namespace talentmatch;
using namespace talentmatch::matcher;
using Clock = std::chrono::steady_clock;

namespace {

double cpu_ms() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return 1e3 * double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           1e-3 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

struct Samples {
    std::vector<double> cpu, wall;
    double pct(const std::vector<double>& v, double p) const {
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        return s.empty() ? 0 : s[std::min(s.size() - 1, std::size_t(p * double(s.size())))];
    }
    double mean_cpu() const {
        double sum = 0;
        for (double x : cpu) sum += x;
        return cpu.empty() ? 0 : sum / double(cpu.size());
    }
};

template <typename F>
void timed(Samples& s, F&& f) {
    const double c0 = cpu_ms();
    const auto t0 = Clock::now();
    f();
    s.wall.push_back(ms_since(t0));
    s.cpu.push_back(cpu_ms() - c0);
}

void print_row(const char* name, const Samples& s) {
    std::printf("%-34s cpu ms p50 %8.3f p99 %8.3f mean %8.3f | wall ms p50 %8.3f p99 %8.3f\n", name,
                s.pct(s.cpu, 0.5), s.pct(s.cpu, 0.99), s.mean_cpu(), s.pct(s.wall, 0.5),
                s.pct(s.wall, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
    std::string db, as_of = today_utc();
    std::size_t queries = 200, k = 10;
    unsigned seed = 42;
    int threads = 0;
    bool only_index = false;  // for a profiler: regime B only, no checks, no times
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--db")
            db = argv[i + 1];
        else if (a == "--queries")
            queries = std::stoul(argv[i + 1]);
        else if (a == "--k")
            k = std::stoul(argv[i + 1]);
        else if (a == "--seed")
            seed = unsigned(std::stoul(argv[i + 1]));
        else if (a == "--as-of")
            as_of = argv[i + 1];
        else if (a == "--threads")
            threads = std::stoi(argv[i + 1]);
        else if (a == "--only-index")
            only_index = std::stoi(argv[i + 1]) != 0;
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (db.empty()) {
        std::fprintf(stderr, "usage: candidates_bench --db STORE [--queries N] [--k K] ...\n");
        return 2;
    }
    std::printf("== candidates bench: load %s, as_of %s, k %zu, %zu queries, seed %u\n",
                load_average().c_str(), as_of.c_str(), k, queries, seed);
    auto t0 = Clock::now();
    std::shared_ptr<const Snapshot> snap;
    {
        store::Store st(db);
        snap = api::build_snapshot(st);
    }
    const CandidateSet& cs = snap->graduates;
    std::printf("snapshot: %zu graduates, %zu jobs, %zu skills, built in %.1f s (%.2f GiB)\n",
                cs.size(), snap->jobs.size(), snap->skills.size(), ms_since(t0) / 1e3,
                double(snap->stats.memory_bytes) / double(1u << 30));
    std::printf("index: %zu tiles, %zu postings, %.1f MiB\n", cs.index.blocks(),
                cs.index.postings.size(), double(cs.index.memory_bytes()) / double(1u << 20));

    // Build cost of the index beside a one-graduate patch (publication).
    Samples build, patch;
    for (int r = 0; r < 3; ++r) {
        timed(build, [&] { (void)staging::build_candidate_index(cs); });
        const std::string id = cs.ids[Index((r + 1) * cs.size() / 4)];
        timed(patch, [&] {
            (void)patch_graduates(
                *snap, [](const std::string&) -> const Graduate* { return nullptr; }, {id});
        });
    }
    print_row("index build (whole set)", build);
    print_row("patch_graduates (1 erased)", patch);
    // The writes a server publishes most: one graduate updated in place, one
    // new graduate whose id sorts in the middle, one whose id sorts last.
    {
        store::Store st(db);
        const std::string middle = cs.ids[Index(cs.size() / 2)];
        std::optional<Graduate> g = st.get<Graduate>(middle);
        if (!g) return 1;
        Graduate updated = *g, inserted = *g, appended = *g;
        updated.graduation_year += 1;
        inserted.id = middle + "-bench";
        appended.id = "~bench";
        for (const Graduate* one : {&updated, &inserted, &appended}) {
            Samples s;
            for (int r = 0; r < 3; ++r) {
                timed(s, [&] {
                    (void)patch_graduates(
                        *snap, [&](const std::string&) -> const Graduate* { return one; },
                        {one->id});
                });
            }
            print_row(one == &updated    ? "patch_graduates (1 updated)"
                      : one == &inserted ? "patch_graduates (1 new, middle)"
                                         : "patch_graduates (1 new, last)",
                      s);
        }
    }

    // The inputs candidates_for prepares (match_query.cpp).
    MatchFilter filter;
    filter.as_of = as_of;
    detail::ResolvedFilter rf = detail::resolve_filter(*snap, CandidateKind::kGraduates, filter);
    const std::span<const std::uint8_t> ok =
        rf.candidate_listed.empty() ? rf.candidate_ok : rf.candidate_listed;
    std::mt19937 rng(seed);
    std::vector<Index> jobs;
    while (jobs.size() < queries) {
        const Index j = Index(rng() % snap->jobs.size());
        if (rf.job_ok.empty() || rf.job_ok[j]) jobs.push_back(j);
    }
    ExecutionOptions ex;
    ex.threads = threads;
    QueryWorkspace workspace;
    ex.workspace = &workspace;
    if (only_index) {
        for (int r = 0; r < 10; ++r) {
            for (const Index j : jobs) {
                const Index one[1] = {j};
                const auto cov_min = detail::coverage_minimums(*snap, one, rf.min_coverage_bp);
                (void)detail::indexed_top_candidates(*snap, cs, one, cov_min, ok, k, ScoreConfig{},
                                                     ex);
            }
        }
        return 0;
    }
    Samples a, b, api;
    detail::IndexedQueryStats stats;
    for (std::size_t q = 0; q < jobs.size(); ++q) {
        const Index one[1] = {jobs[q]};
        const auto cov_min = detail::coverage_minimums(*snap, one, rf.min_coverage_bp);
        TopKLists la, lb;
        timed(a, [&] {
            la = detail::few_jobs_top_candidates(*snap, cs, one, cov_min, ok, k, ScoreConfig{}, ex);
        });
        timed(b, [&] {
            lb = detail::indexed_top_candidates(*snap, cs, one, cov_min, ok, k, ScoreConfig{}, ex,
                                                &stats);
        });
        if (!(la == lb)) {
            std::fprintf(stderr, "RESULT MISMATCH: job %s\n", snap->jobs.ids[jobs[q]].c_str());
            return 1;
        }
        const std::string ids[1] = {snap->jobs.ids[jobs[q]]};
        timed(api, [&] { (void)top_graduates_for_jobs(*snap, ids, k, filter, ScoreConfig{}, ex); });
    }
    std::printf("all %zu lists equal (block scan = index)\n", jobs.size());
    print_row("A block scan (few_jobs_query)", a);
    print_row("B candidate index", b);
    print_row("B via top_graduates_for_jobs", api);
    std::printf("B/A cpu mean %.4f  p99 %.4f | wall p50 %.4f\n", b.mean_cpu() / a.mean_cpu(),
                b.pct(b.cpu, 0.99) / a.pct(a.cpu, 0.99), b.pct(b.wall, 0.5) / a.pct(a.wall, 0.5));
    std::printf("B per query: %.0f of %zu tiles bounded, %.1f scored, %.0f postings read\n",
                double(stats.blocks_bounded) / double(jobs.size()), cs.index.blocks(),
                double(stats.blocks_scored) / double(jobs.size()),
                double(stats.postings) / double(jobs.size()));
    std::printf("load at end %s\n", load_average().c_str());
    return 0;
}
