#include "matcher/analytics/supply_demand.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>

#include <tbb/blocked_range.h>
#include <tbb/combinable.h>
#include <tbb/parallel_for.h>

#include "matcher/analytics/analytics_arena.hpp"
#include "matcher/analytics/small_group_suppression.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {

const char* to_string(BalanceLabel label) {
    switch (label) {
        case BalanceLabel::kShortage:
            return "shortage";
        case BalanceLabel::kBalanced:
            return "balanced";
        case BalanceLabel::kSurplus:
            return "surplus";
        case BalanceLabel::kSuppressed:
            return "suppressed";
    }
    return "suppressed";
}

const char* to_string(BalanceGrouping grouping) {
    switch (grouping) {
        case BalanceGrouping::kOverall:
            return "overall";
        case BalanceGrouping::kCluster:
            return "cluster";
        case BalanceGrouping::kDistrict:
            return "district";
    }
    return "overall";
}

std::optional<BalanceGrouping> parse_balance_grouping(std::string_view text) {
    for (BalanceGrouping g :
         {BalanceGrouping::kOverall, BalanceGrouping::kCluster, BalanceGrouping::kDistrict})
        if (text == to_string(g)) return g;
    return std::nullopt;
}

namespace {

constexpr int kLevels = 6;  // counters indexed by level 0..5 (0 unused)

void validate(const BalanceThresholds& t) {
    const auto bad = [](double x) { return !std::isfinite(x) || x < 0.0; };
    if (bad(t.shortage_below))
        throw ValidationError(
            {{"thresholds.shortage_below",
              "must be finite and >= 0, got " + std::to_string(t.shortage_below)}});
    if (bad(t.surplus_above) || t.surplus_above < t.shortage_below)
        throw ValidationError(
            {{"thresholds.surplus_above",
              "must be finite and >= shortage_below, got " + std::to_string(t.surplus_above)}});
}

BalanceLabel label_of(double ratio, const BalanceThresholds& t) {
    if (ratio < t.shortage_below) return BalanceLabel::kShortage;
    if (ratio > t.surplus_above) return BalanceLabel::kSurplus;
    return BalanceLabel::kBalanced;
}

bool open_to(std::span<const Index> preferences, Index value) {
    return value == ResolvedSegment::kAny || preferences.empty() ||
           std::binary_search(preferences.begin(), preferences.end(), value);
}

// The layout every histogram shares: [slot][compact skill][level].
struct Layout {
    std::size_t skills = 0;  // K, demanded skills in the segment
    std::size_t at(std::size_t slot, std::size_t k, int level) const {
        return (slot * skills + k) * kLevels + static_cast<std::size_t>(level);
    }
};

// The groups of the report: slot per group key (dictionary index), in key order.
struct Groups {
    BalanceGrouping by = BalanceGrouping::kOverall;
    std::vector<Index> keys;     // dictionary index per slot (kNone overall)
    std::vector<Index> slot_of;  // dictionary index -> slot, kNone when not a group
    Index job_key(const Snapshot& s, Index j) const {
        return by == BalanceGrouping::kCluster ? s.jobs.cluster[j] : s.jobs.district[j];
    }
    std::size_t size() const { return keys.size(); }
    std::string name(const Snapshot& s, std::size_t slot) const {
        if (by == BalanceGrouping::kOverall) return "";
        return by == BalanceGrouping::kCluster ? s.clusters[keys[slot]] : s.districts[keys[slot]];
    }
};

Groups make_groups(const Snapshot& s, BalanceGrouping by, const std::vector<Index>& jobs) {
    Groups g;
    g.by = by;
    if (by == BalanceGrouping::kOverall) {
        g.keys = {kNone};
        return g;
    }
    const std::size_t dictionary =
        by == BalanceGrouping::kCluster ? s.clusters.size() : s.districts.size();
    g.slot_of.assign(dictionary, kNone);
    for (Index j : jobs) g.slot_of[g.job_key(s, j)] = 0;
    for (Index key = 0; key < dictionary; ++key)
        if (g.slot_of[key] != kNone) {
            g.slot_of[key] = static_cast<Index>(g.keys.size());
            g.keys.push_back(key);
        }
    return g;
}

// Seeking graduates as exact-level counts per (slot, skill); the extra slot
// size() holds graduates open to every group. counts[slot] = graduates per slot.
struct Supply {
    std::vector<std::uint64_t> hist;
    std::vector<std::uint64_t> graduates;
};

Supply count_supply(const Snapshot& s, const ResolvedSegment& seg, const Groups& groups,
                    const std::vector<Index>& compact, const Layout& layout) {
    const CandidateSet& grads = s.graduates;
    const std::size_t slots = groups.size() + 1;
    const std::size_t open_slot = groups.size();
    tbb::combinable<Supply> partials([&] {
        return Supply{std::vector<std::uint64_t>(slots * layout.skills * kLevels, 0),
                      std::vector<std::uint64_t>(slots, 0)};
    });
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, grads.size(), 4096),
        [&](const tbb::blocked_range<std::size_t>& range) {
            Supply& local = partials.local();
            std::vector<std::size_t> slot_list;
            for (std::size_t g = range.begin(); g != range.end(); ++g) {
                if (!grads.seeking[g]) continue;
                const auto clusters = grads.preferred_clusters.row(g);
                const auto districts = grads.preferred_districts.row(g);
                if (!open_to(clusters, seg.cluster) || !open_to(districts, seg.district)) continue;
                slot_list.clear();
                if (groups.by == BalanceGrouping::kOverall) {
                    slot_list.push_back(0);
                } else {
                    const auto prefs =
                        groups.by == BalanceGrouping::kCluster ? clusters : districts;
                    if (prefs.empty()) slot_list.push_back(open_slot);
                    for (Index key : prefs)
                        if (groups.slot_of[key] != kNone) slot_list.push_back(groups.slot_of[key]);
                }
                for (std::size_t slot : slot_list) {
                    ++local.graduates[slot];
                    for (const SkillEntry& e : grads.skills.row(g))
                        if (compact[e.skill] != kNone)
                            ++local.hist[layout.at(slot, compact[e.skill], e.level)];
                }
            }
        });
    Supply total{std::vector<std::uint64_t>(slots * layout.skills * kLevels, 0),
                 std::vector<std::uint64_t>(slots, 0)};
    partials.combine_each([&](const Supply& part) {
        for (std::size_t i = 0; i < part.hist.size(); ++i) total.hist[i] += part.hist[i];
        for (std::size_t i = 0; i < slots; ++i) total.graduates[i] += part.graduates[i];
    });
    if (groups.by != BalanceGrouping::kOverall) {  // fold "open to any" into every group
        for (std::size_t slot = 0; slot < groups.size(); ++slot) {
            total.graduates[slot] += total.graduates[open_slot];
            for (std::size_t k = 0; k < layout.skills; ++k)
                for (int l = 1; l < kLevels; ++l)
                    total.hist[layout.at(slot, k, l)] += total.hist[layout.at(open_slot, k, l)];
        }
    }
    return total;
}

// Index of the smallest num[i]/den[i] over i with den[i] > 0 (first on ties); exact.
int bottleneck(const std::array<std::uint64_t, kLevels>& num,
               const std::array<std::uint64_t, kLevels>& den) {
    int best = 0;
    for (int l = 1; l < kLevels; ++l) {
        if (den[l] == 0) continue;
        if (best == 0 || num[l] * den[best] < num[best] * den[l]) best = l;
    }
    return best;
}

double ratio(std::uint64_t num, std::uint64_t den) {
    return double(num) / double(den);
}

}  // namespace

SupplyDemandReport supply_demand(const Snapshot& s, const SupplyDemandQuery& query,
                                 const ExecutionOptions& options) {
    validate(query.thresholds);
    const ResolvedSegment seg = resolve_segment(s, query.segment, "segment");
    const BalanceThresholds& t = query.thresholds;
    const std::uint64_t n_min = query.min_group_graduates;
    SupplyDemandReport report;
    report.group_by = query.group_by;

    std::vector<Index> jobs;
    for (Index j = 0; j < s.jobs.size(); ++j)
        if (seg.contains_job(s, j)) jobs.push_back(j);
    const Groups groups = make_groups(s, query.group_by, jobs);
    const auto slot_of_job = [&](Index j) -> std::size_t {
        return groups.by == BalanceGrouping::kOverall ? 0 : groups.slot_of[groups.job_key(s, j)];
    };

    // Demanded skills, compacted in skill (= id) order.
    std::vector<Index> compact(s.skills.size(), kNone);
    std::vector<bool> wanted(s.skills.size(), query.only_skills.empty());
    for (const Index skill : query.only_skills) wanted.at(skill) = true;
    for (Index j : jobs)
        for (const RequirementEntry& r : s.jobs.requirements.row(j))
            if (wanted[r.skill]) compact[r.skill] = 0;
    std::vector<Index> skill_of;
    for (Index skill = 0; skill < compact.size(); ++skill)
        if (compact[skill] != kNone) {
            compact[skill] = static_cast<Index>(skill_of.size());
            skill_of.push_back(skill);
        }
    const Layout layout{skill_of.size()};

    std::vector<std::uint64_t> demand(groups.size() * layout.skills * kLevels, 0);
    report.groups.resize(groups.size());
    for (std::size_t slot = 0; slot < groups.size(); ++slot)
        report.groups[slot].group = groups.name(s, slot);
    for (Index j : jobs) {
        const std::size_t slot = slot_of_job(j);
        const auto h = static_cast<std::uint64_t>(s.jobs.headcount[j]);
        ++report.groups[slot].jobs;
        report.groups[slot].openings += h;
        for (const RequirementEntry& r : s.jobs.requirements.row(j))
            if (compact[r.skill] != kNone) demand[layout.at(slot, compact[r.skill], r.level)] += h;
    }

    std::vector<std::uint64_t> projected(groups.size() * layout.skills * kLevels, 0);
    // The group slot of a projected source (a program, a training program), if any.
    const auto projected_slot = [&](Index cluster, Index district) -> std::optional<std::size_t> {
        if (seg.cluster != ResolvedSegment::kAny && cluster != seg.cluster) return std::nullopt;
        if (seg.district != ResolvedSegment::kAny && district != seg.district) return std::nullopt;
        if (groups.by == BalanceGrouping::kOverall) return 0;
        const Index key = groups.by == BalanceGrouping::kCluster ? cluster : district;
        if (key == kNone || groups.slot_of[key] == kNone) return std::nullopt;
        return groups.slot_of[key];
    };
    const auto add_projected = [&](std::size_t slot, std::span<const SkillEntry> skills,
                                   std::uint64_t people) {
        for (const SkillEntry& e : skills)
            if (compact[e.skill] != kNone)
                projected[layout.at(slot, compact[e.skill], e.level)] += people;
    };
    const CandidateSet& programs = s.programs;
    for (Index p = 0; p < programs.size(); ++p) {
        const auto slot =
            projected_slot(programs.cluster[p], s.institution_district[programs.institution[p]]);
        if (!slot) continue;
        const auto cohort = static_cast<std::uint64_t>(std::max(programs.year_or_cohort[p], 0));
        report.groups[*slot].projected_cohort += cohort;
        const ProgramProfileChange* change =
            query.program_change && query.program_change->program == p ? &*query.program_change
                                                                       : nullptr;
        add_projected(*slot,
                      change ? std::span<const SkillEntry>(change->skills) : programs.skills.row(p),
                      cohort);
    }
    const TrainingSupply& training = s.training;
    for (std::size_t t = 0; t < training.size(); ++t) {
        const auto slot = projected_slot(training.cluster[t], training.district[t]);
        if (!slot) continue;
        report.groups[*slot].projected_training += training.capacity[t];
        add_projected(*slot, training.skills.row(t), training.capacity[t]);
    }

    Supply supply;
    run_in_arena(options, [&] { supply = count_supply(s, seg, groups, compact, layout); });

    for (std::size_t slot = 0; slot < groups.size(); ++slot) {
        GroupBalance& group = report.groups[slot];
        group.suppressed = group_suppressed(supply.graduates[slot], n_min);
        if (!group.suppressed) group.seeking_graduates = supply.graduates[slot];
        std::map<std::string, CategoryBalance> categories;
        for (std::size_t k = 0; k < layout.skills; ++k) {
            std::array<std::uint64_t, kLevels> exact{}, d_at_least{}, s_at_least{}, p_at_least{};
            int top = 0;
            for (int l = kLevels - 1; l >= 1; --l) {
                const std::uint64_t d = demand[layout.at(slot, k, l)];
                exact[l] = supply.hist[layout.at(slot, k, l)];
                if (d > 0 && top == 0) top = l;
                const std::size_t up = static_cast<std::size_t>(l + 1);
                d_at_least[l] = d + (up < kLevels ? d_at_least[up] : 0);
                s_at_least[l] = exact[l] + (up < kLevels ? s_at_least[up] : 0);
                p_at_least[l] =
                    projected[layout.at(slot, k, l)] + (up < kLevels ? p_at_least[up] : 0);
            }
            if (top == 0) continue;  // not demanded in this group
            // Revealed cells: exact counts below the top level, and the count at >= top.
            const bool hidden =
                group.suppressed ||
                row_reveals_small_cell(std::span(s_at_least.data() + 1, std::size_t(top)), n_min);

            SkillBalance row;
            row.group = group.group;
            row.skill = skill_of[k];
            row.skill_id = s.skills[row.skill];
            row.category = s.skill_category[row.skill];
            row.demand = d_at_least[1];
            for (int l = 1; l <= top; ++l) {
                LevelBalance level{l,
                                   demand[layout.at(slot, k, l)],
                                   d_at_least[l],
                                   std::nullopt,
                                   p_at_least[l],
                                   std::nullopt,
                                   ratio(p_at_least[l], d_at_least[l])};
                if (!hidden) {
                    level.supply = s_at_least[l];
                    level.ratio = ratio(s_at_least[l], d_at_least[l]);
                }
                row.levels.push_back(level);
            }
            const int b = bottleneck(s_at_least, d_at_least);
            if (!hidden) {
                row.bottleneck_level = b;
                row.supply = s_at_least[b];
                row.ratio = ratio(s_at_least[b], d_at_least[b]);
                row.label = label_of(*row.ratio, t);
            }
            const int pb = bottleneck(p_at_least, d_at_least);
            row.projected_bottleneck_level = pb;
            row.projected = p_at_least[pb];
            row.projected_ratio = ratio(p_at_least[pb], d_at_least[pb]);
            row.projected_label = label_of(row.projected_ratio, t);

            CategoryBalance& cat = categories[row.category];
            if (cat.demand == 0) {
                cat.group = group.group;
                cat.category = row.category;
                cat.supply = 0;
            }
            cat.demand += row.demand;
            cat.projected += row.projected;
            if (cat.supply && row.supply)
                *cat.supply += *row.supply;
            else
                cat.supply.reset();
            switch (row.label) {
                case BalanceLabel::kShortage:
                    ++cat.shortage_skills;
                    break;
                case BalanceLabel::kBalanced:
                    ++cat.balanced_skills;
                    break;
                case BalanceLabel::kSurplus:
                    ++cat.surplus_skills;
                    break;
                case BalanceLabel::kSuppressed:
                    ++cat.suppressed_skills;
                    break;
            }
            report.skills.push_back(std::move(row));
        }
        for (auto& [name, cat] : categories) {
            if (cat.supply) {
                cat.ratio = ratio(*cat.supply, cat.demand);
                cat.label = label_of(*cat.ratio, t);
            }
            cat.projected_ratio = ratio(cat.projected, cat.demand);
            cat.projected_label = label_of(cat.projected_ratio, t);
            report.categories.push_back(std::move(cat));
        }
    }
    return report;
}

}  // namespace talentmatch::matcher
