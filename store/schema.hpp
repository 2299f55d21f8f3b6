#pragma once
// The versioned schema. `schema_version` holds one row with the version the
// file is at; kMigrations is the ordered list of steps from an empty file
// (step i brings version i to i+1). Opening a file applies every missing step,
// each in its own transaction; a file newer than this binary knows is refused
// with a StoreError naming both versions (an older binary must not write to
// it).
//
// Version 1 holds every table the whole product needs (entities, API keys,
// batch runs, meta) so the layers never race on migration numbers. Child
// tables are WITHOUT ROWID keyed by (parent id, child key) (a third faster
// and half the size of rowid tables).
//
// Version 2 adds the change log (change_log.hpp): existing v1 files migrate
// by creating the empty table; a reader starting on it does a full load.
//
// Version 4 adds placements (placement outcomes, store_placements.cpp): existing
// files migrate by creating the empty table and its indexes.
//
// Version 5 adds teachers and enterprise projects with their child tables
// (store_skill_lists.cpp), empty on a migrated file.
//
// Version 6 adds innovation demands and research results with their child
// tables (store_skill_lists.cpp), empty on
// a migrated file.
//
// Version 7 adds occupational standards and their requirements
// (store_skill_lists.cpp), empty on a migrated file.
//
// No SQL foreign keys: the Store deletes an entity's child rows itself (one
// function per entity, erase_rows in store_<entity>.cpp) and checks
// references between entities through validation and ConflictError: SQLite's
// per-row foreign-key check multiplied the CPU cost of child inserts, the bulk
// of a job import (bench/store_insert_bench; figures in the commit that made
// the choice). The store is the only writer, so nothing else can orphan a row; and
// the merged scans skip any orphan anyway. foreign_keys stays ON for any
// later migration that declares one.
#include <string>
#include <vector>

#include "store/sqlite_db.hpp"

namespace talentmatch::store {

// The SQL of each migration step, in order. The size is the newest version.
const std::vector<std::string>& migrations();
int latest_schema_version();

// Sets the connection PRAGMAs: journal_mode=WAL, synchronous=FULL,
// foreign_keys=ON, secure_delete=ON, busy_timeout.
void configure_connection(Database& db, int busy_timeout_ms);

// The version the file is at (0 for an empty file).
int schema_version(Database& db);

// Brings the file to latest_schema_version(); throws StoreError if the file is
// newer than that. Then adds any entity column a Description states that the
// file lacks (entity_row.hpp: a field added since). Returns the version the
// file was at before.
int migrate(Database& db);

}  // namespace talentmatch::store
