#include "api/query_support.hpp"

#include "api/place_names.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "matcher/validity.hpp"

namespace talentmatch::api {
namespace {

// Filter values a person typed (ids or names) as ids.
const std::vector<std::string>& data_ids(const matcher::Snapshot& s, PlaceKind kind) {
    return kind == PlaceKind::kCluster ? s.clusters.all() : s.districts.all();
}

std::vector<std::string> place_ids(const matcher::Snapshot& s, PlaceKind kind,
                                   std::vector<std::string> values) {
    for (auto& v : values) v = place_id(kind, v, data_ids(s, kind));
    return values;
}

std::optional<std::string> place_param(const matcher::Snapshot& s, const Request& r,
                                       PlaceKind kind) {
    auto value = r.query_value(to_string(kind));
    if (value) value = place_id(kind, *value, data_ids(s, kind));
    return value;
}

}  // namespace

PublishedSnapshot published_snapshot_of(ApiContext& ctx) {
    auto published = ctx.snapshots.current();
    if (!published.snapshot) {
        throw ServiceUnavailable("the matching snapshot is still loading; retry shortly (/readyz)");
    }
    return published;
}

std::shared_ptr<const matcher::Snapshot> snapshot_of(ApiContext& ctx) {
    return published_snapshot_of(ctx).snapshot;
}

std::size_t k_of(ApiContext& ctx, const Request& r) {
    return query_size(r, "k", ctx.settings.default_k, 1, ctx.settings.max_k);
}

matcher::ExecutionOptions exec(ApiContext& ctx) {
    matcher::ExecutionOptions o;
    o.threads = ctx.settings.threads_per_query;
    o.workspace = &ctx.snapshots.query_workspace();
    return o;
}

matcher::MatchFilter job_filter(const Request& r, const matcher::Snapshot& s) {
    matcher::MatchFilter f;
    f.districts = place_ids(s, PlaceKind::kDistrict, query_list(r, "district"));
    f.clusters = place_ids(s, PlaceKind::kCluster, query_list(r, "cluster"));
    f.employers = query_list(r, "employer");
    f.min_coverage = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
    f.as_of = matcher::today_utc();  // jobs past valid_until are not matched
    return f;
}

void restrict_to_own_institution(matcher::MatchFilter& f, const Principal& p) {
    for (const auto& i : f.institutions) {
        if (i != p.org) {
            throw ValidationError(
                std::vector<FieldError>{{"institution", "must be the key's own institution '" +
                                                            p.org + "', got \"" + i + "\""}});
        }
    }
    f.institutions = {p.org};
}

matcher::SegmentFilter segment_of(const Request& r, const matcher::Snapshot& s) {
    matcher::SegmentFilter f;
    f.cluster = place_param(s, r, PlaceKind::kCluster);
    f.district = place_param(s, r, PlaceKind::kDistrict);
    f.employer = r.query_value("employer");
    f.as_of = matcher::today_utc();  // jobs past valid_until are not demand
    return f;
}

}  // namespace talentmatch::api
