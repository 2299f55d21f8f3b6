// Wire format: one JSON object per entity, its keys the field names of the
// entity's Description (entities.hpp), enums by wire name, list items as
// objects of their own Description. A key the Description marks required
// must be present and not null; every other key is optional and defaults to
// the struct's default. encode() writes every key.
#include "models/json_codec.hpp"

#include <nlohmann/json.hpp>

#include "models/json_reader.hpp"

namespace talentmatch {

using detail::ObjectReader;
using nlohmann::json;

namespace {

template <Described T>
json encode_object(const T& value);

template <class V>
json encode_value(const V& value) {
    if constexpr (WireEnum<V>) {
        return wire_name(value);
    } else if constexpr (kIsVector<V>) {
        if constexpr (Described<typename V::value_type>) {
            json out = json::array();
            for (const auto& item : value) out.push_back(encode_object(item));
            return out;
        } else {
            return value;
        }
    } else {
        return value;
    }
}

template <Described T>
json encode_object(const T& value) {
    json out = json::object();
    for_each_field<T>(
        [&](const auto& field) { out[field.name] = encode_value(value.*field.member); });
    return out;
}

template <Described T>
std::optional<T> decode_object(const json& in, const std::string& path,
                               std::vector<FieldError>& errors);

template <class V>
void read_field(ObjectReader& r, std::string_view key, V& out, bool required,
                std::vector<FieldError>& errors) {
    if constexpr (std::is_same_v<V, std::string>) {
        r.string(key, out, required);
    } else if constexpr (std::is_same_v<V, int>) {
        r.integer(key, out, required);
    } else if constexpr (std::is_same_v<V, bool>) {
        r.boolean(key, out, required);
    } else if constexpr (WireEnum<V>) {
        static const std::string names = wire_names_list<V>();
        r.enumeration(key, out, from_wire_name<V>, names, required);
    } else if constexpr (std::is_same_v<V, std::vector<std::string>>) {
        r.string_list(key, out, required);
    } else {
        using Item = typename V::value_type;
        r.object_list(
            key, out,
            [&](const json& item, const std::string& item_path) {
                return decode_object<Item>(item, item_path, errors);
            },
            required);
    }
}

template <Described T>
std::optional<T> decode_object(const json& in, const std::string& path,
                               std::vector<FieldError>& errors) {
    static constexpr auto kNames = field_names<T>();
    T out;
    ObjectReader r(in, path, errors, kNames);
    for_each_field<T>([&](const auto& field) {
        read_field(r, field.name, out.*field.member, field.rules.required, errors);
    });
    return r.ok() ? std::optional(std::move(out)) : std::nullopt;
}

}  // namespace

std::string_view to_string(CertificateKind kind) {
    return wire_name(kind);
}
std::string_view to_string(EvidenceKind kind) {
    return wire_name(kind);
}
std::optional<CertificateKind> parse_certificate_kind(std::string_view text) {
    return from_wire_name<CertificateKind>(text);
}
std::optional<EvidenceKind> parse_evidence_kind(std::string_view text) {
    return from_wire_name<EvidenceKind>(text);
}
std::string_view to_string(PlacementSource source) {
    return wire_name(source);
}
std::optional<PlacementSource> parse_placement_source(std::string_view text) {
    return from_wire_name<PlacementSource>(text);
}

json encode(const Skill& value) {
    return encode_object(value);
}
json encode(const Certificate& value) {
    return encode_object(value);
}
json encode(const Institution& value) {
    return encode_object(value);
}
json encode(const Program& value) {
    return encode_object(value);
}
json encode(const Graduate& value) {
    return encode_object(value);
}
json encode(const Employer& value) {
    return encode_object(value);
}
json encode(const Job& value) {
    return encode_object(value);
}
json encode(const Placement& value) {
    return encode_object(value);
}
json encode(const Teacher& value) {
    return encode_object(value);
}
json encode(const Project& value) {
    return encode_object(value);
}
json encode(const InnovationDemand& value) {
    return encode_object(value);
}
json encode(const ResearchResult& value) {
    return encode_object(value);
}
json encode(const OccupationalStandard& value) {
    return encode_object(value);
}
json encode(const Course& value) {
    return encode_object(value);
}
json encode(const TrainingProgram& value) {
    return encode_object(value);
}

std::optional<Skill> decode_skill(const json& in, const std::string& path,
                                  std::vector<FieldError>& errors) {
    return decode_object<Skill>(in, path, errors);
}
std::optional<Certificate> decode_certificate(const json& in, const std::string& path,
                                              std::vector<FieldError>& errors) {
    return decode_object<Certificate>(in, path, errors);
}
std::optional<Institution> decode_institution(const json& in, const std::string& path,
                                              std::vector<FieldError>& errors) {
    return decode_object<Institution>(in, path, errors);
}
std::optional<Program> decode_program(const json& in, const std::string& path,
                                      std::vector<FieldError>& errors) {
    return decode_object<Program>(in, path, errors);
}
std::optional<Graduate> decode_graduate(const json& in, const std::string& path,
                                        std::vector<FieldError>& errors) {
    return decode_object<Graduate>(in, path, errors);
}
std::optional<Employer> decode_employer(const json& in, const std::string& path,
                                        std::vector<FieldError>& errors) {
    return decode_object<Employer>(in, path, errors);
}
std::optional<Job> decode_job(const json& in, const std::string& path,
                              std::vector<FieldError>& errors) {
    return decode_object<Job>(in, path, errors);
}
std::optional<Placement> decode_placement(const json& in, const std::string& path,
                                          std::vector<FieldError>& errors) {
    return decode_object<Placement>(in, path, errors);
}
std::optional<Teacher> decode_teacher(const json& in, const std::string& path,
                                      std::vector<FieldError>& errors) {
    return decode_object<Teacher>(in, path, errors);
}
std::optional<Project> decode_project(const json& in, const std::string& path,
                                      std::vector<FieldError>& errors) {
    return decode_object<Project>(in, path, errors);
}
std::optional<InnovationDemand> decode_innovation_demand(const json& in, const std::string& path,
                                                         std::vector<FieldError>& errors) {
    return decode_object<InnovationDemand>(in, path, errors);
}
std::optional<ResearchResult> decode_research_result(const json& in, const std::string& path,
                                                     std::vector<FieldError>& errors) {
    return decode_object<ResearchResult>(in, path, errors);
}
std::optional<OccupationalStandard> decode_occupational_standard(const json& in,
                                                                 const std::string& path,
                                                                 std::vector<FieldError>& errors) {
    return decode_object<OccupationalStandard>(in, path, errors);
}
std::optional<Course> decode_course(const json& in, const std::string& path,
                                    std::vector<FieldError>& errors) {
    return decode_object<Course>(in, path, errors);
}
std::optional<TrainingProgram> decode_training_program(const json& in, const std::string& path,
                                                       std::vector<FieldError>& errors) {
    return decode_object<TrainingProgram>(in, path, errors);
}

}  // namespace talentmatch
