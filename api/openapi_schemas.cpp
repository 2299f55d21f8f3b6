#include "api/openapi_schemas.hpp"

#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "models/entity_registry.hpp"
#include "models/limits.hpp"
#include "runfmt/run_parameters.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

json str() {
    return {{"type", "string"}};
}
json id_str() {
    return {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdLength}};
}
json str_list() {
    return {{"type", "array"}, {"items", str()}};
}
json ref(std::string_view name) {
    return {{"$ref", "#/components/schemas/" + std::string(name)}};
}
json int_range(int lo, int hi) {
    return {{"type", "integer"}, {"minimum", lo}, {"maximum", hi}};
}
json object(json properties, json required) {
    return {{"type", "object"},
            {"additionalProperties", false},
            {"properties", std::move(properties)},
            {"required", std::move(required)}};
}

json enum_of(std::span<const std::string_view> names) {
    json values = json::array();
    for (std::string_view name : names) values.push_back(name);
    return {{"type", "string"}, {"enum", std::move(values)}};
}

json text(const FieldRules& rules) {
    switch (rules.text) {
        case Text::kId:
            if (rules.may_be_empty) return {{"type", "string"}, {"maxLength", kMaxIdLength}};
            if (rules.required || rules.refers != Refers::kNothing) return id_str();
            return {{"type", "string"}, {"maxLength", kMaxIdLength}};
        case Text::kDate:
            if (rules.required) return {{"type", "string"}, {"format", "date"}};
            return {{"type", "string"},
                    {"pattern", "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"},
                    {"description", "YYYY-MM-DD, or empty for none"}};
        case Text::kPlain:
            break;
    }
    json s = {{"type", "string"}, {"maxLength", rules.max_length}};  // Unicode characters
    if (rules.not_empty) s["minLength"] = 1;
    return s;
}

// The schema of one field's value, from its type and rules (entity_description.hpp).
template <class V>
json value_schema(const FieldRules& rules) {
    if constexpr (std::is_same_v<V, std::string>) {
        return text(rules);
    } else if constexpr (std::is_same_v<V, bool>) {
        return {{"type", "boolean"}};
    } else if constexpr (std::is_same_v<V, int>) {
        json s = {{"type", "integer"}};
        if (rules.min != FieldRules::kNoLeast) s["minimum"] = rules.min;
        if (rules.max != FieldRules::kNoGreatest) s["maximum"] = rules.max;
        return s;
    } else if constexpr (WireEnum<V>) {
        return enum_of(WireNames<V>::names);
    } else {
        static_assert(kIsVector<V>, "a field type entity_description.hpp does not list");
        using Item = typename V::value_type;
        json s = {{"type", "array"}};
        if (rules.min_items > 0) s["minItems"] = rules.min_items;
        if constexpr (Described<Item>) {
            s["items"] = ref(Description<Item>::name);
        } else {
            s["items"] = value_schema<Item>({.text = rules.text,
                                             .max_length = rules.max_length,
                                             .not_empty = rules.not_empty,
                                             .refers = rules.refers});
        }
        return s;
    }
}

// Adds T's schema to `all`, and the schemas of the described item types its lists hold.
template <Described T>
void add_schema(json& all) {
    json properties = json::object();
    json required = json::array();
    for_each_field<T>([&](const auto& field) {
        using V = typename std::decay_t<decltype(field)>::Value;
        json s = value_schema<V>(field.rules);
        if (!field.rules.note.empty()) s["description"] = field.rules.note;
        properties[std::string(field.name)] = std::move(s);
        if (field.rules.required) required.push_back(field.name);
        if constexpr (kIsVector<V>) {
            if constexpr (Described<typename V::value_type>)
                add_schema<typename V::value_type>(all);
        }
    });
    all[std::string(Description<T>::name)] = object(std::move(properties), std::move(required));
}

}  // namespace

json openapi_component_schemas() {
    json s;
    s["Problem"] = {{"type", "object"},
                    {"required", {"type", "title", "status", "detail", "errors"}},
                    {"properties",
                     {{"type", str()},
                      {"title", str()},
                      {"status", {{"type", "integer"}}},
                      {"detail", str()},
                      {"errors",
                       {{"type", "array"},
                        {"items",
                         {{"type", "object"},
                          {"required", {"path", "message"}},
                          {"properties", {{"path", str()}, {"message", str()}}}}}}}}}};
    // Every kind of entity, and the item types of its lists, from its Description.
    for_each_entity_type([&](auto type) { add_schema<typename decltype(type)::type>(s); });
    // Across fields (models/validation.cpp): an innovation demand is an
    // employer's or its association's own, exactly one.
    const auto given = [](const char* name) {
        return json{{"required", {name}}, {"properties", {{name, {{"minLength", 1}}}}}};
    };
    s["InnovationDemand"]["oneOf"] = {given("employer_id"), given("association_id")};
    s["BulkResult"] = {
        {"type", "object"},
        {"properties",
         {{"applied", {{"type", "integer"}}},
          {"invalid", {{"type", "integer"}}},
          {"atomic", {{"type", "boolean"}}},
          {"dry_run", {{"type", "boolean"}, {"description", "present and true for dry_run=true"}}},
          {"encoding",
           {{"type", "string"},
            {"enum", {"UTF-8", "UTF-8 with BOM", "GB18030"}},
            {"description", "CSV bodies: the encoding found"}}},
          {"items",
           {{"type", "array"},
            {"items",
             {{"type", "object"},
              {"properties",
               {{"line", {{"type", "integer"}}},
                {"id", str()},
                {"status",
                 {{"type", "string"},
                  {"enum", {"created", "updated", "unchanged", "invalid", "not_applied"}}}},
                {"errors", {{"type", "array"}, {"items", {{"type", "object"}}}}},
                {"resolved",
                 {{"type", "array"},
                  {"description",
                   "skill references given by name or alias, rewritten to the one skill id they "
                   "name (models/skill_references.hpp)"},
                  {"items",
                   {{"type", "object"},
                    {"properties",
                     {{"path", str()}, {"given", str()}, {"skill_id", str()}}}}}}}}}}}}}}}};
    // POST /v1/batch-runs (handlers_batch.cpp); every field optional.
    s["BatchRunRequest"] =
        object({{"k", int_range(int(runfmt::kRunK.min), int(runfmt::kRunK.max))},
                {"threads", int_range(int(runfmt::kRunThreads.min), int(runfmt::kRunThreads.max))},
                {"min_coverage", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}}},
               json::array());
    // POST /v1/programs/{id}/what-if (handlers_what_if.cpp): at least one change.
    s["ProgramWhatIf"] =
        object({{"curriculum",
                 {{"type", "array"},
                  {"items", object({{"skill_id", id_str()}, {"level", int_range(0, kMaxLevel)}},
                                   json::array({"skill_id", "level"}))},
                  {"description", "the level taught from now on; 0 drops the skill"}}},
                {"add_certificates", str_list()},
                {"add_courses",
                 {{"type", "array"},
                  {"items",
                   object({{"skills",
                            {{"type", "array"},
                             {"minItems", 1},
                             {"items", object({{"skill_id", id_str()},
                                               {"level", int_range(kMinRequiredLevel, kMaxLevel)}},
                                              json::array({"skill_id", "level"}))}}},
                           {"certificates", str_list()}},
                          json::array({"skills"}))},
                  {"description",
                   "courses added: each credits the levels it teaches and the evidence of its "
                   "certificates (a level is the highest any source gives)"}}}},
               json::array());
    s["Object"] = {{"type", "object"}, {"description", "see the route summary"}};
    return s;
}

}  // namespace talentmatch::api
