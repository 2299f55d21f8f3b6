#pragma once
// How one CSV cell maps to a field (bulk/FORMATS.md): scalars, `a;b;c` id
// lists, `skill:level` lists and `skill:level[:weight[:must]]` requirement
// lists. Decoders report problems as FieldErrors under `path` and leave the
// field at its default for an empty cell. Internal to bulk/.
#include <string>
#include <string_view>
#include <vector>

#include "models/entities.hpp"
#include "models/field_error.hpp"

namespace talentmatch::bulk::cells {

using Errors = std::vector<FieldError>;

void decode_int(std::string_view cell, int& out, const std::string& path, Errors& errors);
void decode_bool(std::string_view cell, bool& out, const std::string& path, Errors& errors);
void decode_education(std::string_view cell, EducationLevel& out, const std::string& path,
                      Errors& errors);
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
