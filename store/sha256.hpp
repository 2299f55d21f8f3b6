#pragma once
// SHA-256 (FIPS 180-4), for hashing API keys: small and dependency-free.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace talentmatch::store {

std::array<std::uint8_t, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);  // 64 lowercase hex digits

}  // namespace talentmatch::store
