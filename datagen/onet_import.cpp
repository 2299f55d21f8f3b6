#include "datagen/onet_import.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <stdexcept>

#include "datagen/onet_names_zh.hpp"
#include "datagen/tsv_table.hpp"

namespace talentmatch::datagen {

namespace fs = std::filesystem;

namespace {

// SOC 2018 major groups (names of the standard, for employer names).
const std::map<std::string, std::string>& major_groups() {
    static const std::map<std::string, std::string> groups = {
        {"11", "Management"},
        {"13", "Business and Financial Operations"},
        {"15", "Computer and Mathematical"},
        {"17", "Architecture and Engineering"},
        {"19", "Life, Physical, and Social Science"},
        {"21", "Community and Social Service"},
        {"23", "Legal"},
        {"25", "Educational Instruction and Library"},
        {"27", "Arts, Design, Entertainment, Sports, and Media"},
        {"29", "Healthcare Practitioners and Technical"},
        {"31", "Healthcare Support"},
        {"33", "Protective Service"},
        {"35", "Food Preparation and Serving Related"},
        {"37", "Building and Grounds Cleaning and Maintenance"},
        {"39", "Personal Care and Service"},
        {"41", "Sales and Related"},
        {"43", "Office and Administrative Support"},
        {"45", "Farming, Fishing, and Forestry"},
        {"47", "Construction and Extraction"},
        {"49", "Installation, Maintenance, and Repair"},
        {"51", "Production"},
        {"53", "Transportation and Material Moving"},
        {"55", "Military Specific"}};
    return groups;
}

std::string slug(const std::string& text) {
    std::string out;
    for (char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

// "2.B.3.e" -> "2.B.3"; an element at depth 3 ("2.C.6") is its own group.
std::string group_id(const std::string& element) {
    std::size_t dots = 0;
    for (std::size_t i = 0; i < element.size(); ++i) {
        if (element[i] == '.' && ++dots == 3) return element.substr(0, i);
    }
    return element;
}

struct Rating {
    std::optional<double> importance;  // IM
    std::optional<double> level;       // LV
    bool suppressed = false;           // Recommend Suppress = Y on the IM or LV row
    bool not_relevant = false;         // Not Relevant = Y
};

// occupation code -> element id -> rating
using Ratings = std::map<std::string, std::map<std::string, Rating>>;

void read_ratings(const fs::path& file, Ratings& ratings, std::map<std::string, std::string>& names,
                  OnetImportStats& stats) {
    const TsvTable t(file);
    const auto code = t.column("O*NET-SOC Code"), element = t.column("Element ID"),
               name = t.column("Element Name"), scale = t.column("Scale ID"),
               value = t.column("Data Value"), suppress = t.column("Recommend Suppress"),
               not_relevant = t.column("Not Relevant");
    for (std::size_t r = 0; r < t.rows(); ++r) {
        const std::string where = file.string() + ": row " + std::to_string(r + 2);
        names[t.cell(r, element)] = t.cell(r, name);
        Rating& rating = ratings[t.cell(r, code)][t.cell(r, element)];
        if (t.cell(r, suppress) == "Y") {
            ++stats.rows_suppressed;
            rating.suppressed = true;
        }
        if (t.cell(r, not_relevant) == "Y") {
            ++stats.rows_not_relevant;
            rating.not_relevant = true;
        }
        const double v = parse_number(t.cell(r, value), where);
        if (t.cell(r, scale) == "IM") rating.importance = v;
        if (t.cell(r, scale) == "LV") rating.level = v;
    }
}

// Lowest RL category at which the cumulative share reaches 50 %.
std::map<std::string, int> education_categories(const fs::path& file) {
    const TsvTable t(file);
    const auto code = t.column("O*NET-SOC Code"), scale = t.column("Scale ID"),
               category = t.column("Category"), value = t.column("Data Value"),
               suppress = t.column("Recommend Suppress");
    std::map<std::string, std::map<int, double>> shares;
    std::map<std::string, bool> suppressed;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        if (t.cell(r, scale) != "RL") continue;
        const std::string where = file.string() + ": row " + std::to_string(r + 2);
        const int c = static_cast<int>(parse_number(t.cell(r, category), where));
        shares[t.cell(r, code)][c] = parse_number(t.cell(r, value), where);
        if (t.cell(r, suppress) == "Y") suppressed[t.cell(r, code)] = true;
    }
    std::map<std::string, int> out;
    for (const auto& [occupation, by_category] : shares) {
        if (suppressed[occupation]) continue;
        double cumulative = 0.0;
        for (const auto& [c, share] : by_category) {
            cumulative += share;
            if (cumulative >= 50.0) {
                out[occupation] = c;
                break;
            }
        }
    }
    return out;
}

std::map<std::string, int> job_zones(const fs::path& file) {
    const TsvTable t(file);
    const auto code = t.column("O*NET-SOC Code"), zone = t.column("Job Zone");
    std::map<std::string, int> out;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        out[t.cell(r, code)] = static_cast<int>(
            parse_number(t.cell(r, zone), file.string() + ": row " + std::to_string(r + 2)));
    }
    return out;
}

}  // namespace

int onet_level(double lv, OnetLevels scale) {
    if (scale == OnetLevels::kLinear)
        return std::clamp(static_cast<int>(std::floor(lv / 7.0 * 5.0 + 0.5)), 1, 5);
    int level = 1;
    for (double cut : kOnetLevelCuts) level += lv >= cut ? 1 : 0;
    return level;
}

int onet_weight(double im, double mean_im, OnetWeights scheme) {
    if (scheme == OnetWeights::kDistinctive) {
        const double factor = std::clamp(1.0 + im - mean_im, 0.2, 3.0);
        return std::clamp(static_cast<int>(std::floor(im * factor + 0.5)), 1, 10);
    }
    return onet_weight(im);
}

int onet_weight(double im) {
    return std::clamp(static_cast<int>(std::floor(im * 2.0 + 0.5)), 1, 10);
}

EducationLevel onet_education_from_rl_category(int category) {
    if (category <= 2) return EducationLevel::kSecondaryVocational;
    if (category <= 5) return EducationLevel::kHigherVocational;
    if (category <= 7) return EducationLevel::kBachelor;
    return EducationLevel::kMaster;
}

EducationLevel onet_education_from_job_zone(int zone) {
    if (zone <= 2) return EducationLevel::kSecondaryVocational;
    if (zone == 3) return EducationLevel::kHigherVocational;
    if (zone == 4) return EducationLevel::kBachelor;
    return EducationLevel::kMaster;
}

std::string onet_attribution() {
    return "This product includes information from the O*NET 29.2 Database by the U.S. "
           "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
           "the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA.\n"
           "Changes: Skills and Knowledge elements were turned into a skill taxonomy and "
           "occupations into job requirements by talentmatch's mapping (datagen/ONET_MAPPING.md): "
           "importance and level ratings were rescaled and thresholded, suppressed and "
           "not-relevant ratings dropped, minimum education derived from the education "
           "distribution or Job Zone; Chinese element names are talentmatch's own translation. "
           "Graduates, institutions, programs, employer placement and headcounts are synthetic.\n"
           "License: https://creativecommons.org/licenses/by/4.0/ ; source: "
           "https://www.onetcenter.org/database.html\n";
}

OnetDataset import_onet(const fs::path& dir, const OnetRules& rules) {
    OnetDataset out;
    Ratings ratings;
    std::map<std::string, std::string> element_names;
    std::map<std::string, bool> is_knowledge;
    {
        Ratings knowledge;
        read_ratings(dir / "Skills.txt", ratings, element_names, out.stats);
        if (rules.knowledge)
            read_ratings(dir / "Knowledge.txt", knowledge, element_names, out.stats);
        for (auto& [code, elements] : knowledge) {
            for (auto& [element, rating] : elements) {
                is_knowledge[element] = true;
                ratings[code][element] = rating;
            }
        }
    }

    // Skills: element id, names, category from the element's group.
    std::map<std::string, std::string> content_names;
    {
        const TsvTable t(dir / "Content Model Reference.txt");
        const auto id = t.column("Element ID"), name = t.column("Element Name");
        for (std::size_t r = 0; r < t.rows(); ++r) content_names[t.cell(r, id)] = t.cell(r, name);
    }
    for (const auto& [element, name] : element_names) {
        const auto group = content_names.find(group_id(element));
        if (group == content_names.end()) {
            throw std::runtime_error((dir / "Content Model Reference.txt").string() +
                                     ": no element " + group_id(element) + " (group of " + element +
                                     ")");
        }
        Skill s;
        s.id = element;
        s.name_en = name;
        s.name_zh = onet_name_zh(element);
        s.category = std::string("onet.") + (is_knowledge[element] ? "knowledge." : "skills.") +
                     slug(group->second);
        out.skills.push_back(std::move(s));
    }

    const auto education =
        education_categories(dir / "Education, Training, and Experience (RL only).txt");
    const auto zones = job_zones(dir / "Job Zones.txt");
    const TsvTable occupations(dir / "Occupation Data.txt");
    const auto code_col = occupations.column("O*NET-SOC Code"),
               title_col = occupations.column("Title");
    out.stats.occupations_listed = occupations.rows();
    // An element's mean importance over the ratings jobs keep (for kDistinctive).
    const auto job_keeps = [&](const Rating& rating) {
        return !rating.not_relevant && rating.importance && rating.level &&
               (!rating.suppressed || rules.jobs_keep_suppressed);
    };
    std::map<std::string, double> mean_importance;
    {
        std::map<std::string, std::pair<double, int>> sums;
        for (const auto& [code, elements] : ratings) {
            for (const auto& [element, rating] : elements) {
                if (!job_keeps(rating)) continue;
                sums[element].first += *rating.importance;
                ++sums[element].second;
            }
        }
        for (const auto& [element, sum] : sums) mean_importance[element] = sum.first / sum.second;
    }
    std::map<std::string, bool> groups_used;
    for (std::size_t r = 0; r < occupations.rows(); ++r) {
        const std::string& code = occupations.cell(r, code_col);
        const auto rated = ratings.find(code);
        if (rated == ratings.end()) continue;
        struct Candidate {
            std::string element;
            double importance;
            double level;
            bool suppressed;
        };
        std::vector<Candidate> candidates;
        for (const auto& [element, rating] : rated->second) {
            if (!job_keeps(rating)) continue;
            candidates.push_back({element, *rating.importance, *rating.level, rating.suppressed});
        }
        if (candidates.empty()) continue;
        // Most important first; ties by element id (stable order of the map).
        std::stable_sort(
            candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.importance > b.importance; });
        Graduate worker;
        worker.id = kOnetWorkerPrefix + code;
        worker.institution_id = kOnetWorkerInstitution;
        worker.program_id = kOnetWorkerProgram;
        worker.education_level = EducationLevel::kMaster;
        worker.seeking = false;
        for (const auto& c : candidates) {
            if (!c.suppressed)
                worker.skills.push_back({c.element, onet_level(c.level, rules.levels), {}});
        }
        std::sort(
            worker.skills.begin(), worker.skills.end(),
            [](const GraduateSkill& a, const GraduateSkill& b) { return a.skill_id < b.skill_id; });
        out.workers.push_back(std::move(worker));
        Job job;
        job.id = "onet-" + code;
        const std::string major = code.substr(0, 2);
        job.employer_id = "onet-emp-" + major;
        job.title = occupations.cell(r, title_col);
        job.cluster = "soc-" + major;
        job.headcount = 1;
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            const auto& c = candidates[i];
            if (c.importance < rules.keep_importance && i >= rules.min_requirements) break;
            Requirement req;
            req.skill_id = c.element;
            req.level = onet_level(c.level, rules.levels);
            req.weight = onet_weight(c.importance, mean_importance[c.element], rules.weights);
            req.must_have = c.importance >= rules.must_have_importance;
            out.stats.must_haves += req.must_have ? 1 : 0;
            job.requirements.push_back(std::move(req));
        }
        std::sort(
            job.requirements.begin(), job.requirements.end(),
            [](const Requirement& a, const Requirement& b) { return a.skill_id < b.skill_id; });
        if (const auto e = education.find(code); e != education.end()) {
            job.min_education = onet_education_from_rl_category(e->second);
            ++out.stats.education_from_rl;
        } else if (const auto z = zones.find(code); z != zones.end()) {
            job.min_education = onet_education_from_job_zone(z->second);
            ++out.stats.education_from_job_zone;
        }
        out.stats.requirements += job.requirements.size();
        groups_used[major] = true;
        out.jobs.push_back(std::move(job));
    }
    out.stats.occupations_imported = out.jobs.size();
    std::sort(out.jobs.begin(), out.jobs.end(),
              [](const Job& a, const Job& b) { return a.id < b.id; });
    std::sort(out.workers.begin(), out.workers.end(),
              [](const Graduate& a, const Graduate& b) { return a.id < b.id; });

    for (const auto& [major, used] : groups_used) {
        const auto it = major_groups().find(major);
        Employer e;
        e.id = "onet-emp-" + major;
        e.name = "O*NET major group " + major + ": " +
                 (it != major_groups().end() ? it->second : std::string("Occupations")) +
                 " Occupations";
        e.cluster = "soc-" + major;
        out.employers.push_back(std::move(e));
    }
    return out;
}

}  // namespace talentmatch::datagen
