#include "api/uri.hpp"

namespace talentmatch::api {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
                continue;
            }
        }
        out += (plus_is_space && c == '+') ? ' ' : c;
    }
    return out;
}

void split_target(std::string_view target, std::string& path,
                  std::multimap<std::string, std::string>& query) {
    const auto mark = target.find('?');
    path = percent_decode(target.substr(0, mark), false);
    query.clear();
    if (mark == std::string_view::npos) return;
    std::string_view rest = target.substr(mark + 1);
    const auto hash = rest.find('#');
    if (hash != std::string_view::npos) rest = rest.substr(0, hash);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        query.emplace(percent_decode(pair.substr(0, eq), true),
                      eq == std::string_view::npos ? std::string()
                                                   : percent_decode(pair.substr(eq + 1), true));
    }
}

}  // namespace talentmatch::api
