#include "api/http_types.hpp"

#include <algorithm>
#include <cctype>

namespace talentmatch::api {

const std::string& Request::header(const std::string& name) const {
    static const std::string empty;
    const auto it = headers.find(name);
    return it == headers.end() ? empty : it->second;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
    const auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
}

std::string Request::media_type() const {
    std::string type = header("content-type");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
    std::transform(type.begin(), type.end(), type.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return type;
}

}  // namespace talentmatch::api
