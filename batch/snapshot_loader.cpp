#include "batch/snapshot_loader.hpp"

#include <algorithm>

#include "batch/content_hash.hpp"
#include "matcher/snapshot.hpp"
#include "models/field_error.hpp"

namespace talentmatch::batch {
namespace {

void hash_list(ContentHash& h, const std::vector<std::string>& items) {
    h.add(static_cast<std::int64_t>(items.size()));
    for (const auto& s : items) h.add(s);
}

}  // namespace

LoadedSnapshot load_snapshot(store::Store& store, StageReporter& reporter,
                             const std::string& as_of) {
    const auto as_of_key = matcher::date_key(as_of);
    if (!as_of_key || as_of.empty()) {
        throw ValidationError(std::vector<FieldError>{{"as_of", "must be a date YYYY-MM-DD"}});
    }
    LoadedSnapshot out;
    out.as_of = as_of;
    out.store_data_version = store.data_version();
    const auto graduates = static_cast<std::uint64_t>(store.count(store::EntityKind::kGraduates));
    reporter.begin("snapshot", graduates, "graduates");
    matcher::SnapshotFeed feed;
    ContentHash taxonomy, data;
    store::ScanOptions scan;
    scan.with_evidence = false;

    store.scan<Skill>(scan, [&](const Skill& s) {
        taxonomy.add("skill").add(s.id).add(s.name_zh).add(s.name_en).add(s.category);
        hash_list(taxonomy, s.aliases);
        feed.put(s);
    });
    store.scan<Certificate>(scan, [&](const Certificate& c) {
        taxonomy.add_entity(c);
        feed.put(c);
    });
    store.scan<Institution>(scan, [&](const Institution& i) {
        data.add("institution").add(i.id).add(i.name).add(i.district).add(std::int64_t(i.level));
        feed.put(i);
    });
    store.scan<Program>(scan, [&](const Program& p) {
        data.add("program").add(p.id).add(p.institution_id).add(p.name).add(p.code).add(p.cluster);
        data.add(std::int64_t(p.education_level)).add(std::int64_t(p.cohort_size));
        for (const auto& c : p.curriculum) data.add(c.skill_id).add(std::int64_t(c.level));
        hash_list(data, p.certificates);
        out.program_names[p.id] = p.name;
        feed.put(p);
    });
    store.scan<Employer>(scan, [&](const Employer& e) {
        data.add("employer")
            .add(e.id)
            .add(e.name)
            .add(e.cluster)
            .add(e.district)
            .add(e.association_id);
        feed.put(e);
    });
    store.scan<Job>(scan, [&](const Job& j) {
        data.add("job").add(j.id).add(j.employer_id).add(j.title).add(j.cluster).add(j.district);
        data.add(std::int64_t(j.headcount)).add(std::int64_t(j.min_education)).add(j.valid_until);
        hash_list(data, j.required_certificates);
        for (const auto& r : j.requirements) {
            data.add(r.skill_id).add(std::int64_t(r.level)).add(std::int64_t(r.weight));
            data.add(std::int64_t(r.must_have));
        }
        const auto key = matcher::date_key(j.valid_until);
        if (key && !matcher::valid_on(*key, *as_of_key)) {
            ++out.expired_jobs;
            out.expired_openings += std::uint64_t(std::max(0, j.headcount));
            return;
        }
        feed.put(j);
    });
    std::uint64_t seen = 0;
    store.scan<Graduate>(scan, [&](const Graduate& g) {
        data.add("graduate").add(g.id).add(g.institution_id).add(g.program_id);
        data.add(std::int64_t(g.graduation_year)).add(std::int64_t(g.education_level));
        for (const auto& s : g.skills) data.add(s.skill_id).add(std::int64_t(s.level));
        hash_list(data, g.certificates);
        hash_list(data, g.preferred_districts);
        hash_list(data, g.preferred_clusters);
        data.add(std::int64_t(g.seeking));
        feed.put(g);
        if ((++seen & 0x3FFF) == 0) reporter.advance(seen);
    });
    store.scan<Placement>(scan, [&](const Placement& p) {
        data.add("placement").add(p.id).add(p.graduate_id).add(p.employer_id).add(p.job_id);
        data.add(p.date).add(std::int64_t(p.source));
        out.placements.push_back(p);
    });
    store.scan<Teacher>(scan, [&](const Teacher& t) {
        data.add("teacher").add(t.id).add(t.institution_id);
        for (const auto& s : t.expertise) data.add(s.skill_id).add(std::int64_t(s.level));
        data.add(std::int64_t(t.dual_qualified)).add(std::int64_t(t.available));
        feed.put(t);
    });
    store.scan<Project>(scan, [&](const Project& p) {
        data.add("project").add(p.id).add(p.employer_id).add(p.title);
        data.add(std::int64_t(p.team_size)).add(p.start_date).add(p.end_date);
        for (const auto& r : p.requirements) {
            data.add(r.skill_id).add(std::int64_t(r.level)).add(std::int64_t(r.weight));
            data.add(std::int64_t(r.must_have));
        }
        const auto key = matcher::date_key(p.end_date);
        if (key && !matcher::valid_on(*key, *as_of_key)) return;  // ended: not matched
        feed.put(p);
    });
    store.scan<ResearchResult>(scan, [&](const ResearchResult& v) {
        data.add_entity(v);
        feed.put(v);
    });
    store.scan<InnovationDemand>(scan, [&](const InnovationDemand& v) {
        data.add_entity(v);
        const auto key = matcher::date_key(v.valid_until);
        if (key && !matcher::valid_on(*key, *as_of_key)) return;  // past: not matched
        feed.put(v);
    });
    store.scan<Course>(scan, [&](const Course& v) {
        data.add_entity(v);
        feed.put(v);
    });
    store.scan<TrainingProgram>(scan, [&](const TrainingProgram& v) {
        data.add_entity(v);
        feed.put(v);
    });
    store.scan<OccupationalStandard>(scan, [&](const OccupationalStandard& v) {
        taxonomy.add_entity(v);  // reference data, as skills and certificates
        feed.put(v);
    });
    matcher::SnapshotSet built = feed.build();
    out.snapshot = std::move(built.main);
    out.teachers_projects = std::move(built.teachers_projects);
    out.research_demands = std::move(built.research_demands);
    out.programs_standards = std::move(built.programs_standards);
    out.training_jobs = std::move(built.training_jobs);
    out.data_hash = data.hex();
    out.taxonomy_hash = taxonomy.hex();
    reporter.end();
    return out;
}

}  // namespace talentmatch::batch
