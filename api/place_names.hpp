#pragma once
// Names of industry clusters, districts and skill categories as the API uses
// them: the shipped lists and their names are models/place_names.hpp (shared
// with the batch report); this adds how a filter value a person typed
// becomes an id.
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
#include "models/place_names.hpp"

namespace talentmatch::api {

using models::find_place;
using models::place_name;
using models::PlaceKind;
using models::PlaceName;
using models::shipped_places;

std::string place_id(PlaceKind kind, std::string_view text,
                     const std::vector<std::string>& data_ids);

}  // namespace talentmatch::api
