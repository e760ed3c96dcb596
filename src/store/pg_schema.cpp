// PostgreSQL schema and forward migrations.
//
// The layout is SQLite's schema v3 (docs/store.md) with adapted types: bigint
// ids assigned by the single writer (like SQLite rowids), double precision,
// and text COLLATE "C" so that ORDER BY, min/max and the prefix ranges of the
// filters compare bytes exactly as SQLite does (a database created with, say,
// en_US.UTF-8 would otherwise order codes and names differently). Full-text
// search is a generated tsvector column ('simple' configuration: lower-cased
// words, no stemming, like FTS5's unicode61 tokenizer) with a GIN index.
// Page indexes end in `id` so "ORDER BY date DESC, id DESC LIMIT n" walks one
// index backwards; a country timeline reads event_days (v4).
//
// The version lives in table dyad_schema; versions start at 3 (the first
// layout PostgreSQL stores ever had); later steps append to kSteps.
#include <iterator>
#include <string>

#include "dyad/error.h"
#include "store/pg_store.h"

namespace dyad::detail {
namespace {

constexpr const char* kSchemaV3 = R"SQL(
CREATE TABLE articles(
  id bigint PRIMARY KEY,
  hash text COLLATE "C" NOT NULL UNIQUE,
  doc_id text COLLATE "C" NOT NULL,
  url text COLLATE "C" NOT NULL DEFAULT '',
  title text COLLATE "C" NOT NULL DEFAULT '',
  outlet text COLLATE "C" NOT NULL DEFAULT '',
  outlet_country text COLLATE "C",
  date text COLLATE "C",
  text text NOT NULL,
  ingested_at text COLLATE "C" NOT NULL,
  num_sentences integer NOT NULL DEFAULT 0,
  num_events integer NOT NULL DEFAULT 0);
CREATE TABLE sentences(
  id bigint PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  start integer NOT NULL,
  "end" integer NOT NULL,
  text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED,
  UNIQUE(article_id, idx));
CREATE INDEX sentences_tsv ON sentences USING gin(tsv);
CREATE TABLE events(
  id bigint PRIMARY KEY,
  source_code text COLLATE "C" NOT NULL,
  target_code text COLLATE "C" NOT NULL,
  cameo text COLLATE "C" NOT NULL,
  date text COLLATE "C" NOT NULL,
  place text COLLATE "C" NOT NULL,
  source_country text COLLATE "C" NOT NULL DEFAULT '',
  source_sector text COLLATE "C" NOT NULL DEFAULT '',
  target_country text COLLATE "C" NOT NULL DEFAULT '',
  target_sector text COLLATE "C" NOT NULL DEFAULT '',
  root text COLLATE "C" NOT NULL DEFAULT '',
  plover text COLLATE "C" NOT NULL DEFAULT '',
  quad_class integer NOT NULL DEFAULT 0,
  goldstein double precision NOT NULL DEFAULT 0,
  modality text COLLATE "C" NOT NULL DEFAULT '',
  date_precision text COLLATE "C" NOT NULL DEFAULT '',
  place_country text COLLATE "C" NOT NULL DEFAULT '',
  place_text text COLLATE "C" NOT NULL DEFAULT '',
  num_mentions integer NOT NULL DEFAULT 0,
  num_sources integer NOT NULL DEFAULT 0,
  num_articles integer NOT NULL DEFAULT 0,
  first_seen text COLLATE "C" NOT NULL DEFAULT '',
  last_seen text COLLATE "C" NOT NULL DEFAULT '',
  first_mention bigint);
CREATE UNIQUE INDEX events_key ON events(source_code, target_code, cameo, date, place);
CREATE INDEX events_date ON events(date, id);
CREATE INDEX events_dyad ON events(source_country, target_country, date, id)
  INCLUDE (quad_class, goldstein, num_mentions);
CREATE INDEX events_source ON events(source_country, date, id);
CREATE INDEX events_target ON events(target_country, date, id);
CREATE INDEX events_plover ON events(plover, date, id);
CREATE TABLE mentions(
  id bigint PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES events(id),
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  outlet text COLLATE "C" NOT NULL DEFAULT '',
  sentence integer NOT NULL, sentence_start integer, sentence_end integer,
  src_code text COLLATE "C", src_country text COLLATE "C", src_sector text COLLATE "C", src_text text,
  src_start integer, src_end integer, src_via text, src_person text, src_ante_start integer, src_ante_end integer,
  src_word integer,
  tgt_code text COLLATE "C", tgt_country text COLLATE "C", tgt_sector text COLLATE "C", tgt_text text,
  tgt_start integer, tgt_end integer, tgt_via text, tgt_person text, tgt_ante_start integer, tgt_ante_end integer,
  tgt_word integer,
  cameo text COLLATE "C" NOT NULL, label text, plover text COLLATE "C", mode text, context text,
  goldstein double precision, quad_class integer,
  trigger_text text, trigger_start integer, trigger_end integer,
  date text COLLATE "C", date_precision text, date_is_publication integer, date_cue text,
  date_cue_start integer, date_cue_end integer,
  place_text text COLLATE "C", place_start integer, place_end integer, place_country text COLLATE "C",
  place_kind text,
  modality text COLLATE "C" NOT NULL,
  att_code text, att_country text, att_sector text, att_text text, att_start integer, att_end integer,
  att_via text, att_person text, att_ante_start integer, att_ante_end integer, att_word integer,
  rule text, confidence double precision, outlet_partisan integer, explanation text,
  place_name text, place_admin1 text, place_admin1_name text, place_lat double precision,
  place_lon double precision);
CREATE INDEX mentions_event ON mentions(event_id, outlet, article_id);
CREATE INDEX mentions_article ON mentions(article_id, sentence);
CREATE TABLE actors(
  code text COLLATE "C" PRIMARY KEY,
  country text COLLATE "C" NOT NULL DEFAULT '',
  sector text COLLATE "C" NOT NULL DEFAULT '',
  as_source bigint NOT NULL DEFAULT 0,
  as_target bigint NOT NULL DEFAULT 0);
)SQL";

// v4 (as SQLite's v4): event_days, the timeline's pre-aggregated table
// (store/day_totals.h), filled from the existing events; events_dyad keeps
// only the dyad page's key, so a num_mentions bump is a HOT update again.
constexpr const char* kMigrateV3toV4 = R"SQL(
CREATE TABLE event_days(
  source_country text COLLATE "C" NOT NULL,
  target_country text COLLATE "C" NOT NULL,
  date text COLLATE "C" NOT NULL,
  quad_class integer NOT NULL,
  events bigint NOT NULL,
  mentions bigint NOT NULL,
  goldstein_sum double precision NOT NULL,
  PRIMARY KEY(source_country, target_country, date, quad_class));
INSERT INTO event_days(source_country, target_country, date, quad_class, events, mentions, goldstein_sum)
  SELECT source_country, target_country, date, quad_class, count(*), sum(num_mentions), sum(goldstein)
  FROM events GROUP BY source_country, target_country, date, quad_class;
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events(source_country, target_country, date, id);
)SQL";

struct Step {
  int version;
  const char* sql;
};
// The query indexes a bulk load defers (as SQLite's; docs/store.md, "Bulk
// loading"), with the v4 definitions (the migrations stay as written; a test
// compares the two). ANALYZE afterwards: a bulk load changes
// the table's statistics more than autovacuum notices in time.
struct QueryIndex {
  const char* name;
  const char* columns;  // all on `events`
};
constexpr QueryIndex kQueryIndexes[] = {{"events_date", "date, id"},
                                        {"events_dyad", "source_country, target_country, date, id"},
                                        {"events_source", "source_country, date, id"},
                                        {"events_target", "target_country, date, id"},
                                        {"events_plover", "plover, date, id"}};

std::string create_query_indexes_sql() {
  std::string sql;
  for (const QueryIndex& q : kQueryIndexes) {
    sql += std::string("CREATE INDEX IF NOT EXISTS ") + q.name + " ON events(" + q.columns + ");\n";
  }
  return sql + "ANALYZE events;\n";
}

// "events_date, events_dyad, ..." (our constants, safe to splice).
std::string query_index_names(const char* quote) {
  std::string out;
  for (const QueryIndex& q : kQueryIndexes) out += (out.empty() ? "" : ", ") + (quote + std::string(q.name) + quote);
  return out;
}

constexpr Step kSteps[] = {{3, kSchemaV3}, {4, kMigrateV3toV4}};

}  // namespace

void pg_migrate(PgConn& db) {
  db.exec("BEGIN");
  try {
    // One migrating process at a time; the others wait here, then see the new version.
    db.exec("SELECT pg_advisory_xact_lock(7406893113)");
    db.exec("CREATE TABLE IF NOT EXISTS dyad_schema(version integer NOT NULL)");
    PgResult r = db.query("SELECT max(version) FROM dyad_schema");
    int v = static_cast<int>(r.int64(0, 0));
    if (v > kPgSchemaVersion) {
      throw Error(db.where() + ": store schema version " + std::to_string(v) + " is newer than this dyad (" +
                  std::to_string(kPgSchemaVersion) + "); upgrade dyad");
    }
    if (v == 0 && !db.query("SELECT to_regclass('articles')").is_null(0, 0)) {
      throw Error(db.where() + ": not a dyad store (it has an 'articles' table but no dyad schema version); "
                  "use another database or schema (options=-csearch_path=...)");
    }
    for (const Step& s : kSteps) {
      if (s.version <= v) continue;
      db.exec(s.sql);
      db.query("DELETE FROM dyad_schema");
      db.query("INSERT INTO dyad_schema(version) VALUES($1)", PgParams().add(s.version));
      v = s.version;
    }
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

bool pg_query_indexes_complete(PgConn& db) {
  PgResult r = db.query("SELECT count(to_regclass(n)) FROM unnest(ARRAY[" + query_index_names("'") + "]) AS n");
  return r.int64(0, 0) == static_cast<std::int64_t>(std::size(kQueryIndexes));
}

void pg_drop_query_indexes(PgConn& db) { db.exec("DROP INDEX IF EXISTS " + query_index_names("")); }

void pg_create_query_indexes(PgConn& db) { db.exec(create_query_indexes_sql()); }

}  // namespace dyad::detail
