// SQLite bulk loading: what a load defers, and how it is finished.
//
// Design (docs/store.md, "Bulk loading"): begin_bulk_load() creates the
// one-row table `bulk_load` holding the highest sentence and mention ids at
// that moment, and drops the query indexes, in one committed transaction.
// While that table exists every writer of the store (the loader, or any other)
// skips the FTS5 rows and the event_days upserts: both are functions of base
// rows, so finish_deferred() rebuilds them in set-based passes, the way
// CREATE INDEX after a load does: one INSERT ... SELECT into the external-
// content FTS table for the sentences above the watermark, and event_days
// recounted from `events` for every group that got a mention above it (the
// v4 migration's GROUP BY: the same counts the upserts give; Goldstein sums
// may differ in the last bits, being added in another order). It runs in one
// transaction with the index builds and drops the marker, so a crash leaves
// either the marker (the work still to do) or the finished store.
//
// A load into an empty store also drops events_key and dedups in the
// loader's memory (begin_bulk_load() below), keeping its event_days totals
// in memory too; other writers are refused until it ends.
//
// Who finishes: end_bulk_load(); after a crash, the next open() or write by a
// store that can take the flock on "<store>-bulk", which the loader holds for
// the whole load. A reader opening the store during a live load must not take
// the write lock for the minutes the index builds last. Finishing a live load
// by mistake (a lock race) would still be correct, only slower: the loader's
// next batches find no marker and write FTS and event_days rows as usual.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <functional>

#include "dyad/error.h"
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace dyad::detail {

bool BulkLock::try_acquire() {
  if (path_.empty() || fd_ >= 0) return true;
  int fd = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw Error("store: cannot open the bulk-load lock file " + path_ + ": " + std::strerror(errno) +
                " (the store's directory must be writable)");
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  fd_ = fd;
  return true;
}

void BulkLock::release(bool remove) {
  if (fd_ < 0) return;
  if (remove) ::unlink(path_.c_str());  // while held: nobody can be relying on it
  ::close(fd_);
  fd_ = -1;
}

bool SqliteStore::load_pending() {
  bool pending = has_marker_.step() && has_marker_.int64(0) > 0;
  has_marker_.reset();
  return pending;
}

// An interrupted load (or one from before the marker existed: indexes only)
// whose loader is gone is finished before this store is used. The lock is
// probed before BEGIN: a reader must not queue behind a live loader's batches.
void SqliteStore::finish_interrupted_load() {
  if (!load_pending() && sqlite_query_indexes_complete(db_)) return;
  BulkLock probe(bulk_lock_.path());
  if (!probe.try_acquire()) return;  // a load in progress: its end_bulk_load() finishes it
  in_write_transaction([&] { finish_deferred(); });
  probe.release(true);
}

// Inside add_articles' transaction, which found the marker: finishes the load
// if its loader is gone (it died after this store was opened).
bool SqliteStore::finish_orphaned_load() {
  BulkLock probe(bulk_lock_.path());
  if (!probe.try_acquire()) return false;
  finish_deferred();
  probe.release(true);
  return true;
}

// Dropping the indexes and creating the marker commit before the first batch.
// A marker left by an interrupted load (its loader is gone: we hold the lock)
// is finished first, so that this load starts from a store with all its
// indexes and decides afresh whether it may go without events_key.
//
// Into an empty store, events_key goes too: a new group then costs no random
// descent of a five-text-column b-tree (at 50k events that index alone was
// ~10 µs of ~25 µs per event; at millions it thrashes), and the loader dedups
// in memory instead (load_groups_). That is exact only while the loader is
// the store's only writer, so other writers refuse until the load ends.
void SqliteStore::begin_bulk_load() {
  if (bulk_) return;
  if (!bulk_lock_.try_acquire()) {
    throw Error(db_.path() + ": another bulk load of this store is running (it holds " + db_.path() +
                "-bulk); wait for it to end, or write without a bulk load");
  }
  bool keyless = false;
  try {
    in_write_transaction([&] {
      if (load_pending()) finish_deferred();
      {
        SqliteStmt any = db_.prepare("SELECT EXISTS(SELECT 1 FROM events)");
        keyless = any.step() && any.int64(0) == 0;
      }  // finalized: DROP INDEX below needs no statement reading events
      db_.exec("CREATE TABLE bulk_load AS SELECT (SELECT coalesce(max(id), 0) FROM sentences) AS sentence_id, "
               "(SELECT coalesce(max(id), 0) FROM mentions) AS mention_id");
      sqlite_drop_query_indexes(db_);
      if (keyless) sqlite_drop_dedup_index(db_);
    });
  } catch (...) {
    bulk_lock_.release(false);
    throw;
  }
  bulk_ = true;
  keyless_ = keyless;
  load_days_complete_ = keyless;
}

// Idempotent; also finishes an interrupted load, unless another store is
// still loading (its own end_bulk_load() will).
void SqliteStore::end_bulk_load() {
  BulkLock probe(bulk_lock_.path());
  BulkLock* lock = &bulk_lock_;
  if (!bulk_) {
    if (!probe.try_acquire()) return;
    lock = &probe;
  }
  in_write_transaction([&] { finish_deferred(); });
  bulk_ = false;
  keyless_ = false;
  load_days_complete_ = false;
  load_groups_ = {};  // frees the memory
  load_collisions_ = {};
  load_days_ = {};
  lock->release(true);
}

// Another writer during a keyless load would dedup against nothing (there is
// no events_key to probe, and the loader's map is in the loader's memory) and
// make the index impossible to rebuild. Inside add_articles' transaction.
void SqliteStore::refuse_write_during_keyless_load() {
  if (sqlite_has_dedup_index(db_)) return;
  throw StoreBusy(db_.path() + ": a bulk load into this store while it was empty is running (its loader holds " +
              db_.path() + "-bulk) and dedups in memory until it ends; write after end_bulk_load(), or add "
              "these articles to the load itself");
}

std::uint64_t SqliteStore::load_key_hash(const std::string& key) const {
  std::uint64_t h = std::hash<std::string>{}(key);
  return load_hash_bits_ >= 64 ? h : h & ((std::uint64_t{1} << load_hash_bits_) - 1);
}

// Sets loaded_ref_ and returns true when the load has a group of `key`
// (whose load_key_hash is h). A hit is read back (one rowid lookup): it
// confirms the key behind the hash and gives the group's event_days key.
bool SqliteStore::loaded_group(const std::string& key, std::uint64_t h) {
  std::int64_t id = 0;
  if (auto c = load_collisions_.empty() ? load_collisions_.end() : load_collisions_.find(key);
      c != load_collisions_.end()) {
    id = c->second;
  } else if (auto it = load_groups_.find(h); it != load_groups_.end()) {
    id = it->second;
  } else {
    return false;
  }
  group_rows_.flush();  // the group may have been created in this transaction
  group_key_.bind(1, id);
  bool same = group_key_.step() && group_key_.text(0) == key;
  if (same) loaded_ref_ = {id, group_key_.text(1), group_key_.text(2), static_cast<int>(group_key_.int64(3))};
  group_key_.reset();
  return same;  // false: another key with the same hash, the caller creates this one's group
}

void SqliteStore::remember_loaded_group(const std::string& key, std::uint64_t h, std::int64_t id) {
  if (load_groups_.emplace(h, id).second) {
    new_load_hashes_.push_back(h);
  } else {
    load_collisions_.emplace(key, id);
    new_load_collisions_.push_back(key);
  }
}

// After COMMIT: the transaction's deltas join the load's totals.
void SqliteStore::keep_load_days() {
  for (auto& [k, d] : day_deltas_) {
    DayDelta& total = load_days_[k];
    total.events += d.events;
    total.mentions += d.mentions;
    total.goldstein_sum += d.goldstein_sum;
  }
  day_deltas_.clear();
  if (load_days_.size() > load_days_max_) {
    load_days_complete_ = false;  // end_bulk_load() recounts; no more tallies until then
    load_days_ = {};
  }
}

// The store was empty when the load began, so its event_days rows are these:
// plain INSERTs (no conflict to resolve), several to a statement, in key
// order (appended to the b-tree).
void SqliteStore::write_load_days() {
  db_.exec("DELETE FROM event_days");
  SqliteRowBatch rows(db_, kEventDaysRow, 7);
  for (const auto& [k, d] : load_days_) {
    rows.row().bind_ref(1, k.source_country).bind_ref(2, k.target_country).bind_ref(3, k.date);
    rows.bind(4, k.quad_class).bind(5, d.events).bind(6, d.mentions).bind(7, d.goldstein_sum);
  }
  rows.flush();
  load_days_ = {};
}

void SqliteStore::forget_uncommitted_loaded_groups() {
  for (std::uint64_t h : new_load_hashes_) load_groups_.erase(h);
  for (const std::string& k : new_load_collisions_) load_collisions_.erase(k);
  new_load_hashes_.clear();
  new_load_collisions_.clear();
}

// The marker is read inside the write transaction: a store that saw it before
// taking the lock may find the work already done by someone else.
void SqliteStore::finish_deferred() {
  sqlite_create_dedup_index(db_);
  sqlite_create_query_indexes(db_);
  if (!load_pending()) return;
  std::int64_t after_sentence = 0, after_mention = 0;
  {
    SqliteStmt marker = db_.prepare("SELECT sentence_id, mention_id FROM bulk_load");
    if (!marker.step()) throw Error(db_.path() + ": table bulk_load has no row; drop it and rebuild sentence_fts");
    after_sentence = marker.int64(0);
    after_mention = marker.int64(1);
  }  // finalized: DROP TABLE below needs no statement reading it
  index_sentences_after(after_sentence);
  if (load_days_complete_) write_load_days(); else recount_days(after_mention);
  db_.exec("DROP TABLE bulk_load");
}

// event_days rows of every group that got a mention during the load, deleted
// and counted again from `events` (whose num_mentions the writer kept exact).
// A load into an empty store recounts the whole table in one GROUP BY.
void SqliteStore::recount_days(std::int64_t after_mention) {
  const std::string recount = std::string("INSERT INTO ").append(kEventDaysRow).append(
      " SELECT e.source_country, e.target_country, e.date, e.quad_class, count(*), sum(e.num_mentions), "
      "sum(e.goldstein) FROM ");
  if (after_mention == 0) {
    // NOT INDEXED: events_dyad exists by now, and walking it would fetch every
    // row at random for quad_class; one scan and a sort is cheaper.
    db_.exec(std::string("DELETE FROM event_days; ") + recount +
             "events AS e NOT INDEXED GROUP BY e.source_country, e.target_country, e.date, e.quad_class");
    return;
  }
  db_.exec("CREATE TEMP TABLE bulk_days(source_country TEXT, target_country TEXT, date TEXT, quad_class INTEGER, "
           "PRIMARY KEY(source_country, target_country, date, quad_class)) WITHOUT ROWID");
  {
    SqliteStmt keys = db_.prepare(
        "INSERT OR IGNORE INTO temp.bulk_days SELECT source_country, target_country, date, quad_class FROM events "
        "WHERE id IN (SELECT event_id FROM mentions WHERE id > ?)");
    keys.bind(1, after_mention).run();
  }  // finalized before the table is dropped
  db_.exec("DELETE FROM event_days WHERE (source_country, target_country, date, quad_class) IN "
           "(SELECT source_country, target_country, date, quad_class FROM temp.bulk_days); " +
           recount +
           "temp.bulk_days k JOIN events e ON e.source_country = k.source_country AND "
           "e.target_country = k.target_country AND e.date = k.date AND e.quad_class = k.quad_class "
           "GROUP BY e.source_country, e.target_country, e.date, e.quad_class; DROP TABLE temp.bulk_days");
}

}  // namespace dyad::detail
