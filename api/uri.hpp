#pragma once
// The request target as sent ("/v1/jobs?limit=10&cursor=a%2Bb") split into
// the decoded path and the decoded query parameters. Percent escapes are
// decoded everywhere; '+' means a space in the query only (form encoding);
// a malformed escape is kept as sent. Repeated parameters keep every value,
// a parameter without '=' has the value "".
#include <map>
#include <string>
#include <string_view>

namespace talentmatch::api {

std::string percent_decode(std::string_view text, bool plus_is_space);
void split_target(std::string_view target, std::string& path,
                  std::multimap<std::string, std::string>& query);

}  // namespace talentmatch::api
