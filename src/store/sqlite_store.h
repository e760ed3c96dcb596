// The SQLite EventStore backend (internal; use EventStore::open).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dyad/store.h"
#include "store/day_totals.h"
#include "store/sqlite_checkpointer.h"
#include "store/sqlite_db.h"
#include "store/sqlite_row_batch.h"

namespace dyad::detail {

/// Column list of `mentions` after id, in the order bind_mention() and read_mention() use.
extern const char* const kMentionColumns;
constexpr int kMentionColumnCount = 70;
/// The table and columns of an event_days row, in INSERT order (7 values).
constexpr const char* kEventDaysRow =
    "event_days(source_country, target_country, date, quad_class, events, mentions, goldstein_sum)";

/// An flock(2) on "<store>-bulk": held by the process running a bulk load for
/// the whole load, so that others can tell a live load from an interrupted one
/// (the kernel drops it when the process dies). An empty path (":memory:")
/// is always free.
class BulkLock {
 public:
  explicit BulkLock(std::string path) : path_(std::move(path)) {}
  ~BulkLock() { release(false); }
  BulkLock(const BulkLock&) = delete;
  BulkLock& operator=(const BulkLock&) = delete;
  /// True if this object holds the lock now (taken without waiting).
  bool try_acquire();
  /// Releases it; `remove` also deletes the file (after a finished load).
  void release(bool remove);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

class SqliteStore final : public EventStore {
 public:
  explicit SqliteStore(const std::string& path);

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

  SqliteDb& db() { return db_; }
  /// Tests only: a keyless load hashes its dedup keys to `bits` bits, so that
  /// hash collisions (which must not merge groups) happen on purpose.
  void set_load_hash_bits_for_test(int bits) { load_hash_bits_ = bits; }
  /// Tests only: the keyless load's in-memory event_days holds at most `n`
  /// keys before it falls back to the recount.
  void set_load_days_max_for_test(std::size_t n) { load_days_max_ = n; }

 private:
  StoreResult write_article(const Article& article, const CodedArticle& coded, const std::string& now);
  void write_event(const Event& e, std::int64_t article_id, const std::string& outlet, const std::string& seen,
                   StoreResult& result);
  // A dedup group as the writer needs it: its id and its event_days key.
  struct GroupRef {
    std::int64_t id = 0;
    std::string source_country, target_country;
    int quad_class = 0;
  };
  const GroupRef& find_or_create_group(const Event& e, std::int64_t mention, const std::string& seen, bool& created);
  // Dedup in memory during a load into an empty store (sqlite_bulk.cpp).
  bool loaded_group(const std::string& key, std::uint64_t hash);
  void remember_loaded_group(const std::string& key, std::uint64_t hash, std::int64_t id);
  void forget_uncommitted_loaded_groups();
  void flush_days();
  void bump_actor(const std::optional<Actor>& a, bool as_source);
  void flush_actors();
  SqliteStmt& cached(const std::string& sql);
  // Bulk loading (sqlite_bulk.cpp).
  bool load_pending();        // the bulk_load marker exists: FTS rows and event_days are deferred
  bool finish_orphaned_load();  // a load whose loader is gone; inside the caller's transaction
  void finish_deferred();     // inside the caller's write transaction
  void recount_days(std::int64_t after_mention);
  void write_load_days();
  void finish_interrupted_load();
  void refuse_write_during_keyless_load();

  SqliteDb db_;
  // Started by the first write transaction of a store in a file (a reader
  // never has one); destroyed before db_ closes, whose final checkpoint then
  // copies what is left.
  std::unique_ptr<WalCheckpointer> checkpointer_;
  SqliteStmt find_hash_, insert_article_;
  SqliteStmt find_group_, insert_group_, update_group_;
  SqliteStmt has_outlet_, max_mention_, max_sentence_, max_group_, has_marker_, group_key_;
  SqliteStmt index_sentences_;  // FTS rows of the sentences above an id (see index_sentences_after)
  void index_sentences_after(std::int64_t sentence_id);
  // Rows written several to a statement (store/sqlite_row_batch.h), flushed
  // before COMMIT and before any read of their table in the transaction. A
  // keyless load's new groups go to group_rows_; other writers insert groups
  // one by one (the insert's conflict is how they find a known key).
  SqliteRowBatch sentence_rows_, mention_rows_, group_rows_;
  SqliteRowBatch actor_rows_, day_rows_;  // upserts of the transaction's tallies, before COMMIT
  void flush_rows();
  void discard_rows();
  void begin_write();  // BEGIN IMMEDIATE; the first one starts checkpointer_
  void in_write_transaction(const std::function<void()>& body);
  bool bulk_ = false;      // this object is between begin_bulk_load() and end_bulk_load()
  bool deferred_ = false;  // this transaction skips FTS rows and event_days (load_pending())
  BulkLock bulk_lock_;
  // Assigned inside the write transaction (the write lock is ours until COMMIT).
  std::int64_t next_mention_ = 1, next_sentence_ = 1, next_group_ = 1;
  std::map<std::string, std::unique_ptr<SqliteStmt>> cache_;  // filter-shaped queries
  struct ActorTally { std::string country, sector; std::int64_t as_source = 0, as_target = 0; };
  std::map<std::string, ActorTally> actor_tally_;  // per transaction, written before COMMIT
  DayDeltas day_deltas_;  // per transaction, written before COMMIT
  void remember_groups();
  // Dedup key -> group: committed groups (bounded), and this transaction's.
  static constexpr std::size_t kKnownGroupsMax = 200000;
  std::unordered_map<std::string, GroupRef> known_groups_, new_groups_;
  // A load that began on an empty store (`events_key` dropped): every group of
  // the load by the 64-bit hash of its key (a hit is confirmed against the
  // row), keys whose hash collided whole, and this transaction's additions
  // (undone on ROLLBACK). Unbounded: the loader is the store's only writer,
  // so this map is the only dedup there is until end_bulk_load().
  bool keyless_ = false;
  std::unordered_map<std::uint64_t, std::int64_t> load_groups_;
  std::unordered_map<std::string, std::int64_t> load_collisions_;
  std::vector<std::uint64_t> new_load_hashes_;
  std::vector<std::string> new_load_collisions_;
  GroupRef loaded_ref_;  // find_or_create_group's answer for a keyless load
  int load_hash_bits_ = 64;
  std::uint64_t load_key_hash(const std::string& key) const;
  // The keyless load's event_days, summed in memory over its committed
  // transactions and written in key order at its end instead of recounted
  // from `events` (a GROUP BY: a sort of the whole table). Dropped, and the
  // recount done after all, past kLoadDaysMax keys. load_days_complete_
  // (implies keyless_): the load is still tallying them.
  void keep_load_days();
  static constexpr std::size_t kLoadDaysMax = 1000000;  // ~170 MB of map nodes
  std::size_t load_days_max_ = kLoadDaysMax;
  DayDeltas load_days_;
  bool load_days_complete_ = false;
};

/// kMentionColumns with each column qualified by `alias` ("m" -> "m.event_id, m.article_id, ...").
std::string mention_columns(const std::string& alias);
/// Binds the mention columns of `e` starting at parameter `first`.
void bind_mention(SqliteRowBatch& rows, int first, const Event& e);
/// Restores an Event from the mention columns starting at result column `first`.
Event read_mention(const SqliteStmt& st, int first);

}  // namespace dyad::detail
