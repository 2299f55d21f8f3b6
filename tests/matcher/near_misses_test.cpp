// Near misses (matcher/query/near_misses.hpp) against a brute force built on the
// explanation of every (graduate, job) pair on random worlds: the failed
// gates say which jobs qualify (must-have skills only), the gates' has/needs
// give the gap, the contributions the coverage; sorted by the documented rule
// with plain fractions.
#include "matcher/query/near_misses.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "matcher/query/explanation.hpp"
#include "models/field_error.hpp"
#include "tests/matcher/oracle.hpp"
#include "tests/matcher/random_world.hpp"

namespace talentmatch::matcher {
namespace {

using testing::build_snapshot;
using testing::make_world;

struct Want {
    std::string job_id;
    std::uint32_t gap = 0, failed = 0, covered = 0, total = 0;
};

std::vector<Want> brute_force(const Snapshot& s, const std::string& g, const std::string& as_of,
                              std::size_t k, std::uint32_t max_gap) {
    std::vector<Want> all;
    for (Index j = 0; j < s.jobs.size(); ++j) {
        const Explanation e =
            explain(s, CandidateKind::kGraduates, g, s.jobs.ids[j], ScoreConfig{}, as_of);
        if (e.eligible) continue;
        const bool skills_only =
            std::all_of(e.failed_gates.begin(), e.failed_gates.end(),
                        [](const FailedGate& f) { return f.kind == GateKind::kMustHaveSkill; });
        if (!skills_only) continue;
        Want w{s.jobs.ids[j]};
        for (const auto& f : e.failed_gates) w.gap += std::uint32_t(f.needs - f.has), ++w.failed;
        for (const auto& c : e.contributions) w.covered += c.contribution, w.total += c.maximum;
        if (max_gap != 0 && w.gap > max_gap) continue;
        all.push_back(w);
    }
    std::sort(all.begin(), all.end(), [](const Want& a, const Want& b) {
        if (a.gap != b.gap) return a.gap < b.gap;
        const double ca = double(a.covered) / a.total, cb = double(b.covered) / b.total;
        if (ca != cb) return ca > cb;  // exact enough: tiny sums, distinct fractions differ
        return a.job_id < b.job_id;
    });
    if (all.size() > k) all.resize(k);
    return all;
}

TEST(NearMisses, EqualABruteForceOverExplanationsOnRandomWorlds) {
    int compared = 0;
    for (unsigned seed = 1; seed <= 6; ++seed) {
        auto world = make_world(seed, {});
        for (std::size_t i = 0; i < world.jobs.size(); ++i) {  // some jobs expire
            if (i % 5 == 1) world.jobs[i].valid_until = "2026-03-01";
            if (i % 5 == 2) world.jobs[i].valid_until = "2027-01-01";
        }
        const auto s = build_snapshot(world);
        for (Index g = 0; g < s->graduates.size(); g += 7) {
            for (const auto& [as_of, k, max_gap] :
                 {std::tuple<std::string, std::size_t, std::uint32_t>{"", 10, 0},
                  {"2026-06-01", 5, 0},
                  {"2026-06-01", 100, 3}}) {
                const auto got = near_misses(*s, {s->graduates.ids[g], as_of, k, max_gap});
                const auto want = brute_force(*s, s->graduates.ids[g], as_of, k, max_gap);
                ASSERT_EQ(got.size(), want.size()) << s->graduates.ids[g] << " " << as_of;
                for (std::size_t i = 0; i < got.size(); ++i) {
                    EXPECT_EQ(s->jobs.ids[got[i].job], want[i].job_id);
                    EXPECT_EQ(got[i].gap, want[i].gap);
                    EXPECT_EQ(got[i].failed_must_haves, want[i].failed);
                    EXPECT_EQ(got[i].covered, want[i].covered);
                    EXPECT_EQ(got[i].total, want[i].total);
                    EXPECT_GT(got[i].gap, 0u);
                }
                compared += int(got.size());
            }
        }
    }
    EXPECT_GT(compared, 200);  // the worlds do have near misses
}

TEST(NearMisses, UnknownGraduateAndBadDateAreErrors) {
    const auto s = build_snapshot(make_world(3, {}));
    EXPECT_THROW(near_misses(*s, {"nobody", "", 5, 0}), NotFoundError);
    EXPECT_THROW(near_misses(*s, {s->graduates.ids[0], "June", 5, 0}), ValidationError);
}

}  // namespace
}  // namespace talentmatch::matcher
