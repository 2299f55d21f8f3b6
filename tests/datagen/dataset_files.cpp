#include "tests/datagen/dataset_files.hpp"

#include <unistd.h>
#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"

namespace talentmatch::datagen::testing {

namespace fs = std::filesystem;

namespace {

template <class T, class Decode>
std::vector<T> read_file(const fs::path& file, Decode decode) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    std::vector<T> out;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::vector<FieldError> errors;
        auto value = decode(nlohmann::json::parse(line), "", errors);
        if (!value) {
            throw std::runtime_error(
                file.string() + ":" + std::to_string(number) + ": " +
                (errors.empty() ? std::string("?") : to_string(errors.front())));
        }
        out.push_back(std::move(*value));
    }
    return out;
}

template <class T>
void check_unique(const std::vector<T>& items, const std::string& kind,
                  std::vector<FieldError>& out) {
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!seen.insert(items[i].id).second) {
            out.push_back({index_path(kind, i) + ".id", "duplicate id " + items[i].id});
        }
    }
}

template <class T>
void append(std::vector<FieldError>& out, const std::vector<FieldError>& more) {
    out.insert(out.end(), more.begin(), more.end());
}

}  // namespace

Dataset read_dataset(const fs::path& dir) {
    Dataset d;
    d.skills = read_file<Skill>(dir / "skills.jsonl", decode_skill);
    d.certificates = read_file<Certificate>(dir / "certificates.jsonl", decode_certificate);
    d.institutions = read_file<Institution>(dir / "institutions.jsonl", decode_institution);
    d.programs = read_file<Program>(dir / "programs.jsonl", decode_program);
    d.employers = read_file<Employer>(dir / "employers.jsonl", decode_employer);
    d.jobs = read_file<Job>(dir / "jobs.jsonl", decode_job);
    d.graduates = read_file<Graduate>(dir / "graduates.jsonl", decode_graduate);
    d.placements = read_file<Placement>(dir / "placements.jsonl", decode_placement);
    d.teachers = read_file<Teacher>(dir / "teachers.jsonl", decode_teacher);
    d.projects = read_file<Project>(dir / "projects.jsonl", decode_project);
    return d;
}

std::vector<FieldError> validate_dataset(const Dataset& d) {
    KnownIds known;
    for (const auto& x : d.skills) known.skills.insert(x.id);
    for (const auto& x : d.certificates) known.certificates.insert(x.id);
    for (const auto& x : d.institutions) known.institutions.insert(x.id);
    for (const auto& x : d.programs) {
        known.programs.insert(x.id);
        known.program_institution[x.id] = x.institution_id;
    }
    for (const auto& x : d.employers) known.employers.insert(x.id);
    std::vector<FieldError> out;
    check_unique(d.skills, "skills", out);
    check_unique(d.certificates, "certificates", out);
    check_unique(d.institutions, "institutions", out);
    check_unique(d.programs, "programs", out);
    check_unique(d.employers, "employers", out);
    check_unique(d.jobs, "jobs", out);
    check_unique(d.graduates, "graduates", out);
    check_unique(d.teachers, "teachers", out);
    check_unique(d.projects, "projects", out);
    for (std::size_t i = 0; i < d.skills.size(); ++i)
        append<Skill>(out, validate(d.skills[i], index_path("skills", i)));
    for (std::size_t i = 0; i < d.certificates.size(); ++i) {
        append<Certificate>(out, validate(d.certificates[i], known, index_path("certificates", i)));
    }
    for (std::size_t i = 0; i < d.institutions.size(); ++i) {
        append<Institution>(out, validate(d.institutions[i], index_path("institutions", i)));
    }
    for (std::size_t i = 0; i < d.programs.size(); ++i) {
        append<Program>(out, validate(d.programs[i], known, index_path("programs", i)));
    }
    for (std::size_t i = 0; i < d.employers.size(); ++i) {
        append<Employer>(out, validate(d.employers[i], index_path("employers", i)));
    }
    for (std::size_t i = 0; i < d.jobs.size(); ++i)
        append<Job>(out, validate(d.jobs[i], known, index_path("jobs", i)));
    for (std::size_t i = 0; i < d.graduates.size(); ++i) {
        append<Graduate>(out, validate(d.graduates[i], known, index_path("graduates", i)));
    }
    for (std::size_t i = 0; i < d.teachers.size(); ++i)
        append<Teacher>(out, validate(d.teachers[i], known, index_path("teachers", i)));
    for (std::size_t i = 0; i < d.projects.size(); ++i)
        append<Project>(out, validate(d.projects[i], known, index_path("projects", i)));
    return out;
}

fs::path fresh_dir(const std::string& name) {
    static std::atomic<int> counter{0};
    const fs::path dir =
        fs::temp_directory_path() / ("talentmatch-datagen-" + name + "-" +
                                     std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string file_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool eligible(const Graduate& g, const Job& j) {
    if (g.education_level < j.min_education) return false;
    for (const auto& cert : j.required_certificates) {
        bool held = false;
        for (const auto& c : g.certificates) held = held || c == cert;
        if (!held) return false;
    }
    std::unordered_map<std::string, int> level;
    for (const auto& s : g.skills) level[s.skill_id] = s.level;
    for (const auto& r : j.requirements) {
        if (!r.must_have) continue;
        const auto it = level.find(r.skill_id);
        if (it == level.end() || it->second < r.level) return false;
    }
    return true;
}

const ShippedData& shipped() {
    static const ShippedData data = load_shipped_data(TALENTMATCH_SOURCE_DIR "/data");
    return data;
}

}  // namespace talentmatch::datagen::testing
