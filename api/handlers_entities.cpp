// Generic CRUD handlers, instantiated per entity kind via EntityTraits.
#include <chrono>
#include <cstdint>
#include <string>
#include <type_traits>

#include "api/entity_traits.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "models/skill_search.hpp"

namespace talentmatch::api {
namespace {

// DELETE /v1/graduates/{id} answers 204 only after the published snapshot no
// longer holds the graduate (its data_version >= the delete's); if that takes
// longer than this, 503 (the row is gone from the store either way).
constexpr std::chrono::seconds kErasurePublishTimeout{10};

template <class T>
T read_visible(ApiContext& ctx, const Principal& p, const std::string& id) {
    using Traits = EntityTraits<T>;
    auto value = ctx.store.get<T>(id);
    if (!value || !Traits::visible(ctx, p, *value)) throw NotFoundError(Traits::kKind, id);
    return std::move(*value);
}

template <class T>
Response get_one(ApiContext& ctx, Request& req, const Principal& p) {
    return json_response(encode(read_visible<T>(ctx, p, req.path_params.at("id"))));
}

template <class T>
Response list(ApiContext& ctx, Request& req, const Principal& p) {
    using Traits = EntityTraits<T>;
    if constexpr (std::is_same_v<T, Skill>) {
        if (const auto q = req.query_value("q")) {  // a search: ranked, one page
            std::vector<Skill> all;
            ctx.store.scan<Skill>({}, [&all](const Skill& s) { all.push_back(s); });
            const auto limit =
                query_size(req, "limit", ctx.settings.default_page, 1, ctx.settings.max_page);
            nlohmann::json items = nlohmann::json::array();
            for (const auto& s : search_skills(std::move(all), *q, limit))
                items.push_back(encode(s));
            return json_response(
                {{"items", std::move(items)}, {"next_cursor", nullptr}, {"q", *q}});
        }
    }
    store::PageRequest page;
    page.after_id = req.query_value("cursor").value_or("");
    page.limit = query_size(req, "limit", ctx.settings.default_page, 1, ctx.settings.max_page);
    page.org_id = Traits::list_org(p);
    const auto result = ctx.store.list<T>(page);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : result.items) items.push_back(encode(item));
    nlohmann::json body = {{"items", std::move(items)}};
    body["next_cursor"] = result.next_after_id.empty() ? nlohmann::json(nullptr)
                                                       : nlohmann::json(result.next_after_id);
    return json_response(body);
}

// PUT /v1/<plural>/{id}: create or replace. The body's id, when given, must
// equal the path's.
template <class T>
Response put_one(ApiContext& ctx, Request& req, const Principal& p) {
    using Traits = EntityTraits<T>;
    const std::string& id = req.path_params.at("id");
    nlohmann::json body = json_body(req);
    if (body.is_object()) {
        if (!body.contains("id")) body["id"] = id;
        if (body["id"] != id) {
            throw ValidationError(std::vector<FieldError>{
                {"id", "must equal the id in the path \"" + id + "\", got " + body["id"].dump()}});
        }
    }
    std::vector<FieldError> errors;
    auto value = Traits::decode(body, errors);
    if (!value) throw ValidationError(std::move(errors));
    // The owner check and the write run in ONE store transaction (the scope
    // holds the store's writer): two tenants racing on a new id cannot both
    // pass the check, the second sees the first's row and gets 404.
    store::Store::WriteScope scope(ctx.store);
    if (auto existing = ctx.store.get<T>(id)) {
        if (!Traits::visible(ctx, p, *existing)) throw NotFoundError(Traits::kKind, id);
        if (Traits::ownership_error(ctx, p, *existing)) {
            throw Forbidden(std::string("this key may not replace ") + Traits::kKind + " '" + id +
                            "'");
        }
    }
    if (auto error = Traits::ownership_error(ctx, p, *value))
        throw ValidationError(std::vector<FieldError>{*error});
    const auto outcome = ctx.store.upsert(*value);
    scope.commit();
    auto stored = ctx.store.get<T>(id);
    Response res = json_response(encode(stored ? *stored : *value),
                                 outcome == store::UpsertOutcome::kCreated ? 201 : 200);
    if (outcome == store::UpsertOutcome::kCreated) {
        res.headers["Location"] = std::string("/v1/") + Traits::kPlural + "/" + id;
    }
    return res;
}

template <class T>
Response delete_one(ApiContext& ctx, Request& req, const Principal& p) {
    using Traits = EntityTraits<T>;
    const std::string& id = req.path_params.at("id");
    store::Store::WriteScope scope(ctx.store);  // owner check and delete in one transaction
    const T existing = read_visible<T>(ctx, p, id);
    if (Traits::ownership_error(ctx, p, existing)) {
        throw Forbidden(std::string("this key may not delete ") + Traits::kKind + " '" + id + "'");
    }
    if (!ctx.store.remove<T>(id)) throw NotFoundError(Traits::kKind, id);
    const std::int64_t version = ctx.store.data_version();  // includes this delete
    scope.commit();
    if constexpr (std::is_same_v<T, Graduate>) {
        // Erasure is acknowledged only once no query can return the person:
        // wait until the published snapshot is at least this delete's version.
        if (!ctx.snapshots.wait_for_version(version, kErasurePublishTimeout)) {
            throw ServiceUnavailable("graduate '" + id +
                                     "' is erased from the store, but the matching snapshot "
                                     "has not published the erasure yet; retry the DELETE "
                                     "(404 once done) or wait before querying");
        }
    }
    Response res;
    res.status = 204;
    res.content_type = "application/json";
    return res;
}

template <class T>
std::vector<QueryParam> list_params() {
    std::vector<QueryParam> params{{"cursor", "string", "next_cursor of the previous page"},
                                   {"limit", "integer", "page size, 1..1000 (default 100)"}};
    if constexpr (std::is_same_v<T, Skill>) {
        params.push_back({"q", "string",
                          "search names and aliases in both languages (电池, battery, BMS); "
                          "ranked, one page"});
    }
    return params;
}

template <class T>
void add_kind(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    using Traits = EntityTraits<T>;
    const std::string plural = Traits::kPlural;
    const std::string kind = Traits::kKind;
    const std::string base = "/v1/" + plural;
    routes.push_back({"GET",
                      base,
                      "List " + plural + " (id order, cursor paging)",
                      plural,
                      Traits::read_roles(),
                      "",
                      list_params<T>(),
                      {400},
                      [&ctx](Request& r, const Principal& p) { return list<T>(ctx, r, p); }});
    routes.push_back({"GET",
                      base + "/{id}",
                      "Read one " + kind,
                      plural,
                      Traits::read_roles(),
                      "",
                      {},
                      {404},
                      [&ctx](Request& r, const Principal& p) { return get_one<T>(ctx, r, p); }});
    routes.push_back({"PUT",
                      base + "/{id}",
                      "Create or replace one " + kind + " (idempotent)",
                      plural,
                      Traits::write_roles(),
                      Traits::kSchema,
                      {},
                      {400, 404, 413, 415, 422},
                      [&ctx](Request& r, const Principal& p) { return put_one<T>(ctx, r, p); }});
    const std::string what =
        kind == "graduate"
            ? "Erase one graduate (204 once the published snapshot no longer holds it)"
            : "Delete one " + kind;
    routes.push_back(
        {"DELETE",
         base + "/{id}",
         what,
         plural,
         Traits::write_roles(),
         "",
         {},
         kind == "graduate" ? std::vector<int>{404, 409, 503} : std::vector<int>{404, 409},
         [&ctx](Request& r, const Principal& p) { return delete_one<T>(ctx, r, p); }});
}

}  // namespace

void add_entity_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    add_kind<Skill>(routes, ctx);
    add_kind<Certificate>(routes, ctx);
    add_kind<Institution>(routes, ctx);
    add_kind<Program>(routes, ctx);
    add_kind<Graduate>(routes, ctx);
    add_kind<Employer>(routes, ctx);
    add_kind<Job>(routes, ctx);
    add_kind<Placement>(routes, ctx);
    add_kind<Teacher>(routes, ctx);
    add_kind<Project>(routes, ctx);
    add_kind<InnovationDemand>(routes, ctx);
    add_kind<ResearchResult>(routes, ctx);
    add_kind<OccupationalStandard>(routes, ctx);
    add_kind<Course>(routes, ctx);
    add_kind<TrainingProgram>(routes, ctx);
}

}  // namespace talentmatch::api
