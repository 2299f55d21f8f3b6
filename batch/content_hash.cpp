#include "batch/content_hash.hpp"

#include <cstdio>

namespace talentmatch::batch {

void ContentHash::bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
        state_ ^= p[i];
        state_ *= 0x100000001b3ull;
    }
}

ContentHash& ContentHash::add(std::string_view text) {
    add(static_cast<std::int64_t>(text.size()));
    bytes(text.data(), text.size());
    return *this;
}

ContentHash& ContentHash::add(std::int64_t value) {
    unsigned char le[8];
    for (int i = 0; i < 8; ++i) le[i] = static_cast<unsigned char>(std::uint64_t(value) >> (8 * i));
    bytes(le, sizeof le);
    return *this;
}

std::string ContentHash::hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(state_));
    return buf;
}

}  // namespace talentmatch::batch
