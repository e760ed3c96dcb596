// The SQLite schema, its versions and the forward migrations.
#pragma once

#include <string>

#include "store/sqlite_db.h"

namespace dyad::detail {

/// The schema version this build writes (PRAGMA user_version).
constexpr int kSqliteSchemaVersion = 3;

/// The SQL that creates schema version 1 (kept so tests can build an old store).
const char* sqlite_schema_v1();
/// The SQL of the v1 -> v2 step (tests build a v2 store with v1 + this).
const char* sqlite_migration_v2();

/// Creates the schema in an empty database or migrates an older one to
/// kSqliteSchemaVersion, one version step per transaction. Throws dyad::Error
/// for a store written by a newer dyad.
void sqlite_migrate(SqliteDb& db);

}  // namespace dyad::detail
