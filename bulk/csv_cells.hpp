#pragma once
// How one CSV cell maps to a field (bulk/FORMATS.md): scalars, `a;b;c` id
// lists, `skill:level` lists and `skill:level[:weight[:must]]` requirement
// lists. Decoders report problems as FieldErrors under `path` and leave the
// field at its default for an empty cell. Internal to bulk/.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/entities.hpp"
#include "models/field_error.hpp"

namespace talentmatch::bulk::cells {

using Errors = std::vector<FieldError>;

void decode_int(std::string_view cell, int& out, const std::string& path, Errors& errors);
void decode_bool(std::string_view cell, bool& out, const std::string& path, Errors& errors);
// The position of the (trimmed) cell among `names`; nullopt for an empty
// cell and for an unknown name (then an error naming the accepted ones).
std::optional<std::size_t> decode_wire_name(std::string_view cell,
                                            std::span<const std::string_view> names,
                                            const std::string& path, Errors& errors);
// An enum by wire name (entity_description.hpp).
template <WireEnum E>
void decode_enum(std::string_view cell, E& out, const std::string& path, Errors& errors) {
    if (const auto index = decode_wire_name(cell, WireNames<E>::names, path, errors)) {
        out = static_cast<E>(*index);
    }
}
void decode_id_list(std::string_view cell, std::vector<std::string>& out);
void decode_skill_levels(std::string_view cell, std::vector<SkillLevel>& out,
                         const std::string& path, Errors& errors);
void decode_graduate_skills(std::string_view cell, std::vector<GraduateSkill>& out,
                            const std::string& path, Errors& errors);
void decode_requirements(std::string_view cell, std::vector<Requirement>& out,
                         const std::string& path, Errors& errors);

std::string encode_id_list(const std::vector<std::string>& ids);
std::string encode_skill_levels(const std::vector<SkillLevel>& levels);
std::string encode_graduate_skills(const std::vector<GraduateSkill>& skills);
std::string encode_requirements(const std::vector<Requirement>& requirements);

}  // namespace talentmatch::bulk::cells
