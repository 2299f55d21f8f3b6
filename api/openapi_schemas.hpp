#pragma once
// The JSON Schemas for the OpenAPI document's components: every entity's,
// derived from its Description (models/entities.hpp: field names, types,
// required fields, enum wire names, ranges), and the shapes of the problem,
// the bulk result and the request bodies that are not entities.
#include <nlohmann/json_fwd.hpp>

namespace talentmatch::api {

nlohmann::json openapi_component_schemas();

}  // namespace talentmatch::api
