// Institutions, programs and employers of the synthetic data set.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "datagen/synthetic_parts.hpp"

namespace talentmatch::datagen::detail {

namespace {

// Where each industry sits in Shenzhen, roughly: weights by district id.
const std::map<std::string, std::map<std::string, double>>& district_profiles() {
    static const std::map<std::string, std::map<std::string, double>> profiles = {
        {"ict",
         {{"nanshan", 30},
          {"futian", 12},
          {"longgang", 18},
          {"baoan", 12},
          {"longhua", 10},
          {"luohu", 4},
          {"guangming", 3},
          {"pingshan", 2},
          {"yantian", 2}}},
        {"ic_terminal",
         {{"nanshan", 18},
          {"baoan", 20},
          {"longhua", 15},
          {"longgang", 14},
          {"guangming", 10},
          {"pingshan", 6},
          {"futian", 6}}},
        {"nev",
         {{"pingshan", 30},
          {"longgang", 15},
          {"baoan", 12},
          {"guangming", 8},
          {"shenshan", 8},
          {"nanshan", 6},
          {"longhua", 5}}},
        {"battery",
         {{"pingshan", 18},
          {"baoan", 20},
          {"longgang", 16},
          {"guangming", 12},
          {"longhua", 10},
          {"dapeng", 4},
          {"shenshan", 6},
          {"nanshan", 5}}},
        {"smart_mfg",
         {{"baoan", 26},
          {"longhua", 16},
          {"guangming", 14},
          {"longgang", 14},
          {"pingshan", 8},
          {"nanshan", 8},
          {"shenshan", 4}}},
        {"laser_am",
         {{"baoan", 28},
          {"nanshan", 14},
          {"guangming", 14},
          {"longhua", 12},
          {"longgang", 10},
          {"pingshan", 4}}},
    };
    return profiles;
}

// Shenzhen places (sub-districts) that give institutions their names.
struct Place {
    const char* name;
    const char* district;
};
constexpr Place kPlaces[] = {
    {"鹏城", "futian"},    {"西丽", "nanshan"},   {"蛇口", "nanshan"},   {"前海", "nanshan"},
    {"福田", "futian"},    {"香蜜湖", "futian"},  {"罗湖", "luohu"},     {"东湖", "luohu"},
    {"宝安", "baoan"},     {"西乡", "baoan"},     {"福永", "baoan"},     {"沙井", "baoan"},
    {"龙岗", "longgang"},  {"坂田", "longgang"},  {"布吉", "longgang"},  {"横岗", "longgang"},
    {"龙华", "longhua"},   {"观澜", "longhua"},   {"民治", "longhua"},   {"坪山", "pingshan"},
    {"坑梓", "pingshan"},  {"光明", "guangming"}, {"公明", "guangming"}, {"盐田", "yantian"},
    {"沙头角", "yantian"}, {"大鹏", "dapeng"},    {"葵涌", "dapeng"},    {"深汕", "shenshan"},
    {"南山", "nanshan"},
};

// Institution level by position: mostly higher-vocational colleges.
EducationLevel institution_level(int index) {
    switch (index % 10) {
        case 3:
            return EducationLevel::kVocationalBachelor;
        case 7:
            return EducationLevel::kSecondaryVocational;
        case 9:
            return EducationLevel::kBachelor;
        default:
            return EducationLevel::kHigherVocational;
    }
}

std::vector<const char*> institution_kinds(EducationLevel level) {
    switch (level) {
        case EducationLevel::kSecondaryVocational:
            return {"技工学校", "中等职业技术学校"};
        case EducationLevel::kVocationalBachelor:
            return {"职业技术大学"};
        case EducationLevel::kBachelor:
        case EducationLevel::kMaster:
            return {"科技大学", "理工学院"};
        default:
            return {"职业技术学院", "信息职业技术学院", "工程职业技术学院", "技师学院"};
    }
}

bool offers(EducationLevel institution, EducationLevel program) {
    if (institution == program) return true;
    // Universities also run associate and vocational-bachelor programs.
    return institution >= EducationLevel::kVocationalBachelor &&
           program >= EducationLevel::kHigherVocational && program <= institution;
}

std::string padded(const char* prefix, long long n, int width) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s%0*lld", prefix, width, n);
    return buffer;
}

int clamp_level(double x) {
    return std::clamp(static_cast<int>(std::floor(x + 0.5)), 1, 5);
}

}  // namespace

std::vector<double> district_weights(const ShippedData& data, const std::string& cluster) {
    const auto& profiles = district_profiles();
    const auto it = profiles.find(cluster);
    std::vector<double> weights;
    for (const auto& d : data.districts) {
        double w = 1.0;
        if (it != profiles.end()) {
            const auto found = it->second.find(d.id);
            w = found != it->second.end() ? found->second : 1.0;
        }
        weights.push_back(w);
    }
    return weights;
}

std::vector<double> cluster_weights(const ShippedData& data) {
    const std::map<std::string, double> shares = {{"ict", 28},       {"ic_terminal", 20},
                                                  {"nev", 12},       {"battery", 15},
                                                  {"smart_mfg", 17}, {"laser_am", 8}};
    std::vector<double> weights;
    for (const auto& c : data.templates) {
        const auto it = shares.find(c.cluster);
        weights.push_back(it != shares.end() ? it->second : 10.0);
    }
    return weights;
}

std::vector<Institution> make_institutions(const ShippedData&, const SyntheticConfig& config,
                                           Rng rng) {
    constexpr std::size_t kPlaceCount = std::size(kPlaces);
    std::vector<std::size_t> order = sample_without_replacement(rng, kPlaceCount, kPlaceCount);
    std::set<std::string> used;
    std::vector<Institution> out;
    for (int i = 0; i < config.institutions; ++i) {
        Institution inst;
        inst.id = padded("inst-", i + 1, 3);
        inst.level = institution_level(i);
        const auto kinds = institution_kinds(inst.level);
        const Place& place = kPlaces[order[static_cast<std::size_t>(i) % kPlaceCount]];
        std::string name = std::string("深圳") + place.name + kinds[rng.index(kinds.size())];
        for (int n = 2; used.contains(name); ++n) {
            name = std::string("深圳") + place.name + kinds[rng.index(kinds.size())];
            if (n > 8)
                name = std::string("深圳") + place.name + "第" + std::to_string(n) + kinds[0];
        }
        used.insert(name);
        inst.name = name;
        inst.district = place.district;
        out.push_back(std::move(inst));
    }
    return out;
}

std::vector<Program> make_programs(const ShippedData& data, const SyntheticConfig& config,
                                   const std::vector<Institution>& institutions, Rng rng) {
    const std::vector<double> cluster_share = cluster_weights(data);
    const WeightedIndex pick_cluster(cluster_share);
    std::vector<Program> out;
    std::vector<double> cohort_weight;
    for (const auto& inst : institutions) {
        // Each institution leans to one or two clusters.
        const std::size_t primary = pick_cluster.draw(rng);
        const std::size_t secondary = pick_cluster.draw(rng);
        std::vector<const ProgramTemplate*> candidates;
        std::vector<const std::string*> candidate_cluster;
        std::vector<double> weights;
        for (std::size_t c = 0; c < data.templates.size(); ++c) {
            for (const auto& t : data.templates[c].programs) {
                if (!offers(inst.level, t.education_level)) continue;
                candidates.push_back(&t);
                candidate_cluster.push_back(&data.templates[c].cluster);
                weights.push_back(c == primary ? 8.0 : c == secondary ? 4.0 : 1.0);
            }
        }
        int number = 0;
        for (int k = 0; k < config.programs_per_institution && !weights.empty(); ++k) {
            double total = 0.0;
            for (double w : weights) total += w;
            if (total <= 0.0) break;
            const std::size_t chosen = WeightedIndex(weights).draw(rng);
            weights[chosen] = 0.0;
            const ProgramTemplate& t = *candidates[chosen];
            Program p;
            p.id = inst.id + padded("-p", ++number, 2);
            p.institution_id = inst.id;
            p.name = t.name;
            p.code = t.code;
            p.cluster = *candidate_cluster[chosen];
            p.education_level = t.education_level;
            // Each institution teaches the template at its own depth.
            const double quality = rng.normal() * 0.3;
            for (const auto& s : t.curriculum) {
                p.curriculum.push_back(
                    {s.skill_id, clamp_level(s.level + quality + rng.normal() * 0.35)});
            }
            for (const auto& s : data.common_curriculum) {
                const bool present =
                    std::any_of(p.curriculum.begin(), p.curriculum.end(),
                                [&](const SkillLevel& x) { return x.skill_id == s.skill_id; });
                if (!present)
                    p.curriculum.push_back(
                        {s.skill_id, clamp_level(s.level + rng.normal() * 0.35)});
            }
            p.certificates = t.certificates;
            cohort_weight.push_back(
                0.5 + rng.uniform01() *
                          (t.education_level == EducationLevel::kHigherVocational ? 1.2 : 0.8));
            out.push_back(std::move(p));
        }
    }
    if (out.empty()) throw std::runtime_error("generate: no program template fits any institution");
    // Cohorts: proportional to the weights, summing exactly to config.graduates.
    double total = 0.0;
    for (double w : cohort_weight) total += w;
    std::int64_t assigned = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto share = static_cast<std::int64_t>(
            std::floor(static_cast<double>(config.graduates) * cohort_weight[i] / total));
        out[i].cohort_size = static_cast<int>(share);
        assigned += share;
    }
    for (std::size_t i = 0; assigned < config.graduates; i = (i + 1) % out.size(), ++assigned) {
        ++out[i].cohort_size;
    }
    return out;
}

std::vector<Employer> make_employers(const ShippedData& data, const SyntheticConfig& config,
                                     Rng rng) {
    // Company names: 深圳市 + two syllables + the industry's word + 有限公司,
    // unique by construction (index -> syllable pair), shuffled per seed.
    static const std::vector<std::string> first = {
        "华", "中", "鹏", "海", "创", "新", "智", "恒", "博", "远", "汇", "嘉", "宏", "腾", "瑞",
        "欣", "凯", "威", "昊", "隆", "泰", "安", "联", "星", "德", "锐", "思", "宇", "睿", "卓"};
    static const std::vector<std::string> second = {
        "芯", "通", "达", "科", "源", "能", "拓", "信", "盛", "迅", "航", "光", "电", "辰", "驰",
        "晟", "瀚", "峰", "力", "川", "益", "诚", "捷", "和", "立", "邦", "昌", "云", "维", "越"};
    static const std::map<std::string, std::vector<std::string>> industry = {
        {"ict", {"通信技术", "信息技术", "网络科技", "软件", "云计算"}},
        {"ic_terminal", {"微电子", "半导体", "电子科技", "智能终端", "集成电路"}},
        {"nev", {"新能源汽车", "汽车电子", "电驱动技术", "智能网联科技"}},
        {"battery", {"新能源科技", "电池", "储能技术", "锂能科技"}},
        {"smart_mfg", {"智能装备", "自动化科技", "机器人", "精密制造"}},
        {"laser_am", {"激光科技", "光电技术", "增材制造", "激光设备"}},
    };
    const std::size_t pairs = first.size() * second.size();
    const std::vector<std::size_t> name_order = sample_without_replacement(rng, pairs, pairs);
    const WeightedIndex pick_cluster(cluster_weights(data));
    std::vector<WeightedIndex> pick_district;
    for (const auto& c : data.templates)
        pick_district.emplace_back(district_weights(data, c.cluster));

    std::vector<Employer> out;
    for (int i = 0; i < config.employers; ++i) {
        const std::size_t c = pick_cluster.draw(rng);
        const std::string& cluster = data.templates[c].cluster;
        Employer e;
        e.id = padded("emp-", i + 1, 5);
        e.cluster = cluster;
        e.district = data.districts[pick_district[c].draw(rng)].id;
        const std::size_t pair = name_order[static_cast<std::size_t>(i) % pairs];
        const auto it = industry.find(cluster);
        const std::string word =
            it != industry.end() ? it->second[rng.index(it->second.size())] : "科技";
        e.name =
            "深圳市" + first[pair / second.size()] + second[pair % second.size()] + word +
            (i >= static_cast<int>(pairs) ? std::to_string(i / static_cast<int>(pairs) + 1) : "") +
            "有限公司";
        if (rng.bernoulli(0.85)) e.association_id = "assoc." + cluster;
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace talentmatch::datagen::detail
