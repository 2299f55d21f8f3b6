#include "datagen/shipped_data.hpp"

#include <fstream>
#include <functional>
#include <stdexcept>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "models/json_codec.hpp"

#ifndef TALENTMATCH_DATA_DIR
#error "TALENTMATCH_DATA_DIR must be defined by the build (datagen/CMakeLists.txt)"
#endif

namespace talentmatch::datagen {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path default_data_root() {
    return fs::path(TALENTMATCH_DATA_DIR);
}

namespace {

std::ifstream open_input(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + file.string());
    return in;
}

template <class T, class Decode>
std::vector<T> read_jsonl(const fs::path& file, Decode decode) {
    std::ifstream in = open_input(file);
    std::vector<T> out;
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        const std::string where = file.string() + ":" + std::to_string(number);
        json value = json::parse(line, nullptr, false);
        if (value.is_discarded()) throw std::runtime_error(where + ": not valid JSON");
        std::vector<FieldError> errors;
        auto decoded = decode(value, std::string(), errors);
        if (!decoded) {
            std::string message = where + ":";
            for (const auto& e : errors) {
                message.append(" ").append(to_string(e)).append(";");
            }
            throw std::runtime_error(message);
        }
        out.push_back(std::move(*decoded));
    }
    return out;
}

json read_json(const fs::path& file) {
    std::ifstream in = open_input(file);
    json value = json::parse(in, nullptr, false);
    if (value.is_discarded()) throw std::runtime_error(file.string() + ": not valid JSON");
    return value;
}

std::vector<NamedId> read_named_ids(const fs::path& file) {
    std::vector<NamedId> out;
    for (const auto& item : read_json(file)) {
        out.push_back({item.at("id").get<std::string>(), item.at("name_zh").get<std::string>(),
                       item.at("name_en").get<std::string>()});
    }
    return out;
}

EducationLevel education(const json& value, const std::string& where) {
    const auto text = value.get<std::string>();
    if (auto level = parse_education_level(text)) return *level;
    throw std::runtime_error(where + ": unknown education level \"" + text + "\"");
}

std::vector<TemplateSkill> template_skills(const json& list) {
    std::vector<TemplateSkill> out;
    for (const auto& item : list) {
        TemplateSkill s;
        s.skill_id = item.at("skill").get<std::string>();
        s.level = item.at("level").get<int>();
        if (item.contains("weight")) s.weight = item.at("weight").get<int>();
        out.push_back(std::move(s));
    }
    return out;
}

// Every id a template mentions must exist in the taxonomy.
void check_references(const ShippedData& data, const fs::path& file) {
    std::unordered_set<std::string> skills, certs, clusters;
    for (const auto& s : data.skills) skills.insert(s.id);
    for (const auto& c : data.certificates) certs.insert(c.id);
    for (const auto& c : data.clusters) clusters.insert(c.id);
    auto need = [&](const std::unordered_set<std::string>& known, const std::string& id,
                    const std::string& where) {
        if (!known.contains(id)) {
            throw std::runtime_error(file.string() + ": " + where + ": unknown id \"" + id + "\"");
        }
    };
    for (const auto& s : data.common_curriculum) need(skills, s.skill_id, "common_curriculum");
    for (const auto* pool : {&data.extras.competition, &data.extras.internship,
                             &data.extras.project, &data.extras.self_reported}) {
        for (const auto& id : *pool) need(skills, id, "extras");
    }
    for (const auto& cluster : data.templates) {
        need(clusters, cluster.cluster, "cluster");
        for (const auto& o : cluster.occupations) {
            for (const auto& s : o.core) need(skills, s.skill_id, o.id);
            for (const auto& s : o.optional) need(skills, s.skill_id, o.id);
            for (const auto& s : o.must_have) need(skills, s, o.id);
            for (const auto& c : o.certificates) need(certs, c, o.id);
        }
        for (const auto& p : cluster.programs) {
            for (const auto& s : p.curriculum) need(skills, s.skill_id, p.id);
            for (const auto& c : p.certificates) need(certs, c, p.id);
        }
    }
}

}  // namespace

std::vector<Skill> read_skills_jsonl(const fs::path& file) {
    return read_jsonl<Skill>(file, decode_skill);
}

std::vector<Certificate> read_certificates_jsonl(const fs::path& file) {
    return read_jsonl<Certificate>(file, decode_certificate);
}

ShippedData load_shipped_data(const fs::path& root, const fs::path& taxonomy_dir) {
    const fs::path taxonomy = taxonomy_dir.empty() ? root / "taxonomy" : taxonomy_dir;
    ShippedData data;
    data.skills = read_skills_jsonl(taxonomy / "skills.jsonl");
    data.certificates = read_certificates_jsonl(taxonomy / "certificates.jsonl");
    data.clusters = read_named_ids(taxonomy / "clusters.json");
    data.districts = read_named_ids(taxonomy / "districts.json");

    const fs::path file = root / "templates" / "occupations.json";
    try {
        const json doc = read_json(file);
        data.common_curriculum = template_skills(doc.at("common_curriculum"));
        const json& extras = doc.at("extras");
        data.extras.competition = extras.at("competition").get<std::vector<std::string>>();
        data.extras.internship = extras.at("internship").get<std::vector<std::string>>();
        data.extras.project = extras.at("project").get<std::vector<std::string>>();
        data.extras.self_reported = extras.at("self_reported").get<std::vector<std::string>>();
        for (const auto& c : doc.at("clusters")) {
            ClusterTemplates cluster;
            cluster.cluster = c.at("cluster").get<std::string>();
            for (const auto& o : c.at("occupations")) {
                OccupationTemplate t;
                t.id = o.at("id").get<std::string>();
                t.title_zh = o.at("title_zh").get<std::string>();
                t.title_en = o.at("title_en").get<std::string>();
                t.min_education = education(o.at("min_education"), t.id);
                t.core = template_skills(o.at("core"));
                t.must_have = o.at("must_have").get<std::vector<std::string>>();
                t.optional = template_skills(o.at("optional"));
                t.certificates = o.at("certificates").get<std::vector<std::string>>();
                cluster.occupations.push_back(std::move(t));
            }
            for (const auto& p : c.at("programs")) {
                ProgramTemplate t;
                t.id = p.at("id").get<std::string>();
                t.name = p.at("name").get<std::string>();
                t.code = p.at("code").get<std::string>();
                t.education_level = education(p.at("education_level"), t.id);
                t.curriculum = template_skills(p.at("curriculum"));
                t.certificates = p.at("certificates").get<std::vector<std::string>>();
                cluster.programs.push_back(std::move(t));
            }
            data.templates.push_back(std::move(cluster));
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(file.string() + ": " + e.what());
    }
    check_references(data, file);
    return data;
}

}  // namespace talentmatch::datagen
