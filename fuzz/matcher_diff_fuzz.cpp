// Differential fuzz target: the matcher's fast paths (AVX-512 kernels when
// the CPU has them, and the portable scalar kernels) against the reference
// scorer (matcher/score/reference_scorer.hpp) on a small world decoded from the
// input (fuzz/fuzz_world.hpp). Every top-k list, in all four directions and
// for both kernels, must equal the brute-force oracle: same ids, same order,
// same exact scores.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <fuzzer/FuzzedDataProvider.h>

#include "fuzz/fuzz_check.hpp"
#include "fuzz/fuzz_world.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/score/reference_scorer.hpp"
#include "models/field_error.hpp"

namespace {

using namespace talentmatch;
using namespace talentmatch::matcher;

struct Expected {
    std::string id;
    PairScore score;
};

bool in_list(const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}
bool job_passes(const Job& j, const MatchFilter& f) {
    return in_list(f.districts, j.district) && in_list(f.clusters, j.cluster) &&
           in_list(f.employers, j.employer_id);
}
bool candidate_passes(const Graduate& g, const MatchFilter& f) {
    return in_list(f.institutions, g.institution_id) && in_list(f.programs, g.program_id);
}
bool candidate_passes(const Program& p, const MatchFilter& f) {
    return in_list(f.institutions, p.institution_id) && in_list(f.programs, p.id);
}

template <class Candidate>
void add_if_match(std::vector<Expected>& out, const std::string& id, const Candidate& c,
                  const Job& j, const MatchFilter& f, const ScoreConfig& cfg) {
    if (!candidate_passes(c, f) || !job_passes(j, f)) return;
    const auto s = reference_score(c, j, cfg);
    if (s && coverage_at_least(*s, std::uint32_t(f.min_coverage * 10'000.0 + 0.5))) {
        out.push_back({id, *s});
    }
}

void sort_and_cut(std::vector<Expected>& v, std::size_t k) {
    std::sort(v.begin(), v.end(), [](const Expected& a, const Expected& b) {
        const int c = compare_scores(a.score, b.score);
        return c > 0 || (c == 0 && a.id < b.id);
    });
    if (v.size() > k) v.resize(k);
}

void expect_same(const MatchLists& got, const std::vector<std::vector<Expected>>& want,
                 const char* where) {
    FUZZ_CHECK(got.size() == want.size(), where);
    for (std::size_t q = 0; q < got.size(); ++q) {
        FUZZ_CHECK(got[q].size() == want[q].size(), where);
        for (std::size_t i = 0; i < got[q].size(); ++i) {
            FUZZ_CHECK(got[q][i].id == want[q][i].id, where);
            FUZZ_CHECK(got[q][i].exact == want[q][i].score, where);
        }
    }
}

template <class Fn>
void run_both_kernels(const std::vector<std::string>& ids, Fn fn,
                      const std::vector<std::vector<Expected>>& want, const char* where) {
    for (const Kernel kernel : {Kernel::kScalar, Kernel::kAvx512}) {
        ExecutionOptions options;
        options.threads = 1;
        options.kernel = kernel;
        MatchLists got;
        try {
            got = fn(std::span<const std::string>(ids), options);
        } catch (const ValidationError&) {
            // Only "options.kernel" on a CPU without AVX-512 is expected here.
            FUZZ_CHECK(kernel == Kernel::kAvx512, "a valid query was refused");
            continue;
        }
        expect_same(got, want, where);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const fuzz::World w = fuzz::decode_world(in);
    const auto snapshot = fuzz::build_snapshot(w);
    ScoreConfig cfg;
    cfg.district_bonus = in.ConsumeIntegralInRange<std::int32_t>(0, 10'000);
    cfg.cluster_bonus = in.ConsumeIntegralInRange<std::int32_t>(0, 10'000);
    const std::size_t k = in.ConsumeIntegralInRange<std::size_t>(1, 12);
    const MatchFilter f = fuzz::decode_filter(in, w);

    std::vector<std::string> grad_ids, job_ids, prog_ids;
    for (const auto& g : w.graduates) grad_ids.push_back(g.id);
    for (const auto& j : w.jobs) job_ids.push_back(j.id);
    for (const auto& p : w.programs) prog_ids.push_back(p.id);

    std::vector<std::vector<Expected>> want_jobs_for_grads, want_grads_for_jobs;
    std::vector<std::vector<Expected>> want_jobs_for_progs, want_progs_for_jobs;
    for (const auto& g : w.graduates) {
        auto& out = want_jobs_for_grads.emplace_back();
        for (const auto& j : w.jobs) add_if_match(out, j.id, g, j, f, cfg);
        sort_and_cut(out, k);
    }
    for (const auto& p : w.programs) {
        auto& out = want_jobs_for_progs.emplace_back();
        for (const auto& j : w.jobs) add_if_match(out, j.id, p, j, f, cfg);
        sort_and_cut(out, k);
    }
    for (const auto& j : w.jobs) {
        auto& grads = want_grads_for_jobs.emplace_back();
        for (const auto& g : w.graduates) add_if_match(grads, g.id, g, j, f, cfg);
        sort_and_cut(grads, k);
        auto& progs = want_progs_for_jobs.emplace_back();
        for (const auto& p : w.programs) add_if_match(progs, p.id, p, j, f, cfg);
        sort_and_cut(progs, k);
    }
    const Snapshot& s = *snapshot;
    run_both_kernels(
        grad_ids,
        [&](auto ids, const auto& o) { return top_jobs_for_graduates(s, ids, k, f, cfg, o); },
        want_jobs_for_grads, "top_jobs_for_graduates");
    run_both_kernels(
        job_ids,
        [&](auto ids, const auto& o) { return top_graduates_for_jobs(s, ids, k, f, cfg, o); },
        want_grads_for_jobs, "top_graduates_for_jobs");
    run_both_kernels(
        prog_ids,
        [&](auto ids, const auto& o) { return top_jobs_for_programs(s, ids, k, f, cfg, o); },
        want_jobs_for_progs, "top_jobs_for_programs");
    run_both_kernels(
        job_ids,
        [&](auto ids, const auto& o) { return top_programs_for_jobs(s, ids, k, f, cfg, o); },
        want_progs_for_jobs, "top_programs_for_jobs");
    return 0;
}
