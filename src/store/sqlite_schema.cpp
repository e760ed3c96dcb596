// SQLite schema and forward migrations.
//
// Design: `mentions` keeps every field of every coded Event (one row per
// Event, never merged); `events` is the dedup group (unique key: source code,
// target code, CAMEO code, date, place) with GDELT-style counters, plus copies
// of the first mention's query fields so that list / timeline queries read one
// table through covering indexes:
// (as of v4)
//   event_days    (source_country, target_country, date, quad_class) ->
//                 events, mentions, Goldstein sum: a dyad timeline reads one
//                 key range of this pre-aggregated table (store/day_totals.h);
//   events_dyad   (source_country, target_country, date) -> a dyad page walks
//                 it backwards, sorting only the rows of one date by id, and
//                 stops after the page;
//   events_date / events_source / events_target / events_plover
//                 -> a filtered page "ORDER BY date DESC LIMIT 100" walks an
//                    index backwards and stops after 100 rows.
// Version 2 added the actors table and the FTS5 index over sentences; both are
// rebuilt from the v1 tables by the migration. It also writes fixed planner
// statistics (sqlite_stat1) shaped like a 10M-event store, so the query plans
// are the ones designed here from the first row on, not guesses from an empty
// or skewed table (tests/store_schema_test.cpp checks them).
#include "store/sqlite_schema.h"

#include <iterator>
#include <string>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  outlet_country TEXT,
  date TEXT,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  num_sentences INTEGER NOT NULL DEFAULT 0,
  num_events INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sentences(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE(article_id, idx));
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  source_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  cameo TEXT NOT NULL,
  date TEXT NOT NULL,
  place TEXT NOT NULL,
  source_country TEXT NOT NULL DEFAULT '',
  source_sector TEXT NOT NULL DEFAULT '',
  target_country TEXT NOT NULL DEFAULT '',
  target_sector TEXT NOT NULL DEFAULT '',
  root TEXT NOT NULL DEFAULT '',
  plover TEXT NOT NULL DEFAULT '',
  quad_class INTEGER NOT NULL DEFAULT 0,
  goldstein REAL NOT NULL DEFAULT 0,
  modality TEXT NOT NULL DEFAULT '',
  date_precision TEXT NOT NULL DEFAULT '',
  place_country TEXT NOT NULL DEFAULT '',
  place_text TEXT NOT NULL DEFAULT '',
  num_mentions INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  num_articles INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT NOT NULL DEFAULT '',
  last_seen TEXT NOT NULL DEFAULT '',
  first_mention INTEGER);
CREATE UNIQUE INDEX events_key ON events(source_code, target_code, cameo, date, place);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad ON events(source_country, target_country, date, quad_class, goldstein);
CREATE INDEX events_dyad_page ON events(source_country, target_country, date);
CREATE INDEX events_source ON events(source_country, date);
CREATE INDEX events_target ON events(target_country, date);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  outlet TEXT NOT NULL DEFAULT '',
  sentence INTEGER NOT NULL, sentence_start INTEGER, sentence_end INTEGER,
  src_code TEXT, src_country TEXT, src_sector TEXT, src_text TEXT, src_start INTEGER, src_end INTEGER,
  src_via TEXT, src_person TEXT, src_ante_start INTEGER, src_ante_end INTEGER, src_word INTEGER,
  tgt_code TEXT, tgt_country TEXT, tgt_sector TEXT, tgt_text TEXT, tgt_start INTEGER, tgt_end INTEGER,
  tgt_via TEXT, tgt_person TEXT, tgt_ante_start INTEGER, tgt_ante_end INTEGER, tgt_word INTEGER,
  cameo TEXT NOT NULL, label TEXT, plover TEXT, mode TEXT, context TEXT, goldstein REAL, quad_class INTEGER,
  trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER,
  date TEXT, date_precision TEXT, date_is_publication INTEGER, date_cue TEXT, date_cue_start INTEGER,
  date_cue_end INTEGER,
  place_text TEXT, place_start INTEGER, place_end INTEGER, place_country TEXT, place_kind TEXT,
  modality TEXT NOT NULL,
  att_code TEXT, att_country TEXT, att_sector TEXT, att_text TEXT, att_start INTEGER, att_end INTEGER,
  att_via TEXT, att_person TEXT, att_ante_start INTEGER, att_ante_end INTEGER, att_word INTEGER,
  rule TEXT, confidence REAL, outlet_partisan INTEGER, explanation TEXT);
CREATE INDEX mentions_event ON mentions(event_id, outlet, article_id);
CREATE INDEX mentions_article ON mentions(article_id, sentence);
)SQL";

constexpr const char* kMigrateV1toV2 = R"SQL(
CREATE TABLE actors(
  code TEXT PRIMARY KEY,
  country TEXT NOT NULL DEFAULT '',
  sector TEXT NOT NULL DEFAULT '',
  as_source INTEGER NOT NULL DEFAULT 0,
  as_target INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO actors(code, country, sector, as_source, as_target)
  SELECT code, max(coalesce(country, '')), max(coalesce(sector, '')), sum(s), sum(t) FROM (
    SELECT src_code AS code, src_country AS country, src_sector AS sector, 1 AS s, 0 AS t
      FROM mentions WHERE src_code IS NOT NULL AND src_code <> ''
    UNION ALL
    SELECT tgt_code, tgt_country, tgt_sector, 0, 1 FROM mentions WHERE tgt_code IS NOT NULL AND tgt_code <> '')
  GROUP BY code;
CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentences', content_rowid='id');
INSERT INTO sentence_fts(sentence_fts) VALUES('rebuild');
ANALYZE sqlite_schema;
DELETE FROM sqlite_stat1;
INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES
  ('events', 'events_key', '10000000 1000 20 5 1 1'),
  ('events', 'events_date', '10000000 3000'),
  ('events', 'events_dyad', '10000000 200000 2000 200 50 2'),
  ('events', 'events_dyad_page', '10000000 200000 2000 200'),
  ('events', 'events_source', '10000000 200000 50'),
  ('events', 'events_target', '10000000 200000 50'),
  ('events', 'events_cameo', '10000000 100000 30'),
  ('events', 'events_plover', '10000000 500000 150'),
  ('mentions', 'mentions_event', '20000000 2 1 1'),
  ('mentions', 'mentions_article', '20000000 10 1'),
  ('sentences', 'sqlite_autoindex_sentences_1', '10000000 10 1'),
  ('articles', 'sqlite_autoindex_articles_1', '1000000 1');
ANALYZE sqlite_schema;
)SQL";

// v3: the gazetteer's Place fields (name, ISO 3166-2 admin1 and its name,
// WGS84 point) get mention columns instead of being dropped. Index changes
// for write speed and the 10M-event timeline: events_cameo is gone (CAMEO
// prefixes walk events_date, so nothing used it); events_dyad also carries
// num_mentions so a dyad timeline never touches the table; events_dyad_page
// is gone (a dyad page walks events_dyad, sorting only within one date).
// Every index dropped is one b-tree less to update per new event.
constexpr const char* kMigrateV2toV3 = R"SQL(
ALTER TABLE mentions ADD COLUMN place_name TEXT;
ALTER TABLE mentions ADD COLUMN place_admin1 TEXT;
ALTER TABLE mentions ADD COLUMN place_admin1_name TEXT;
ALTER TABLE mentions ADD COLUMN place_lat REAL;
ALTER TABLE mentions ADD COLUMN place_lon REAL;
DROP INDEX events_cameo;
DROP INDEX events_dyad_page;
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_country, target_country, date, quad_class, goldstein, num_mentions);
DELETE FROM sqlite_stat1 WHERE idx IN ('events_cameo', 'events_dyad_page', 'events_dyad');
INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES ('events', 'events_dyad', '10000000 200000 2000 200 50 2 2');
ANALYZE sqlite_schema;
)SQL";

// v4: event_days, the timeline's pre-aggregated table (store/day_totals.h),
// filled here from the existing events and kept in step by the writer. The
// timeline no longer reads events_dyad, so it shrinks to the dyad page's key:
// a repeated mention's num_mentions bump no longer rewrites an index entry,
// and every new event writes a narrower one. The INSERT runs before the index
// is dropped: it reads events_dyad in key order (one pass, no sort).
constexpr const char* kMigrateV3toV4 = R"SQL(
CREATE TABLE event_days(
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  date TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  events INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  PRIMARY KEY(source_country, target_country, date, quad_class)) WITHOUT ROWID;
INSERT INTO event_days(source_country, target_country, date, quad_class, events, mentions, goldstein_sum)
  SELECT source_country, target_country, date, quad_class, count(*), sum(num_mentions), sum(goldstein)
  FROM events GROUP BY source_country, target_country, date, quad_class;
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_country, target_country, date);
DELETE FROM sqlite_stat1 WHERE idx IN ('events_dyad', 'event_days');
INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES
  ('events', 'events_dyad', '10000000 200000 2000'),
  ('event_days', 'event_days', '3000000 50000 1000 1 1');
ANALYZE sqlite_schema;
)SQL";

// The query indexes a bulk load defers (docs/store.md, "Bulk loading"): the page
// queries walk them, the writer never reads them, and each new event costs one
// random b-tree insert (and, at COMMIT, one dirty page) per index. Built by
// sorting at the end of the load instead, with the same definitions and
// planner statistics as the v4 schema (the migrations above stay as written:
// they are history; a test compares the two). mentions_article (an article's
// mentions) is read by the article pages only; the writer's dedup probes use
// mentions_event, which stays.
struct QueryIndex {
  const char* name;
  const char* table;
  const char* columns;
  const char* stat;  // sqlite_stat1, as the migrations wrote it
};
constexpr QueryIndex kQueryIndexes[] = {
    {"events_date", "events", "date", "10000000 3000"},
    {"events_dyad", "events", "source_country, target_country, date", "10000000 200000 2000"},
    {"events_source", "events", "source_country, date", "10000000 200000 50"},
    {"events_target", "events", "target_country, date", "10000000 200000 50"},
    {"events_plover", "events", "plover, date", "10000000 500000 150"},
    {"mentions_article", "mentions", "article_id, sentence", "20000000 10 1"}};

// "('events_date', ...)": the names as an SQL list (our constants, safe to splice).
std::string query_index_names() {
  std::string out;
  for (const QueryIndex& q : kQueryIndexes) out += (out.empty() ? "('" : ", '") + std::string(q.name) + "'";
  return out + ")";
}

std::string create_query_indexes_sql() {
  std::string sql;
  std::string stats;
  for (const QueryIndex& q : kQueryIndexes) {
    sql += std::string("CREATE INDEX IF NOT EXISTS ") + q.name + " ON " + q.table + "(" + q.columns + ");\n";
    stats += std::string(stats.empty() ? "" : ",\n") + "  ('" + q.table + "', '" + q.name + "', '" + q.stat + "')";
  }
  return sql + "DELETE FROM sqlite_stat1 WHERE idx IN " + query_index_names() +
         ";\nINSERT INTO sqlite_stat1(tbl, idx, stat) VALUES\n" + stats + ";\nANALYZE sqlite_schema;\n";
}

std::string drop_query_indexes_sql() {
  std::string sql;
  for (const QueryIndex& q : kQueryIndexes) sql += std::string("DROP INDEX IF EXISTS ") + q.name + ";\n";
  return sql + "ANALYZE sqlite_schema;\n";
}

int user_version(SqliteDb& db) {
  SqliteStmt st = db.prepare("PRAGMA user_version");
  return st.step() ? static_cast<int>(st.int64(0)) : 0;
}

void step_to(SqliteDb& db, int version, const char* sql) {
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(sql);
    db.exec("PRAGMA user_version = " + std::to_string(version));  // an int we chose, not user text
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

}  // namespace

const char* sqlite_schema_v1() { return kSchemaV1; }
const char* sqlite_migration_v2() { return kMigrateV1toV2; }
const char* sqlite_migration_v3() { return kMigrateV2toV3; }

void sqlite_migrate(SqliteDb& db) {
  int v = user_version(db);
  if (v > kSqliteSchemaVersion) {
    throw Error(db.path() + ": store schema version " + std::to_string(v) + " is newer than this dyad (" +
                std::to_string(kSqliteSchemaVersion) + "); upgrade dyad");
  }
  if (v == 0) {
    // An empty file, or a foreign database: refuse to write into the latter.
    SqliteStmt st = db.prepare("SELECT count(*) FROM sqlite_schema");
    if (st.step() && st.int64(0) > 0) {
      throw Error(db.path() + ": not a dyad store (it has tables but no dyad schema version)");
    }
    step_to(db, 1, kSchemaV1);
    v = 1;
  }
  if (v == 1) {
    step_to(db, 2, kMigrateV1toV2);
    v = 2;
  }
  if (v == 2) {
    step_to(db, 3, kMigrateV2toV3);
    v = 3;
  }
  if (v == 3) step_to(db, 4, kMigrateV3toV4);
}

bool sqlite_query_indexes_complete(SqliteDb& db) {
  SqliteStmt st = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN " +
                             query_index_names());
  return st.step() && st.int64(0) == static_cast<std::int64_t>(std::size(kQueryIndexes));
}

void sqlite_drop_query_indexes(SqliteDb& db) { db.exec(drop_query_indexes_sql()); }

void sqlite_create_query_indexes(SqliteDb& db) { db.exec(create_query_indexes_sql()); }

bool sqlite_has_dedup_index(SqliteDb& db) {
  SqliteStmt st = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'events_key'");
  return st.step() && st.int64(0) > 0;
}

// DROP INDEX also deletes the index's sqlite_stat1 row; creating it writes the
// v1 schema's row back, so the planner sees what a fresh store has.
void sqlite_drop_dedup_index(SqliteDb& db) { db.exec("DROP INDEX IF EXISTS events_key; ANALYZE sqlite_schema;"); }

void sqlite_create_dedup_index(SqliteDb& db) {
  if (sqlite_has_dedup_index(db)) return;
  try {
    db.exec("CREATE UNIQUE INDEX events_key ON events(source_code, target_code, cameo, date, place)");
  } catch (const Error& e) {
    throw Error(db.path() + ": events holds two dedup groups with the same key, so events_key cannot be rebuilt (" +
                e.what() + "); a bulk load into an empty store must be the store's only writer until it ends");
  }
  db.exec("DELETE FROM sqlite_stat1 WHERE idx = 'events_key'; INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES "
          "('events', 'events_key', '10000000 1000 20 5 1 1'); ANALYZE sqlite_schema;");
}

}  // namespace dyad::detail
