// Names for people: GET /v1/clusters and /v1/districts (every id the data
// uses plus the shipped ones, each with its Chinese and English name and the
// count of jobs naming it) and /v1/skill-categories (each category the
// taxonomy uses, its names and its count of skills), so pages and filters can
// speak in names.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "api/place_names.hpp"
#include "api/problem.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"

namespace talentmatch::api {
namespace {

using nlohmann::json;

Response places(ApiContext& ctx, const Request& r, PlaceKind kind) {
    const Lang lang = reader_language(r);
    const auto published = ctx.snapshots.current();
    if (!published.snapshot) {
        throw ServiceUnavailable("the matching snapshot is still loading; retry shortly (/readyz)");
    }
    const matcher::Snapshot& s = *published.snapshot;
    const bool clusters = kind == PlaceKind::kCluster;
    const matcher::SortedIds& dict = clusters ? s.clusters : s.districts;
    const auto& job_place = clusters ? s.jobs.cluster : s.jobs.district;
    std::vector<std::size_t> jobs(dict.size(), 0);
    std::vector<long long> openings(dict.size(), 0);
    for (std::size_t j = 0; j < s.jobs.size(); ++j) {
        if (job_place[j] == matcher::kNone) continue;
        ++jobs[job_place[j]];
        openings[job_place[j]] += s.jobs.headcount[j];
    }
    json items = json::array();
    auto add = [&](const std::string& id, const PlaceName* named) {
        const auto index = dict.find(id);
        const std::string zh = named ? named->name_zh : "";
        const std::string en = named ? named->name_en : "";
        const std::string& own = lang == Lang::kZh ? zh : en;
        const std::string& other = lang == Lang::kZh ? en : zh;
        items.push_back({{"id", id},
                         {"name_zh", zh.empty() ? id : zh},
                         {"name_en", en.empty() ? id : en},
                         {"name", !own.empty() ? own : (!other.empty() ? other : id)},
                         {"jobs", index ? jobs[*index] : 0},
                         {"openings", index ? openings[*index] : 0}});
    };
    for (const auto& place : shipped_places(kind)) add(place.id, &place);
    for (const auto& id : dict.all()) {
        if (!id.empty() && find_place(kind, id) == nullptr) add(id, nullptr);
    }
    return json_response({{"items", std::move(items)}, {"lang", to_string(lang)}});
}

Response categories(ApiContext& ctx, const Request& r) {
    const Lang lang = reader_language(r);
    const auto published = ctx.snapshots.current();
    if (!published.snapshot) {
        throw ServiceUnavailable("the matching snapshot is still loading; retry shortly (/readyz)");
    }
    std::map<std::string, std::size_t> skills;  // category -> skills, in id order
    for (const auto& category : published.snapshot->skill_category) ++skills[category];
    json items = json::array();
    for (const auto& [id, count] : skills) {
        const PlaceName* named = find_place(PlaceKind::kCategory, id);
        items.push_back({{"id", id},
                         {"name_zh", named && !named->name_zh.empty() ? named->name_zh : id},
                         {"name_en", named && !named->name_en.empty() ? named->name_en : id},
                         {"name", place_name(PlaceKind::kCategory, id, lang)},
                         {"skills", count}});
    }
    return json_response({{"items", std::move(items)}, {"lang", to_string(lang)}});
}

}  // namespace

void add_name_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    const std::vector<QueryParam> params{
        {"lang", "string", "zh or en: the `name` field (default: Accept-Language, else en)"}};
    routes.push_back(
        {"GET",
         "/v1/clusters",
         "Industry clusters: id, Chinese and English names, jobs and openings",
         "names",
         RoleSet::all(),
         "",
         params,
         {400, 503},
         [&ctx](Request& r, const Principal&) { return places(ctx, r, PlaceKind::kCluster); }});
    routes.push_back(
        {"GET",
         "/v1/districts",
         "Districts: id, Chinese and English names, jobs and openings",
         "names",
         RoleSet::all(),
         "",
         params,
         {400, 503},
         [&ctx](Request& r, const Principal&) { return places(ctx, r, PlaceKind::kDistrict); }});
    routes.push_back({"GET",
                      "/v1/skill-categories",
                      "Skill categories: id, Chinese and English names, number of skills",
                      "names",
                      RoleSet::all(),
                      "",
                      params,
                      {400, 503},
                      [&ctx](Request& r, const Principal&) { return categories(ctx, r); }});
}

}  // namespace talentmatch::api
