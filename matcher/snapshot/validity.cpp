#include "matcher/snapshot/validity.hpp"

#include <ctime>

namespace talentmatch::matcher {

std::optional<std::int32_t> date_key(std::string_view iso) {
    if (iso.empty()) return kOpenEnded;
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    std::int32_t key = 0;
    for (std::size_t i = 0; i < iso.size(); ++i) {
        if (i == 4 || i == 7) continue;
        if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
        key = key * 10 + (iso[i] - '0');
    }
    const std::int32_t month = key / 100 % 100;
    const std::int32_t day = key % 100;
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    return key;
}

std::string today_utc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

}  // namespace talentmatch::matcher
