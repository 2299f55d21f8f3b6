#include "bulk/json_line.hpp"

#include <array>
#include <cmath>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"
#include "models/utf8.hpp"

namespace talentmatch::bulk {

void append_json_string(std::string& out, std::string_view text) {
    // Invalid UTF-8 is rare: leave it to nlohmann's own `replace` handling so
    // the bytes stay identical to the reference.
    if (!is_valid_utf8(text)) {
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out.push_back('"');
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    static constexpr char kHex[] = "0123456789abcdef";
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0xF]);
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

void append_json_number(std::string& out, double value) {
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    // The formatter dump() itself uses (nlohmann's serializer::dump_float).
    std::array<char, 64> buffer{};
    char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    out.append(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
}

namespace {

// Writes `"key":` with a leading ',' unless it opens the object.
void key(std::string& out, std::string_view name, bool first = false) {
    if (!first) out.push_back(',');
    out.push_back('"');
    out += name;
    out += "\":";
}

void string_field(std::string& out, std::string_view name, std::string_view value,
                  bool first = false) {
    key(out, name, first);
    append_json_string(out, value);
}

void int_field(std::string& out, std::string_view name, int value, bool first = false) {
    key(out, name, first);
    out += std::to_string(value);
}

void bool_field(std::string& out, std::string_view name, bool value) {
    key(out, name);
    out += value ? "true" : "false";
}

void strings_field(std::string& out, std::string_view name, const std::vector<std::string>& list,
                   bool first = false) {
    key(out, name, first);
    out.push_back('[');
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out.push_back(',');
        append_json_string(out, list[i]);
    }
    out.push_back(']');
}

}  // namespace

// Keys below are in sorted (byte) order, as nlohmann::json's std::map keeps them.

void append_json_line(std::string& out, const Skill& v) {
    out.push_back('{');
    strings_field(out, "aliases", v.aliases, true);
    string_field(out, "category", v.category);
    string_field(out, "id", v.id);
    string_field(out, "name_en", v.name_en);
    string_field(out, "name_zh", v.name_zh);
    out += "}\n";
}

void append_json_line(std::string& out, const Institution& v) {
    out.push_back('{');
    string_field(out, "district", v.district, true);
    string_field(out, "id", v.id);
    string_field(out, "level", to_string(v.level));
    string_field(out, "name", v.name);
    out += "}\n";
}

void append_json_line(std::string& out, const Program& v) {
    out.push_back('{');
    strings_field(out, "certificates", v.certificates, true);
    string_field(out, "cluster", v.cluster);
    string_field(out, "code", v.code);
    int_field(out, "cohort_size", v.cohort_size);
    key(out, "curriculum");
    out.push_back('[');
    for (std::size_t i = 0; i < v.curriculum.size(); ++i) {
        if (i > 0) out.push_back(',');
        out.push_back('{');
        int_field(out, "level", v.curriculum[i].level, true);
        string_field(out, "skill_id", v.curriculum[i].skill_id);
        out.push_back('}');
    }
    out.push_back(']');
    string_field(out, "education_level", to_string(v.education_level));
    string_field(out, "id", v.id);
    string_field(out, "institution_id", v.institution_id);
    string_field(out, "name", v.name);
    out += "}\n";
}

void append_json_line(std::string& out, const Employer& v) {
    out.push_back('{');
    string_field(out, "association_id", v.association_id, true);
    string_field(out, "cluster", v.cluster);
    string_field(out, "district", v.district);
    string_field(out, "id", v.id);
    string_field(out, "name", v.name);
    out += "}\n";
}

void append_json_line(std::string& out, const Placement& v) {
    out.push_back('{');
    string_field(out, "date", v.date, true);
    string_field(out, "employer_id", v.employer_id);
    string_field(out, "graduate_id", v.graduate_id);
    string_field(out, "id", v.id);
    string_field(out, "job_id", v.job_id);
    string_field(out, "source", to_string(v.source));
    out += "}\n";
}

void append_json_line(std::string& out, const Job& v) {
    out.push_back('{');
    string_field(out, "cluster", v.cluster, true);
    string_field(out, "description", v.description);
    string_field(out, "district", v.district);
    string_field(out, "employer_id", v.employer_id);
    int_field(out, "headcount", v.headcount);
    string_field(out, "id", v.id);
    string_field(out, "min_education", to_string(v.min_education));
    strings_field(out, "required_certificates", v.required_certificates);
    key(out, "requirements");
    out.push_back('[');
    for (std::size_t i = 0; i < v.requirements.size(); ++i) {
        const Requirement& r = v.requirements[i];
        if (i > 0) out.push_back(',');
        out.push_back('{');
        int_field(out, "level", r.level, true);
        bool_field(out, "must_have", r.must_have);
        string_field(out, "skill_id", r.skill_id);
        int_field(out, "weight", r.weight);
        out.push_back('}');
    }
    out.push_back(']');
    string_field(out, "title", v.title);
    string_field(out, "valid_until", v.valid_until);
    out += "}\n";
}

void append_json_line(std::string& out, const Graduate& v) {
    out.push_back('{');
    strings_field(out, "certificates", v.certificates, true);
    string_field(out, "education_level", to_string(v.education_level));
    int_field(out, "graduation_year", v.graduation_year);
    string_field(out, "id", v.id);
    string_field(out, "institution_id", v.institution_id);
    strings_field(out, "preferred_clusters", v.preferred_clusters);
    strings_field(out, "preferred_districts", v.preferred_districts);
    string_field(out, "program_id", v.program_id);
    bool_field(out, "seeking", v.seeking);
    key(out, "skills");
    out.push_back('[');
    for (std::size_t i = 0; i < v.skills.size(); ++i) {
        const GraduateSkill& s = v.skills[i];
        if (i > 0) out.push_back(',');
        out.push_back('{');
        key(out, "evidence", true);
        out.push_back('[');
        for (std::size_t e = 0; e < s.evidence.size(); ++e) {
            if (e > 0) out.push_back(',');
            out.push_back('{');
            string_field(out, "kind", to_string(s.evidence[e].kind), true);
            string_field(out, "ref", s.evidence[e].ref);
            out.push_back('}');
        }
        out.push_back(']');
        int_field(out, "level", s.level);
        string_field(out, "skill_id", s.skill_id);
        out.push_back('}');
    }
    out.push_back(']');
    out += "}\n";
}

}  // namespace talentmatch::bulk
