// The SQLite schema, its versions and the forward migrations.
#pragma once

#include <string>

#include "store/sqlite_db.h"

namespace dyad::detail {

/// The schema version this build writes (PRAGMA user_version).
constexpr int kSqliteSchemaVersion = 4;

/// The SQL that creates schema version 1 (kept so tests can build an old store).
const char* sqlite_schema_v1();
/// The SQL of the v1 -> v2 step (tests build a v2 store with v1 + this).
const char* sqlite_migration_v2();
/// The SQL of the v2 -> v3 step (tests build a v3 store with v1 + v2 + this).
const char* sqlite_migration_v3();

/// Creates the schema in an empty database or migrates an older one to
/// kSqliteSchemaVersion, one version step per transaction. Throws dyad::Error
/// for a store written by a newer dyad.
void sqlite_migrate(SqliteDb& db);

/// Whether the query indexes exist (over `events`: date, dyad, source, target,
/// PLOVER; over `mentions`: article): a bulk load drops them until it ends (or
/// a crash interrupts it and the next open() rebuilds them).
bool sqlite_query_indexes_complete(SqliteDb& db);
/// Drops / (re)creates those indexes with their planner statistics; run
/// inside the caller's transaction. Creating is a no-op for those present.
void sqlite_drop_query_indexes(SqliteDb& db);
void sqlite_create_query_indexes(SqliteDb& db);

/// The dedup key's UNIQUE index `events_key`: a bulk load into an empty store
/// drops it and dedups in memory (sqlite_bulk.cpp). Creating it throws
/// dyad::Error naming the duplicate keys' cause if `events` holds any.
bool sqlite_has_dedup_index(SqliteDb& db);
void sqlite_drop_dedup_index(SqliteDb& db);
void sqlite_create_dedup_index(SqliteDb& db);

}  // namespace dyad::detail
