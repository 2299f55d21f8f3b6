#include "batch/run_diff.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "runfmt/run_files.hpp"

namespace talentmatch::batch {
namespace fs = std::filesystem;
namespace {

std::optional<std::vector<std::vector<std::string>>> read_csv(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    auto rows = parse_csv(ss.str());
    if (rows.empty()) return std::nullopt;
    return rows;
}

// Column index by header name, or -1.
int column(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) return static_cast<int>(i);
    }
    return -1;
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n') {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            any = false;
        } else if (c != '\r') {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

RunDiff diff_against(const std::optional<fs::path>& previous, const DiffInputs& current) {
    RunDiff out;
    if (!previous) return out;
    out.has_previous = true;

    if (auto rows = read_csv(*previous / runfmt::kSupplyDemandSkillsCsv)) {
        const int grouping = column((*rows)[0], "grouping"), skill = column((*rows)[0], "skill_id"),
                  label = column((*rows)[0], "label");
        std::set<std::string> before;
        if (grouping >= 0 && skill >= 0 && label >= 0) {
            for (std::size_t r = 1; r < rows->size(); ++r) {
                const auto& row = (*rows)[r];
                if (row.size() <= std::size_t(std::max({grouping, skill, label}))) continue;
                if (row[grouping] == "overall" && row[label] == "shortage")
                    before.insert(row[skill]);
            }
        }
        const std::set<std::string> now(current.shortage_skills.begin(),
                                        current.shortage_skills.end());
        std::set_difference(now.begin(), now.end(), before.begin(), before.end(),
                            std::back_inserter(out.new_shortages));
        std::set_difference(before.begin(), before.end(), now.begin(), now.end(),
                            std::back_inserter(out.resolved_shortages));
    }

    if (auto rows = read_csv(*previous / runfmt::kBestMatchesCsv)) {
        std::map<std::string, std::string> before;
        const int g = column((*rows)[0], "graduate_id"), j = column((*rows)[0], "job_id");
        if (g >= 0 && j >= 0) {
            for (std::size_t r = 1; r < rows->size(); ++r) {
                const auto& row = (*rows)[r];
                if (row.size() > std::size_t(std::max(g, j))) before[row[g]] = row[j];
            }
        }
        auto a = before.begin();
        auto b = current.best_match.begin();
        while (a != before.end() || b != current.best_match.end()) {
            if (b == current.best_match.end() || (a != before.end() && a->first < b->first)) {
                out.best_match_changes.push_back({a->first, a->second, ""});
                ++a;
            } else if (a == before.end() || b->first < a->first) {
                out.best_match_changes.push_back({b->first, "", b->second});
                ++b;
            } else {
                if (a->second != b->second)
                    out.best_match_changes.push_back({a->first, a->second, b->second});
                ++a, ++b;
            }
        }
    }

    if (auto rows = read_csv(*previous / runfmt::kAssignmentJobsCsv)) {
        std::map<std::string, std::int64_t> before;
        const int j = column((*rows)[0], "job_id"), f = column((*rows)[0], "filled");
        if (j >= 0 && f >= 0) {
            for (std::size_t r = 1; r < rows->size(); ++r) {
                const auto& row = (*rows)[r];
                if (row.size() > std::size_t(std::max(j, f))) before[row[j]] = std::stoll(row[f]);
            }
        }
        std::set<std::string> ids;
        for (const auto& [id, n] : before) ids.insert(id);
        for (const auto& [id, n] : current.job_filled) ids.insert(id);
        for (const auto& id : ids) {
            const auto pa = before.find(id);
            const auto pb = current.job_filled.find(id);
            const std::int64_t was = pa == before.end() ? 0 : pa->second;
            const std::int64_t now = pb == current.job_filled.end() ? 0 : pb->second;
            if (was == now) continue;
            out.opening_changes.push_back({id, was, now});
            if (now > was)
                out.openings_filled_since += now - was;
            else
                out.openings_unfilled_since += was - now;
        }
    }

    if (auto rows = read_csv(*previous / "outcomes.csv")) {
        const auto& header = (*rows)[0];
        const int scope = column(header, "scope"), id = column(header, "id"),
                  year = column(header, "graduation_year"), placed = column(header, "placed");
        std::map<std::string, std::int64_t> before;
        bool same_year = false;
        if (scope >= 0 && id >= 0 && year >= 0 && placed >= 0) {
            const std::string current_year = std::to_string(current.outcomes_year);
            for (std::size_t r = 1; r < rows->size(); ++r) {
                const auto& row = (*rows)[r];
                if (row.size() <= std::size_t(std::max({scope, id, year, placed}))) continue;
                if (row[scope] == "total") same_year = row[year] == current_year;
                if (row[scope] == "program" && row[year] == current_year)
                    before[row[id]] = std::stoll(row[placed]);
            }
        }
        if (same_year) {
            out.placements_compared = true;
            std::set<std::string> ids;
            for (const auto& [program, n] : before) ids.insert(program);
            for (const auto& [program, n] : current.placed_per_program) ids.insert(program);
            for (const auto& program : ids) {
                const auto pa = before.find(program);
                const auto pb = current.placed_per_program.find(program);
                const std::int64_t was = pa == before.end() ? 0 : pa->second;
                const std::int64_t now = pb == current.placed_per_program.end() ? 0 : pb->second;
                if (was == now) continue;
                out.placed_changes.push_back({program, was, now});
                if (now > was) out.placed_since += now - was;
            }
        }
    }
    return out;
}

}  // namespace talentmatch::batch
