#include "matcher/score/score_config.hpp"

#include <string>

#include "models/field_error.hpp"

namespace talentmatch::matcher {

void validate(const ScoreConfig& config) {
    std::vector<FieldError> errors;
    auto check = [&errors](const char* field, std::int32_t value) {
        if (value < 0 || value > kBonusScale) {
            errors.push_back({field, "must be 0.." + std::to_string(kBonusScale) + " (units of 1/" +
                                         std::to_string(kBonusScale) + "), got " +
                                         std::to_string(value)});
        }
    };
    check("district_bonus", config.district_bonus);
    check("cluster_bonus", config.cluster_bonus);
    if (!errors.empty()) throw ValidationError(std::move(errors));
}

int compare_scores(const PairScore& a, const PairScore& b) {
    // fit_a + ba/S  vs  fit_b + bb/S, multiplied by S·den_a·den_b > 0.
    __extension__ using Int128 = __int128;
    const Int128 lhs = Int128(a.fit_num()) * b.fit_den() * kBonusScale +
                       Int128(a.bonus) * a.fit_den() * b.fit_den();
    const Int128 rhs = Int128(b.fit_num()) * a.fit_den() * kBonusScale +
                       Int128(b.bonus) * a.fit_den() * b.fit_den();
    return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
}

}  // namespace talentmatch::matcher
