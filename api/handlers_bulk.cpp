// POST /v1/{jobs,graduates,programs,employers}:bulk
//
// Body: a JSON array (Content-Type application/json) or JSON Lines
// (application/x-ndjson, application/jsonl; blank lines skipped). Answer: one
// result per item {index, line, id, status, errors}; `line` is the 1-based
// line for JSON Lines, null for an array. Items that fail to parse, decode,
// or belong to another tenant are "invalid" and never reach the store; the
// rest go to Store::upsert_many in ONE transaction.
// ?atomic=true: all or nothing. If any item is invalid nothing is written and
// the answer is 422 problem+json carrying the same per-item results in an
// "items" member (the other valid items are "not_applied").
#include <string>

#include "api/entity_traits.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"

namespace talentmatch::api {
namespace {

struct RawItem {
    nlohmann::json value;
    std::optional<std::size_t> line;  // 1-based, JSON Lines only
    std::vector<FieldError> errors;   // parse errors
};

std::vector<RawItem> split_items(const Request& req) {
    const std::string type = req.media_type();
    std::vector<RawItem> items;
    if (type == "application/json") {
        nlohmann::json body;
        try {
            body = nlohmann::json::parse(req.body);
        } catch (const nlohmann::json::parse_error& e) {
            throw BadRequest(std::string("malformed JSON: ") + e.what());
        }
        if (!body.is_array()) {
            throw ValidationError(
                std::vector<FieldError>{{"", "a bulk body must be a JSON array of objects"}});
        }
        for (auto& v : body) items.push_back({std::move(v), std::nullopt, {}});
        return items;
    }
    if (type == "application/x-ndjson" || type == "application/jsonl" ||
        type == "application/json-lines" || type == "application/jsonlines") {
        std::size_t start = 0;
        std::size_t line = 0;
        while (start < req.body.size()) {
            auto end = req.body.find('\n', start);
            if (end == std::string::npos) end = req.body.size();
            ++line;
            std::string text = req.body.substr(start, end - start);
            start = end + 1;
            if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
            RawItem item;
            item.line = line;
            try {
                item.value = nlohmann::json::parse(text);
            } catch (const nlohmann::json::parse_error& e) {
                item.errors.push_back({"", std::string("malformed JSON: ") + e.what()});
            }
            items.push_back(std::move(item));
        }
        return items;
    }
    throw UnsupportedMediaType(
        "Content-Type must be application/json (an array) or application/x-ndjson (JSON Lines), "
        "got '" +
        req.header("content-type") + "'");
}

nlohmann::json errors_json(const std::vector<FieldError>& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors) out.push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

template <class T>
Response bulk(ApiContext& ctx, Request& req, const Principal& p) {
    using Traits = EntityTraits<T>;
    const bool atomic = query_bool(req, "atomic", false);
    auto raw = split_items(req);

    struct Outcome {
        std::string id;
        std::string status;
        std::vector<FieldError> errors;
    };
    std::vector<Outcome> outcomes(raw.size());
    std::vector<T> accepted;
    std::vector<std::size_t> accepted_index;  // accepted[i] is raw[accepted_index[i]]
    std::size_t invalid = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        auto& out = outcomes[i];
        if (raw[i].value.is_object() && raw[i].value.contains("id") &&
            raw[i].value["id"].is_string()) {
            out.id = raw[i].value["id"].template get<std::string>();
        }
        std::vector<FieldError> errors = std::move(raw[i].errors);
        std::optional<T> value;
        if (errors.empty()) value = Traits::decode(raw[i].value, errors);
        if (value && p.role != Role::kAdmin) {
            if (auto e = Traits::ownership_error(ctx, p, *value)) errors.push_back(*e);
            if (auto existing = Traits::get(ctx.store, value->id);
                existing && Traits::ownership_error(ctx, p, *existing)) {
                errors.push_back({"id", "cannot be written with this key"});
            }
        }
        if (!value || !errors.empty()) {
            out.status = "invalid";
            out.errors = std::move(errors);
            ++invalid;
            continue;
        }
        accepted.push_back(std::move(*value));
        accepted_index.push_back(i);
    }

    std::size_t applied = 0;
    if (atomic && invalid > 0) {
        // Nothing is written; still tell the caller which other items are bad.
        const KnownIds known = ctx.store.known_ids();
        for (std::size_t j = 0; j < accepted.size(); ++j) {
            auto& out = outcomes[accepted_index[j]];
            out.errors = Traits::validate_item(accepted[j], known);
            out.status = out.errors.empty() ? "not_applied" : "invalid";
            if (!out.errors.empty()) ++invalid;
        }
    } else if (!accepted.empty()) {
        const auto result = ctx.store.upsert_many(
            std::span<const T>(accepted),
            atomic ? store::BulkMode::kAllOrNothing : store::BulkMode::kCommitValid);
        for (const auto& item : result.items) {
            auto& out = outcomes[accepted_index[item.index]];
            out.status = std::string(store::to_string(item.status));
            out.errors = item.errors;
            if (item.status == store::ItemStatus::kInvalid) ++invalid;
        }
        applied = result.applied;
        if (applied > 0) ctx.snapshots.notify_write();
    }

    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        items.push_back(
            {{"index", i},
             {"line", raw[i].line ? nlohmann::json(*raw[i].line) : nlohmann::json(nullptr)},
             {"id", outcomes[i].id},
             {"status", outcomes[i].status},
             {"errors", errors_json(outcomes[i].errors)}});
    }
    if (atomic && invalid > 0) {
        std::vector<FieldError> all;
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            const std::string prefix = raw[i].line ? "line " + std::to_string(*raw[i].line)
                                                   : "[" + std::to_string(i) + "]";
            for (const auto& e : outcomes[i].errors) {
                all.push_back({e.path.empty() ? prefix : prefix + "." + e.path, e.message});
            }
        }
        Response res =
            problem_response(422,
                             std::to_string(invalid) + " of " + std::to_string(raw.size()) +
                                 " items are invalid; atomic=true, so nothing was written",
                             all);
        auto body = nlohmann::json::parse(res.body);
        body["items"] = std::move(items);
        res.body = body.dump();
        return res;
    }
    return json_response({{"applied", applied},
                          {"invalid", invalid},
                          {"atomic", atomic},
                          {"items", std::move(items)}});
}

template <class T>
void add_bulk(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    using Traits = EntityTraits<T>;
    const std::string plural = Traits::kPlural;
    routes.push_back(
        {"POST",
         "/v1/" + plural + ":bulk",
         "Create or replace many " + plural + " (JSON array or JSON Lines), a result per item",
         plural,
         Traits::write_roles(),
         std::string("Bulk") + Traits::kSchema,
         {{"atomic", "boolean", "true: commit all items or none (default false)"}},
         {400, 413, 415, 422},
         [&ctx](Request& r, const Principal& p) { return bulk<T>(ctx, r, p); }});
}

}  // namespace

void add_bulk_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    add_bulk<Job>(routes, ctx);
    add_bulk<Graduate>(routes, ctx);
    add_bulk<Program>(routes, ctx);
    add_bulk<Employer>(routes, ctx);
}

}  // namespace talentmatch::api
