// SnapshotBuilder: streams entities into insertion-order staging arrays, then
// build() sorts every kind by id, remaps references to final indices and lays
// out the skill-major candidate blocks.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <numeric>
#include <unordered_set>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include "matcher/snapshot/job_kernel_plan_builder.hpp"
#include "matcher/snapshot/snapshot.hpp"
#include "matcher/snapshot/snapshot_staging.hpp"
#include "models/field_error.hpp"
#include "models/limits.hpp"

namespace talentmatch::matcher {
namespace {

using staging::fail;
using staging::Interner;
using staging::Ranks;
using staging::StagedCandidates;
using staging::StagedJobs;

// Sorted ids and old->new index map.
std::vector<Index> sort_order(const std::vector<std::string>& ids) {
    std::vector<Index> order(ids.size());
    std::iota(order.begin(), order.end(), Index{0});
    std::sort(order.begin(), order.end(), [&](Index a, Index b) { return ids[a] < ids[b]; });
    return order;
}

std::vector<Index> inverse(const std::vector<Index>& order) {
    std::vector<Index> rank(order.size());
    for (Index i = 0; i < order.size(); ++i) rank[order[i]] = i;
    return rank;
}

SortedIds sorted_ids(const std::vector<std::string>& ids, const std::vector<Index>& order,
                     const std::string& kind) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (Index i : order) {
        if (!out.empty() && out.back() == ids[i]) fail(kind, "duplicate id \"" + ids[i] + "\"");
        out.push_back(ids[i]);
    }
    return SortedIds(std::move(out));
}

Index remap(Index old, const std::vector<Index>& rank) {
    return old == kNone ? kNone : rank[old];
}

template <typename T, typename F>
Csr<T> permute_csr(const Csr<T>& in, const std::vector<Index>& order, F&& fix_row) {
    Csr<T> out;
    out.offsets.reserve(in.offsets.size());
    out.items.reserve(in.items.size());
    for (Index old : order) {
        auto row = in.row(old);
        const std::size_t start = out.items.size();
        out.items.insert(out.items.end(), row.begin(), row.end());
        fix_row(std::span<T>(out.items.data() + start, row.size()));
        out.offsets.push_back(std::uint32_t(out.items.size()));
    }
    return out;
}

template <typename T>
std::vector<T> permute(const std::vector<T>& in, const std::vector<Index>& order) {
    std::vector<T> out;
    out.reserve(in.size());
    for (Index old : order) out.push_back(in[old]);
    return out;
}

Csr<Index> permute_index_csr(const Csr<Index>& in, const std::vector<Index>& order,
                             const std::vector<Index>& rank) {
    return permute_csr(in, order, [&](std::span<Index> row) {
        for (Index& x : row) x = rank[x];
        std::sort(row.begin(), row.end());
    });
}

std::vector<Index> remap_all(const std::vector<Index>& in, const std::vector<Index>& order,
                             const std::vector<Index>& rank) {
    std::vector<Index> out;
    out.reserve(in.size());
    for (Index old : order) out.push_back(remap(in[old], rank));
    return out;
}

}  // namespace

namespace staging {

Csr<Index> id_order_blocks(std::size_t candidates) {
    Csr<Index> out;
    out.items.resize(candidates);
    std::iota(out.items.begin(), out.items.end(), Index{0});
    for (std::size_t first = kBlockSize; first < candidates; first += kBlockSize) {
        out.offsets.push_back(std::uint32_t(first));
    }
    if (candidates > 0) out.offsets.push_back(std::uint32_t(candidates));
    return out;
}

std::vector<Index> unchanged_blocks(const Csr<Index>& members, const Csr<Index>& previous_members,
                                    std::span<const Index> from_old) {
    std::vector<Index> block_of(previous_members.items.size(), kNone);
    for (std::size_t b = 0; b < previous_members.rows(); ++b) {
        const auto row = previous_members.row(b);
        if (!row.empty()) block_of[row.front()] = Index(b);  // only a block's first lane
    }
    std::vector<Index> out(members.rows(), kNone);
    for (std::size_t b = 0; b < members.rows(); ++b) {
        const auto row = members.row(b);
        if (row.empty() || from_old[row.front()] == kNone) continue;
        const Index before = block_of[from_old[row.front()]];
        if (before == kNone) continue;
        const auto old_row = previous_members.row(before);
        if (old_row.size() != row.size()) continue;
        bool same = true;
        for (std::size_t l = 0; l < row.size() && same; ++l) same = from_old[row[l]] == old_row[l];
        if (same) out[b] = before;
    }
    return out;
}

// Rows of kBlockSize levels, one per skill present in the block. Chunks
// (block_layout.hpp) are laid out in parallel, each block by one thread, so
// the result does not depend on the thread count.
BlockLayout lay_out_blocks(const CandidateSet& set, const Csr<Index>& members,
                           const BlockLayout* previous, std::span<const Index> previous_block) {
    using Chunk = BlockLayout::Chunk;
    constexpr std::size_t kChunk = BlockLayout::kChunkBlocks;
    const std::size_t blocks = members.rows();
    const auto kept = [&](std::size_t b) {
        return b < previous_block.size() && previous_block[b] != kNone;
    };
    // `previous`'s chunk k, when every block of it is kept in place (the
    // same blocks at the same positions): shared, not copied.
    const auto kept_chunk = [&](std::size_t k) -> std::shared_ptr<const Chunk> {
        if (previous == nullptr || k >= previous->chunks().size()) return nullptr;
        const auto& old = previous->chunks()[k];
        const std::size_t first = k * kChunk, end = std::min(blocks, first + kChunk);
        if (old->blocks() != end - first) return nullptr;
        for (std::size_t b = first; b < end; ++b) {
            if (!kept(b) || previous_block[b] != b) return nullptr;
        }
        return old;
    };
    const std::size_t chunk_count = (blocks + kChunk - 1) / kChunk;
    std::vector<std::shared_ptr<const Chunk>> chunks(chunk_count);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, chunk_count, 1), [&](const auto& range) {
        // Row of each skill within the current block; kNone between blocks.
        // Grown to the largest skill seen, not sized by a pass over every
        // candidate's skills: a patch lays out few blocks.
        std::vector<Index> row_of;
        std::vector<Index> skills;  // the current block's, ascending
        for (std::size_t k = range.begin(); k != range.end(); ++k) {
            if ((chunks[k] = kept_chunk(k))) continue;
            auto chunk = std::make_shared<Chunk>();
            for (std::size_t b = k * kChunk; b < std::min(blocks, (k + 1) * kChunk); ++b) {
                if (kept(b)) {
                    const BlockLayout::Block old = previous->block(previous_block[b]);
                    chunk->row_skill.insert(chunk->row_skill.end(), old.skills.begin(),
                                            old.skills.end());
                    chunk->levels.insert(chunk->levels.end(), old.levels,
                                         old.levels_of(old.rows()));
                    chunk->first_row.push_back(std::uint32_t(chunk->row_skill.size()));
                    continue;
                }
                // The block's distinct skills, ascending, then each row's
                // levels (the highest, should a row list a skill twice).
                // Sorting only the distinct skills (~300) instead of every
                // entry (~1,900) made this ~4x faster, which matters for the
                // graduate patch: a new graduate shifts every later block
                // (snapshot_patch.hpp).
                const auto lanes = members.row(b);
                skills.clear();
                for (const Index c : lanes) {
                    for (const SkillEntry& e : set.skills.row(c)) {
                        if (e.skill >= row_of.size()) row_of.resize(e.skill + 1, kNone);
                        if (row_of[e.skill] == kNone) {
                            row_of[e.skill] = 0;
                            skills.push_back(e.skill);
                        }
                    }
                }
                std::sort(skills.begin(), skills.end());
                const std::size_t row0 = chunk->row_skill.size();
                for (std::size_t r = 0; r < skills.size(); ++r) row_of[skills[r]] = Index(r);
                chunk->row_skill.insert(chunk->row_skill.end(), skills.begin(), skills.end());
                chunk->levels.resize((row0 + skills.size()) * kBlockSize, 0);
                std::uint8_t* levels = chunk->levels.data() + row0 * kBlockSize;
                for (std::size_t l = 0; l < lanes.size(); ++l) {
                    for (const SkillEntry& e : set.skills.row(lanes[l])) {
                        std::uint8_t& level = levels[std::size_t(row_of[e.skill]) * kBlockSize + l];
                        level = std::max(level, e.level);
                    }
                }
                for (const Index skill : skills) row_of[skill] = kNone;
                chunk->first_row.push_back(std::uint32_t(chunk->row_skill.size()));
            }
            chunk->row_skill.shrink_to_fit();
            chunk->levels.shrink_to_fit();
            chunks[k] = std::move(chunk);
        }
    });
    return BlockLayout(std::move(chunks));
}

}  // namespace staging

namespace {

template <typename T>
std::size_t bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}
template <typename T>
std::size_t bytes(const Csr<T>& c) {
    return bytes(c.offsets) + bytes(c.items);
}
template <typename T>
std::size_t bytes(const ChunkedCsr<T>& c) {
    return c.memory_bytes();
}
std::size_t bytes(const std::vector<std::string>& v) {
    std::size_t n = v.capacity() * sizeof(std::string);
    for (const auto& s : v) n += s.capacity() > 15 ? s.capacity() + 1 : 0;
    return n;
}
std::size_t bytes(const SortedIds& ids) {
    return bytes(ids.all());
}
std::size_t bytes(const CandidateSet& s) {
    std::size_t n = bytes(s.ids) + s.blocks.memory_bytes() + s.index.memory_bytes();
    CandidateSet::columns([&n](const char*, const auto& column) { n += bytes(column); }, s);
    return n;
}
std::size_t bytes(const JobSet& j) {
    std::size_t n = bytes(j.ids);
    JobSet::columns([&n](const char*, const auto& column) { n += bytes(column); }, j);
    return n;
}

}  // namespace

struct SnapshotBuilder::State {
    Interner skills, certificates, institutions, programs, employers, districts, clusters;
    std::vector<std::string> skill_name_en, skill_name_zh, skill_category;
    std::vector<Index> institution_district;
    std::vector<Index> employer_cluster, employer_district;
    std::vector<std::string> employer_association;
    std::vector<std::string> institution_name, employer_name, program_name;
    StagedCandidates graduates, program_set;
    StagedJobs jobs;
    // Per certificate, interning order: the skills it evidences, staged skill indices.
    Csr<SkillEntry> certificate_skills_staged;
    // Courses, merged into their programs at build() (a course may come before its program).
    struct StagedCourse {
        std::string id, program_id;
        std::vector<SkillEntry> skills;
        std::vector<Index> certificates;
    };
    std::vector<StagedCourse> courses;
    std::unordered_set<std::string> course_ids;
    TrainingSupply training;  // staged skill and dictionary indices

    // Each program's staged row becomes its credited profile
    // (models/credited_levels.hpp): its courses' skills and certificates
    // merged in, then the evidence of every certificate it prepares for.
    void stage_program_profiles();

    // staging::Refs (snapshot_staging.hpp): staging indices are interning order.
    std::optional<Index> skill(const std::string& id) const { return skills.find(id); }
    const std::string& skill_name(Index i) const { return skills.names[i]; }
    std::optional<Index> certificate(const std::string& id) const { return certificates.find(id); }
    std::span<const SkillEntry> certificate_skills(Index c) const {
        return certificate_skills_staged.row(c);
    }
    std::optional<Index> institution(const std::string& id) const { return institutions.find(id); }
    std::optional<Index> program(const std::string& id) const { return programs.find(id); }
    std::optional<Index> employer(const std::string& id) const { return employers.find(id); }
    Index district(const std::string& text) { return districts.intern(text); }
    Index cluster(const std::string& text) { return clusters.intern(text); }
};

SnapshotBuilder::SnapshotBuilder() : state_(std::make_unique<State>()) {}
SnapshotBuilder::~SnapshotBuilder() = default;
SnapshotBuilder::SnapshotBuilder(SnapshotBuilder&&) noexcept = default;
SnapshotBuilder& SnapshotBuilder::operator=(SnapshotBuilder&&) noexcept = default;

void SnapshotBuilder::add_skill(const Skill& skill) {
    State& s = *state_;
    if (s.skills.find(skill.id)) fail("skills[" + skill.id + "].id", "duplicate id");
    s.skills.intern(skill.id);
    s.skill_name_en.push_back(skill.name_en);
    s.skill_name_zh.push_back(skill.name_zh);
    s.skill_category.push_back(skill.category);
}

void SnapshotBuilder::add_certificate(const Certificate& certificate) {
    State& s = *state_;
    if (s.certificates.find(certificate.id)) {
        fail("certificates[" + certificate.id + "].id", "duplicate id");
    }
    auto evidence = staging::skill_entries(
        s, [&] { return "certificates[" + certificate.id + "].skills"; }, certificate.skills);
    s.certificates.intern(certificate.id);
    staging::push_row(s.certificate_skills_staged, evidence);
}

void SnapshotBuilder::add_institution(const Institution& institution) {
    State& s = *state_;
    if (s.institutions.find(institution.id)) {
        fail("institutions[" + institution.id + "].id", "duplicate id");
    }
    s.institutions.intern(institution.id);
    s.institution_district.push_back(s.districts.intern(institution.district));
    s.institution_name.push_back(institution.name);
}

void SnapshotBuilder::add_program(const Program& program) {
    State& s = *state_;
    const auto path = [&](const char* field) { return "programs[" + program.id + "]." + field; };
    if (s.programs.find(program.id)) fail(path("id"), "duplicate id");
    auto entries = staging::skill_entries(
        s, [&] { return path("curriculum"); }, program.curriculum);
    auto certs = staging::lookup_all([&] { return path("certificates"); }, program.certificates,
                                     [&](const std::string& id) { return s.certificate(id); },
                                     "certificate");
    Index inst = staging::optional_ref(
        [&] { return path("institution_id"); }, program.institution_id,
        [&](const std::string& id) { return s.institution(id); }, "institution");
    // Validated: stage.
    StagedCandidates& p = s.program_set;
    const Index self = s.programs.intern(program.id);
    s.program_name.push_back(program.name);
    p.ids.push_back(program.id);
    staging::push_row(p.skills, entries);
    p.education.push_back(std::uint8_t(program.education_level));
    staging::push_row(p.certificates, certs);
    staging::push_row(p.districts, std::vector<Index>{});
    staging::push_row(p.clusters, std::vector<Index>{});
    p.institution.push_back(inst);
    p.program.push_back(self);
    p.cluster.push_back(s.clusters.intern(program.cluster));
    p.seeking.push_back(1);
    p.year_or_cohort.push_back(program.cohort_size);
}

void SnapshotBuilder::add_employer(const Employer& employer) {
    State& s = *state_;
    if (s.employers.find(employer.id)) fail("employers[" + employer.id + "].id", "duplicate id");
    s.employers.intern(employer.id);
    s.employer_cluster.push_back(s.clusters.intern(employer.cluster));
    s.employer_district.push_back(s.districts.intern(employer.district));
    s.employer_association.push_back(employer.association_id);
    s.employer_name.push_back(employer.name);
}

void SnapshotBuilder::add_graduate(const Graduate& graduate) {
    staging::stage_graduate(*state_, graduate, state_->graduates);
}

void SnapshotBuilder::add_job(const Job& job, const std::string& association) {
    staging::stage_job(*state_, job, state_->jobs, association);
}

void SnapshotBuilder::add_course(const Course& course) {
    State& s = *state_;
    const auto path = [&](const char* field) { return "courses[" + course.id + "]." + field; };
    if (s.course_ids.contains(course.id)) fail(path("id"), "duplicate id");
    auto skills = staging::skill_entries(
        s, [&] { return path("skills"); }, course.skills);
    auto certificates = staging::lookup_all(
        [&] { return path("certificates"); }, course.certificates,
        [&](const std::string& id) { return s.certificate(id); }, "certificate");
    s.course_ids.insert(course.id);
    s.courses.push_back({course.id, course.program_id, std::move(skills), std::move(certificates)});
}

void SnapshotBuilder::add_training_program(const TrainingProgram& program) {
    State& s = *state_;
    const auto path = [&](const char* field) {
        return "training_programs[" + program.id + "]." + field;
    };

    auto skills = staging::skill_entries(
        s, [&] { return path("skills"); }, program.skills);
    const auto certificates = staging::lookup_all(
        [&] { return path("certificates"); }, program.certificates,
        [&](const std::string& id) { return s.certificate(id); }, "certificate");
    staging::credit_certificates(s, skills, certificates);
    s.training.ids.push_back(program.id);
    staging::push_row(s.training.skills, skills);
    s.training.capacity.push_back(static_cast<std::uint32_t>(std::max(program.capacity, 0)));
    s.training.cluster.push_back(s.clusters.intern(program.cluster));
    s.training.district.push_back(s.districts.intern(program.district));
}

void SnapshotBuilder::State::stage_program_profiles() {
    State& s = *this;
    StagedCandidates& p = s.program_set;
    const std::size_t n = p.ids.size();
    std::vector<std::vector<SkillEntry>> skills(n);
    std::vector<std::vector<Index>> certificates(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto row = p.skills.row(i);
        skills[i].assign(row.begin(), row.end());
        const auto certs = p.certificates.row(i);
        certificates[i].assign(certs.begin(), certs.end());
    }
    const auto by_skill = [](const SkillEntry& e) { return e.skill; };
    for (const auto& course : s.courses) {
        const auto program = s.program(course.program_id);
        if (!program) {
            fail("courses[" + course.id + "].program_id",
                 "unknown program \"" + course.program_id + "\"");
        }
        credit_levels(skills[*program], std::span<const SkillEntry>(course.skills), by_skill);
        auto& certs = certificates[*program];
        certs.insert(certs.end(), course.certificates.begin(), course.certificates.end());
        std::sort(certs.begin(), certs.end());
        certs.erase(std::unique(certs.begin(), certs.end()), certs.end());
    }
    p.skills = {};
    p.certificates = {};
    for (std::size_t i = 0; i < n; ++i) {
        staging::credit_certificates(s, skills[i], certificates[i]);
        staging::push_row(p.skills, skills[i]);
        staging::push_row(p.certificates, certificates[i]);
    }
}

namespace staging {

[[noreturn]] void fail(std::string path, std::string message) {
    throw ValidationError({FieldError{std::move(path), std::move(message)}});
}

CandidateSet finish_candidates(StagedCandidates&& in, const Ranks& r, const std::string& kind) {
    CandidateSet out;
    const auto order = sort_order(in.ids);
    out.ids = sorted_ids(in.ids, order, kind);
    in.ids = {};
    std::vector<SkillEntry> row;
    for (const Index old : order) {
        const auto staged = in.skills.row(old);
        row.assign(staged.begin(), staged.end());
        for (SkillEntry& e : row) e.skill = r.skill[e.skill];
        std::sort(row.begin(), row.end(),
                  [](const SkillEntry& a, const SkillEntry& b) { return a.skill < b.skill; });
        out.skills.append_row(row);
    }
    in.skills = {};
    out.level_sum.resize(out.size());
    for (std::size_t c = 0; c < out.size(); ++c) {
        std::uint32_t sum = 0;
        for (const SkillEntry& e : out.skills.row(c)) sum += e.level;
        out.level_sum[c] = sum;
    }
    out.education = permute(in.education, order);
    out.certificates = permute_index_csr(in.certificates, order, r.certificate);
    out.preferred_districts = permute_index_csr(in.districts, order, r.district);
    out.preferred_clusters = permute_index_csr(in.clusters, order, r.cluster);
    out.institution = remap_all(in.institution, order, r.institution);
    out.program = remap_all(in.program, order, r.program);
    out.cluster = remap_all(in.cluster, order, r.cluster);
    out.seeking = permute(in.seeking, order);
    out.year_or_cohort = permute(in.year_or_cohort, order);
    out.blocks = staging::lay_out_blocks(out, staging::id_order_blocks(out.size()));
    out.index = build_candidate_index(out);
    return out;
}

JobSet finish_jobs(StagedJobs&& in, const Ranks& r) {
    JobSet out;
    const auto order = sort_order(in.ids);
    out.ids = sorted_ids(in.ids, order, "jobs");
    out.requirements = permute_csr(in.requirements, order, [&](std::span<RequirementEntry> row) {
        for (RequirementEntry& e : row) e.skill = r.skill[e.skill];
        // Must-haves first (the kernels test gates before summing), then by skill.
        std::sort(row.begin(), row.end(), [](const RequirementEntry& a, const RequirementEntry& b) {
            if (a.must_have != b.must_have) return a.must_have > b.must_have;
            return a.skill < b.skill;
        });
    });
    out.weighted_level_sum.resize(out.size());
    for (std::size_t j = 0; j < out.size(); ++j) {
        std::uint32_t sum = 0;
        for (const RequirementEntry& e : out.requirements.row(j)) sum += e.weight * e.level;
        out.weighted_level_sum[j] = sum;
    }
    out.employer = remap_all(in.employer, order, r.employer);
    out.cluster = remap_all(in.cluster, order, r.cluster);
    out.district = remap_all(in.district, order, r.district);
    out.headcount = permute(in.headcount, order);
    out.min_education = permute(in.min_education, order);
    out.certificates = permute_index_csr(in.certificates, order, r.certificate);
    out.title = permute(in.title, order);
    out.valid_until = permute(in.valid_until, order);
    out.valid_until_key = permute(in.valid_until_key, order);
    out.association = permute(in.association, order);
    return out;
}

std::size_t memory_bytes(const Snapshot& snap) {
    return bytes(snap.graduates) + bytes(snap.programs) + bytes(snap.jobs) + bytes(snap.skills) +
           bytes(snap.skill_name_en) + bytes(snap.skill_name_zh) + bytes(snap.skill_category) +
           bytes(snap.institution_name) + bytes(snap.employer_name) + bytes(snap.program_name) +
           bytes(snap.job_plan.jobs) + bytes(snap.job_plan.reqs) + bytes(snap.job_plan.certs) +
           bytes(snap.job_plan.postings) + bytes(snap.job_plan.skill_offsets);
}

}  // namespace staging

std::shared_ptr<const Snapshot> SnapshotBuilder::build() {
    const auto start = std::chrono::steady_clock::now();
    State s = std::move(*state_);
    state_ = std::make_unique<State>();
    SnapshotDictionaries d;
    auto graduates = std::make_shared<CandidateSet>();
    auto job_side = std::make_shared<JobSide>();

    Ranks r;
    auto finish_dict = [](const Interner& dict, std::vector<Index>& rank, const std::string& kind) {
        const auto order = sort_order(dict.names);
        rank = inverse(order);
        return sorted_ids(dict.names, order, kind);
    };
    d.skills = finish_dict(s.skills, r.skill, "skills");
    const auto skill_order = sort_order(s.skills.names);
    d.skill_name_en = permute(s.skill_name_en, skill_order);
    d.skill_name_zh = permute(s.skill_name_zh, skill_order);
    d.skill_category = permute(s.skill_category, skill_order);
    d.certificates = finish_dict(s.certificates, r.certificate, "certificates");
    d.certificate_skills = permute_csr(
        s.certificate_skills_staged, sort_order(s.certificates.names),
        [&](std::span<SkillEntry> row) {
            for (SkillEntry& e : row) e.skill = r.skill[e.skill];
            std::sort(row.begin(), row.end(),
                      [](const SkillEntry& a, const SkillEntry& b) { return a.skill < b.skill; });
        });
    s.stage_program_profiles();
    d.districts = finish_dict(s.districts, r.district, "districts");
    d.clusters = finish_dict(s.clusters, r.cluster, "clusters");
    d.institutions = finish_dict(s.institutions, r.institution, "institutions");
    const auto inst_order = sort_order(s.institutions.names);
    d.institution_district = remap_all(s.institution_district, inst_order, r.district);
    d.institution_name = permute(s.institution_name, inst_order);
    d.employers = finish_dict(s.employers, r.employer, "employers");
    const auto emp_order = sort_order(s.employers.names);
    d.employer_cluster = remap_all(s.employer_cluster, emp_order, r.cluster);
    d.employer_district = remap_all(s.employer_district, emp_order, r.district);
    d.employer_association = permute(s.employer_association, emp_order);
    d.employer_name = permute(s.employer_name, emp_order);
    d.program_name = permute(s.program_name, sort_order(s.programs.names));
    r.program = inverse(sort_order(s.programs.names));

    // Independent steps over disjoint outputs, each deterministic on its own:
    // the result does not depend on the thread count.
    tbb::parallel_invoke(
        [&] { d.programs = staging::finish_candidates(std::move(s.program_set), r, "programs"); },
        [&] { *graduates = staging::finish_candidates(std::move(s.graduates), r, "graduates"); },
        [&] {
            job_side->jobs = staging::finish_jobs(std::move(s.jobs), r);
            job_side->plan = build_job_kernel_plan(job_side->jobs, d.skills.size());
        });

    {
        const auto order = sort_order(s.training.ids);
        d.training.ids = sorted_ids(s.training.ids, order, "training_programs").all();
        d.training.skills = permute_csr(s.training.skills, order, [&](std::span<SkillEntry> row) {
            for (SkillEntry& e : row) e.skill = r.skill[e.skill];
            std::sort(row.begin(), row.end(),
                      [](const SkillEntry& a, const SkillEntry& b) { return a.skill < b.skill; });
        });
        d.training.capacity = permute(s.training.capacity, order);
        d.training.cluster = remap_all(s.training.cluster, order, r.cluster);
        d.training.district = remap_all(s.training.district, order, r.district);
    }

    auto snap = std::make_shared<Snapshot>(std::move(d), std::move(graduates), std::move(job_side));
    snap->stats.build_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    snap->stats.memory_bytes = staging::memory_bytes(*snap);
    return snap;
}

}  // namespace talentmatch::matcher
