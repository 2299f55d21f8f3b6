// Bulk I/O throughput on province-sized graduate files: write (BulkWriter vs
// the DOM reference encode().dump()) and read (for_each_item with the fast
// graduate path vs the reference nlohmann::parse + decode_graduate). The
// variants must agree (same bytes / equal entities) before a time is printed.
//
//   build-bench/bench/bulk_bench [graduates=1000000] [skills=30] [evidence_per_skill=1]
//
// Single-threaded; prints lines per CPU second (process CPU time, so the
// figure holds on a loaded machine; wall time is printed too), MB/s and the
// fast/reference ratio.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "bulk/bulk_reader.hpp"
#include "bulk/bulk_writer.hpp"
#include "bulk/line_reader.hpp"
#include "models/json_codec.hpp"

namespace tmc = talentmatch;

namespace {

// CPU seconds of this process (one thread), and wall seconds.
struct Clock {
    std::clock_t cpu = std::clock();
    std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
};
struct Lap {
    double cpu;
    double wall;
};
Lap seconds_since(const Clock& start) {
    return {static_cast<double>(std::clock() - start.cpu) / CLOCKS_PER_SEC,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start.wall).count()};
}

// a + b without operator+ (GCC 12 warns -Wrestrict on "lit" + std::string at -O3).
std::string cat(std::string a, const std::string& b) {
    a += b;
    return a;
}

tmc::Graduate make_graduate(std::mt19937& rng, int index, int skills, int evidence) {
    tmc::Graduate g;
    g.id = cat("g-", std::to_string(index));
    g.institution_id = cat("inst-", std::to_string(rng() % 40));
    g.program_id = cat(cat(g.institution_id, ".prog-"), std::to_string(rng() % 12));
    g.graduation_year = 2024 + static_cast<int>(rng() % 3);
    g.education_level = static_cast<tmc::EducationLevel>(rng() % 5);
    for (int s = 0; s < skills; ++s) {
        tmc::GraduateSkill skill{cat("ict.network.skill", std::to_string(s * 13 + rng() % 13)),
                                 1 + static_cast<int>(rng() % 5),
                                 {}};
        for (int e = 0; e < evidence; ++e) {
            skill.evidence.push_back(
                {tmc::EvidenceKind::kCourse, cat("C", std::to_string(rng() % 900))});
        }
        g.skills.push_back(std::move(skill));
    }
    g.certificates = {"cert.1x.net.mid"};
    g.preferred_districts = {"nanshan", "futian"};
    g.preferred_clusters = {"ict"};
    return g;
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 1000000;
    const int skills = argc > 2 ? std::atoi(argv[2]) : 30;
    const int evidence = argc > 3 ? std::atoi(argv[3]) : 1;
    const auto dir = std::filesystem::temp_directory_path() / "talentmatch-bulk-bench";
    std::filesystem::remove_all(dir);

    // Write: BulkWriter (direct) vs reference dump, checked byte for byte on a sample.
    std::mt19937 rng(1);
    std::vector<tmc::Graduate> sample;
    for (int i = 0; i < 2000; ++i) sample.push_back(make_graduate(rng, i, skills, evidence));
    {
        tmc::bulk::BulkWriter writer(dir / "check");
        for (const auto& g : sample) writer.write(g);
        writer.close();
        std::ifstream in(dir / "check" / "graduates.jsonl");
        std::string line;
        for (const auto& g : sample) {
            std::getline(in, line);
            if (line != tmc::encode(g).dump()) {
                std::fprintf(stderr, "writer disagrees with encode().dump()\n");
                return 1;
            }
        }
    }
    rng.seed(2);
    Clock start;
    {
        tmc::bulk::BulkWriter writer(dir);
        for (int i = 0; i < count; ++i) writer.write(make_graduate(rng, i, skills, evidence));
        writer.close();
    }
    const Lap write_s = seconds_since(start);
    const auto path = dir / "graduates.jsonl";
    const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;

    rng.seed(2);
    start = Clock{};
    std::size_t reference_bytes = 0;
    for (int i = 0; i < count; ++i)
        reference_bytes += tmc::encode(make_graduate(rng, i, skills, evidence)).dump().size() + 1;
    const Lap reference_write_s = seconds_since(start);

    // Read: fast path through for_each_item vs the reference decoder.
    std::size_t fast_lines = 0, fast_skills = 0;
    start = Clock{};
    tmc::bulk::for_each_item(path, tmc::bulk::EntityKind::kGraduates,
                             tmc::bulk::FileFormat::kJsonLines, [&](tmc::bulk::BulkItem& item) {
                                 ++fast_lines;
                                 fast_skills += std::get<tmc::Graduate>(*item.entity).skills.size();
                             });
    const Lap fast_s = seconds_since(start);

    std::size_t reference_lines = 0, reference_skills = 0;
    start = Clock{};
    {
        tmc::bulk::LineReader lines(path);
        std::string_view line;
        std::vector<tmc::FieldError> errors;
        while (lines.next(line)) {
            auto g = tmc::decode_graduate(nlohmann::json::parse(line), "", errors);
            ++reference_lines;
            reference_skills += g->skills.size();
        }
    }
    const Lap reference_s = seconds_since(start);
    if (fast_lines != reference_lines || fast_skills != reference_skills ||
        reference_bytes != static_cast<std::size_t>(mb * 1e6 + 0.5)) {
        std::fprintf(stderr, "variants disagree\n");
        return 1;
    }
    std::printf("graduates=%d skills=%d evidence/skill=%d file=%.0f MB\n", count, skills, evidence,
                mb);
    const auto row = [&](const char* name, Lap lap, double ratio) {
        std::printf("%-22s cpu %7.2f s  %9.0f lines/cpu-s  %6.1f MB/cpu-s  (wall %6.2f s)", name,
                    lap.cpu, count / lap.cpu, mb / lap.cpu, lap.wall);
        if (ratio > 0) std::printf("  ratio %.2fx", ratio);
        std::printf("\n");
    };
    row("write BulkWriter", write_s, 0);
    row("write encode+dump", reference_write_s, reference_write_s.cpu / write_s.cpu);
    row("read fast path", fast_s, 0);
    row("read nlohmann+decode", reference_s, reference_s.cpu / fast_s.cpu);
    std::printf("(write rows include generating the graduates; encode+dump does no I/O)\n");
    std::filesystem::remove_all(dir);
    return 0;
}
