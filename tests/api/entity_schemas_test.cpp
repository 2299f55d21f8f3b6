// The served OpenAPI schema of every entity says what the product accepts:
// checked against the codec and the domain rules (models/json_codec.hpp,
// models/validation.hpp), not against the Description the schema is derived
// from. For each kind, from one valid sample:
//   - the encoded sample conforms to its schema (a small JSON Schema check
//     written here: type, properties, required, enum, ranges, items, pattern);
//   - a property is "required" exactly when leaving it out is refused;
//   - every integer bound, enum, fewest-items rule and closed property set
//     the schema states is where acceptance really changes.
// Item types (a job's requirements, a graduate's skills and their evidence)
// are walked through the first item of the sample's list.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../models/sample_entities.hpp"
#include "api_harness.hpp"
#include "models/json_codec.hpp"
#include "models/validation.hpp"

namespace talentmatch::api::testing {
namespace {

using nlohmann::json;
using Pointer = json::json_pointer;

// The one pattern the schemas state (a date or empty); the check below knows
// it by heart rather than running a regex engine (std::regex draws a false
// -Wmaybe-uninitialized from GCC 12 in the sanitizer build).
constexpr std::string_view kDateOrEmpty = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$";

// "YYYY-MM-DD" in shape (digits and dashes; the calendar is the product's check).
bool date_shaped(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
}

// Decodes and validates one entity document; the problems found (none = accepted).
using Acceptance = std::function<std::vector<FieldError>(const json&)>;

struct Kind {
    std::string schema;  // its name under components/schemas
    json sample;         // a valid instance, encoded
    Acceptance accept;
};

template <class T, class Decode, class Validate>
Kind kind(std::string schema, const T& sample, Decode decode, Validate validate) {
    return {std::move(schema), encode(sample), [decode, validate](const json& doc) {
                std::vector<FieldError> errors;
                const auto value = decode(doc, "", errors);
                if (!value) return errors;
                return validate(*value);
            }};
}

std::vector<Kind> every_kind() {
    using namespace talentmatch::testing;
    const KnownIds known = sample_known();
    const Placement placement{"pl-1",  "g-000001",   "emp.001",
                              "job-1", "2026-07-01", PlacementSource::kGraduateReport};
    return {
        kind("Skill", sample_skill(), decode_skill, [](const Skill& v) { return validate(v, ""); }),
        kind("Certificate", sample_certificate(), decode_certificate,
             [known](const Certificate& v) { return validate(v, known, ""); }),
        kind("Institution", sample_institution(), decode_institution,
             [](const Institution& v) { return validate(v, ""); }),
        kind("Program", sample_program(), decode_program,
             [known](const Program& v) { return validate(v, known, ""); }),
        kind("Employer", sample_employer(), decode_employer,
             [](const Employer& v) { return validate(v, ""); }),
        kind("Job", sample_job(), decode_job,
             [known](const Job& v) { return validate(v, known, ""); }),
        kind("Graduate", sample_graduate(), decode_graduate,
             [known](const Graduate& v) { return validate(v, known, ""); }),
        kind("Placement", placement, decode_placement,
             [known](const Placement& v) { return validate(v, known, ""); }),
        kind("Teacher", Teacher{"t-1", "szpt", {{"ict.net.routing", 4}}, true, true},
             decode_teacher, [known](const Teacher& v) { return validate(v, known, ""); }),
        kind("Project",
             Project{"prj-1",
                     "emp.001",
                     "网络改造",
                     {{"ict.net.routing", 3, 8, true}},
                     2,
                     "2026-03-01",
                     "2026-12-31",
                     "a technical team for the plant network"},
             decode_project, [known](const Project& v) { return validate(v, known, ""); }),
        kind("InnovationDemand",
             InnovationDemand{"idm-1",
                              "emp.001",
                              "热失控预警",
                              "5 秒内识别电芯热失控前兆",
                              {{"ict.net.routing", 4, 5, true}},
                              "",
                              "2027-06-30"},
             decode_innovation_demand,
             [known](const InnovationDemand& v) { return validate(v, known, ""); }),
        kind("ResearchResult",
             ResearchResult{
                 "rr-1", "szpt", "界面改性", {{"ict.net.routing", 5}}, 6, true, "团队 6 人"},
             decode_research_result,
             [known](const ResearchResult& v) { return validate(v, known, ""); }),
        kind("OccupationalStandard",
             OccupationalStandard{"std-1",
                                  "网络工程师",
                                  "Network engineer",
                                  "15-1241.00",
                                  "O*NET 29.2",
                                  {{"ict.net.routing", 4, 8, true}}},
             decode_occupational_standard,
             [known](const OccupationalStandard& v) { return validate(v, known, ""); }),
    };
}

class EntitySchemas : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        Harness h(false);
        const auto r = h.get("/openapi.json", "");
        ASSERT_EQ(r.status, 200);
        schemas_ = new json(r.json()["components"]["schemas"]);
    }
    static void TearDownTestSuite() {
        delete schemas_;
        schemas_ = nullptr;
    }

    static const json& resolve(const json& schema) {
        if (!schema.contains("$ref")) return schema;
        const std::string ref = schema["$ref"];
        const std::string prefix = "#/components/schemas/";
        EXPECT_EQ(ref.rfind(prefix, 0), 0u) << ref;
        return schemas_->at(ref.substr(prefix.size()));
    }

    // Every way `value` breaks `schema`, as "path: rule" lines.
    static void conform(const json& schema_or_ref, const json& value, const std::string& path,
                        std::vector<std::string>& broken) {
        const json& schema = resolve(schema_or_ref);
        const std::string type = schema.value("type", "");
        auto fail = [&](const std::string& rule) { broken.push_back(path + ": " + rule); };
        if (type == "object") {
            if (!value.is_object()) return fail("not an object");
            for (const auto& name : schema.value("required", json::array())) {
                if (!value.contains(name.get<std::string>())) fail("lacks " + name.dump());
            }
            for (const auto& [key, item] : value.items()) {
                if (!schema["properties"].contains(key)) {
                    if (schema.value("additionalProperties", true) == false) fail("extra " + key);
                    continue;
                }
                conform(schema["properties"][key], item, path + "/" + key, broken);
            }
        } else if (type == "array") {
            if (!value.is_array()) return fail("not an array");
            if (value.size() < schema.value("minItems", 0u)) fail("too few items");
            for (std::size_t i = 0; i < value.size(); ++i) {
                conform(schema["items"], value[i], path + "/" + std::to_string(i), broken);
            }
        } else if (type == "string") {
            if (!value.is_string()) return fail("not a string");
            const std::string text = value;
            if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(),
                                                     value) == schema["enum"].end()) {
                fail("not in enum");
            }
            if (text.size() < schema.value("minLength", 0u)) fail("too short");
            if (schema.contains("maxLength") && text.size() > schema["maxLength"].get<size_t>()) {
                fail("too long");
            }
            if (schema.contains("pattern")) {
                if (schema["pattern"] != kDateOrEmpty) {
                    fail("a pattern this check does not know: " + schema["pattern"].dump());
                } else if (!text.empty() && !date_shaped(text)) {
                    fail("does not match the pattern");
                }
            }
            if (schema.value("format", "") == "date" && !date_shaped(text)) fail("not a date");
        } else if (type == "integer") {
            if (!value.is_number_integer()) return fail("not an integer");
            if (schema.contains("minimum") && value < schema["minimum"]) fail("below minimum");
            if (schema.contains("maximum") && value > schema["maximum"]) fail("above maximum");
        } else if (type == "boolean") {
            if (!value.is_boolean()) fail("not a boolean");
        } else {
            fail("a schema type this check does not know: " + schema.dump());
        }
    }

    // f(object schema, pointer to an object in the sample that it describes)
    // for the sample itself and the first item of each list of described items.
    static void for_each_object(const json& schema_or_ref, const json& sample, const Pointer& at,
                                const std::function<void(const json&, const Pointer&)>& f) {
        const json& schema = resolve(schema_or_ref);
        f(schema, at);
        for (const auto& [name, property] : schema["properties"].items()) {
            const Pointer list = at / name;
            if (property.value("type", "") != "array" || !property["items"].contains("$ref")) {
                continue;
            }
            if (!sample.contains(list) || sample[list].empty()) {
                ADD_FAILURE() << "the sample has no " << list.to_string()
                              << " item to walk: give it one";
                continue;
            }
            for_each_object(property["items"], sample, list / 0, f);
        }
    }

    static json* schemas_;
};
json* EntitySchemas::schemas_ = nullptr;

std::string describe(const std::vector<FieldError>& errors) {
    std::string out;
    for (const auto& e : errors) out += e.path + ": " + e.message + "; ";
    return out.empty() ? "(accepted)" : out;
}

TEST_F(EntitySchemas, EveryKindHasOneAndItsValidSampleConformsToIt) {
    for (const Kind& k : every_kind()) {
        SCOPED_TRACE(k.schema);
        ASSERT_TRUE(schemas_->contains(k.schema));
        EXPECT_EQ(describe(k.accept(k.sample)), "(accepted)");
        std::vector<std::string> broken;
        conform({{"$ref", "#/components/schemas/" + k.schema}}, k.sample, "", broken);
        EXPECT_TRUE(broken.empty()) << ::testing::PrintToString(broken);
    }
}

TEST_F(EntitySchemas, APropertyIsRequiredExactlyWhenLeavingItOutIsRefused) {
    for (const Kind& k : every_kind()) {
        for_each_object(
            {{"$ref", "#/components/schemas/" + k.schema}}, k.sample, Pointer(),
            [&](const json& schema, const Pointer& at) {
                const json required = schema.value("required", json::array());
                for (const auto& [name, property] : schema["properties"].items()) {
                    SCOPED_TRACE(k.schema + " " + (at / name).to_string());
                    json doc = k.sample;
                    if (!doc[at].contains(name)) continue;  // the sample leaves it out already
                    doc[at].erase(name);
                    const bool is_required =
                        std::find(required.begin(), required.end(), name) != required.end();
                    // A property one of the schema's alternatives
                    // (oneOf) requires, given in the sample: leaving
                    // it out leaves no alternative met.
                    bool alternative = false;
                    for (const json& alt : schema.value("oneOf", json::array())) {
                        const json names = alt.value("required", json::array());
                        alternative |= std::find(names.begin(), names.end(), name) != names.end() &&
                                       k.sample[at][name] != "";
                    }
                    EXPECT_EQ(!k.accept(doc).empty(), is_required || alternative)
                        << describe(k.accept(doc));
                }
            });
    }
}

TEST_F(EntitySchemas, EveryStatedBoundIsWhereAcceptanceChanges) {
    int bounds = 0;
    for (const Kind& k : every_kind()) {
        for_each_object(
            {{"$ref", "#/components/schemas/" + k.schema}}, k.sample, Pointer(),
            [&](const json& schema, const Pointer& at) {
                auto accepted_with = [&](const std::string& name, const json& value) {
                    json doc = k.sample;
                    doc[at][name] = value;
                    return describe(k.accept(doc));
                };
                {
                    SCOPED_TRACE(k.schema + " " + at.to_string() + " closed property set");
                    EXPECT_NE(accepted_with("no_such_field", 1), "(accepted)");
                }
                for (const auto& [name, property] : schema["properties"].items()) {
                    SCOPED_TRACE(k.schema + " " + (at / name).to_string());
                    if (property.contains("minimum")) {
                        const int least = property["minimum"];
                        EXPECT_EQ(accepted_with(name, least), "(accepted)");
                        EXPECT_NE(accepted_with(name, least - 1), "(accepted)");
                        ++bounds;
                    }
                    if (property.contains("maximum")) {
                        const int greatest = property["maximum"];
                        EXPECT_EQ(accepted_with(name, greatest), "(accepted)");
                        EXPECT_NE(accepted_with(name, greatest + 1), "(accepted)");
                        ++bounds;
                    }
                    if (property.contains("enum")) {
                        for (const auto& value : property["enum"]) {
                            EXPECT_EQ(accepted_with(name, value), "(accepted)") << value;
                        }
                        EXPECT_NE(accepted_with(name, "no_such_name"), "(accepted)");
                        ++bounds;
                    }
                    if (property.value("minItems", 0) > 0) {
                        EXPECT_NE(accepted_with(name, json::array()), "(accepted)");
                        ++bounds;
                    }
                    if (property.contains("pattern") || property.value("format", "") == "date") {
                        EXPECT_NE(accepted_with(name, "next week"), "(accepted)");
                        ++bounds;
                    }
                    if (property.contains("pattern")) {
                        EXPECT_EQ(property["pattern"], kDateOrEmpty);
                        EXPECT_EQ(accepted_with(name, ""), "(accepted)");
                    }
                    if (property.value("minLength", 0) > 0) {
                        EXPECT_NE(accepted_with(name, ""), "(accepted)");
                        ++bounds;
                    }
                    if (property.contains("maxLength")) {
                        const auto longest = property["maxLength"].get<std::size_t>();
                        EXPECT_NE(accepted_with(name, std::string(longest + 1, 'x')), "(accepted)");
                        ++bounds;
                    }
                }
            });
    }
    // The schemas state ranges, enums, list minimums, dates and id lengths: a
    // change that dropped them all would leave nothing above to check.
    EXPECT_GE(bounds, 40);
}

}  // namespace
}  // namespace talentmatch::api::testing
