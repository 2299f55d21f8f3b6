#include "bulk/csv_cells.hpp"

#include <charconv>

#include "models/json_codec.hpp"
#include "models/rule_checker.hpp"

namespace talentmatch::bulk::cells {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// Calls visit(item, index) for each non-empty trimmed item of a `sep`-separated list.
template <class Visit>
void for_each_part(std::string_view text, char sep, Visit visit) {
    std::size_t index = 0;
    while (true) {
        const std::size_t cut = text.find(sep);
        const std::string_view part = trim(text.substr(0, cut));
        if (!part.empty()) visit(part, index++);
        if (cut == std::string_view::npos) break;
        text.remove_prefix(cut + 1);
    }
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t cut = text.find(sep);
        parts.push_back(trim(text.substr(0, cut)));
        if (cut == std::string_view::npos) return parts;
        text.remove_prefix(cut + 1);
    }
}

bool parse_int(std::string_view text, int& out) {
    const char* first = text.data();
    const char* last = first + text.size();
    if (first != last && *first == '+') ++first;
    auto [end, error] = std::from_chars(first, last, out);
    return error == std::errc() && end == last && first != last;
}

std::string index_path(const std::string& base, std::size_t index) {
    return base + "[" + std::to_string(index) + "]";
}

// One "skill:level..." item: checks the part count and parses the level.
bool decode_skill_item(std::string_view item, std::size_t min_parts, std::size_t max_parts,
                       std::string_view shape, const std::string& item_path,
                       std::vector<std::string_view>& parts, int& level, Errors& errors) {
    parts = split(item, ':');
    if (parts.size() < min_parts || parts.size() > max_parts || parts[0].empty()) {
        errors.push_back({item_path, "expected " + std::string(shape) + ", got " +
                                         detail::quoted(std::string(item))});
        return false;
    }
    if (!parse_int(parts[1], level)) {
        errors.push_back({item_path + ".level",
                          "expected an integer, got " + detail::quoted(std::string(parts[1]))});
        return false;
    }
    return true;
}

}  // namespace

void decode_int(std::string_view cell, int& out, const std::string& path, Errors& errors) {
    cell = trim(cell);
    if (cell.empty()) return;
    if (!parse_int(cell, out)) {
        errors.push_back({path, "expected an integer, got " + detail::quoted(std::string(cell))});
    }
}

void decode_bool(std::string_view cell, bool& out, const std::string& path, Errors& errors) {
    cell = trim(cell);
    if (cell.empty()) return;
    if (cell == "true") {
        out = true;
    } else if (cell == "false") {
        out = false;
    } else {
        errors.push_back(
            {path, "expected true or false, got " + detail::quoted(std::string(cell))});
    }
}

std::optional<std::size_t> decode_wire_name(std::string_view cell,
                                            std::span<const std::string_view> names,
                                            const std::string& path, Errors& errors) {
    cell = trim(cell);
    if (cell.empty()) return std::nullopt;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == cell) return i;
    }
    errors.push_back({path, "must be one of " + join_names(names) + ", got " +
                                detail::quoted(std::string(cell))});
    return std::nullopt;
}

void decode_id_list(std::string_view cell, std::vector<std::string>& out) {
    out.clear();
    for_each_part(cell, ';', [&](std::string_view part, std::size_t) { out.emplace_back(part); });
}

void decode_skill_levels(std::string_view cell, std::vector<SkillLevel>& out,
                         const std::string& path, Errors& errors) {
    out.clear();
    std::vector<std::string_view> parts;
    for_each_part(cell, ';', [&](std::string_view item, std::size_t index) {
        int level = 0;
        if (decode_skill_item(item, 2, 2, "skill:level", index_path(path, index), parts, level,
                              errors)) {
            out.push_back({std::string(parts[0]), level});
        }
    });
}

void decode_graduate_skills(std::string_view cell, std::vector<GraduateSkill>& out,
                            const std::string& path, Errors& errors) {
    out.clear();
    std::vector<std::string_view> parts;
    for_each_part(cell, ';', [&](std::string_view item, std::size_t index) {
        int level = 0;
        if (decode_skill_item(item, 2, 2, "skill:level", index_path(path, index), parts, level,
                              errors)) {
            out.push_back({std::string(parts[0]), level, {}});
        }
    });
}

void decode_requirements(std::string_view cell, std::vector<Requirement>& out,
                         const std::string& path, Errors& errors) {
    out.clear();
    std::vector<std::string_view> parts;
    for_each_part(cell, ';', [&](std::string_view item, std::size_t index) {
        const std::string item_path = index_path(path, index);
        Requirement requirement;
        if (!decode_skill_item(item, 2, 4, "skill:level[:weight[:must]]", item_path, parts,
                               requirement.level, errors)) {
            return;
        }
        requirement.skill_id = std::string(parts[0]);
        if (parts.size() >= 3 && !parse_int(parts[2], requirement.weight)) {
            errors.push_back({item_path + ".weight",
                              "expected an integer, got " + detail::quoted(std::string(parts[2]))});
            return;
        }
        if (parts.size() == 4) {
            if (parts[3] != "must") {
                errors.push_back(
                    {item_path + ".must_have",
                     "expected \"must\" or nothing, got " + detail::quoted(std::string(parts[3]))});
                return;
            }
            requirement.must_have = true;
        }
        out.push_back(std::move(requirement));
    });
}

std::string encode_id_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out.push_back(';');
        out += id;
    }
    return out;
}

std::string encode_skill_levels(const std::vector<SkillLevel>& levels) {
    std::string out;
    for (const auto& item : levels) {
        if (!out.empty()) out.push_back(';');
        out += item.skill_id + ":" + std::to_string(item.level);
    }
    return out;
}

std::string encode_graduate_skills(const std::vector<GraduateSkill>& skills) {
    std::string out;
    for (const auto& item : skills) {
        if (!out.empty()) out.push_back(';');
        out += item.skill_id + ":" + std::to_string(item.level);
    }
    return out;
}

std::string encode_requirements(const std::vector<Requirement>& requirements) {
    std::string out;
    for (const auto& item : requirements) {
        if (!out.empty()) out.push_back(';');
        out += item.skill_id + ":" + std::to_string(item.level) + ":" + std::to_string(item.weight);
        if (item.must_have) out += ":must";
    }
    return out;
}

}  // namespace talentmatch::bulk::cells
