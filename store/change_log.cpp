// The change log: appended by the write paths, read by Store::read_changes
// (change_log.hpp).
#include <sqlite3.h>
#include <algorithm>

#include "store/change_log.hpp"
#include "store/change_log_write.hpp"

namespace talentmatch::store {

namespace {

// Prune once per this many appended rows (a range delete at the old end).
constexpr std::int64_t kPruneEvery = 1024;

// f(the reader of `kind`'s entities, store_<kind>.cpp).
template <class F>
void with_reader(EntityKind kind, F&& f) {
    with_entity_type(kind, [&]<class T>(std::type_identity<T>) {
        const Reader<T> read = read_entities;
        f(read);
    });
}

// Delivers `kind` from scratch: clear, then one ordered scan.
void deliver_all(Database& db, EntityKind kind, ChangeSink& sink) {
    sink.clear(kind);
    ReadPlan plan;
    plan.with_evidence = false;
    with_reader(kind, [&](auto read) { read(db, plan, [&](const auto& v) { sink.put(v); }); });
}

// Delivers the current state of one entity: put, or erase when it is gone.
void deliver_one(Database& db, StatementCache& cache, EntityKind kind, const std::string& id,
                 ChangeSink& sink) {
    ReadPlan plan;
    plan.mode = ReadPlan::Mode::kPoint;
    plan.key = id;
    plan.with_evidence = false;
    plan.cache = &cache;
    bool found = false;
    with_reader(kind, [&](auto read) {
        read(db, plan, [&](const auto& v) {
            sink.put(v);
            found = true;
        });
    });
    if (!found) sink.erase(kind, id);
}

}  // namespace

void log_change(Store::Impl& impl, EntityKind kind, const std::string& id) {
    impl.statement("INSERT INTO change_log (kind, id) VALUES (?1, ?2)")
        .bind(1, static_cast<int>(kind))
        .bind(2, id)
        .run();
    const std::int64_t seq = sqlite3_last_insert_rowid(impl.db.handle());
    if (seq % kPruneEvery == 0 && seq > kChangeLogKeep) {
        impl.statement("DELETE FROM change_log WHERE seq <= ?1")
            .bind(1, seq - kChangeLogKeep)
            .run();
    }
}

void log_graduate_erasure(Store::Impl& impl, const std::string& id) {
    impl.statement("UPDATE change_log SET id = '' WHERE kind = ?1 AND id = ?2")
        .bind(1, static_cast<int>(EntityKind::kGraduates))
        .bind(2, id)
        .run();
    log_change(impl, EntityKind::kGraduates, "");
}

ChangePosition Store::read_changes(std::int64_t after_seq, ChangeSink& sink) {
    Impl& impl = *impl_;
    std::lock_guard lock(impl.mutex);
    ReadTransaction snapshot(impl.db);
    ChangePosition position;
    position.data_version = impl.read_data_version();
    std::int64_t oldest = 0;
    {
        Statement& bounds =
            impl.statement("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0) FROM change_log");
        bounds.step();
        oldest = bounds.column_int(0);
        position.seq = bounds.column_int(1);
        bounds.reset();
    }
    // The log covers (after_seq, newest] when nothing after after_seq was pruned.
    const bool covered = after_seq >= 0 && after_seq <= position.seq &&
                         (after_seq == position.seq || oldest <= after_seq + 1);
    if (!covered) {
        for (EntityKind kind : kAllEntityKinds) deliver_all(impl.db, kind, sink);
        position.full = true;
        return position;
    }
    if (after_seq == position.seq) return position;

    // Distinct ids per kind, and whether an erasure happened since after_seq.
    std::vector<std::vector<std::string>> changed(std::size(kAllEntityKinds));
    bool erased = false;
    {
        Statement& rows = impl.statement("SELECT kind, id FROM change_log WHERE seq > ?1");
        rows.bind(1, after_seq);
        while (rows.step()) {
            const auto kind = static_cast<std::size_t>(rows.column_int(0));
            const std::string_view id = rows.column_text(1);
            if (kind >= changed.size()) continue;  // a kind a newer binary logs
            if (id.empty()) {
                erased = erased || kind == static_cast<std::size_t>(EntityKind::kGraduates);
                continue;
            }
            changed[kind].emplace_back(id);
        }
        rows.reset();
    }
    for (EntityKind kind : kAllEntityKinds) {
        auto& ids = changed[static_cast<std::size_t>(kind)];
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        // A point read costs a few ordered-scan steps: past a quarter of the
        // kind, one scan is cheaper.
        if (ids.size() > 256 && ids.size() > sink.size(kind) / 4) {
            deliver_all(impl.db, kind, sink);
            if (kind == EntityKind::kGraduates) erased = false;
        } else {
            for (const std::string& id : ids)
                deliver_one(impl.db, impl.point_reads, kind, id, sink);
        }
        position.changed += ids.size();
    }
    if (erased) {
        std::vector<std::string> ids;
        Statement& all = impl.statement("SELECT id FROM graduates ORDER BY id");
        while (all.step()) ids.emplace_back(all.column_text(0));
        all.reset();
        sink.retain(EntityKind::kGraduates, ids);
        ++position.changed;
    }
    return position;
}

}  // namespace talentmatch::store
