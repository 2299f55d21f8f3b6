#pragma once
// Internal to the store library: read connections lent to point reads and
// pages (get_*, list_*, API key lookups), so many threads read at once
// instead of queueing on the Store's one writer connection and its mutex.
//
// Each ReadConnection is its own SQLite connection on the Store's file with its own
// prepared statements (StatementCache). WAL lets readers run beside the
// writer; a read transaction begun after a write committed sees that write,
// so a caller reads its own acknowledged writes. A thread inside its own
// open write transaction must NOT use a reader (it would not see its
// uncommitted rows): callers check Database::writer_thread() first.
//
// Connections are opened on demand and kept: the pool grows to the peak
// number of concurrent reads (at most the HTTP worker count) and never
// shrinks. Each uses a small page cache plus memory-mapped reads, so the
// file's pages are shared through the OS page cache rather than copied per
// connection.
//
// Thread-safety: acquire() may be called from any thread; a Lease is used by
// one thread and returns its ReadConnection when destroyed.
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/entity_reader.hpp"
#include "store/sqlite_db.hpp"

namespace talentmatch::store {

struct ReadConnection {
    ReadConnection(const std::string& path, int busy_timeout_ms)
        : db(path, Database::Mode::kReadWrite) {
        // query_only: a reader never writes, whatever a bug might ask of it.
        db.exec("PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms) +
                "; PRAGMA query_only = ON; PRAGMA cache_size = -8192;"
                " PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY;");
    }
    Database db;
    StatementCache statements;  // point-read and key-lookup statements, reused
};

class ReaderPool {
  public:
    ReaderPool(std::string path, int busy_timeout_ms)
        : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}
    ReaderPool(const ReaderPool&) = delete;
    ReaderPool& operator=(const ReaderPool&) = delete;

    class Lease {
      public:
        Lease(ReaderPool& pool, std::unique_ptr<ReadConnection> reader)
            : pool_(&pool), reader_(std::move(reader)) {}
        Lease(Lease&& other) noexcept : pool_(other.pool_), reader_(std::move(other.reader_)) {}
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (reader_) pool_->release(std::move(reader_));
        }
        ReadConnection& operator*() { return *reader_; }
        ReadConnection* operator->() { return reader_.get(); }

      private:
        ReaderPool* pool_;
        std::unique_ptr<ReadConnection> reader_;
    };

    // An idle reader, or a newly opened one (throws StoreError if it cannot open).
    Lease acquire() {
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                std::unique_ptr<ReadConnection> reader = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(reader));
            }
        }
        return Lease(*this, std::make_unique<ReadConnection>(path_, busy_timeout_ms_));
    }

  private:
    void release(std::unique_ptr<ReadConnection> reader) {
        // A reader returns with no statement stepping and no transaction
        // open (leases and ReadTransaction end both), so it holds no snapshot.
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(reader));
    }

    std::string path_;
    int busy_timeout_ms_;
    std::mutex mutex_;  // guards idle_
    std::vector<std::unique_ptr<ReadConnection>> idle_;
};

}  // namespace talentmatch::store
