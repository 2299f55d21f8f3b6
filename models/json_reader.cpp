#include "models/json_reader.hpp"

#include <limits>

namespace talentmatch::detail {

using nlohmann::json;

std::string describe(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    constexpr std::size_t kMax = 60;
    if (text.size() > kMax) text = text.substr(0, kMax) + "...";
    return text;
}

ObjectReader::ObjectReader(const json& in, std::string path, std::vector<FieldError>& errors,
                           std::span<const std::string_view> fields)
    : path_(std::move(path)), errors_(errors), errors_at_start_(errors.size()) {
    if (!in.is_object()) {
        errors_.push_back({path_, "expected an object, got " + describe(in)});
        return;
    }
    object_ = &in;
    for (const auto& [key, value] : in.items()) {
        bool known = false;
        for (std::string_view field : fields) known = known || field == key;
        if (!known) add(key, "unknown field");
    }
}

std::string ObjectReader::field_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void ObjectReader::add(std::string_view key, std::string message) {
    errors_.push_back({field_path(key), std::move(message)});
}

void ObjectReader::wrong_type(std::string_view key, std::string_view expected, const json& got) {
    add(key, "expected " + std::string(expected) + ", got " + describe(got));
}

const json* ObjectReader::find(std::string_view key, bool required) {
    if (object_ == nullptr) return nullptr;
    auto it = object_->find(key);
    if (it == object_->end() || it->is_null()) {
        if (required) add(key, "is required");
        return nullptr;
    }
    return &*it;
}

void ObjectReader::string(std::string_view key, std::string& out, bool required) {
    const json* value = find(key, required);
    if (value == nullptr) return;
    if (!value->is_string()) return wrong_type(key, "a string", *value);
    out = value->get_ref<const std::string&>();
}

void ObjectReader::integer(std::string_view key, int& out, bool required) {
    const json* value = find(key, required);
    if (value == nullptr) return;
    if (value->is_number_unsigned()) {
        const auto v = value->get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
            return add(key, "out of range, got " + describe(*value));
        }
        out = static_cast<int>(v);
    } else if (value->is_number_integer()) {
        const auto v = value->get<std::int64_t>();
        if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
            return add(key, "out of range, got " + describe(*value));
        }
        out = static_cast<int>(v);
    } else {
        wrong_type(key, "an integer", *value);
    }
}

void ObjectReader::boolean(std::string_view key, bool& out, bool required) {
    const json* value = find(key, required);
    if (value == nullptr) return;
    if (!value->is_boolean()) return wrong_type(key, "a boolean", *value);
    out = value->get<bool>();
}

void ObjectReader::string_list(std::string_view key, std::vector<std::string>& out, bool required) {
    const json* value = find(key, required);
    if (value == nullptr) return;
    if (!value->is_array()) return wrong_type(key, "an array of strings", *value);
    out.clear();
    out.reserve(value->size());
    const std::string base = field_path(key);
    std::size_t index = 0;
    for (const auto& item : *value) {
        if (item.is_string()) {
            out.push_back(item.get<std::string>());
        } else {
            errors_.push_back({base + "[" + std::to_string(index) + "]",
                               "expected a string, got " + describe(item)});
        }
        ++index;
    }
}

}  // namespace talentmatch::detail
