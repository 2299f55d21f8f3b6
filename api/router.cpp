#include "api/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace talentmatch::api {
namespace {

bool is_param(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Number of literal segments; used to prefer the most specific pattern.
int literal_count(const std::vector<std::string>& segments) {
    return static_cast<int>(std::count_if(segments.begin(), segments.end(),
                                          [](const auto& s) { return !is_param(s); }));
}

bool segments_match(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
    if (pattern.size() != path.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (is_param(pattern[i])) {
            if (path[i].empty()) return false;
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = path.empty() || path[0] != '/' ? 0 : 1;
    if (start >= path.size()) return out;
    while (true) {
        const auto slash = path.find('/', start);
        out.push_back(
            path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

void Router::add(std::string method, std::string pattern, Handler handler, Admission admission,
                 bool quick) {
    if (pattern.empty() || pattern[0] != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    }
    if (quick && method != "GET") {
        throw std::invalid_argument("a quick route has no body: " + method + " " + pattern);
    }
    for (const auto& r : routes_) {
        if (r.method == method && r.pattern == pattern) {
            throw std::invalid_argument("duplicate route " + method + " " + pattern);
        }
    }
    segments_.push_back(split_path(pattern));
    routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler),
                            std::move(admission), quick});
}

Router::Match Router::match(const std::string& method, const std::string& path,
                            std::map<std::string, std::string>& params) const {
    const auto parts = split_path(path);
    Match result;
    int best_literals = -1;
    for (std::size_t i = 0; i < routes_.size(); ++i) {
        if (!segments_match(segments_[i], parts)) continue;
        result.path_known = true;
        const auto& route = routes_[i];
        if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
            result.allowed_methods.end()) {
            result.allowed_methods.push_back(route.method);
        }
        if (route.method != method) continue;
        const int literals = literal_count(segments_[i]);
        if (literals > best_literals) {
            best_literals = literals;
            result.route = &route;
        }
    }
    if (result.route != nullptr) {
        const auto& pattern = segments_[static_cast<std::size_t>(result.route - routes_.data())];
        params.clear();
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            if (is_param(pattern[i]))
                params[pattern[i].substr(1, pattern[i].size() - 2)] = parts[i];
        }
    }
    std::sort(result.allowed_methods.begin(), result.allowed_methods.end());
    return result;
}

}  // namespace talentmatch::api
