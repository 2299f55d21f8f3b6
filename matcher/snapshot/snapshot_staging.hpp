#pragma once
// Internal to the matcher (snapshot_builder.cpp, snapshot_patch.cpp): the one
// place that turns a Job or a Graduate into a staged row, and finishes staged
// rows into a JobSet / CandidateSet. SnapshotBuilder stages against its
// growing dictionaries; the patches (snapshot_patch.hpp) stage against the
// finished dictionaries of a base snapshot. Both go through these functions,
// so a patched row is by construction what a full build makes of it.
//
// `Refs` resolves references (every lookup returns std::optional<Index>):
//   skill(id), skill_name(index), certificate(id), institution(id),
//   program(id), employer(id), and district(text) / cluster(text) -> Index
//   (the builder interns a new string; a patch throws when its base lacks it).
// Staged indices are whatever `Refs` hands out; finish_* maps them through
// Ranks to the final (id-sorted) indices.
//
// Errors: ValidationError naming the field, thrown before the row is staged.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "matcher/snapshot/snapshot.hpp"
#include "matcher/snapshot/validity.hpp"
#include "models/credited_levels.hpp"
#include "models/entities.hpp"
#include "models/field_rules.hpp"
#include "models/limits.hpp"

namespace talentmatch::matcher::staging {

// Candidates (graduates or programs) in staging order, references still to
// the staging indices of the referenced kinds.
struct StagedCandidates {
    std::vector<std::string> ids;
    Csr<SkillEntry> skills;
    std::vector<std::uint8_t> education;
    Csr<Index> certificates, districts, clusters;
    std::vector<Index> institution, program, cluster;
    std::vector<std::uint8_t> seeking;
    std::vector<std::int32_t> year_or_cohort;
};

struct StagedJobs {
    std::vector<std::string> ids;
    Csr<RequirementEntry> requirements;
    std::vector<Index> employer, cluster, district;
    std::vector<std::int32_t> headcount;
    std::vector<std::uint8_t> min_education;
    Csr<Index> certificates;
    std::vector<std::string> title, valid_until, association;
    std::vector<std::int32_t> valid_until_key;
};

// A quick hash for short ids (8 bytes per multiply): std::hash's byte-wise
// hash was the largest single cost of a rebuild (1.5M skill lookups).
struct IdHash {
    std::size_t operator()(const std::string& s) const noexcept {
        const char* p = s.data();
        std::size_t n = s.size();
        std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
        for (; n >= 8; n -= 8, p += 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
            h ^= h >> 32;
        }
        std::uint64_t w = 0;
        std::memcpy(&w, p, n);
        h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};

// Interns strings to insertion-order indices. Open addressing over a flat
// slot array (index + 1, 0 = empty; linear probing, at most half full): a
// lookup is one probe into the array and one compare, where a node-based map
// chased two pointers (1.5M skill lookups per rebuild).
struct Interner {
    std::vector<std::string> names;
    std::vector<Index> slots = std::vector<Index>(16, 0);

    Index intern(const std::string& s) {
        std::size_t at = probe(s);
        if (slots[at] != 0) return slots[at] - 1;
        const Index index = Index(names.size());
        names.push_back(s);
        slots[at] = index + 1;
        if (2 * names.size() > slots.size()) grow();
        return index;
    }
    std::optional<Index> find(const std::string& s) const {
        const Index slot = slots[probe(s)];
        if (slot == 0) return std::nullopt;
        return slot - 1;
    }

  private:
    // The slot holding `s`, or the empty slot where it would go.
    std::size_t probe(const std::string& s) const {
        const std::size_t mask = slots.size() - 1;
        for (std::size_t at = IdHash{}(s)&mask;; at = (at + 1) & mask) {
            if (slots[at] == 0 || names[slots[at] - 1] == s) return at;
        }
    }
    void grow() {
        slots.assign(slots.size() * 2, 0);
        const std::size_t mask = slots.size() - 1;
        for (Index i = 0; i < names.size(); ++i) {
            std::size_t at = IdHash{}(names[i]) & mask;
            while (slots[at] != 0) at = (at + 1) & mask;
            slots[at] = i + 1;
        }
    }
};

// Staging index -> final index, per referenced kind.
struct Ranks {
    std::vector<Index> skill, certificate, institution, program, employer, district, cluster;
};

[[noreturn]] void fail(std::string path, std::string message);

// Sorts every row by id; remaps through `r`; computes level sums; lays out
// the skill-major blocks and builds the candidate index. Throws ValidationError on a duplicate id.
CandidateSet finish_candidates(StagedCandidates&& in, const Ranks& r, const std::string& kind);
// Candidates 0..n-1 in blocks of kBlockSize, in id order (block b: its
// candidates), the members of CandidateSet::blocks.
Csr<Index> id_order_blocks(std::size_t candidates);
// `set`'s candidates laid out in blocks (block_layout.hpp), block b holding
// members.row(b) in its lanes; a block with previous_block[b] != kNone is
// copied from that block of `previous` (its candidates' rows unchanged)
// instead of being laid out again.
BlockLayout lay_out_blocks(const CandidateSet& set, const Csr<Index>& members,
                           const BlockLayout* previous = nullptr,
                           std::span<const Index> previous_block = {});
// Per block of `members`, the block of `previous_members` that holds the same
// candidates in the same lanes, or kNone. from_old[c] is candidate c's index
// in the previous set when its row is unchanged, kNone when new or changed.
std::vector<Index> unchanged_blocks(const Csr<Index>& members, const Csr<Index>& previous_members,
                                    std::span<const Index> from_old);
// The tiles and postings of candidate_index.hpp for `set`'s rows. With
// `previous` (the index of the set `set` was patched from; from_old as for
// unchanged_blocks), tiles whose candidates are unchanged are copied from it.
CandidateIndex build_candidate_index(const CandidateSet& set,
                                     const CandidateIndex* previous = nullptr,
                                     std::span<const Index> from_old = {});
// Sorts by id; remaps through `r`; must-haves first, then by skill; Σ w·r.
JobSet finish_jobs(StagedJobs&& in, const Ranks& r);
// Bytes held by the snapshot's arrays (SnapshotStats::memory_bytes).
std::size_t memory_bytes(const Snapshot& snapshot);

template <typename T>
void push_row(Csr<T>& csr, const std::vector<T>& row) {
    csr.items.insert(csr.items.end(), row.begin(), row.end());
    csr.offsets.push_back(std::uint32_t(csr.items.size()));
}

// Validates and converts a skill list. `items` holds entries with skill_id
// and level (GraduateSkill or a curriculum item). Paths are callables, so
// the error path is only spelled out on failure (a rebuild adds 1.5M items).
template <typename Refs, typename Path, typename Items>
std::vector<SkillEntry> skill_entries(const Refs& refs, const Path& path, const Items& in) {
    std::vector<SkillEntry> out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto item_path = [&] { return path() + "[" + std::to_string(i) + "]"; };
        auto skill = refs.skill(in[i].skill_id);
        if (!skill) fail(item_path() + ".skill_id", "unknown skill \"" + in[i].skill_id + "\"");
        if (in[i].level < kMinLevel || in[i].level > kMaxLevel) {
            fail(item_path() + ".level", range_message(kMinLevel, kMaxLevel, in[i].level));
        }
        if (in[i].level > 0) out.push_back({*skill, std::uint8_t(in[i].level)});
    }
    std::sort(out.begin(), out.end(),
              [](const SkillEntry& a, const SkillEntry& b) { return a.skill < b.skill; });
    for (std::size_t i = 1; i < out.size(); ++i) {
        if (out[i].skill == out[i - 1].skill) {
            fail(path(), "skill \"" + refs.skill_name(out[i].skill) + "\" listed twice");
        }
    }
    return out;
}

// Sorted unique indices of `in`, each resolved by find(id).
template <typename Path, typename Find>
std::vector<Index> lookup_all(const Path& path, const std::vector<std::string>& in,
                              const Find& find, const char* kind) {
    std::vector<Index> out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        auto idx = find(in[i]);
        if (!idx) {
            fail(path() + "[" + std::to_string(i) + "]",
                 std::string("unknown ") + kind + " \"" + in[i] + "\"");
        }
        out.push_back(*idx);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// kNone for an empty id, else find(id) or a ValidationError.
template <typename Path, typename Find>
Index optional_ref(const Path& path, const std::string& id, const Find& find, const char* kind) {
    if (id.empty()) return kNone;
    auto idx = find(id);
    if (!idx) fail(path(), std::string("unknown ") + kind + " \"" + id + "\"");
    return *idx;
}

// Sorted unique dictionary indices of free-text strings (preferred districts).
template <typename Intern>
std::vector<Index> intern_all(const Intern& intern, const std::vector<std::string>& in) {
    std::vector<Index> out;
    for (const auto& s : in) out.push_back(intern(s));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Raises `entries` (sorted by skill) by the skills each certificate in
// `certificates` evidences (models/credited_levels.hpp).
template <typename Refs>
void credit_certificates(const Refs& refs, std::vector<SkillEntry>& entries,
                         std::span<const Index> certificates) {
    for (const Index c : certificates) {
        credit_levels(entries, refs.certificate_skills(c),
                      [](const SkillEntry& e) { return e.skill; });
    }
}

template <typename Refs>
void stage_graduate(Refs& refs, const Graduate& graduate, StagedCandidates& g) {
    const auto path = [&](const char* field) { return "graduates[" + graduate.id + "]." + field; };
    auto entries = skill_entries(
        refs, [&] { return path("skills"); }, graduate.skills);
    auto certs =
        lookup_all([&] { return path("certificates"); }, graduate.certificates,
                   [&](const std::string& id) { return refs.certificate(id); }, "certificate");
    credit_certificates(refs, entries, certs);
    const Index inst =
        optional_ref([&] { return path("institution_id"); }, graduate.institution_id,
                     [&](const std::string& id) { return refs.institution(id); }, "institution");
    const Index prog =
        optional_ref([&] { return path("program_id"); }, graduate.program_id,
                     [&](const std::string& id) { return refs.program(id); }, "program");
    auto districts = intern_all([&](const std::string& s) { return refs.district(s); },
                                graduate.preferred_districts);
    auto clusters = intern_all([&](const std::string& s) { return refs.cluster(s); },
                               graduate.preferred_clusters);
    g.ids.push_back(graduate.id);
    push_row(g.skills, entries);
    g.education.push_back(std::uint8_t(graduate.education_level));
    push_row(g.certificates, certs);
    push_row(g.districts, districts);
    push_row(g.clusters, clusters);
    g.institution.push_back(inst);
    g.program.push_back(prog);
    g.cluster.push_back(kNone);
    g.seeking.push_back(graduate.seeking ? 1 : 0);
    g.year_or_cohort.push_back(graduate.graduation_year);
}

// `association`: the submitting association of a demand with no employer.
template <typename Refs>
void stage_job(Refs& refs, const Job& job, StagedJobs& j, const std::string& association = {}) {
    // Paths are only spelled out on failure (a rebuild adds 100k+ jobs).
    const auto path = [&](const char* field) { return "jobs[" + job.id + "]." + field; };
    if (job.requirements.empty()) fail(path("requirements"), "at least one requirement");
    std::vector<RequirementEntry> reqs;
    reqs.reserve(job.requirements.size());
    for (std::size_t i = 0; i < job.requirements.size(); ++i) {
        const Requirement& r = job.requirements[i];
        const auto p = [&] { return path("requirements[") + std::to_string(i) + "]"; };
        auto skill = refs.skill(r.skill_id);
        if (!skill) fail(p() + ".skill_id", "unknown skill \"" + r.skill_id + "\"");
        if (r.level < kMinRequiredLevel || r.level > kMaxLevel) {
            fail(p() + ".level", range_message(kMinRequiredLevel, kMaxLevel, r.level));
        }
        if (r.weight < kMinWeight || r.weight > kMaxWeight) {
            fail(p() + ".weight", range_message(kMinWeight, kMaxWeight, r.weight));
        }
        reqs.push_back({*skill, std::uint8_t(r.level), std::uint8_t(r.weight),
                        std::uint8_t(r.must_have ? 1 : 0)});
    }
    if (reqs.size() > kMaxListLength) fail(path("requirements"), "more than 1000 requirements");
    std::sort(reqs.begin(), reqs.end(), [](const RequirementEntry& a, const RequirementEntry& b) {
        return a.skill < b.skill;
    });
    for (std::size_t i = 1; i < reqs.size(); ++i) {
        if (reqs[i].skill == reqs[i - 1].skill) {
            fail(path("requirements"),
                 "skill \"" + refs.skill_name(reqs[i].skill) + "\" listed twice");
        }
    }
    auto certs =
        lookup_all([&] { return path("required_certificates"); }, job.required_certificates,
                   [&](const std::string& id) { return refs.certificate(id); }, "certificate");
    const Index employer =
        optional_ref([&] { return path("employer_id"); }, job.employer_id,
                     [&](const std::string& id) { return refs.employer(id); }, "employer");
    const auto valid_until_key = date_key(job.valid_until);
    if (!valid_until_key) fail(path("valid_until"), "must be a date YYYY-MM-DD or empty");
    const Index cluster = refs.cluster(job.cluster);
    const Index district = refs.district(job.district);
    j.ids.push_back(job.id);
    push_row(j.requirements, reqs);
    j.employer.push_back(employer);
    j.cluster.push_back(cluster);
    j.district.push_back(district);
    j.headcount.push_back(job.headcount);
    j.min_education.push_back(std::uint8_t(job.min_education));
    push_row(j.certificates, certs);
    j.title.push_back(job.title);
    j.valid_until.push_back(job.valid_until);
    j.valid_until_key.push_back(*valid_until_key);
    j.association.push_back(association);
}

}  // namespace talentmatch::matcher::staging
