#include "api/place_names.hpp"

#include <algorithm>

namespace talentmatch::api {
namespace {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

}  // namespace

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

}  // namespace talentmatch::api
