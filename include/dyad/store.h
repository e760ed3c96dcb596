// dyad — the event store: coded articles in, deduplicated events out.
//
// One abstract interface, two backends: SQLite (a single file, the default)
// and PostgreSQL (shared deployments). The CLI (`dyad ingest/events/timeline/
// actors/export`) and the HTTP server call these same functions.
//
// Data model (docs/store.md): an article is stored once per content hash with
// its sentences; every coded Event is kept as a *mention* (all of its fields,
// nothing dropped); mentions with the same dedup key (source code, target code,
// CAMEO code, date, place) share one *event* row carrying GDELT-style counts
// (num_mentions, num_sources = distinct outlets, num_articles, first/last seen).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dyad/engine.h"
#include "dyad/event.h"

namespace dyad {

/// The content hash that makes ingest idempotent: SHA-256 (hex) of
/// outlet + NUL + text, so one wire story printed by two outlets counts twice
/// (two sources) but the same file ingested twice is skipped.
std::string article_content_hash(const Article& article);

/// Result of storing one article.
struct StoreResult {
  bool stored = false;          ///< False: an article with the same hash was already there.
  std::int64_t article_id = 0;
  std::size_t events = 0;       ///< Mentions written.
  std::size_t new_events = 0;   ///< Of which opened a new dedup group.
};

/// Filters shared by events / timeline / export. Empty = no constraint.
/// Actor filters take a code prefix ("FRAGOV", "FRA", "IGO"): a bare
/// three-letter upper-case value is matched against the actor's country.
struct EventFilter {
  std::string actor;        ///< Source or target.
  std::string source;
  std::string target;
  std::string cameo;        ///< Exact code or root/base prefix ("1", "16", "166").
  std::string plover;
  std::string modality;
  std::string from;         ///< Event date >= from (YYYY-MM-DD).
  std::string to;           ///< Event date <= to.
  std::string place;        ///< Place country (ISO3) or place name.
  std::string outlet;       ///< Some mention comes from this outlet.
  std::string text;         ///< FTS5 query over the sentences of the mentions.
};

/// Parses "AZE:FRA" into filter.source / filter.target; throws on a bad form.
void set_dyad(EventFilter& filter, const std::string& dyad);

/// One deduplicated event with its first mention (all Event fields).
struct StoredEvent {
  std::int64_t id = 0;
  Event event;              ///< The first mention, fully restored (doc, sentence_text, spans...).
  std::string root;         ///< CAMEO root ("16").
  std::string place;        ///< Dedup place key ("" or "FRA:Paris").
  int num_mentions = 0;
  int num_sources = 0;
  int num_articles = 0;
  std::string first_seen;   ///< Earliest / latest publication date of a mention.
  std::string last_seen;
  std::int64_t article_id = 0;  ///< Article of the first mention.
  std::string url;
  std::string title;
  std::string ingested_at;  ///< Of that article, "YYYY-MM-DD HH:MM:SS" UTC.
};

struct EventPage {
  std::vector<StoredEvent> events;  ///< Newest first (date, then id, descending).
  std::string next_cursor;          ///< Empty when this was the last page.
};

struct TimelineBucket {
  std::string period;          ///< First day of the bucket, YYYY-MM-DD.
  std::int64_t events = 0;
  std::int64_t mentions = 0;
  std::int64_t quad[4] = {0, 0, 0, 0};  ///< Events per quad class 1..4.
  double goldstein_sum = 0.0;
  double goldstein_mean = 0.0;
};

struct ActorCount {
  std::string code;          ///< Actor code, or "SRC:TGT" for a dyad.
  std::int64_t events = 0;
  std::int64_t mentions = 0;
};

struct ActorReport {
  std::vector<ActorCount> actors;
  std::vector<ActorCount> dyads;
};

/// A group of mentions under a caller-chosen dedup key (`dyad dedup --keys`).
struct MentionGroup {
  std::vector<std::string> key;  ///< Values in the order of the requested keys.
  std::int64_t num_mentions = 0;
  std::int64_t num_sources = 0;
  std::int64_t num_articles = 0;
  std::string first_seen;
  std::string last_seen;
};

/// Keys accepted by EventStore::regroup.
const std::vector<std::string>& dedup_key_names();

struct StoreStats {
  std::int64_t articles = 0;
  std::int64_t sentences = 0;
  std::int64_t events = 0;
  std::int64_t mentions = 0;
  std::int64_t actors = 0;
  int schema_version = 0;
};

/// Filters of the article list (`GET /v1/articles`). Empty = no constraint.
struct ArticleFilter {
  std::string outlet;  ///< Exact outlet name.
  std::string from;    ///< Publication date >= from (YYYY-MM-DD); undated articles are then excluded.
  std::string to;      ///< Publication date <= to.
  std::string text;    ///< Full-text query over the article's sentences (same syntax as EventFilter::text).
};

/// One stored article without its text (list rows).
struct ArticleSummary {
  std::int64_t id = 0;
  std::string doc_id;                ///< Article::id as given at ingest.
  std::string title;
  std::string url;
  std::string outlet;
  std::optional<std::string> date;   ///< Publication date, if known.
  std::string ingested_at;           ///< "YYYY-MM-DD HH:MM:SS" UTC.
  std::int64_t sentences = 0;
  std::int64_t events = 0;           ///< Mentions coded in it.
};

struct ArticlePage {
  std::vector<ArticleSummary> articles;  ///< Most recently stored first (id descending).
  std::string next_cursor;               ///< Empty when this was the last page.
};

/// One coded event of an article: the mention as the coder wrote it, plus the
/// dedup group (StoredEvent::id) it was counted in.
struct ArticleMention {
  std::int64_t event_id = 0;
  Event event;  ///< Spans are byte offsets into StoredArticle::text.
};

struct StoredArticle {
  ArticleSummary info;
  std::string text;                       ///< The coded text (offsets index it).
  std::vector<ArticleMention> mentions;   ///< In sentence order (insertion order).
};

/// Per-country counts for a map: countries are actor countries (ISO3).
struct CountryCount {
  std::string country;
  std::int64_t events = 0;     ///< Events with this country as source or target (counted once).
  std::int64_t as_source = 0;
  std::int64_t as_target = 0;
};

struct CountryDyad {
  std::string source;  ///< Source actor country.
  std::string target;  ///< Target actor country (may equal source: domestic events).
  std::int64_t events = 0;
};

struct CountryReport {
  std::vector<CountryCount> countries;  ///< All countries with events, most events first.
  std::vector<CountryDyad> dyads;       ///< Country pairs, most events first, at most `dyad_limit`.
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  /// "sqlite:PATH", a plain PATH (SQLite), or "postgresql://..." / "postgres://...".
  /// Creates the schema or migrates an older one forward; throws dyad::Error.
  static std::unique_ptr<EventStore> open(const std::string& url);

  virtual bool has_article(const std::string& content_hash) = 0;

  /// Stores one coded article (article row, sentences, mentions, dedup groups,
  /// actor counts) in one transaction: all of it or nothing.
  virtual StoreResult add_article(const Article& article, const CodedArticle& coded) = 0;

  /// Several articles in one transaction (faster); each is still whole.
  virtual std::vector<StoreResult> add_articles(const std::vector<const Article*>& articles,
                                                const std::vector<const CodedArticle*>& coded) = 0;

  // --- bulk loading ---

  /// Starts a bulk load: defers what can be rebuilt from the stored rows in
  /// one pass at end_bulk_load(): the query indexes (SQLite and PostgreSQL)
  /// and, on SQLite, also the full-text rows and the timeline's `event_days`
  /// (docs/store.md, "Bulk loading"). Each batch still commits whole (an
  /// article reported stored is stored); dedup and counters stay exact; pages
  /// and timelines stay correct, only slower (they scan), but on SQLite
  /// full-text search does not see the load's articles until it ends. Worth
  /// it when the load is a large part of the store (an initial import). A
  /// load that never ends (crash, or the store closed without end) is
  /// finished by the next open() of the store (SQLite; PostgreSQL: the next
  /// add_articles() outside a bulk load). SQLite throws dyad::Error if
  /// another process or store object is bulk-loading the same file.
  virtual void begin_bulk_load() = 0;
  /// Builds what the load deferred (idempotent; also finishes an interrupted
  /// load, unless another store object is still running it).
  virtual void end_bulk_load() = 0;

  /// A page of events, newest first; pass page.next_cursor back for the next one.
  virtual EventPage events(const EventFilter& filter, int limit = 100, const std::string& cursor = {}) = 0;

  /// Calls `fn` for every matching event in (date, id) order (exports).
  virtual void for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) = 0;

  /// All mentions of one event, fully restored.
  virtual std::vector<Event> mentions(std::int64_t event_id) = 0;

  /// Counts per period ("day", "week" = ISO week from Monday, "month").
  virtual std::vector<TimelineBucket> timeline(const EventFilter& filter, const std::string& by) = 0;

  /// Top actors and dyads by events in the filter's date range.
  virtual ActorReport actors(const EventFilter& filter, int limit = 20) = 0;

  /// Recomputes the grouping of all mentions under other keys (see dedup_key_names()).
  virtual std::vector<MentionGroup> regroup(const std::vector<std::string>& keys, int min_mentions = 1) = 0;

  virtual StoreStats stats() = 0;

  // --- browsing (HTTP API / dashboard) ---

  /// A page of articles, most recently stored first; pass next_cursor back for
  /// the next one. A cursor not produced by this store throws dyad::Error.
  virtual ArticlePage articles(const ArticleFilter& filter, int limit = 50, const std::string& cursor = {}) = 0;

  /// One article with its text and every coded mention; nullopt if no such id.
  virtual std::optional<StoredArticle> article(std::int64_t id) = 0;

  /// Events per actor country and per country pair, under the event filter.
  virtual CountryReport countries(const EventFilter& filter, int dyad_limit = 100) = 0;
};

}  // namespace dyad
