#pragma once
// The one way untrusted text becomes a nlohmann::json DOM (request bodies,
// bulk array bodies, JSON Lines records that the fast parsers hand back).
// nlohmann's parser itself is iterative, but much of what is done with a DOM
// afterwards is recursive (dump for messages, copy, comparison), so a
// document nested 65,000 deep would overflow the stack later. This parser
// builds the same DOM as nlohmann::json::parse, through its SAX interface,
// and refuses, without throwing and with a bounded amount of work:
//   - kTooDeep: more than kMaxJsonDepth (models/limits.hpp) arrays/objects
//     nested; the path names the container that went too deep;
//   - kOutOfRange: a number that does not fit a double (1e999, -1e999); the
//     path names the field holding it;
//   - kSyntax: anything that is not JSON (RFC 8259): syntax, invalid UTF-8
//     (overlongs, surrogates, lone \u surrogate escapes), NaN / Infinity
//     tokens, trailing content; path "" and nlohmann's position and reason.
// Paths use the codecs' spelling ("requirements[2].level", "[3].title" for an
// element of a top-level array). Messages are always valid UTF-8: bytes of
// the input they quote are escaped as \xNN and cut to a short length.
//
// Status mapping (api/request_parsing.cpp, the bulk handlers): kSyntax is a
// 400 (not JSON); kTooDeep and kOutOfRange are 422 field errors (JSON, but a
// value this API does not accept).
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "models/field_error.hpp"

namespace talentmatch {

struct JsonError {
    enum class Kind { kSyntax, kTooDeep, kOutOfRange };
    Kind kind = Kind::kSyntax;
    FieldError error;  // for kSyntax: path "", message "parse error at line 1, column 7: ..."
};

// Parses all of `text` into `out`. Returns nullopt on success; otherwise the
// error, and `out` holds an unspecified (valid, destructible) value.
std::optional<JsonError> parse_json(std::string_view text, nlohmann::json& out);

// The error of one JSON Lines record, as `import` and the bulk endpoints both
// report it beside the record's line number: a syntax error "parse error at
// line 1, column 43: ..." becomes "invalid JSON: column 43: ..." (the record
// is one line; "line 1" would contradict the item's own line); a nesting or
// number limit keeps its field path.
FieldError json_record_error(const JsonError& error);

}  // namespace talentmatch
