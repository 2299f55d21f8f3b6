#include "api/query_support.hpp"

#include <nlohmann/json.hpp>

#include "api/csv_answer.hpp"
#include "api/place_names.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "matcher/query.hpp"
#include "matcher/snapshot.hpp"

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

Response match_list_response(ApiContext& ctx, const Request& r, const matcher::Snapshot& s,
                             matcher::CandidateKind kind, const std::string& top_key,
                             const std::string& id, MatchSide side,
                             const std::vector<matcher::Match>& list, ExplanationRenderer render) {
    using nlohmann::json;
    const Lang lang = reader_language(r);
    const bool csv = wants_csv(r);
    Response res;
    res.body = match_list_json(s, top_key, id, side, list, lang);
    const bool explain = query_bool(r, "explain", false) && !list.empty();
    if (!explain && !csv) return res;
    json body = json::parse(res.body);
    if (explain) {
        const bool fixed_candidate = is_demand_side(side);
        std::vector<matcher::ExplainRequest> requests;
        for (const auto& m : list) {
            if (fixed_candidate) {
                requests.push_back({kind, id, m.id});
            } else {
                requests.push_back({kind, m.id, id});
            }
        }
        const auto explanations = matcher::explain_batch(s, requests, ctx.settings.score);
        for (std::size_t i = 0; i < explanations.size(); ++i) {
            body["matches"][i]["explanation"] = render(s, explanations[i], lang);
        }
    }
    if (csv) return csv_response(body["matches"], id + "-matches.csv");
    return json_response(body);
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

const QueryParam kKParam = {"k", "integer", "how many results, 1..1000 (default 10)"};
const QueryParam kMinCoverageParam = {"min_coverage", "number",
                                      "only pairs with coverage >= this, 0..1"};
const QueryParam kLangParam = {"lang", "string",
                               "zh or en: names and sentences (default: Accept-Language, else en)"};
const QueryParam kFormatParam = {
    "format", "string", "json (default) or csv (UTF-8 with BOM); Accept: text/csv also gives csv"};

}  // namespace talentmatch::api
