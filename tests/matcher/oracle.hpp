#pragma once
// Brute-force top-k from the reference scorer over the entities: the oracle
// every fast path must equal exactly (ids, order, exact scores).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "matcher/query/match_query.hpp"
#include "matcher/score/reference_scorer.hpp"
#include "matcher/snapshot/snapshot.hpp"
#include "random_world.hpp"

namespace talentmatch::matcher::testing {

struct Expected {
    std::string id;
    PairScore score;
};

inline std::shared_ptr<const Snapshot> build_snapshot(const RandomWorld& w) {
    SnapshotBuilder b;
    for (const auto& x : w.skills) b.add_skill(x);
    for (const auto& x : w.certificates) b.add_certificate(x);
    for (const auto& x : w.institutions) b.add_institution(x);
    for (const auto& x : w.programs) b.add_program(x);
    for (const auto& x : w.employers) b.add_employer(x);
    for (const auto& x : w.graduates) b.add_graduate(x);
    for (const auto& x : w.jobs) b.add_job(x);
    return b.build();
}

inline bool in_list(const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

inline bool job_passes(const Job& j, const MatchFilter& f) {
    return in_list(f.districts, j.district) && in_list(f.clusters, j.cluster) &&
           in_list(f.employers, j.employer_id);
}

inline bool coverage_passes(const PairScore& s, const MatchFilter& f) {
    return coverage_at_least(s, std::uint32_t(f.min_coverage * 10'000.0 + 0.5));
}

inline void sort_and_cut(std::vector<Expected>& v, std::size_t k) {
    std::sort(v.begin(), v.end(), [](const Expected& a, const Expected& b) {
        const int c = compare_scores(a.score, b.score);
        return c > 0 || (c == 0 && a.id < b.id);
    });
    if (v.size() > k) v.resize(k);
}

// Candidate = Graduate or Program.
template <typename Candidate>
bool candidate_passes(const Candidate& c, const MatchFilter& f) {
    if constexpr (std::is_same_v<Candidate, Graduate>) {
        return in_list(f.institutions, c.institution_id) && in_list(f.programs, c.program_id);
    } else {
        return in_list(f.institutions, c.institution_id) && in_list(f.programs, c.id);
    }
}

template <typename Candidate>
std::vector<Expected> oracle_jobs_for(const Candidate& c, const std::vector<Job>& jobs,
                                      std::size_t k, const MatchFilter& f, const ScoreConfig& cfg) {
    std::vector<Expected> out;
    if (!candidate_passes(c, f)) return out;
    for (const Job& j : jobs) {
        if (!job_passes(j, f)) continue;
        auto s = reference_score(c, j, cfg);
        if (s && coverage_passes(*s, f)) out.push_back({j.id, *s});
    }
    sort_and_cut(out, k);
    return out;
}

template <typename Candidate>
std::vector<Expected> oracle_candidates_for(const Job& j, const std::vector<Candidate>& cands,
                                            std::size_t k, const MatchFilter& f,
                                            const ScoreConfig& cfg) {
    std::vector<Expected> out;
    if (!job_passes(j, f)) return out;
    for (const Candidate& c : cands) {
        if (!candidate_passes(c, f)) continue;
        auto s = reference_score(c, j, cfg);
        if (s && coverage_passes(*s, f)) out.push_back({c.id, *s});
    }
    sort_and_cut(out, k);
    return out;
}

// Five filter sets the oracle tests sweep: none; districts + clusters;
// employers + coverage; institutions + programs; a high coverage floor.
inline std::vector<MatchFilter> all_filters() {
    std::vector<MatchFilter> out(5);
    out[1].districts = {"nanshan", "baoan"};
    out[1].clusters = {"ict"};
    out[2].employers = {"emp0001", "emp0003"};
    out[2].min_coverage = 0.5;
    out[3].institutions = {"inst0000"};
    out[3].programs = {"prog0001", "prog0002", "prog0004"};
    out[4].min_coverage = 0.8;
    return out;
}

// A fast path's list equals the oracle's: same ids, same order, same exact scores.
inline void expect_same(const std::vector<Match>& got, const std::vector<Expected>& want,
                        const std::string& where) {
    ASSERT_EQ(got.size(), want.size()) << where;
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].id, want[i].id) << where << " rank " << i;
        EXPECT_EQ(got[i].exact, want[i].score) << where << " rank " << i;
    }
}

}  // namespace talentmatch::matcher::testing
