#include "api/auth.hpp"

#include "api/problem.hpp"

namespace talentmatch::api {

Principal authenticate(const Request& request, const KeyLookup& lookup) {
    const std::string& header = request.header("authorization");
    if (header.empty()) throw Unauthorized("missing Authorization: Bearer <key>");
    constexpr std::string_view kScheme = "Bearer ";
    if (header.size() <= kScheme.size() || header.compare(0, kScheme.size(), kScheme) != 0) {
        throw Unauthorized("Authorization must use the Bearer scheme");
    }
    const std::string secret = header.substr(kScheme.size());
    if (auto principal = lookup(store::hash_api_key(secret))) return std::move(*principal);
    throw Unauthorized("unknown or revoked API key");
}

void authorize(const Principal& principal, RoleSet allowed, std::string_view what) {
    if (!allowed.contains(principal.role)) {
        throw Forbidden("role " + std::string(store::to_string(principal.role)) + " may not " +
                        std::string(what));
    }
}

bool owns_association(const Principal& p, std::string_view association_id) {
    return p.role == Role::kAdmin ||
           (p.role == Role::kAssociation && !p.org.empty() && p.org == association_id);
}

bool owns_institution(const Principal& p, std::string_view institution_id) {
    return p.role == Role::kAdmin ||
           (p.role == Role::kCareerOffice && !p.org.empty() && p.org == institution_id);
}

bool owns_research(const Principal& p, std::string_view institution_id) {
    return p.role == Role::kAdmin ||
           (p.role == Role::kResearchOffice && !p.org.empty() && p.org == institution_id);
}

bool sees_aggregates_only(const Principal& p) {
    return p.role == Role::kViewer || p.role == Role::kResearchOffice;
}

}  // namespace talentmatch::api
