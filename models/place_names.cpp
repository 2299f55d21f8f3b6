#include "models/place_names.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "models/embedded_taxonomy.hpp"

namespace talentmatch::models {
namespace {

std::vector<PlaceName> load(std::string_view key) {
    for (const auto& f : embedded_files()) {
        if (f.key != key) continue;
        std::vector<PlaceName> out;
        for (const auto& item : nlohmann::json::parse(f.bytes)) {
            out.push_back({item.at("id").get<std::string>(), item.at("name_zh").get<std::string>(),
                           item.at("name_en").get<std::string>()});
        }
        return out;
    }
    throw std::logic_error("not embedded: " + std::string(key));
}

}  // namespace

const std::vector<PlaceName>& shipped_places(PlaceKind kind) {
    static const std::vector<PlaceName> clusters = load("data/taxonomy/clusters.json");
    static const std::vector<PlaceName> districts = load("data/taxonomy/districts.json");
    static const std::vector<PlaceName> categories = load("data/taxonomy/categories.json");
    switch (kind) {
        case PlaceKind::kCluster:
            return clusters;
        case PlaceKind::kDistrict:
            return districts;
        default:
            return categories;
    }
}

const PlaceName* find_place(PlaceKind kind, std::string_view id) {
    for (const auto& place : shipped_places(kind)) {
        if (place.id == id) return &place;
    }
    return nullptr;
}

const std::string& place_name(PlaceKind kind, const std::string& id, Lang lang) {
    const PlaceName* p = find_place(kind, id);
    if (p == nullptr) return id;
    const std::string& first = lang == Lang::kZh ? p->name_zh : p->name_en;
    if (!first.empty()) return first;
    const std::string& second = lang == Lang::kZh ? p->name_en : p->name_zh;
    return second.empty() ? id : second;
}

const char* to_string(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::kCluster:
            return "cluster";
        case PlaceKind::kDistrict:
            return "district";
        default:
            return "category";
    }
}

}  // namespace talentmatch::models
