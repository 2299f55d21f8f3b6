// patch_jobs / patch_candidates: stage the delta with the builder's staging
// (snapshot_staging.hpp) against the base's final indices, finish it with
// identity ranks, and assemble the new snapshot around the unchanged parts.
#include "matcher/snapshot/snapshot_patch.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <optional>

#include "matcher/snapshot/job_kernel_plan_builder.hpp"
#include "matcher/snapshot/snapshot_staging.hpp"
#include "models/field_error.hpp"

namespace talentmatch::matcher {
namespace {

struct NeedsFullBuild {};  // a string the base dictionaries lack

// staging::Refs over a finished snapshot: staging indices are final indices.
// Skills (every graduate's list: the hot lookup) go through a hash table
// interned in index order, the rest by binary search.
class BaseRefs {
  public:
    explicit BaseRefs(const Snapshot& base) : base_(base) {
        for (const std::string& id : base.skills.all()) skills_.intern(id);
    }
    std::optional<Index> skill(const std::string& id) const { return skills_.find(id); }
    const std::string& skill_name(Index i) const { return base_.skills[i]; }
    std::optional<Index> certificate(const std::string& id) const {
        return base_.certificates.find(id);
    }
    std::span<const SkillEntry> certificate_skills(Index c) const {
        return base_.certificate_skills.row(c);
    }
    std::optional<Index> institution(const std::string& id) const {
        return base_.institutions.find(id);
    }
    std::optional<Index> program(const std::string& id) const {
        return base_.programs.ids.find(id);
    }
    std::optional<Index> employer(const std::string& id) const { return base_.employers.find(id); }
    Index district(const std::string& text) const { return known(base_.districts, text); }
    Index cluster(const std::string& text) const { return known(base_.clusters, text); }

  private:
    static Index known(const SortedIds& dictionary, const std::string& text) {
        const auto found = dictionary.find(text);
        if (!found) throw NeedsFullBuild{};
        return *found;
    }
    const Snapshot& base_;
    staging::Interner skills_;
};

std::vector<Index> identity(std::size_t n) {
    std::vector<Index> v(n);
    std::iota(v.begin(), v.end(), Index{0});
    return v;
}

staging::Ranks identity_ranks(const Snapshot& base) {
    staging::Ranks r;
    r.skill = identity(base.skills.size());
    r.certificate = identity(base.certificates.size());
    r.institution = identity(base.institutions.size());
    r.program = identity(base.programs.size());
    r.employer = identity(base.employers.size());
    r.district = identity(base.districts.size());
    r.cluster = identity(base.clusters.size());
    return r;
}

// A full build's dictionaries hold exactly the strings something uses.
bool every_dictionary_string_used(const Snapshot& s) {
    std::vector<char> district(s.districts.size(), 0);
    std::vector<char> cluster(s.clusters.size(), 0);
    const auto mark = [](std::vector<char>& used, Index i) {
        if (i != kNone) used[i] = 1;
    };
    for (Index i : s.institution_district) mark(district, i);
    for (Index i : s.employer_district) mark(district, i);
    for (Index i : s.employer_cluster) mark(cluster, i);
    for (Index i : s.jobs.district) mark(district, i);
    for (Index i : s.jobs.cluster) mark(cluster, i);
    for (const CandidateSet* set : {&s.graduates, &s.programs}) {
        for (Index i : set->cluster) mark(cluster, i);
        for (Index i : set->preferred_districts.items) mark(district, i);
        for (Index i : set->preferred_clusters.items) mark(cluster, i);
    }
    return std::find(district.begin(), district.end(), 0) == district.end() &&
           std::find(cluster.begin(), cluster.end(), 0) == cluster.end();
}

// Rows [begin, end) of a column appended to `out`'s, in one copy (the
// unchanged rows of a patch come in long runs).
template <typename T>
void append_rows(const Csr<T>& in, std::size_t begin, std::size_t end, Csr<T>& out) {
    const std::uint32_t first = in.offsets[begin];
    const std::uint32_t base = std::uint32_t(out.items.size());
    out.items.insert(out.items.end(), in.items.begin() + first, in.items.begin() + in.offsets[end]);
    for (std::size_t r = begin + 1; r <= end; ++r)
        out.offsets.push_back(in.offsets[r] - first + base);
}
template <typename T>
void append_rows(const std::vector<T>& in, std::size_t begin, std::size_t end,
                 std::vector<T>& out) {
    out.insert(out.end(), in.begin() + std::ptrdiff_t(begin), in.begin() + std::ptrdiff_t(end));
}
// Full chunks of `in` that stay at their positions are shared, not copied.
template <typename T>
void append_rows(const ChunkedCsr<T>& in, std::size_t begin, std::size_t end, ChunkedCsr<T>& out) {
    out.append_rows(in, begin, end);
}
template <typename T>
void reserve_rows(const ChunkedCsr<T>&, const ChunkedCsr<T>&, ChunkedCsr<T>&) {}
template <typename T>
void reserve_rows(const Csr<T>& a, const Csr<T>& b, Csr<T>& out) {
    out.offsets.reserve(a.offsets.size() + b.offsets.size());
    out.items.reserve(a.items.size() + b.items.size());
}
template <typename T>
void reserve_rows(const std::vector<T>& a, const std::vector<T>& b, std::vector<T>& out) {
    out.reserve(a.size() + b.size());
}

// Copies into `out` the rows of `old` whose id is not in `changed_ids`
// (sorted) and every row of `fresh`, in id order, and sets out.ids. When
// `from_old` is given, it says per row of `out` which row of `old` it was
// copied from (kNone: a fresh row). Set is JobSet or CandidateSet (their
// columns(); not the ids, block layout or index).
template <typename Set>
void merge_by_id(const Set& old, const std::vector<std::string>& changed_ids, const Set& fresh,
                 Set& out, std::vector<Index>* from_old = nullptr) {
    // The output as runs of consecutive rows of one source, in order.
    struct Run {
        const Set* from;
        std::size_t begin, end;
    };
    std::vector<Run> runs;
    const auto take = [&](const Set& from, std::size_t row) {
        if (!runs.empty() && runs.back().from == &from && runs.back().end == row) {
            ++runs.back().end;
        } else {
            runs.push_back({&from, row, row + 1});
        }
    };
    std::vector<std::string> ids;
    ids.reserve(old.size() + fresh.size());
    if (from_old) from_old->reserve(old.size() + fresh.size());
    std::size_t i = 0;
    std::size_t f = 0;
    std::size_t c = 0;
    while (i < old.size() || f < fresh.size()) {
        if (f == fresh.size() || (i < old.size() && old.ids[Index(i)] < fresh.ids[Index(f)])) {
            const std::string& id = old.ids[Index(i)];
            while (c < changed_ids.size() && changed_ids[c] < id) ++c;
            if (c == changed_ids.size() || changed_ids[c] != id) {  // unchanged
                if (from_old) from_old->push_back(Index(i));
                ids.push_back(id);
                take(old, i);
            }
            ++i;
            continue;
        }
        if (i < old.size() && old.ids[Index(i)] == fresh.ids[Index(f)]) ++i;  // replaced
        if (from_old) from_old->push_back(kNone);
        ids.push_back(fresh.ids[Index(f)]);
        take(fresh, f++);
    }
    Set::columns([&](const char*, const auto& old_column, const auto& fresh_column,
                     auto& to) { reserve_rows(old_column, fresh_column, to); },
                 old, fresh, out);
    for (const Run& run : runs) {
        Set::columns([&](const char*, const auto& from,
                         auto& to) { append_rows(from, run.begin, run.end, to); },
                     *run.from, out);
    }
    out.ids = SortedIds(std::move(ids));
}

JobSet merge_jobs(const JobSet& old, const std::vector<std::string>& changed_ids,
                  const JobSet& fresh) {
    JobSet jobs;
    merge_by_id(old, changed_ids, fresh, jobs);
    return jobs;
}

// Old rows not in `changed_ids`, merged by id with the fresh rows, then laid
// out in blocks and indexed.
CandidateSet merge_candidates(const CandidateSet& old, const std::vector<std::string>& changed_ids,
                              const CandidateSet& fresh) {
    CandidateSet out;
    // Rows copied from `old`: a block (a tile) of the same candidates in the
    // same lanes as one of `old`'s keeps its layout.
    std::vector<Index> from_old;
    from_old.reserve(old.size() + fresh.size());
    merge_by_id(old, changed_ids, fresh, out, &from_old);
    const Csr<Index> blocks = staging::id_order_blocks(out.size());
    out.blocks = staging::lay_out_blocks(
        out, blocks, &old.blocks,
        staging::unchanged_blocks(blocks, staging::id_order_blocks(old.size()), from_old));
    out.index = staging::build_candidate_index(out, &old.index, from_old);
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The graduates stage_all(refs, staged) stages, finished against `base`'s
// indices; nullopt when they need a full build.
template <typename StageAll>
std::optional<CandidateSet> staged_graduates(const Snapshot& base, StageAll stage_all) {
    try {
        BaseRefs refs(base);
        staging::StagedCandidates staged;
        stage_all(refs, staged);
        return staging::finish_candidates(std::move(staged), identity_ranks(base), "graduates");
    } catch (const NeedsFullBuild&) {
        return std::nullopt;
    } catch (const ValidationError&) {
        return std::nullopt;  // the full build reports it
    }
}

// `snapshot` with its stats filled, or nullptr when a full build would differ
// from it (a dictionary string nothing uses any more).
std::shared_ptr<const Snapshot> finished(std::shared_ptr<Snapshot> snapshot,
                                         std::chrono::steady_clock::time_point start) {
    if (!every_dictionary_string_used(*snapshot)) return nullptr;
    snapshot->stats.build_seconds = seconds_since(start);
    snapshot->stats.memory_bytes = staging::memory_bytes(*snapshot);
    return snapshot;
}

// `base` with `graduates` in place of its own; the job side is shared.
std::shared_ptr<const Snapshot> with_graduates(const Snapshot& base, CandidateSet graduates,
                                               std::chrono::steady_clock::time_point start) {
    return finished(std::make_shared<Snapshot>(
                        static_cast<const SnapshotDictionaries&>(base),
                        std::make_shared<const CandidateSet>(std::move(graduates)), base.job_side),
                    start);
}

}  // namespace

std::shared_ptr<const Snapshot> patch_jobs(
    const Snapshot& base, const std::function<const Job*(const std::string&)>& current,
    const std::vector<std::string>& changed_ids) {
    const auto start = std::chrono::steady_clock::now();
    JobSet fresh;
    try {
        BaseRefs refs(base);
        staging::StagedJobs staged;
        for (const std::string& id : changed_ids) {
            if (const Job* job = current(id)) staging::stage_job(refs, *job, staged);
        }
        fresh = staging::finish_jobs(std::move(staged), identity_ranks(base));
    } catch (const NeedsFullBuild&) {
        return nullptr;
    } catch (const ValidationError&) {
        return nullptr;  // the full build reports it
    }
    auto job_side = std::make_shared<JobSide>();
    job_side->jobs = merge_jobs(base.jobs, changed_ids, fresh);
    job_side->plan = build_job_kernel_plan(job_side->jobs, base.skills.size());
    auto snapshot = std::make_shared<Snapshot>(static_cast<const SnapshotDictionaries&>(base),
                                               base.graduates_part, std::move(job_side));
    return finished(std::move(snapshot), start);
}

std::shared_ptr<const Snapshot> patch_graduates(
    const Snapshot& base, const std::function<const Graduate*(const std::string&)>& current,
    const std::vector<std::string>& changed_ids) {
    const auto start = std::chrono::steady_clock::now();
    auto fresh = staged_graduates(base, [&](BaseRefs& refs, staging::StagedCandidates& staged) {
        for (const std::string& id : changed_ids) {
            if (const Graduate* graduate = current(id)) {
                staging::stage_graduate(refs, *graduate, staged);
            }
        }
    });
    if (!fresh) return nullptr;
    return with_graduates(base, merge_candidates(base.graduates, changed_ids, *fresh), start);
}

std::shared_ptr<const Snapshot> patch_candidates(const Snapshot& base,
                                                 const std::vector<const Graduate*>& graduates) {
    const auto start = std::chrono::steady_clock::now();
    auto all = staged_graduates(base, [&](BaseRefs& refs, staging::StagedCandidates& staged) {
        for (const Graduate* graduate : graduates) staging::stage_graduate(refs, *graduate, staged);
    });
    if (!all) return nullptr;
    return with_graduates(base, std::move(*all), start);
}

}  // namespace talentmatch::matcher
