#pragma once
// API keys as the store keeps them: only the SHA-256 of the key is stored;
// the plaintext exists once, in the NewApiKey returned at creation.
#include <optional>
#include <string>
#include <string_view>

namespace talentmatch::store {

// admin: everything; association: its own employers' jobs (org_id = the
// association id); career_office: its own institution's programs and
// graduates (org_id = the institution id); viewer: aggregates only;
// research_office: its own institution's research results (org_id = the
// institution id). The full matrix: api/auth.hpp.
enum class Role { kAdmin, kAssociation, kCareerOffice, kViewer, kResearchOffice };
inline constexpr Role kAllRoles[] = {Role::kAdmin, Role::kAssociation, Role::kCareerOffice,
                                     Role::kViewer, Role::kResearchOffice};
// "admin", "association", "career_office", "viewer", "research_office"
std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
// True when a key of this role names an organisation: an association id
// (association) or an institution id (career_office, research_office).
bool role_needs_org(Role role);

struct ApiKey {
    std::string id;        // "key_" + 12 hex digits; safe to log and show
    std::string key_hash;  // lowercase hex SHA-256 of the plaintext
    Role role = Role::kViewer;
    std::string org_id;  // "" for admin and viewer
    std::string label;
    std::string created_at;                 // ISO 8601 UTC
    std::optional<std::string> revoked_at;  // set once revoked
    bool active() const { return !revoked_at.has_value(); }
};

struct NewApiKey {
    ApiKey key;
    std::string plaintext;  // "tm_" + 64 hex digits (256 random bits); never stored
};

// The hash the store keeps for a plaintext key (lowercase hex SHA-256).
std::string hash_api_key(std::string_view plaintext);

}  // namespace talentmatch::store
