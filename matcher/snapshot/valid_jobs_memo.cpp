#include "matcher/snapshot/valid_jobs_memo.hpp"

#include <algorithm>

#include "matcher/snapshot/validity.hpp"

namespace talentmatch::matcher {

ValidJobsMemo& ValidJobsMemo::operator=(const ValidJobsMemo&) {
    const std::lock_guard lock(mutex_);
    known_ = false;
    flags_.reset();
    return *this;
}

ValidJobsMemo::Flags ValidJobsMemo::valid_on(std::span<const std::int32_t> valid_until_keys,
                                             std::int32_t as_of_key) const {
    const std::lock_guard lock(mutex_);
    if (known_ && as_of_key_ == as_of_key) return flags_;
    Flags flags;
    const auto expired = [&](std::int32_t key) { return !matcher::valid_on(key, as_of_key); };
    if (std::any_of(valid_until_keys.begin(), valid_until_keys.end(), expired)) {
        auto computed = std::make_shared<std::vector<std::uint8_t>>(valid_until_keys.size());
        for (std::size_t j = 0; j < valid_until_keys.size(); ++j) {
            (*computed)[j] = expired(valid_until_keys[j]) ? 0 : 1;
        }
        flags = std::move(computed);
    }
    known_ = true;
    as_of_key_ = as_of_key;
    flags_ = flags;
    return flags;
}

}  // namespace talentmatch::matcher
