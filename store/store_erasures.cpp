// Erasures still to apply to the run folders already written (store.hpp).
#include "store/sha256.hpp"
#include "store/store.hpp"
#include "store/store_impl.hpp"

namespace talentmatch::store {

void record_pending_erasure(Store::Impl& impl, const std::string& graduate_id) {
    impl.statement("INSERT OR IGNORE INTO pending_erasures (id_sha256) VALUES (?1)")
        .bind(1, sha256_hex(graduate_id))
        .run();
}

std::vector<std::string> Store::pending_erasure_hashes() {
    std::lock_guard lock(impl_->mutex);
    Statement query(impl_->db, "SELECT id_sha256 FROM pending_erasures ORDER BY id_sha256");
    std::vector<std::string> hashes;
    while (query.step()) hashes.push_back(query.column_string(0));
    return hashes;
}

void Store::clear_pending_erasures(const std::vector<std::string>& hashes) {
    std::lock_guard lock(impl_->mutex);
    impl_->write([&] {
        Statement erase(impl_->db, "DELETE FROM pending_erasures WHERE id_sha256 = ?1");
        for (const std::string& hash : hashes) erase.bind(1, hash).run();
        return true;
    });
    if (impl_->db.autocommit()) impl_->db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace talentmatch::store
