#pragma once
// The registry of kinds: the entity type of each EntityKind, in one place.
// AnyEntity's alternative number I is the type of EntityKind value I, so a
// new kind is one appended alternative here, one appended EntityKind, and the
// type's Description (entities.hpp); layers that loop over kinds
// (for_each_entity_type) pick it up from here.
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "models/entities.hpp"
#include "models/entity_kind.hpp"

namespace talentmatch {

// One entity of any kind; the alternative's index equals its EntityKind value.
using AnyEntity = std::variant<Skill, Certificate, Institution, Program, Employer, Job, Graduate,
                               Placement, Teacher, Project, InnovationDemand, ResearchResult,
                               OccupationalStandard, Course, TrainingProgram>;
static_assert(std::variant_size_v<AnyEntity> == kEntityKindCount);

// The entity type of a kind: EntityOf<EntityKind::kJobs> is Job.
template <EntityKind K>
using EntityOf = std::variant_alternative_t<static_cast<std::size_t>(K), AnyEntity>;

namespace detail {
template <class T, class V>
struct IndexIn;
template <class T, class... Ts>
struct IndexIn<T, std::variant<Ts...>> {
    static constexpr std::size_t value = [] {
        constexpr bool same[] = {std::is_same_v<T, Ts>...};
        std::size_t i = 0;
        while (i < sizeof...(Ts) && !same[i]) ++i;
        return i;
    }();
    static_assert(value < sizeof...(Ts), "not an entity type");
};
}  // namespace detail

// The kind of an entity type at compile time: kind_of<Job>() == EntityKind::kJobs.
template <class T>
constexpr EntityKind kind_of() {
    return static_cast<EntityKind>(detail::IndexIn<T, AnyEntity>::value);
}

// f(std::type_identity<T>{}) for every entity type T, in EntityKind order.
template <class F>
constexpr void for_each_entity_type(F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (f(std::type_identity<std::variant_alternative_t<I, AnyEntity>>{}), ...);
    }
    (std::make_index_sequence<kEntityKindCount>{});
}

// f(std::type_identity<T>{}) for the entity type T of `kind` (every T's call
// returns the same type), so code over every kind needs no switch of its own.
template <std::size_t I = 0, class F>
decltype(auto) with_entity_type(EntityKind kind, F&& f) {
    if constexpr (I + 1 < std::variant_size_v<AnyEntity>) {
        if (static_cast<std::size_t>(kind) != I) {
            return with_entity_type<I + 1>(kind, std::forward<F>(f));
        }
    }
    return f(std::type_identity<std::variant_alternative_t<I, AnyEntity>>{});
}

}  // namespace talentmatch
