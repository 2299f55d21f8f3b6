// POST /v1/{jobs,graduates,programs,employers,placements,teachers,projects,
//           innovation_demands,research_results,occupational_standards}:bulk
//
// Body: a JSON array (Content-Type application/json), JSON Lines
// (application/x-ndjson, application/jsonl; blank lines skipped) or CSV
// (text/csv, bulk/FORMATS.md; UTF-8 or GBK/GB18030, converted before any cell
// is read, the answer's "encoding" says which; any other encoding is a 422
// naming the line, and nothing is written). Answer: one
// result per item {index, line, id, status, errors[, resolved]}; `line` is the 1-based
// line for JSON Lines and CSV, null for an array. Skill references that are
// not ids are resolved by name or alias first (models/skill_references.hpp):
// each rewrite is listed in the item's "resolved" [{path, given, skill_id}];
// an ambiguous or unknown one is an error at its path with suggestions. Items that fail to parse,
// decode, or belong to another tenant are "invalid" and never reach the store; the rest go to
// Store::upsert_many in ONE transaction. ?atomic=true: all or nothing. If any item is invalid
// nothing is written and the answer is 422 problem+json carrying the same per-item results in an
// "items" member (the other valid items are "not_applied").
// ?dry_run=true: a check before committing: every item is decoded and
// validated as for a write (tenancy, domain rules, references to stored
// ids), nothing is written, and the answer is 200 with "dry_run": true and
// the per-item results (valid items "not_applied").
//
// JSON Lines and CSV bodies are read by the reader `import` uses for files
// (bulk/bulk_reader.hpp: the same fast parsers, records, lines and messages);
// the answer is written straight into a string (same bytes as dumping the
// equivalent nlohmann object, keys sorted).
#include <algorithm>
#include <string>
#include <string_view>

#include "api/entity_traits.hpp"
#include "api/handlers.hpp"
#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "bulk/bulk_reader.hpp"
#include "bulk/csv_formats.hpp"
#include "bulk/json_line.hpp"
#include "bulk/text_encoding.hpp"
#include "ingest/ingest.hpp"

namespace talentmatch::api {
namespace {

// One item of the body: decoded, or the errors that stopped it.
template <class T>
struct RawItem {
    std::optional<T> value;
    std::string id;                   // "" when the item has no string id
    std::optional<std::size_t> line;  // 1-based, JSON Lines only
    std::vector<FieldError> errors;   // parse and decode errors
};

// The DOM path: decodes `json` (any shape) into `item`.
template <class T>
void decode_json(const nlohmann::json& json, RawItem<T>& item) {
    if (json.is_object()) {
        const auto id = json.find("id");
        if (id != json.end() && id->is_string()) item.id = id->template get<std::string>();
    }
    item.value = EntityTraits<T>::decode(json, item.errors);
}

bool is_json_lines(const std::string& type) {
    return type == "application/x-ndjson" || type == "application/jsonl" ||
           type == "application/json-lines" || type == "application/jsonlines";
}

// True when the body holds nothing but a byte-order mark and blank lines.
bool is_blank_text(std::string_view body) {
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    return body.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// JSON Lines and CSV bodies are read as import reads files (bulk_reader.hpp):
// the same records, lines and messages. A body none of whose records can be
// read (an unreadable encoding, an unusable CSV header) is one 422, its
// errors at "line N[.column]"; a CSV body also says the encoding it was in.
template <class T>
std::vector<RawItem<T>> read_items(const Request& req, bulk::FileFormat format,
                                   std::string& encoding) {
    constexpr bulk::EntityKind kind = bulk::kind_of<T>();
    if (format == bulk::FileFormat::kCsv) {
        if (!bulk::has_csv_format(kind)) {
            throw UnsupportedMediaType(std::string(bulk::to_string(kind)) +
                                       " have no CSV format; send application/x-ndjson or "
                                       "application/json");
        }
        if (is_blank_text(req.body)) {
            throw ValidationError(std::vector<FieldError>{
                {"",
                 "the CSV body is empty: send a header row naming the columns, then one row "
                 "per item (bulk/FORMATS.md)"}});
        }
    }
    std::vector<RawItem<T>> items;
    std::vector<FieldError> body_errors;
    const bulk::TextEncoding found =
        bulk::for_each_item_in_bytes(req.body, kind, format, [&](bulk::BulkItem& item) {
            const std::string line = "line " + std::to_string(item.line);
            if (item.whole_file) {
                for (const FieldError& e : item.errors) {
                    body_errors.push_back({e.path.empty() ? line : line + "." + e.path, e.message});
                }
                return;
            }
            RawItem<T>& raw = items.emplace_back();
            raw.line = item.line;
            raw.id = item.id;
            raw.errors = std::move(item.errors);
            if (item.entity) raw.value = std::get<T>(std::move(*item.entity));
        });
    if (!body_errors.empty()) throw ValidationError(std::move(body_errors));
    if (format == bulk::FileFormat::kCsv) encoding = bulk::to_string(found);
    return items;
}

template <class T>
std::vector<RawItem<T>> split_items(const Request& req, std::string& encoding) {
    const std::string type = req.media_type();
    if (type == "text/csv") return read_items<T>(req, bulk::FileFormat::kCsv, encoding);
    if (is_json_lines(type)) return read_items<T>(req, bulk::FileFormat::kJsonLines, encoding);
    if (type == "application/json") {
        nlohmann::json body;
        if (const auto error = parse_json(req.body, body)) throw_json_error(*error);
        if (!body.is_array()) {
            throw ValidationError(
                std::vector<FieldError>{{"", "a bulk body must be a JSON array of objects"}});
        }
        std::vector<RawItem<T>> items(body.size());
        for (std::size_t i = 0; i < body.size(); ++i) decode_json(body[i], items[i]);
        return items;
    }
    throw UnsupportedMediaType(
        "Content-Type must be application/json (an array), application/x-ndjson (JSON Lines) "
        "or text/csv, got '" +
        req.header("content-type") + "'");
}

nlohmann::json errors_json(const std::vector<FieldError>& errors) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : errors) out.push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

nlohmann::json resolved_json(const std::vector<SkillResolution>& resolved) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : resolved)
        out.push_back({{"path", r.path}, {"given", r.given}, {"skill_id", r.skill_id}});
    return out;
}

// {"index":..,"line":..,"id":..,"status":..,"errors":[..]} with the keys in
// nlohmann's (sorted) order, as json_response would have written them.
template <class T>
void append_item(std::string& out, std::size_t index, const RawItem<T>& raw,
                 const ingest::Outcome& outcome) {
    out += "{\"errors\":[";
    for (std::size_t e = 0; e < outcome.errors.size(); ++e) {
        if (e > 0) out.push_back(',');
        out += "{\"message\":";
        bulk::append_json_string(out, outcome.errors[e].message);
        out += ",\"path\":";
        bulk::append_json_string(out, outcome.errors[e].path);
        out.push_back('}');
    }
    out += "],\"id\":";
    bulk::append_json_string(out, raw.id);
    out += ",\"index\":";
    out += std::to_string(index);
    out += ",\"line\":";
    out += raw.line ? std::to_string(*raw.line) : "null";
    if (!outcome.resolved.empty()) {
        out += ",\"resolved\":";
        out += resolved_json(outcome.resolved)
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += ",\"status\":";
    bulk::append_json_string(out, store::to_string(outcome.status));
    out.push_back('}');
}

template <class T>
Response bulk(ApiContext& ctx, Request& req, const Principal& p) {
    using Traits = EntityTraits<T>;
    const bool atomic = query_bool(req, "atomic", false);
    const bool dry_run = query_bool(req, "dry_run", false);
    std::string encoding;  // set for CSV bodies
    auto raw = split_items<T>(req, encoding);

    // Per-item owner checks and the write run in ONE store transaction, so a
    // tenant racing another on a new id cannot take it over (see put_one).
    store::Store::WriteScope scope(ctx.store);
    std::vector<ingest::Outcome> outcomes(raw.size());
    ingest::Ingest<T> ingest(
        ctx.store, atomic ? store::BulkMode::kAllOrNothing : store::BulkMode::kCommitValid,
        ingest::kNoBatches, [&outcomes](ingest::Outcome& o) { outcomes[o.index] = std::move(o); },
        [&ctx, &p](const T& value, std::vector<FieldError>& errors) {
            if (p.role == Role::kAdmin) return;
            if (auto e = Traits::ownership_error(ctx, p, value)) errors.push_back(*e);
            if (auto existing = ctx.store.get<T>(value.id);
                existing && Traits::ownership_error(ctx, p, *existing)) {
                errors.push_back({"id", "cannot be written with this key"});
            }
        });
    for (RawItem<T>& item : raw) {
        ingest.add(std::move(item.value), std::move(item.errors), item.line.value_or(0));
    }
    if (dry_run || (atomic && ingest.totals().invalid > 0)) {
        ingest.check_queued();  // nothing is written; still say which other items are bad
    } else {
        ingest.flush();
        scope.commit();
    }
    const std::size_t invalid = ingest.totals().invalid;
    const std::size_t applied = ingest.totals().applied();

    if (atomic && invalid > 0 && !dry_run) {
        nlohmann::json items = nlohmann::json::array();
        std::vector<FieldError> all;
        for (std::size_t i = 0; i < outcomes.size(); ++i) {
            items.push_back(
                {{"index", i},
                 {"line", raw[i].line ? nlohmann::json(*raw[i].line) : nlohmann::json(nullptr)},
                 {"id", raw[i].id},
                 {"status", store::to_string(outcomes[i].status)},
                 {"errors", errors_json(outcomes[i].errors)}});
            if (!outcomes[i].resolved.empty())
                items.back()["resolved"] = resolved_json(outcomes[i].resolved);
            std::string prefix = raw[i].line ? "line " : "[";
            prefix += std::to_string(raw[i].line ? *raw[i].line : i);
            if (!raw[i].line) prefix += "]";
            for (const auto& e : outcomes[i].errors) {
                const bool bare = e.path.empty() || e.path.starts_with('[');
                all.push_back({bare ? prefix + e.path : prefix + "." + e.path, e.message});
            }
        }
        Response res =
            problem_response(422,
                             std::to_string(invalid) + " of " + std::to_string(raw.size()) +
                                 " items are invalid; atomic=true, so nothing was written",
                             all);
        auto body = nlohmann::json::parse(res.body);
        body["items"] = std::move(items);
        if (!encoding.empty()) body["encoding"] = encoding;
        res.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return res;
    }
    Response res;
    std::string& body = res.body;
    body.reserve(96 * raw.size() + 64);
    body += "{\"applied\":";
    body += std::to_string(applied);
    body += ",\"atomic\":";
    body += atomic ? "true" : "false";
    if (dry_run) body += ",\"dry_run\":true";
    if (!encoding.empty()) {
        body += ",\"encoding\":";
        bulk::append_json_string(body, encoding);
    }
    body += ",\"invalid\":";
    body += std::to_string(invalid);
    body += ",\"items\":[";
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (i > 0) body.push_back(',');
        append_item(body, i, raw[i], outcomes[i]);
    }
    body += "]}";
    return res;
}

template <class T>
void add_bulk(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    using Traits = EntityTraits<T>;
    const std::string plural = Traits::kPlural;
    routes.push_back(
        {"POST",
         "/v1/" + plural + ":bulk",
         "Create or replace many " + plural +
             " (JSON array, JSON Lines or CSV in UTF-8 or GBK), a result per item",
         plural,
         Traits::write_roles(),
         std::string("Bulk") + Traits::kSchema,
         {{"atomic", "boolean", "true: commit all items or none (default false)"},
          {"dry_run", "boolean", "true: validate every item as for a write and write nothing"}},
         {400, 413, 415, 422},
         [&ctx](Request& r, const Principal& p) { return bulk<T>(ctx, r, p); }});
}

}  // namespace

void add_bulk_routes(std::vector<RouteSpec>& routes, ApiContext& ctx) {
    add_bulk<Job>(routes, ctx);
    add_bulk<Graduate>(routes, ctx);
    add_bulk<Program>(routes, ctx);
    add_bulk<Employer>(routes, ctx);
    add_bulk<Placement>(routes, ctx);
    add_bulk<Teacher>(routes, ctx);
    add_bulk<Project>(routes, ctx);
    add_bulk<InnovationDemand>(routes, ctx);
    add_bulk<ResearchResult>(routes, ctx);
    add_bulk<OccupationalStandard>(routes, ctx);
    add_bulk<Course>(routes, ctx);
    add_bulk<TrainingProgram>(routes, ctx);
}

}  // namespace talentmatch::api
