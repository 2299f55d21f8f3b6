#pragma once
// Test helpers for tests/bulk: a fresh temporary directory per test, file
// I/O, and seeded random entities (no evidence-free assumptions: graduates
// carry evidence unless asked not to).
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "models/entities.hpp"

namespace talentmatch::bulk::testing {

class TempDir {
  public:
    TempDir() {
        std::random_device device;
        path_ = std::filesystem::temp_directory_path() /
                ("talentmatch-bulk-" + std::to_string(device()) + std::to_string(device()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Strings mixing ASCII, CJK, quotes, separators and control characters.
inline std::string random_text(std::mt19937& rng, bool plain = false) {
    static const char* const kPieces[] = {"a", "Z", "0", "路由", "网络", " ", "-", "."};
    static const char* const kSpecial[] = {",", ";", ":", "\"", "\\", "\n", "\t", "\x01", "/"};
    std::string text;
    const int length = static_cast<int>(rng() % 12);
    for (int i = 0; i < length; ++i) {
        if (!plain && rng() % 4 == 0) {
            text += kSpecial[rng() % std::size(kSpecial)];
        } else {
            text += kPieces[rng() % std::size(kPieces)];
        }
    }
    return text;
}

inline std::string random_id(std::mt19937& rng, const char* prefix) {
    return std::string(prefix) + "." + std::to_string(rng() % 100000);
}

inline Graduate random_graduate(std::mt19937& rng, bool with_evidence) {
    Graduate g;
    g.id = random_id(rng, "g");
    g.institution_id = random_id(rng, "inst");
    g.program_id = random_id(rng, "prog");
    g.graduation_year = 2020 + static_cast<int>(rng() % 8);
    g.education_level = static_cast<EducationLevel>(rng() % 5);
    const int skills = static_cast<int>(rng() % 40);
    for (int s = 0; s < skills; ++s) {
        GraduateSkill skill{
            "skill." + std::to_string(s * 7 + rng() % 7), static_cast<int>(rng() % 6), {}};
        const int evidence = with_evidence ? static_cast<int>(rng() % 3) : 0;
        for (int e = 0; e < evidence; ++e) {
            skill.evidence.push_back({static_cast<EvidenceKind>(rng() % 6), random_text(rng)});
        }
        g.skills.push_back(std::move(skill));
    }
    for (unsigned c = rng() % 3; c > 0; --c) g.certificates.push_back(random_id(rng, "cert"));
    for (unsigned c = rng() % 3; c > 0; --c)
        g.preferred_districts.push_back("district-" + std::to_string(rng() % 10));
    for (unsigned c = rng() % 2; c > 0; --c) g.preferred_clusters.push_back("ict");
    g.seeking = rng() % 2 == 0;
    return g;
}

inline Job random_job(std::mt19937& rng) {
    Job j;
    j.id = random_id(rng, "job");
    j.employer_id = random_id(rng, "emp");
    j.title = random_text(rng);
    j.cluster = random_text(rng);
    j.district = random_text(rng);
    j.headcount = 1 + static_cast<int>(rng() % 50);
    j.min_education = static_cast<EducationLevel>(rng() % 5);
    for (unsigned c = rng() % 3; c > 0; --c)
        j.required_certificates.push_back(random_id(rng, "cert"));
    j.valid_until = rng() % 2 ? "2026-06-30" : "";
    const int requirements = 1 + static_cast<int>(rng() % 12);
    for (int r = 0; r < requirements; ++r) {
        j.requirements.push_back({"skill." + std::to_string(r), 1 + static_cast<int>(rng() % 5),
                                  1 + static_cast<int>(rng() % 10), rng() % 3 == 0});
    }
    return j;
}

inline Program random_program(std::mt19937& rng) {
    Program p;
    p.id = random_id(rng, "prog");
    p.institution_id = random_id(rng, "inst");
    p.name = random_text(rng);
    p.code = std::to_string(510000 + rng() % 1000);
    p.cluster = random_text(rng);
    p.education_level = static_cast<EducationLevel>(rng() % 5);
    p.cohort_size = static_cast<int>(rng() % 500);
    const int curriculum = static_cast<int>(rng() % 20);
    for (int s = 0; s < curriculum; ++s) {
        p.curriculum.push_back({"skill." + std::to_string(s), static_cast<int>(rng() % 6)});
    }
    for (unsigned c = rng() % 3; c > 0; --c) p.certificates.push_back(random_id(rng, "cert"));
    return p;
}

}  // namespace talentmatch::bulk::testing
