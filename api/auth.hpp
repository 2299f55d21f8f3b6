#pragma once
// API keys, roles and tenancy.
//
// Keys are created, hashed and kept by the store (store/api_keys.hpp: only
// the SHA-256 is stored, the plaintext is shown once). Every request looks
// its key up through a KeyLookup backed by the store, so a revoked key fails
// on the very next request. Missing or unknown key -> 401; a role not allowed
// on the route -> 403 (routes.hpp); another tenant's resource -> 404 (the
// handlers check tenancy with the helpers below, so existence is never
// revealed). Writes check the stored row's owner inside the same store
// transaction as the write (Store::WriteScope), so two tenants racing on a
// new id cannot both be acknowledged. Aggregate results that list programs
// or graduates show a career office only its own institution's rows.
//
// Roles (SPEC.md "Interfaces"):
//   admin          everything;
//   association    org = association id: writes jobs, projects and employers
//                  of the employers whose association_id is its org; reads
//                  jobs, projects, its own employers, taxonomy and aggregates;
//   career_office  org = institution id: reads and writes its institution's
//                  programs, graduates and teachers and its graduates'
//                  placements, queries matches for them, reads jobs and
//                  projects;
//   research_office org = institution id: reads and writes its institution's
//                  research results, queries innovation demands for them;
//                  reads innovation demands, and aggregates as a viewer;
//   viewer         aggregates (supply-demand and outcomes, groups under 5
//                  graduates suppressed) and the taxonomy only.
// Innovation demands are written by the association of the employer (as
// jobs), or by the association that submits one on its own (association_id),
// and read by every role but viewer.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "api/http_types.hpp"
#include "store/api_keys.hpp"

namespace talentmatch::api {

using store::Role;
using store::role_needs_org;

// The caller of a request, after authentication.
struct Principal {
    std::string key_id;  // the key's public id (safe to log; never the secret)
    Role role = Role::kViewer;
    std::string org;  // association id or institution id; "" for admin/viewer
};

// A set of roles, as a bit mask.
class RoleSet {
  public:
    constexpr RoleSet() = default;
    constexpr RoleSet(std::initializer_list<Role> roles) {
        for (Role r : roles) bits_ |= bit(r);
    }
    static constexpr RoleSet all() {
        RoleSet set;
        for (Role r : store::kAllRoles) set.bits_ |= bit(r);
        return set;
    }
    constexpr bool contains(Role role) const { return (bits_ & bit(role)) != 0; }
    constexpr bool empty() const { return bits_ == 0; }

  private:
    static constexpr std::uint8_t bit(Role r) { return std::uint8_t(1u << std::uint8_t(r)); }
    std::uint8_t bits_ = 0;
};

// Maps a key hash to its principal, or nullopt for an unknown or revoked key.
// Must be safe to call from many threads at once.
using KeyLookup = std::function<std::optional<Principal>(const std::string& key_hash)>;

// Authenticates `request` (Authorization: Bearer <key>); throws Unauthorized.
Principal authenticate(const Request& request, const KeyLookup& lookup);
// Throws Forbidden unless `principal.role` is in `allowed`.
void authorize(const Principal& principal, RoleSet allowed, std::string_view what);

// Tenancy: may `p` see a resource owned by this association / institution?
// Admin sees everything; other roles only their org's. Used to answer 404.
bool owns_association(const Principal& p, std::string_view association_id);
bool owns_institution(const Principal& p, std::string_view institution_id);
// ... a research result of this institution (admin, or its research_office)?
bool owns_research(const Principal& p, std::string_view institution_id);
// Aggregates are shown to p with small groups suppressed (viewer, research_office).
bool sees_aggregates_only(const Principal& p);

}  // namespace talentmatch::api
