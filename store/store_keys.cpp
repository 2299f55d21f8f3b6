// API keys: random plaintext shown once, SHA-256 stored.
#include <random>

#include "store/sha256.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

std::string random_hex(std::size_t bytes) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device device;  // the kernel's CSPRNG (getrandom) on Linux
    std::string out;
    for (std::size_t i = 0; i < bytes; ++i) {
        const auto byte = static_cast<unsigned>(device()) & 0xffU;
        out.push_back(kHex[byte >> 4]);
        out.push_back(kHex[byte & 15]);
    }
    return out;
}

ApiKey read_key(const Statement& row) {
    ApiKey key;
    key.id = row.column_text(0);
    key.key_hash = row.column_text(1);
    key.role = parse_role(row.column_text(2)).value_or(Role::kViewer);
    key.org_id = row.column_text(3);
    key.label = row.column_text(4);
    key.created_at = row.column_text(5);
    if (!row.column_is_null(6)) key.revoked_at = row.column_string(6);
    return key;
}

constexpr const char* kKeyColumns =
    "SELECT id, key_hash, role, org_id, label, created_at, revoked_at FROM api_keys ";

}  // namespace

std::string_view to_string(Role role) {
    switch (role) {
        case Role::kAdmin:
            return "admin";
        case Role::kAssociation:
            return "association";
        case Role::kCareerOffice:
            return "career_office";
        case Role::kViewer:
            return "viewer";
        case Role::kResearchOffice:
            return "research_office";
    }
    return "viewer";
}

std::optional<Role> parse_role(std::string_view text) {
    for (Role role : kAllRoles) {
        if (to_string(role) == text) return role;
    }
    return std::nullopt;
}

bool role_needs_org(Role role) {
    return role == Role::kAssociation || role == Role::kCareerOffice ||
           role == Role::kResearchOffice;
}

std::string hash_api_key(std::string_view plaintext) {
    return sha256_hex(plaintext);
}

bool Store::association_exists(const std::string& id) {
    std::lock_guard lock(impl_->mutex);
    return row_exists(*impl_, "SELECT 1 FROM employers WHERE association_id = ?1 LIMIT 1", id);
}

NewApiKey Store::create_api_key(Role role, const std::string& org_id, const std::string& label) {
    const bool needs_org = role_needs_org(role);
    if (needs_org && org_id.empty()) {
        throw ValidationError(
            {{"org_id", "required for role " + std::string(to_string(role)) + ", got \"\""}});
    }
    if (!needs_org && !org_id.empty()) {
        throw ValidationError({{"org_id", "must be empty for role " + std::string(to_string(role)) +
                                              ", got \"" + org_id + "\""}});
    }
    NewApiKey created;
    created.plaintext = "tm_" + random_hex(32);
    created.key.id = "key_" + random_hex(6);
    created.key.key_hash = hash_api_key(created.plaintext);
    created.key.role = role;
    created.key.org_id = org_id;
    created.key.label = label;
    std::lock_guard lock(impl_->mutex);
    impl_->write([&] {
        Statement insert(impl_->db, std::string("INSERT INTO api_keys (id, key_hash, role, org_id, "
                                                "label, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ") +
                                        kNow + ") RETURNING created_at");
        insert.bind(1, created.key.id)
            .bind(2, created.key.key_hash)
            .bind(3, to_string(role))
            .bind(4, org_id)
            .bind(5, label);
        insert.step();
        created.key.created_at = insert.column_string(0);
        insert.reset();
        return true;
    });
    return created;
}

std::optional<ApiKey> Store::find_api_key(std::string_view plaintext) {
    return find_api_key_by_hash(hash_api_key(plaintext));
}

// Runs on every authenticated request: a pooled reader connection and a
// statement prepared once per connection; no cache, so a key revoked by any
// process fails on the very next request.
std::optional<ApiKey> Store::find_api_key_by_hash(const std::string& key_hash) {
    static const std::string kByHash = std::string(kKeyColumns) + "WHERE key_hash = ?1";
    return with_reader(*impl_, [&](Database& db, StatementCache& cache) -> std::optional<ApiKey> {
        StatementLease lease(db, kByHash, &cache);
        Statement& query = lease.get();
        query.bind(1, key_hash);
        if (!query.step()) return std::nullopt;
        return read_key(query);
    });
}

std::vector<ApiKey> Store::list_api_keys() {
    std::lock_guard lock(impl_->mutex);
    Statement query(impl_->db, std::string(kKeyColumns) + "ORDER BY id");
    std::vector<ApiKey> keys;
    while (query.step()) keys.push_back(read_key(query));
    return keys;
}

bool Store::revoke_api_key(const std::string& id) {
    std::lock_guard lock(impl_->mutex);
    return impl_->write([&] {
        Statement update(impl_->db, std::string("UPDATE api_keys SET revoked_at = ") + kNow +
                                        " WHERE id = ?1 AND revoked_at IS NULL");
        update.bind(1, id).run();
        return impl_->db.changes() > 0;
    });
}

}  // namespace talentmatch::store
