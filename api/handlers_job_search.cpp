// GET /v1/job-search: open jobs found by what a person types (a title or
// employer name in either language, or an id: "电池", "BYD", "job-0001"),
// optionally in one cluster / district (id or name, place_names.hpp) or, for
// an association, its member employers' only (mine=true), with
// the names a person reads. Reads the published snapshot, never the store.
// Ranking: an exact job or employer id first, then titles or employer names
// that start with q, then those containing it; ties by job id. Only jobs
// valid today are listed (matcher/snapshot/validity.hpp); no q lists them all. JSON,
// or CSV when asked (csv_answer.hpp).
#include <algorithm>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "api/csv_answer.hpp"
#include "api/handlers.hpp"
#include "api/place_names.hpp"
#include "api/problem.hpp"
#include "api/query_support.hpp"
#include "api/reader_language.hpp"
#include "api/request_parsing.hpp"
#include "matcher/snapshot.hpp"

namespace talentmatch::api {
namespace {

using matcher::Index;
using nlohmann::json;

std::string fold(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// 0 equal, 1 prefix, 2 contains, 3 none.
int rank_in(const std::string& field, const std::string& needle) {
    const std::string f = fold(field);
    if (f == needle) return 0;
    if (f.starts_with(needle)) return 1;
    return f.find(needle) != std::string::npos ? 2 : 3;
}

// The dictionary index of a cluster / district filter, kNone when absent,
// a 422 naming the parameter when nothing has it.
Index place_filter(const Request& r, const matcher::Snapshot& s, PlaceKind kind) {
    const char* name = to_string(kind);
    const auto value = r.query_value(name);
    if (!value) return matcher::kNone;
    const matcher::SortedIds& dict = kind == PlaceKind::kCluster ? s.clusters : s.districts;
    const auto index = dict.find(place_id(kind, *value, dict.all()));
    if (!index) {
        throw ValidationError(std::vector<FieldError>{
            {name, std::string("no job is in ") + name + " \"" + *value + "\""}});
    }
    return *index;
}

Response search(ApiContext& ctx, const Request& r, const Principal& p) {
    const auto s = snapshot_of(ctx);
    const bool mine = query_bool(r, "mine", false);
    if (mine && p.role != Role::kAssociation) {
        throw ValidationError(std::vector<FieldError>{
            {"mine", "only an association key has member employers; leave mine out"}});
    }
    const Lang lang = reader_language(r);
    const std::string needle = fold(r.query_value("q").value_or(""));
    const Index cluster = place_filter(r, *s, PlaceKind::kCluster);
    const Index district = place_filter(r, *s, PlaceKind::kDistrict);
    const std::size_t limit = query_size(r, "limit", 50, 1, 1000);
    const auto today = matcher::date_key(matcher::today_utc()).value_or(0);

    std::vector<std::pair<int, Index>> hits;  // (rank, job)
    const matcher::JobSet& jobs = s->jobs;
    for (Index j = 0; j < jobs.size(); ++j) {
        if (!matcher::valid_on(jobs.valid_until_key[j], today)) continue;
        if (cluster != matcher::kNone && jobs.cluster[j] != cluster) continue;
        if (district != matcher::kNone && jobs.district[j] != district) continue;
        if (mine && matcher::owning_association(*s, j) != p.org) continue;
        int rank = 0;
        if (!needle.empty()) {
            const Index e = jobs.employer[j];
            if (fold(jobs.ids[j]) != needle && fold(s->employers[e]) != needle) {
                const int best =
                    std::min(rank_in(jobs.title[j], needle), rank_in(s->employer_name[e], needle));
                if (best >= 3) continue;
                rank = std::max(best, 1);
            }
        }
        hits.emplace_back(rank, j);
    }
    // Job indices are in id order, so (rank, index) is (rank, id).
    std::sort(hits.begin(), hits.end());
    json items = json::array();
    for (std::size_t k = 0; k < hits.size() && k < limit; ++k) {
        const Index j = hits[k].second;
        const std::string& c = s->clusters[jobs.cluster[j]];
        const std::string& d = s->districts[jobs.district[j]];
        items.push_back({{"job_id", jobs.ids[j]},
                         {"title", jobs.title[j]},
                         {"employer_id", s->employers[jobs.employer[j]]},
                         {"employer_name", s->employer_name[jobs.employer[j]]},
                         {"cluster", c},
                         {"cluster_name", place_name(PlaceKind::kCluster, c, lang)},
                         {"district", d},
                         {"district_name", place_name(PlaceKind::kDistrict, d, lang)},
                         {"headcount", jobs.headcount[j]},
                         {"valid_until", jobs.valid_until[j]}});
    }
    if (wants_csv(r)) return csv_response(items, "jobs.csv");
    return json_response(
        {{"items", std::move(items)}, {"total", hits.size()}, {"lang", to_string(lang)}});
}

}  // namespace

void add_job_search_route(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    routes.push_back(
        {"GET",
         "/v1/job-search",
         "Open jobs by title, employer name or id, with names (ranked: exact id, prefix, "
         "substring; ties by id)",
         "queries",
         RoleSet::all(),
         "",
         {{"q", "string", "text in the title or employer name (either language), or an id"},
          {"cluster", "string", "only jobs of this cluster (id or name)"},
          {"district", "string", "only jobs of this district (id or name, e.g. 南山区)"},
          {"mine", "boolean", "association keys: only its member employers' jobs"},
          {"limit", "integer", "how many, 1..1000 (default 50)"},
          {"lang", "string", "zh or en: cluster and district names (default: Accept-Language)"},
          {"format", "string", "json (default) or csv; Accept: text/csv also gives csv"}},
         {400, 422, 503},
         [&ctx](Request& r, const Principal& p) { return search(ctx, r, p); }});
}

}  // namespace talentmatch::api
