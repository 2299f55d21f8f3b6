#pragma once
// The JSON Schemas of the entities and the problem shape for the OpenAPI
// document's components. They mirror models/json_codec.cpp (field names,
// required fields, enum wire names) and models/limits.hpp (ranges).
#include <nlohmann/json_fwd.hpp>

namespace talentmatch::api {

nlohmann::json openapi_component_schemas();

}  // namespace talentmatch::api
