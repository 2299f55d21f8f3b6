#pragma once
// Names of industry clusters, districts and skill categories, for people: the
// shipped lists (data/taxonomy/clusters.json, districts.json, categories.json,
// compiled in: models/embedded_taxonomy.hpp) give each id its Chinese and
// English name. Entities may use ids the lists do not know (an O*NET data
// set's "soc-15"); such an id is its own name. Used by the API (answers,
// filters: api/place_names.hpp) and the batch report alike. Thread-safe
// (immutable after first use).
#include <string>
#include <string_view>
#include <vector>

namespace talentmatch::models {

// The language a person reads: names and sentences follow it.
enum class Lang { kZh, kEn };

inline const char* to_string(Lang lang) {
    return lang == Lang::kZh ? "zh" : "en";
}

// kCategory: skill categories, named the same way though they are not places.
enum class PlaceKind { kCluster, kDistrict, kCategory };

struct PlaceName {
    std::string id;
    std::string name_zh;
    std::string name_en;
};

// The shipped list of `kind`, in file order.
const std::vector<PlaceName>& shipped_places(PlaceKind kind);

// The shipped entry for `id`, or nullptr.
const PlaceName* find_place(PlaceKind kind, std::string_view id);

// The name of `id` in `lang` (the other language when empty); an id the
// shipped list does not know is its own name.
const std::string& place_name(PlaceKind kind, const std::string& id, Lang lang);

// "cluster" / "district" / "category".
const char* to_string(PlaceKind kind);

}  // namespace talentmatch::models
