#pragma once
// ValidJobsMemo: the per-job flags "valid on date D" (validity.hpp's rule)
// for one job set, remembered for the last date asked. Match queries ask for
// today's date, so a published snapshot builds the flags once a day instead
// of once per query.
//
// Contract: lives inside the JobSet whose valid_until_key it reads, and is
// asked only once that set is read-only (published). A copy or a move starts
// empty, so a job set copied and then patched never sees its source's flags.
// Thread-safe: any number of queries may ask at once; the flags handed out
// are immutable and stay alive while a caller holds them.
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace talentmatch::matcher {

class ValidJobsMemo {
  public:
    using Flags = std::shared_ptr<const std::vector<std::uint8_t>>;

    ValidJobsMemo() = default;
    ValidJobsMemo(const ValidJobsMemo&) {}
    ValidJobsMemo& operator=(const ValidJobsMemo&);

    // flags[j] = 1 when job j is valid on as_of_key (YYYYMMDD); nullptr when
    // every job is.
    Flags valid_on(std::span<const std::int32_t> valid_until_keys, std::int32_t as_of_key) const;

  private:
    mutable std::mutex mutex_;  // guards the three below
    mutable bool known_ = false;
    mutable std::int32_t as_of_key_ = 0;
    mutable Flags flags_;
};

}  // namespace talentmatch::matcher
