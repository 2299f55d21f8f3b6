#pragma once
// A 64-bit FNV-1a content hash for "data version" and "taxonomy version" in
// summary.json: equal data gives equal hashes on any machine and any run, so
// two summaries show at a glance whether the inputs changed. Not
// cryptographic. Values are framed (length-prefixed) so ("ab","c") and
// ("a","bc") differ.
#include <cstdint>
#include <string>
#include <string_view>

namespace talentmatch::batch {

class ContentHash {
  public:
    ContentHash& add(std::string_view text);
    ContentHash& add(std::int64_t value);
    std::uint64_t value() const { return state_; }
    std::string hex() const;  // 16 lowercase hex digits

  private:
    std::uint64_t state_ = 0xcbf29ce484222325ull;
    void bytes(const void* data, std::size_t size);
};

}  // namespace talentmatch::batch
