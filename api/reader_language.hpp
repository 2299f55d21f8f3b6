#pragma once
// The language a person reads an answer in: `?lang=zh|en`, else the first
// of zh / en in Accept-Language ("zh-CN,zh;q=0.9,en;q=0.8" -> zh), else
// English. Names of skills, clusters and districts and plain-language
// sentences follow it. A `lang` other than zh or en is a 400 naming it.
#include <string_view>

#include "api/http_types.hpp"
#include "models/place_names.hpp"

namespace talentmatch::api {

using models::Lang;  // zh / en, models/place_names.hpp
using models::to_string;

Lang reader_language(const Request& r);

}  // namespace talentmatch::api
