// The PostgreSQL EventStore backend (internal; use EventStore::open).
//
// Same tables, columns, dedup semantics and query results as the SQLite
// backend (docs/store.md); types adapted (bigint ids, double precision, text
// COLLATE "C" so ordering and prefix ranges compare bytes as SQLite does), and
// full-text search through a generated tsvector column with a GIN index.
#pragma once

#include <memory>
#include <string>

#include "dyad/store.h"
#include "store/day_totals.h"
#include "store/pg_db.h"

namespace dyad::detail {

/// The schema version this build writes (same layout number as SQLite's).
constexpr int kPgSchemaVersion = 4;

/// Creates or migrates the schema in the connection's first search_path schema.
void pg_migrate(PgConn& db);
/// Whether the five query indexes over `events` exist (a bulk load drops them).
bool pg_query_indexes_complete(PgConn& db);
/// Drop / (re)create them, inside the caller's transaction.
void pg_drop_query_indexes(PgConn& db);
void pg_create_query_indexes(PgConn& db);

class PgStore final : public EventStore {
 public:
  explicit PgStore(const std::string& url);

  bool has_article(const std::string& content_hash) override;
  StoreResult add_article(const Article& article, const CodedArticle& coded) override;
  std::vector<StoreResult> add_articles(const std::vector<const Article*>& articles,
                                        const std::vector<const CodedArticle*>& coded) override;
  EventPage events(const EventFilter& filter, int limit, const std::string& cursor) override;
  void for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) override;
  std::vector<Event> mentions(std::int64_t event_id) override;
  std::vector<TimelineBucket> timeline(const EventFilter& filter, const std::string& by) override;
  ActorReport actors(const EventFilter& filter, int limit) override;
  std::vector<MentionGroup> regroup(const std::vector<std::string>& keys, int min_mentions) override;
  StoreStats stats() override;
  ArticlePage articles(const ArticleFilter& filter, int limit, const std::string& cursor) override;
  std::optional<StoredArticle> article(std::int64_t id) override;
  CountryReport countries(const EventFilter& filter, int dyad_limit) override;
  void begin_bulk_load() override;
  void end_bulk_load() override;

  PgConn& db() { return db_; }

 private:
  std::vector<StoreResult> write_batch(const std::vector<const Article*>& articles,
                                       const std::vector<const CodedArticle*>& coded);
  void upsert_days(const DayDeltas& days);
  void under_writer_lock(void (*body)(PgConn&));
  PgConn db_;
  bool bulk_ = false;             // begin_bulk_load() ... end_bulk_load()
  bool indexes_complete_ = true;  // false after an interrupted bulk load, until rebuilt
};

/// Appends the mention columns (kMentionColumns order) of `e` as one COPY row.
void copy_mention(std::string& out, std::int64_t id, std::int64_t event_id, std::int64_t article_id,
                  const std::string& outlet, const Event& e);
/// Restores an Event from the mention columns starting at result column `first`.
Event read_pg_mention(const PgResult& r, int row, int first);

/// Translates the FTS5-style query syntax (words, word*, "phrases", AND, OR,
/// NOT, parentheses) into a tsquery string; throws dyad::Error on bad syntax.
std::string fts_to_tsquery(const std::string& query);

}  // namespace dyad::detail
