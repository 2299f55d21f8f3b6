#pragma once
// Chinese names for the O*NET Skills and Knowledge elements (our own
// translation, not part of O*NET), so the imported taxonomy is bilingual like
// the shipped one. Empty for an element id not in the table.
#include <string>
#include <string_view>

namespace talentmatch::datagen {

std::string onet_name_zh(std::string_view element_id);

}  // namespace talentmatch::datagen
