#include "api/place_names.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "api/embedded_files.hpp"

namespace talentmatch::api {
namespace {

std::vector<PlaceName> load(const char* key) {
    const auto bytes = embedded_file(key);
    if (!bytes) throw std::logic_error(std::string("not embedded: ") + key);
    std::vector<PlaceName> out;
    for (const auto& item : nlohmann::json::parse(*bytes)) {
        out.push_back({item.at("id").get<std::string>(), item.at("name_zh").get<std::string>(),
                       item.at("name_en").get<std::string>()});
    }
    return out;
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
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

std::string place_id(PlaceKind kind, std::string_view text,
                     const std::vector<std::string>& data_ids) {
    if (std::binary_search(data_ids.begin(), data_ids.end(), text) ||
        find_place(kind, text) != nullptr) {
        return std::string(text);
    }
    const std::string lower = ascii_lower(text);
    static constexpr std::string_view kQu = "区";
    for (const auto& place : shipped_places(kind)) {
        if (place.name_zh == text || ascii_lower(place.name_en) == lower) return place.id;
        if (kind == PlaceKind::kDistrict && place.name_zh.ends_with(kQu) &&
            place.name_zh.substr(0, place.name_zh.size() - kQu.size()) == text) {
            return place.id;
        }
    }
    return std::string(text);
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

}  // namespace talentmatch::api
