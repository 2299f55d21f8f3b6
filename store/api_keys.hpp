#pragma once
// API keys as the store keeps them: only the SHA-256 of the key is stored;
// the plaintext exists once, in the NewApiKey returned at creation.
#include <optional>
#include <string>
#include <string_view>

namespace talentmatch::store {

// admin: everything; association: its own employers' jobs (org_id = the
// association id); career_office: its own institution's programs and
// graduates (org_id = the institution id); viewer: aggregates only.
enum class Role { kAdmin, kAssociation, kCareerOffice, kViewer };
std::string_view to_string(Role role);  // "admin", "association", "career_office", "viewer"
std::optional<Role> parse_role(std::string_view text);

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
