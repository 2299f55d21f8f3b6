#include "datagen/synthetic_placements.hpp"

#include "datagen/civil_date.hpp"

namespace talentmatch::datagen {

namespace {
constexpr double kMinPlacedShare = 0.70;
constexpr double kMaxPlacedShare = 0.95;
constexpr double kOwnClusterShare = 0.8;
constexpr double kWithJobShare = 0.5;
constexpr long kMaxDaysAfterJune15 = 150;
}  // namespace

std::int64_t write_placements(const PlacementWorld& world, const SyntheticConfig& config,
                              const Rng& rng, DatasetWriter& out) {
    const auto& programs = *world.programs;
    const auto& employers = *world.employers;
    if (employers.empty()) return 0;
    std::map<std::string, std::vector<std::size_t>> employers_of_cluster;
    for (std::size_t e = 0; e < employers.size(); ++e)
        employers_of_cluster[employers[e].cluster].push_back(e);
    const Rng program_rngs = rng.split(1);
    const Rng graduate_rngs = rng.split(2);
    const CivilDate june15{config.graduation_year, 6, 15};
    std::int64_t written = 0;
    std::int64_t index = 0;  // the global graduate number, as write_graduates counts
    for (std::size_t p = 0; p < programs.size(); ++p) {
        const Program& program = programs[p];
        Rng program_rng = program_rngs.split(p);
        const double share =
            kMinPlacedShare + (kMaxPlacedShare - kMinPlacedShare) * program_rng.uniform01();
        const auto own = employers_of_cluster.find(program.cluster);
        for (int c = 0; c < program.cohort_size; ++c, ++index) {
            const Graduate g =
                world.graduates->draw(program, (*world.district_of_program)[p], index);
            if (g.graduation_year != config.graduation_year) continue;
            Rng r = graduate_rngs.split(static_cast<std::uint64_t>(index));
            if (!r.bernoulli(share)) continue;
            const bool in_own = own != employers_of_cluster.end() && r.bernoulli(kOwnClusterShare);
            const Employer& employer = in_own ? employers[own->second[r.index(own->second.size())]]
                                              : employers[r.index(employers.size())];
            Placement placement;
            placement.id = "pl-" + GraduateFactory::graduate_id(index).substr(2);
            placement.graduate_id = g.id;
            placement.employer_id = employer.id;
            const auto jobs = world.jobs_of_employer->find(employer.id);
            if (jobs != world.jobs_of_employer->end() && !jobs->second.empty() &&
                r.bernoulli(kWithJobShare)) {
                placement.job_id = jobs->second[r.index(jobs->second.size())];
            }
            placement.date = iso_date_plus(june15, r.uniform_int(0, kMaxDaysAfterJune15));
            const double source = r.uniform01();
            placement.source = source < 0.6    ? PlacementSource::kSurvey
                               : source < 0.85 ? PlacementSource::kEmployerReport
                                               : PlacementSource::kGraduateReport;
            out.write(placement);
            ++written;
        }
    }
    return written;
}

}  // namespace talentmatch::datagen
