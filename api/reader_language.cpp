#include "api/reader_language.hpp"

#include <cctype>
#include <string>

#include "api/problem.hpp"

namespace talentmatch::api {

Lang reader_language(const Request& r) {
    if (const auto lang = r.query_value("lang")) {
        if (*lang == "zh") return Lang::kZh;
        if (*lang == "en") return Lang::kEn;
        throw BadRequest("bad query parameter",
                         {{"lang", "must be zh or en, got \"" + *lang + "\""}});
    }
    std::string accept = r.header("accept-language");
    for (char& c : accept) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // The languages in the order listed (q-values of browsers are descending).
    std::size_t start = 0;
    while (start < accept.size()) {
        std::size_t end = accept.find(',', start);
        if (end == std::string::npos) end = accept.size();
        const auto tag_start = accept.find_first_not_of(' ', start);
        if (tag_start < end) {
            const std::string_view tag =
                std::string_view(accept).substr(tag_start, end - tag_start);
            if (tag.starts_with("zh")) return Lang::kZh;
            if (tag.starts_with("en")) return Lang::kEn;
        }
        start = end + 1;
    }
    return Lang::kEn;
}

}  // namespace talentmatch::api
