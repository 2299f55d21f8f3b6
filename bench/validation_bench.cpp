// Validation throughput: models/validation.hpp's validate() over valid
// province-shaped graduates and jobs, the check every write and every bulk
// import line runs before the store takes it.
//
//   build/bench/validation_bench [graduates=200000] [jobs=50000] [rounds=3]
//
// Single-threaded; prints entities per CPU second (process CPU time, best of
// `rounds`). Every entity must validate with no error before a time counts.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

#include "models/validation.hpp"

namespace tmc = talentmatch;

namespace {

double cpu_now() {
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

std::string numbered(const char* prefix, unsigned n) {
    std::string s(prefix);
    s += std::to_string(n);
    return s;
}

struct World {
    tmc::KnownIds known;
    std::vector<tmc::Graduate> graduates;
    std::vector<tmc::Job> jobs;
};

World make_world(int graduates, int jobs) {
    std::mt19937 rng(7);
    World w;
    for (unsigned s = 0; s < 400; ++s) w.known.skills.insert(numbered("ict.network.skill", s));
    for (unsigned c = 0; c < 60; ++c) w.known.certificates.insert(numbered("cert-", c));
    for (unsigned i = 0; i < 40; ++i) {
        const std::string institution = numbered("inst-", i);
        w.known.institutions.insert(institution);
        for (unsigned p = 0; p < 12; ++p) {
            const std::string program = institution + numbered(".prog-", p);
            w.known.programs.insert(program);
            w.known.program_institution[program] = institution;
        }
    }
    for (unsigned e = 0; e < 5000; ++e) w.known.employers.insert(numbered("emp-", e));
    for (int g = 0; g < graduates; ++g) {
        tmc::Graduate x;
        x.id = numbered("g-", static_cast<unsigned>(g));
        x.institution_id = numbered("inst-", rng() % 40);
        x.program_id = x.institution_id + numbered(".prog-", rng() % 12);
        x.graduation_year = 2024 + static_cast<int>(rng() % 3);
        for (unsigned s = 0; s < 30; ++s) {
            x.skills.push_back({numbered("ict.network.skill", s * 13 + rng() % 13),
                                1 + static_cast<int>(rng() % 5),
                                {{tmc::EvidenceKind::kCourse, numbered("C", rng() % 900)}}});
        }
        x.certificates = {numbered("cert-", rng() % 30), numbered("cert-", 30 + rng() % 30)};
        x.preferred_districts = {"Nanshan", "Futian"};
        x.preferred_clusters = {"ict"};
        w.graduates.push_back(std::move(x));
    }
    for (int j = 0; j < jobs; ++j) {
        tmc::Job x;
        x.id = numbered("job-", static_cast<unsigned>(j));
        x.employer_id = numbered("emp-", rng() % 5000);
        x.title = "网络运维工程师 Network engineer";
        x.cluster = "ict";
        x.district = "Nanshan";
        x.headcount = 1 + static_cast<int>(rng() % 5);
        x.required_certificates = {numbered("cert-", rng() % 60)};
        x.valid_until = "2027-06-30";
        for (unsigned s = 0; s < 12; ++s) {
            x.requirements.push_back({numbered("ict.network.skill", s * 30 + rng() % 30),
                                      1 + static_cast<int>(rng() % 5),
                                      1 + static_cast<int>(rng() % 10), s < 2});
        }
        w.jobs.push_back(std::move(x));
    }
    return w;
}

// Best CPU seconds of `rounds` passes of validate() over `items`; exits if any fails.
template <class T>
double best_pass(const std::vector<T>& items, const tmc::KnownIds& known, int rounds) {
    double best = 1e300;
    for (int r = 0; r < rounds; ++r) {
        const double start = cpu_now();
        std::size_t errors = 0;
        for (const T& item : items) errors += tmc::validate(item, known, "").size();
        const double spent = cpu_now() - start;
        if (errors != 0) {
            std::fprintf(stderr, "validation_bench: %zu errors on valid data\n", errors);
            std::exit(1);
        }
        if (spent < best) best = spent;
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const int graduates = argc > 1 ? std::atoi(argv[1]) : 200000;
    const int jobs = argc > 2 ? std::atoi(argv[2]) : 50000;
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 3;
    const World w = make_world(graduates, jobs);
    const double g = best_pass(w.graduates, w.known, rounds);
    const double j = best_pass(w.jobs, w.known, rounds);
    std::printf("validate graduates (30 skills): %d in %.3f CPU-s = %.0f /s\n", graduates, g,
                graduates / g);
    std::printf("validate jobs (12 requirements): %d in %.3f CPU-s = %.0f /s\n", jobs, j, jobs / j);
    return 0;
}
