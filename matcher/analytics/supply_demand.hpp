#pragma once
// Supply–demand balance per skill, SPEC.md "Match semantics", over the jobs of
// a segment (segment.hpp), overall or grouped by cluster or by district.
//
// Definitions, for skill s and level L = 1..5, within one group:
//   demand(L)         openings (Σ headcount) of the group's jobs requiring s at exactly L
//   demand_at_least(L) Σ_{L' >= L} demand(L'): openings that only a level >= L can fill
//   supply(L)         seeking graduates of the group having s at level >= L
//   projected(L)      Σ annual cohort size of the group's programs whose curriculum
//                     reaches s at level >= L, plus Σ yearly capacity of its
//                     practice bases' training programs that train s to >= L
//   ratio(L)          supply(L) / demand_at_least(L)   (levels with demand_at_least > 0)
// A graduate at level >= L can fill any opening asking <= their level, so all of
// a skill's openings are fillable (on that skill alone) iff ratio(L) >= 1 for
// every L (Hall's condition on nested sets). The skill's ratio is therefore the
// smallest ratio(L), at its "bottleneck level" (lowest such L on ties); the
// projected ratio likewise, at its own bottleneck. Labels, from the ratio:
//   shortage  ratio <  thresholds.shortage_below   (default 0.8)
//   surplus   ratio >  thresholds.surplus_above    (default 1.25)
//   balanced  otherwise.
// A category row sums its demanded skills: demand = Σ skill demand (skill-openings),
// supply = Σ supply at each skill's bottleneck, projected likewise; ratio and
// label as above; plus how many of its skills carry each label.
//
// Groups. Demand: a job belongs to the group of its cluster (district). Supply:
// a seeking graduate belongs to every group it lists in preferred clusters
// (districts), or to every group when it lists none ("open to any"). Projected:
// a program belongs to its cluster / its institution's district, a training
// program to its own cluster / district; a query's program_change counts one
// program at its changed profile (what-if). Overall there is
// one group (name ""). The segment's cluster and district filters also restrict
// supply and projected supply the same way (a graduate open to that cluster /
// district; a program of that cluster / district); the employer filter
// restricts demand only. Only skills demanded in a group get rows; only groups
// with demand are listed, in name order; rows are in skill id order.
//
// Small-group suppression (viewer role: min_group_graduates = 5). With N > 1:
//  - a group whose seeking graduates number fewer than N has every supply figure
//    hidden (nullopt) and label kSuppressed;
//  - a skill row where some revealed graduate cell is 1..N-1 has its supply
//    hidden; the cells are the counts at exactly L for L below the top required
//    level (differences of the cumulative supply(L) reveal them) and supply(top);
//  - a category row with any hidden skill has its supply hidden.
// Demand and projected supply (cohort sizes, not persons) are never hidden.
// Differencing across groups (overall vs cluster rows) is not protected.
//
// Exact integer counts; parallel over graduates with oneTBB (integer partial
// histograms, so the result is identical for any thread count). Memory
// O(groups · demanded skills · 6) counters per task. Reads the Snapshot only.
//
// Errors: ValidationError for thresholds not finite, negative or
// shortage_below > surplus_above ("thresholds.shortage_below" ...), an empty
// filter value, bad options.threads; NotFoundError for an unknown segment value.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "matcher/analytics/segment.hpp"
#include "matcher/query/match_query.hpp"
#include "matcher/snapshot/snapshot.hpp"

namespace talentmatch::matcher {

enum class BalanceGrouping : std::uint8_t { kOverall = 0, kCluster = 1, kDistrict = 2 };
enum class BalanceLabel : std::uint8_t {
    kShortage = 0,
    kBalanced = 1,
    kSurplus = 2,
    kSuppressed = 3
};

// Wire names: "shortage", "balanced", "surplus", "suppressed".
const char* to_string(BalanceLabel label);
// Wire names: "overall", "cluster", "district"; parse returns nullopt otherwise.
const char* to_string(BalanceGrouping grouping);
std::optional<BalanceGrouping> parse_balance_grouping(std::string_view text);

struct BalanceThresholds {
    double shortage_below = 0.8;
    double surplus_above = 1.25;
    bool operator==(const BalanceThresholds&) const = default;
};

// A program's curriculum as it would be after a change (what-if,
// alignment.hpp): projected supply counts `skills` for `program` instead of
// its profile in the snapshot.
struct ProgramProfileChange {
    Index program = kNone;
    std::vector<SkillEntry> skills;  // sorted by skill, levels 1..5
};

struct SupplyDemandQuery {
    SegmentFilter segment;
    BalanceGrouping group_by = BalanceGrouping::kOverall;
    std::uint32_t min_group_graduates = 0;  // 0 or 1: no suppression; viewer role: 5
    BalanceThresholds thresholds;
    // Empty: every demanded skill. Otherwise rows for these skills only (those
    // demanded in a group), and category rows sum only them.
    std::vector<Index> only_skills;
    std::optional<ProgramProfileChange> program_change;
};

struct LevelBalance {
    int level = 0;                        // L, 1..5
    std::uint64_t demand = 0;             // openings requiring exactly L
    std::uint64_t demand_at_least = 0;    // openings requiring >= L (> 0 for listed levels)
    std::optional<std::uint64_t> supply;  // seeking graduates with >= L; nullopt if suppressed
    std::uint64_t projected = 0;          // cohorts reaching >= L
    std::optional<double> ratio;          // supply / demand_at_least
    double projected_ratio = 0;           // projected / demand_at_least
    bool operator==(const LevelBalance&) const = default;
};

struct SkillBalance {
    std::string group;  // cluster or district name; "" overall
    Index skill = 0;
    std::string skill_id;
    std::string category;
    std::uint64_t demand = 0;             // openings requiring the skill at any level
    int bottleneck_level = 0;             // 0 when suppressed
    std::optional<std::uint64_t> supply;  // at the bottleneck level
    std::optional<double> ratio;          // smallest ratio(L)
    BalanceLabel label = BalanceLabel::kSuppressed;
    int projected_bottleneck_level = 0;
    std::uint64_t projected = 0;  // at the projected bottleneck level
    double projected_ratio = 0;   // smallest projected ratio(L)
    BalanceLabel projected_label = BalanceLabel::kBalanced;
    std::vector<LevelBalance> levels;  // levels 1..max required level
    bool operator==(const SkillBalance&) const = default;
};

struct CategoryBalance {
    std::string group;
    std::string category;
    std::uint64_t demand = 0;             // Σ skill demand (skill-openings)
    std::optional<std::uint64_t> supply;  // Σ skill supply at bottleneck; nullopt if any hidden
    std::optional<double> ratio;
    BalanceLabel label = BalanceLabel::kSuppressed;
    std::uint64_t projected = 0;
    double projected_ratio = 0;
    BalanceLabel projected_label = BalanceLabel::kBalanced;
    std::uint32_t shortage_skills = 0, balanced_skills = 0, surplus_skills = 0,
                  suppressed_skills = 0;
    bool operator==(const CategoryBalance&) const = default;
};

struct GroupBalance {
    std::string group;
    std::uint64_t jobs = 0;
    std::uint64_t openings = 0;
    std::optional<std::uint64_t> seeking_graduates;  // nullopt when the group is suppressed
    std::uint64_t projected_cohort = 0;              // Σ cohort of the group's programs
    std::uint64_t projected_training = 0;            // Σ yearly capacity of its training programs
    bool suppressed = false;
    bool operator==(const GroupBalance&) const = default;
};

struct SupplyDemandReport {
    BalanceGrouping group_by = BalanceGrouping::kOverall;
    std::vector<GroupBalance> groups;         // name order
    std::vector<SkillBalance> skills;         // by group, then skill id
    std::vector<CategoryBalance> categories;  // by group, then category name
};

SupplyDemandReport supply_demand(const Snapshot& snapshot, const SupplyDemandQuery& query,
                                 const ExecutionOptions& options = {});

}  // namespace talentmatch::matcher
