#pragma once
// ObjectReader: the shape checks shared by every entity decoder in
// json_codec.cpp. It reads fields of one JSON object into a struct, appending
// a FieldError (path + message naming the value seen) for every missing
// required field, wrong type, bad enum name and unknown field. It never
// throws on bad input. Internal to models/ (not part of the public API).
//
// Null on an optional field means "absent" (the default is kept); null on a
// required field is "is required".
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/field_error.hpp"

namespace talentmatch::detail {

// A short rendering of a JSON value for messages: `"high"`, `7`, `[...]`,
// cut at 60 characters.
std::string describe(const nlohmann::json& value);

class ObjectReader {
  public:
    // `fields` lists every accepted key; any other key is an "unknown field".
    ObjectReader(const nlohmann::json& in, std::string path, std::vector<FieldError>& errors,
                 std::span<const std::string_view> fields);

    bool is_object() const { return object_ != nullptr; }
    // True when no error was added since construction.
    bool ok() const { return errors_.size() == errors_at_start_; }
    const std::string& path() const { return path_; }

    void string(std::string_view key, std::string& out, bool required = false);
    void integer(std::string_view key, int& out, bool required = false);
    void boolean(std::string_view key, bool& out, bool required = false);
    void string_list(std::string_view key, std::vector<std::string>& out, bool required = false);

    // Reads an enum by wire name; `names` lists the accepted names for the message.
    template <class Enum, class Parse>
    void enumeration(std::string_view key, Enum& out, Parse parse, std::string_view names,
                     bool required = false) {
        const nlohmann::json* value = find(key, required);
        if (value == nullptr) return;
        if (!value->is_string()) return wrong_type(key, "a string", *value);
        if (auto parsed = parse(value->template get_ref<const std::string&>())) {
            out = *parsed;
        } else {
            add(key, "must be one of " + std::string(names) + ", got " + describe(*value));
        }
    }

    // Reads an array of objects; `decode_item(json, item_path)` returns the item or nullopt.
    template <class T, class Decode>
    void object_list(std::string_view key, std::vector<T>& out, Decode decode_item,
                     bool required = false) {
        const nlohmann::json* value = find(key, required);
        if (value == nullptr) return;
        if (!value->is_array()) return wrong_type(key, "an array", *value);
        out.clear();
        out.reserve(value->size());
        const std::string base = field_path(key);
        std::size_t index = 0;
        for (const auto& item : *value) {
            auto decoded = decode_item(item, base + "[" + std::to_string(index) + "]");
            if (decoded) out.push_back(std::move(*decoded));
            ++index;
        }
    }

  private:
    // The value of `key`, or nullptr when absent/null (reporting it if required).
    const nlohmann::json* find(std::string_view key, bool required);
    std::string field_path(std::string_view key) const;
    void add(std::string_view key, std::string message);
    void wrong_type(std::string_view key, std::string_view expected, const nlohmann::json& got);

    const nlohmann::json* object_ = nullptr;
    std::string path_;
    std::vector<FieldError>& errors_;
    std::size_t errors_at_start_;
};

}  // namespace talentmatch::detail
