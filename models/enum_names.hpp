#pragma once
// The wire names of a dense enum (values 0..N-1), stated once as an array in
// value order, and the two lookups every such enum needs: a value's name and
// the value a name stands for (nullopt for an unknown name).
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace talentmatch {

template <class Enum, std::size_t N>
std::string_view enum_name(const std::array<std::string_view, N>& names, Enum value) {
    return names.at(static_cast<std::size_t>(value));
}

template <class Enum, std::size_t N>
std::optional<Enum> enum_from_name(const std::array<std::string_view, N>& names,
                                   std::string_view text) {
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == text) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

}  // namespace talentmatch
