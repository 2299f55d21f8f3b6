#pragma once
// What every engine query handler shares, stated once: the published
// snapshot (503 while loading), the k parameter, execution options, the
// job-side filter and market segment read from the query string (cluster and
// district given by id or by name, place_names.hpp; jobs past valid_until
// today left out, matcher/snapshot/validity.hpp), a match list answer, and a career
// office's restriction to its own candidates.
#include <memory>

#include "api/api_context.hpp"
#include "api/auth.hpp"
#include "api/explanation_json.hpp"
#include "api/http_types.hpp"
#include "api/match_json.hpp"
#include "api/reader_language.hpp"
#include "api/route_spec.hpp"
#include "matcher/analytics.hpp"
#include "matcher/query.hpp"

namespace talentmatch::api {

// The published snapshot (and its data_version); 503 while none has loaded.
PublishedSnapshot published_snapshot_of(ApiContext& ctx);
std::shared_ptr<const matcher::Snapshot> snapshot_of(ApiContext& ctx);
std::size_t k_of(ApiContext& ctx, const Request& r);
matcher::ExecutionOptions exec(ApiContext& ctx);
// district, cluster, employer, min_coverage.
matcher::MatchFilter job_filter(const Request& r, const matcher::Snapshot& s);
// A match list answer (match_json.hpp): {"<top_key>": id, "matches": [...]};
// with explain=true each match carries its explanation (one batch call,
// rendered by `render`); as CSV when asked (csv_answer.hpp). `id` is the
// fixed side: the candidate when the matches are jobs or projects, else the job.
using ExplanationRenderer = nlohmann::json (*)(const matcher::Snapshot&,
                                               const matcher::Explanation&, Lang);
Response match_list_response(ApiContext& ctx, const Request& r, const matcher::Snapshot& s,
                             matcher::CandidateKind kind, const std::string& top_key,
                             const std::string& id, MatchSide side,
                             const std::vector<matcher::Match>& list,
                             ExplanationRenderer render = explanation_json);
// A career office's candidate lists hold its own institution's candidates
// only: an `institution` filter naming another is a ValidationError on
// "institution"; the filter becomes the key's own institution.
void restrict_to_own_institution(matcher::MatchFilter& f, const Principal& p);
// cluster, district, employer.
matcher::SegmentFilter segment_of(const Request& r, const matcher::Snapshot& s);

// The query parameters every match list takes (as k_of, min_coverage,
// reader_language and wants_csv read them), described once for OpenAPI.
extern const QueryParam kKParam;
extern const QueryParam kMinCoverageParam;
extern const QueryParam kLangParam;
extern const QueryParam kFormatParam;

}  // namespace talentmatch::api
