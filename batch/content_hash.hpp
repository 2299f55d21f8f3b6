#pragma once
// A 64-bit FNV-1a content hash for "data version" and "taxonomy version" in
// summary.json: equal data gives equal hashes on any machine and any run, so
// two summaries show at a glance whether the inputs changed. Not
// cryptographic. Values are framed (length-prefixed) so ("ab","c") and
// ("a","bc") differ.
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "models/entity_registry.hpp"

namespace talentmatch::batch {

class ContentHash {
  public:
    ContentHash& add(std::string_view text);
    ContentHash& add(std::int64_t value);
    // An entity, from its Description (models/entities.hpp): the kind's
    // name, then every field in wire order (a list as its length and its
    // items), so a field added to the Description is hashed with no edit here.
    template <Described T>
    ContentHash& add_entity(const T& value) {
        add(to_string(kind_of<T>()));
        add_fields(value);
        return *this;
    }
    std::uint64_t value() const { return state_; }
    std::string hex() const;  // 16 lowercase hex digits

  private:
    template <Described T>
    void add_fields(const T& value) {
        for_each_field<T>([&](const auto& field) { add_value(value.*field.member); });
    }
    template <class V>
    void add_value(const V& v) {
        if constexpr (std::is_same_v<V, std::string>) {
            add(std::string_view(v));
        } else if constexpr (std::is_same_v<V, bool> || std::is_integral_v<V> ||
                             std::is_enum_v<V>) {
            add(static_cast<std::int64_t>(v));
        } else if constexpr (kIsVector<V>) {
            add(static_cast<std::int64_t>(v.size()));
            for (const auto& item : v) add_value(item);
        } else {
            add_fields(v);
        }
    }

    std::uint64_t state_ = 0xcbf29ce484222325ull;
    void bytes(const void* data, std::size_t size);
};

}  // namespace talentmatch::batch
