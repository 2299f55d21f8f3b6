#pragma once
// Names of industry clusters and districts, for people: the shipped lists
// (data/taxonomy/clusters.json, districts.json, compiled in) give each id its
// Chinese and English name. Entities may use ids the lists do not know (an
// O*NET data set's "soc-15"); such an id is its own name.
//
// place_id() is the one rule by which a filter value a person typed becomes
// an id: an id the data uses (`data_ids`) or a shipped id is kept; else a shipped name in either
// language (English case-insensitively; a Chinese district name also without its final 区, as
// "南山" for "南山区") gives its id; anything else is returned unchanged, so
// the matcher reports it as unknown. Thread-safe (immutable after first use).
#include <string>
#include <string_view>
#include <vector>

#include "api/reader_language.hpp"

namespace talentmatch::api {

// kCategory: skill categories (data/taxonomy/categories.json), named the
// same way though they are not places.
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

std::string place_id(PlaceKind kind, std::string_view text,
                     const std::vector<std::string>& data_ids);

// The name of `id` in `lang` (the other language when empty); an id the
// shipped list does not know is its own name.
const std::string& place_name(PlaceKind kind, const std::string& id, Lang lang);

// "cluster" / "district" / "category".
const char* to_string(PlaceKind kind);

}  // namespace talentmatch::api
