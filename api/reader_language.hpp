#pragma once
// The language a person reads an answer in: `?lang=zh|en`, else the first
// of zh / en in Accept-Language ("zh-CN,zh;q=0.9,en;q=0.8" -> zh), else
// English. Names of skills, clusters and districts and plain-language
// sentences follow it. A `lang` other than zh or en is a 400 naming it.
#include <string_view>

#include "api/http_types.hpp"

namespace talentmatch::api {

enum class Lang { kZh, kEn };

Lang reader_language(const Request& r);

inline const char* to_string(Lang lang) {
    return lang == Lang::kZh ? "zh" : "en";
}

}  // namespace talentmatch::api
