#include "matcher/analytics/segment.hpp"

#include "models/field_error.hpp"

namespace talentmatch::matcher {

namespace {

template <typename Find>
Index resolve_one(const std::optional<std::string>& value, const std::string& field,
                  const char* kind, Find find) {
    if (!value) return ResolvedSegment::kAny;
    if (value->empty()) throw ValidationError({{field, "must not be empty when set"}});
    const std::optional<Index> index = find(*value);
    if (!index) throw NotFoundError(kind, *value);
    return *index;
}

}  // namespace

ResolvedSegment resolve_segment(const Snapshot& snapshot, const SegmentFilter& filter,
                                const std::string& path) {
    const std::string prefix = path.empty() ? "" : path + ".";
    ResolvedSegment out;
    out.cluster = resolve_one(filter.cluster, prefix + "cluster", "cluster",
                              [&](const std::string& v) { return snapshot.clusters.find(v); });
    out.district = resolve_one(filter.district, prefix + "district", "district",
                               [&](const std::string& v) { return snapshot.districts.find(v); });
    out.employer = resolve_one(filter.employer, prefix + "employer", "employer",
                               [&](const std::string& v) { return snapshot.employers.find(v); });
    if (filter.as_of) {
        const auto key = date_key(*filter.as_of);
        if (!key || filter.as_of->empty())
            throw ValidationError(
                std::vector<FieldError>{{prefix + "as_of", "must be a date YYYY-MM-DD"}});
        out.as_of = *key;
    }
    return out;
}

}  // namespace talentmatch::matcher
