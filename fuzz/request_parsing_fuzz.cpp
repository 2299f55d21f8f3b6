// Fuzz target: request parsing (api/uri.hpp, api/router.hpp path ids,
// api/request_parsing.hpp).
// Input: a request target ("/v1/jobs/{id}?limit=..&cursor=..") up to the
// first '\n', then a JSON body.
// Properties: never crashes; a routed path's {id} parameters are non-empty
// segments of the path without '/'; the typed query readers either return a value
// within the asked bounds or throw BadRequest (400); json_body returns a
// value or throws BadRequest (or ValidationError, 422); percent_decode never grows the text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/problem.hpp"
#include "api/request_parsing.hpp"
#include "api/router.hpp"
#include "api/uri.hpp"
#include "fuzz/fuzz_check.hpp"
#include "models/field_error.hpp"

namespace {

using namespace talentmatch::api;

template <class F>
void expect_value_or_400(F f) {
    try {
        f();
    } catch (const HttpError& e) {
        FUZZ_CHECK(e.status() == 400, "a bad parameter is a 400");
    } catch (const talentmatch::ValidationError&) {
        // 422: a JSON body too deep or with an out-of-range number
    }
}

// A route table of the API's shapes (literal vs parameter precedence,
// ':' actions, two ids in one path).
const Router& routes() {
    static const Router table = [] {
        Router r;
        for (const char* p :
             {"/healthz", "/v1/jobs", "/v1/jobs/{id}", "/v1/jobs:bulk", "/v1/jobs/{id}/candidates",
              "/v1/jobs/{id}/programs", "/v1/graduates/{id}", "/v1/graduates/{id}/matches",
              "/v1/graduates/{gid}/explain/{jid}", "/v1/batch-runs/latest/summary",
              "/v1/batch-runs/{id}", "/v1/programs/{id}/alignment"}) {
            r.add("GET", p, [](Request&) { return Response{}; });
        }
        return r;
    }();
    return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string_view target = input.substr(0, newline);
    Request r;
    r.method = "GET";
    split_target(target, r.path, r.query);
    FUZZ_CHECK(r.path.size() <= target.size(), "the decoded path is not longer than the target");
    FUZZ_CHECK(percent_decode(target, true).size() <= target.size(), "decoding never grows");
    const auto segments = split_path(r.path);
    const auto match = routes().match("GET", r.path, r.path_params);
    FUZZ_CHECK(!match.route || match.path_known, "a routed path is known");
    for (const auto& [name, id] : r.path_params) {
        FUZZ_CHECK(match.route != nullptr, "parameters only for a routed path");
        FUZZ_CHECK(!id.empty() && id.find('/') == std::string::npos, "an id is one segment");
        FUZZ_CHECK(std::find(segments.begin(), segments.end(), id) != segments.end(),
                   "an id is a segment of the path");
    }
    expect_value_or_400([&] {
        const auto v = query_size(r, "limit", 50, 1, 1000);
        FUZZ_CHECK(v >= 1 && v <= 1000, "limit within bounds");
    });
    expect_value_or_400([&] {
        const auto v = query_size(r, "k", 10, 1, 100);
        FUZZ_CHECK(v >= 1 && v <= 100, "k within bounds");
    });
    expect_value_or_400([&] {
        const double v = query_number(r, "min_coverage", 0.0, 0.0, 1.0);
        FUZZ_CHECK(v >= 0.0 && v <= 1.0, "min_coverage within bounds");
    });
    expect_value_or_400([&] { (void)query_bool(r, "seeking", true); });
    for (const auto& part : query_list(r, "districts")) {
        FUZZ_CHECK(!part.empty() && part.find(',') == std::string::npos, "list parts");
    }
    (void)r.query_value("cursor");
    if (newline != std::string_view::npos) {
        r.method = "PUT";
        r.headers["content-type"] = "application/json; charset=utf-8";
        r.body = std::string(input.substr(newline + 1));
        expect_value_or_400([&] { (void)json_body(r); });
    }
    return 0;
}
