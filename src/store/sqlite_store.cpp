// SQLite backend: opening, migrating and the write path.
//
// One article = one transaction (or a batch of whole articles in one
// transaction): a crash, even kill -9, leaves either the whole article with all
// its sentences and mentions, or nothing. Dedup groups are maintained
// incrementally: before a mention is inserted, two index probes on
// mentions(event_id, outlet, article_id) tell whether it brings a new article
// and/or a new outlet to its group, so counters never need a recount. The
// timeline's event_days deltas are summed in memory per transaction and
// upserted in key order before COMMIT, so they commit (or not) with the rows.
// During a bulk load the FTS rows and event_days are deferred instead
// (sqlite_bulk.cpp); whether a transaction defers is read from the store, not
// from this object, so every writer of the store agrees.
#include "store/sqlite_store.h"

#include "dyad/error.h"
#include "store/sqlite_schema.h"
#include "store/store_util.h"

namespace dyad::detail {
namespace {

std::string code_of(const std::optional<Actor>& a) { return a ? a->code : std::string(); }

// A new dedup group's row, its counters already final for its first mention
// (whose id the writer assigns), so it needs no UPDATE afterwards.
constexpr const char* kGroupColumns =
    "source_code, target_code, cameo, date, place, source_country, source_sector, target_country, "
    "target_sector, root, plover, quad_class, goldstein, modality, date_precision, place_country, place_text, "
    "num_mentions, num_sources, num_articles, first_seen, last_seen, first_mention";
constexpr int kGroupColumnCount = 23;

// `opt`'s string member `field`, or "" when `opt` is empty (bound by reference).
template <class T>
const std::string& field_of(const std::optional<T>& opt, std::string T::*field) {
  static const std::string kEmpty;
  return opt ? (*opt).*field : kEmpty;
}

// The strings computed by the caller are copied (a batched row outlives
// them); the Event's own are bound by reference.
template <class Binder>
void bind_group(Binder& g, int i, const Event& e, const std::string& src, const std::string& tgt,
                const std::string& place, const std::string& root, const std::string& seen, std::int64_t mention) {
  g.bind(i, src).bind(i + 1, tgt).bind_ref(i + 2, e.cameo).bind_ref(i + 3, e.date).bind(i + 4, place);
  g.bind_ref(i + 5, field_of(e.source, &Actor::country)).bind_ref(i + 6, field_of(e.source, &Actor::sector));
  g.bind_ref(i + 7, field_of(e.target, &Actor::country)).bind_ref(i + 8, field_of(e.target, &Actor::sector));
  g.bind(i + 9, root).bind_ref(i + 10, e.plover).bind(i + 11, e.quad_class).bind(i + 12, e.goldstein);
  g.bind(i + 13, to_string(e.modality)).bind_ref(i + 14, e.date_precision);
  g.bind_ref(i + 15, field_of(e.location, &Place::country));
  g.bind_ref(i + 16, field_of(e.location, &Place::text));
  g.bind(i + 17, 1).bind(i + 18, 1).bind(i + 19, 1);
  g.bind(i + 20, seen).bind(i + 21, seen).bind(i + 22, mention);
}

// The writer's own WAL autocheckpoint (pages: 64 MB), in force while no
// checkpointer thread runs; and the WAL size (4 MB) at which that thread
// copies the WAL back (sqlite_checkpointer.h). Off the writer's thread, a
// small WAL costs the writer nothing, and it is restarted from its start
// (rewritten in place, not grown) once a checkpoint has copied it all. In a
// 50k-event bulk load: 16384 (the thread idle until the close) 2.14 s wall,
// 4096 1.78 s, 1024 1.70 s (medians of 5, docs/benchmarks.md).
constexpr int kWalAutocheckpoint = 16384;
constexpr int kCheckpointFrames = 1024;

// An in-memory store has no file to lock or checkpoint.
bool in_memory(const std::string& path) { return path == ":memory:"; }

}  // namespace

SqliteStore::SqliteStore(const std::string& path)
    : db_(path), bulk_lock_(in_memory(path) ? std::string() : path + "-bulk") {
  // A 256 MB page cache (and mmap reads) keeps the hot index pages of a large store in memory:
  // with the 2 MB default, random dedup-key inserts thrash once the file outgrows it.
  // Foreign keys are declared but not enforced per row: the only writer (this
  // class) inserts every parent before its children inside one transaction, and
  // nothing deletes; the checks cost a quarter of the insert time (measured with
  // bench/store_bench). tests/store_schema_test.cpp runs PRAGMA foreign_key_check.
  // Temporary tables and sorts stay in files (the default), not temp_store=MEMORY:
  // SQLite's sorter then keeps its records in one growing buffer instead of a
  // malloc each: a bulk load's index builds run faster (docs/benchmarks.md).
  db_.exec(std::string("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
           "PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824; ") +
           "PRAGMA wal_autocheckpoint=" + std::to_string(kWalAutocheckpoint) + ";");
  sqlite_migrate(db_);
  find_hash_ = db_.prepare("SELECT id FROM articles WHERE hash = ?");
  insert_article_ = db_.prepare(
      "INSERT INTO articles(hash, doc_id, url, title, outlet, outlet_country, date, text, ingested_at, "
      "num_sentences, num_events) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  sentence_rows_ = SqliteRowBatch(db_, "sentences(id, article_id, idx, start, end, text)", 6);
  mention_rows_ = SqliteRowBatch(db_, std::string("mentions(id, ") + kMentionColumns + ")", kMentionColumnCount + 1);
  group_rows_ = SqliteRowBatch(db_, std::string("events(id, ") + kGroupColumns + ")", kGroupColumnCount + 1);
  find_group_ = db_.prepare(
      "SELECT id, source_country, target_country, quad_class FROM events "
      "WHERE source_code = ? AND target_code = ? AND cameo = ? AND date = ? AND place = ?");
  // No conflict target: it must prepare while a load has dropped events_key.
  insert_group_ = db_.prepare(std::string("INSERT INTO events(") + kGroupColumns + ") VALUES(" +
                              sql_placeholders(kGroupColumnCount) + ") ON CONFLICT DO NOTHING");
  update_group_ = db_.prepare(
      "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?, "
      "num_sources = num_sources + ?, first_mention = coalesce(first_mention, ?), "
      "first_seen = CASE WHEN first_seen = '' OR ? < first_seen THEN ? ELSE first_seen END, "
      "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE id = ?");
  // Both probes in one statement: does the group have this outlet, and this article from it?
  has_outlet_ = db_.prepare(
      "SELECT EXISTS(SELECT 1 FROM mentions WHERE event_id = ?1 AND outlet = ?2), "
      "EXISTS(SELECT 1 FROM mentions WHERE event_id = ?1 AND outlet = ?2 AND article_id = ?3)");
  max_mention_ = db_.prepare("SELECT coalesce(max(id), 0) FROM mentions");
  max_sentence_ = db_.prepare("SELECT coalesce(max(id), 0) FROM sentences");
  index_sentences_ = db_.prepare("INSERT INTO sentence_fts(rowid, text) SELECT id, text FROM sentences WHERE id > ?");
  max_group_ = db_.prepare("SELECT coalesce(max(id), 0) FROM events");
  actor_rows_ = SqliteRowBatch(db_, "actors(code, country, sector, as_source, as_target)", 5,
                               " ON CONFLICT(code) DO UPDATE SET as_source = as_source + excluded.as_source, "
                               "as_target = as_target + excluded.as_target");
  day_rows_ = SqliteRowBatch(
      db_, kEventDaysRow, 7,
      " ON CONFLICT(source_country, target_country, date, quad_class) DO UPDATE SET "
      "events = events + excluded.events, mentions = mentions + excluded.mentions, "
      "goldstein_sum = goldstein_sum + excluded.goldstein_sum");
  has_marker_ = db_.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'bulk_load'");
  group_key_ = db_.prepare("SELECT source_code || char(9) || target_code || char(9) || cameo || char(9) || date || "
                           "char(9) || place, source_country, target_country, quad_class FROM events WHERE id = ?");
  finish_interrupted_load();
}

bool SqliteStore::has_article(const std::string& hash) {
  bool found = find_hash_.bind(1, hash).step();
  find_hash_.reset();
  return found;
}

StoreResult SqliteStore::add_article(const Article& article, const CodedArticle& coded) {
  return add_articles({&article}, {&coded}).front();
}

std::vector<StoreResult> SqliteStore::add_articles(const std::vector<const Article*>& articles,
                                                   const std::vector<const CodedArticle*>& coded) {
  if (articles.size() != coded.size()) throw Error("add_articles: articles and coded differ in length");
  std::vector<StoreResult> results;
  std::string now = utc_now();
  begin_write();
  try {
    // The write lock is ours until COMMIT, so row ids can be assigned here
    // (group ids only in a keyless load: other writers learn them from the insert).
    for (auto [st, next] : {std::pair{&max_mention_, &next_mention_}, std::pair{&max_sentence_, &next_sentence_},
                            std::pair{&max_group_, &next_group_}}) {
      if (st == &max_group_ && !keyless_) continue;
      st->step();
      *next = st->int64(0) + 1;
      st->reset();
    }
    const std::int64_t sentences_before = next_sentence_ - 1;
    deferred_ = load_pending();
    if (deferred_ && !bulk_) deferred_ = !finish_orphaned_load();  // a loader that died since open()
    if (deferred_ && !bulk_) refuse_write_during_keyless_load();
    for (std::size_t i = 0; i < articles.size(); ++i) results.push_back(write_article(*articles[i], *coded[i], now));
    flush_rows();
    flush_actors();
    if (!load_days_complete_) flush_days();  // else the load's totals wait for its end
    if (!deferred_) index_sentences_after(sentences_before);  // the transaction's last write
    db_.exec("COMMIT");
    remember_groups();
    if (load_days_complete_) keep_load_days();
    new_load_hashes_.clear();
    new_load_collisions_.clear();
  } catch (...) {
    discard_rows();
    actor_tally_.clear();
    day_deltas_.clear();
    new_groups_.clear();  // their ids died with the transaction
    forget_uncommitted_loaded_groups();
    db_.exec("ROLLBACK");
    throw;
  }
  return results;
}

StoreResult SqliteStore::write_article(const Article& a, const CodedArticle& coded, const std::string& now) {
  StoreResult r;
  std::string hash = article_content_hash(a);
  if (find_hash_.bind(1, hash).step()) {
    r.article_id = find_hash_.int64(0);
    find_hash_.reset();
    return r;
  }
  find_hash_.reset();
  const std::string& text = coded.document.text.empty() ? a.text : coded.document.text;
  insert_article_.bind(1, hash).bind(2, a.id).bind(3, a.url).bind(4, a.title).bind(5, a.outlet);
  insert_article_.bind(6, a.outlet_country).bind(7, a.date).bind(8, text).bind(9, now);
  insert_article_.bind(10, static_cast<std::int64_t>(coded.document.sentences.size()));
  insert_article_.bind(11, static_cast<std::int64_t>(coded.events.size())).run();  // every event is written
  r.article_id = db_.last_rowid();
  r.stored = true;
  for (std::size_t i = 0; i < coded.document.sentences.size(); ++i) {
    const Sentence& s = coded.document.sentences[i];
    const std::int64_t id = next_sentence_++;
    sentence_rows_.row().bind(1, id).bind(2, r.article_id).bind(3, static_cast<std::int64_t>(i));
    sentence_rows_.bind(4, static_cast<std::int64_t>(s.span.start)).bind(5, static_cast<std::int64_t>(s.span.end));
    sentence_rows_.bind_ref(6, s.text);  // `coded` outlives the transaction's flush
  }
  std::string seen = a.date ? a.date->substr(0, 10) : now.substr(0, 10);
  for (const Event& e : coded.events) write_event(e, r.article_id, e.outlet.empty() ? a.outlet : e.outlet, seen, r);
  return r;
}

// Insert first, probe only on conflict: a new key costs one descent of
// events_key instead of two (probe, then insert); a known key costs the
// failed insert's unique check plus the probe.
//
// Before that, the writer's memory of recent groups: a group, once committed,
// keeps its id forever (nothing deletes groups), so a remembered key -> id is
// never stale, and a repeated event (the same event in several sentences and
// articles) touches no index to find its group.
const SqliteStore::GroupRef& SqliteStore::find_or_create_group(const Event& e, std::int64_t mention,
                                                               const std::string& seen, bool& created) {
  std::string src = code_of(e.source), tgt = code_of(e.target), place = place_key(e), root = cameo_root(e.cameo);
  std::string key = src + '\t' + tgt + '\t' + e.cameo + '\t' + e.date + '\t' + place;
  const std::uint64_t hash = keyless_ ? load_key_hash(key) : 0;
  if (keyless_) {  // the load's map is the only dedup there is
    if (loaded_group(key, hash)) {
      created = false;
      return loaded_ref_;
    }
  } else {
    for (const auto* memory : {&known_groups_, &new_groups_}) {
      if (auto it = memory->find(key); it != memory->end()) {
        created = false;
        return it->second;
      }
    }
  }
  if (keyless_) {  // no key to conflict with: the new row waits in group_rows_ under an id of ours
    const std::int64_t id = next_group_++;
    group_rows_.row().bind(1, id);
    bind_group(group_rows_, 2, e, src, tgt, place, root, seen, mention);
    remember_loaded_group(key, hash, id);
    loaded_ref_ = {id, field_of(e.source, &Actor::country), field_of(e.target, &Actor::country), e.quad_class};
    created = true;
    return loaded_ref_;
  }
  bind_group(insert_group_, 1, e, src, tgt, place, root, seen, mention);
  insert_group_.run();
  if (db_.changes() == 1) {
    created = true;
    return new_groups_[std::move(key)] = {db_.last_rowid(), field_of(e.source, &Actor::country), field_of(e.target, &Actor::country),
                                          e.quad_class};
  }
  find_group_.bind_ref(1, src).bind_ref(2, tgt).bind_ref(3, e.cameo).bind_ref(4, e.date).bind_ref(5, place);
  if (!find_group_.step()) throw Error("store: dedup group vanished during insert (concurrent writer?)");
  GroupRef found{find_group_.int64(0), find_group_.text(1), find_group_.text(2),
                 static_cast<int>(find_group_.int64(3))};
  find_group_.reset();
  created = false;
  return new_groups_[std::move(key)] = std::move(found);
}

// Called after COMMIT: this transaction's groups become known. Bounded: the
// memory starts over when full (recent events are the ones that repeat).
void SqliteStore::remember_groups() {
  if (known_groups_.size() + new_groups_.size() > kKnownGroupsMax) known_groups_.clear();
  known_groups_.merge(new_groups_);
  new_groups_.clear();
}

void SqliteStore::write_event(const Event& e, std::int64_t article_id, const std::string& outlet,
                              const std::string& seen, StoreResult& r) {
  bool created = false;
  std::int64_t mention = next_mention_;
  const GroupRef& ref = find_or_create_group(e, mention, seen, created);
  std::int64_t group = ref.id;
  if (!deferred_ || load_days_complete_) {
    // The group's own event_days key (its first mention's), not this mention's.
    DayDelta& day = day_deltas_[DayKey{ref.source_country, ref.target_country, e.date, ref.quad_class}];
    ++day.mentions;
    if (created) {
      ++day.events;
      day.goldstein_sum += e.goldstein;
    }
  }
  bool new_source = true, new_article = true;
  if (!created) {
    mention_rows_.flush();  // the group's earlier mentions may still be waiting
    has_outlet_.bind(1, group).bind(2, outlet).bind(3, article_id).step();
    new_source = has_outlet_.int64(0) == 0;
    new_article = has_outlet_.int64(1) == 0;
    has_outlet_.reset();
  }
  mention_rows_.row().bind(1, mention).bind(2, group).bind(3, article_id).bind_ref(4, outlet);
  bind_mention(mention_rows_, 2, e);
  ++next_mention_;
  if (!created) {
    auto& u = update_group_;
    u.bind(1, new_article ? 1 : 0).bind(2, new_source ? 1 : 0).bind(3, mention);
    u.bind(4, seen).bind(5, seen).bind(6, seen).bind(7, seen).bind(8, group).run();
  }
  bump_actor(e.source, true);
  bump_actor(e.target, false);
  ++r.events;
  if (created) ++r.new_events;
}

// Actor counts are tallied in memory and upserted once per actor per
// transaction: a batch of 2,000 mentions names a few hundred actors.
void SqliteStore::bump_actor(const std::optional<Actor>& a, bool as_source) {
  if (!a || a->code.empty()) return;
  ActorTally& t = actor_tally_[a->code];
  if (t.as_source + t.as_target == 0) {
    t.country = a->country;
    t.sector = a->sector;
  }
  ++(as_source ? t.as_source : t.as_target);
}

// Both run inside add_articles' transaction, whose ROLLBACK discards what
// they left pending (discard_rows).
void SqliteStore::flush_days() {
  for (const auto& [k, d] : day_deltas_) {
    day_rows_.row().bind_ref(1, k.source_country).bind_ref(2, k.target_country).bind_ref(3, k.date);
    day_rows_.bind(4, k.quad_class).bind(5, d.events).bind(6, d.mentions).bind(7, d.goldstein_sum);
  }
  day_rows_.flush();  // before day_deltas_, whose keys it binds, is cleared
  day_deltas_.clear();
}

void SqliteStore::flush_actors() {
  for (const auto& [code, t] : actor_tally_) {
    actor_rows_.row().bind_ref(1, code).bind_ref(2, t.country).bind_ref(3, t.sector);
    actor_rows_.bind(4, t.as_source).bind(5, t.as_target);
  }
  actor_rows_.flush();
  actor_tally_.clear();
}

void SqliteStore::flush_rows() {
  for (SqliteRowBatch* rows : {&group_rows_, &sentence_rows_, &mention_rows_}) rows->flush();
}

// The full-text rows of the sentences a transaction (or a bulk load) stored,
// in one set-based statement, after every other write of the transaction.
// Why last and in one piece: FTS5 writes its buffered terms out as a new
// segment whenever a statement of the transaction ends once it has joined the
// transaction (its savepoint methods sync). Written row batch by row batch
// among the event inserts, the terms went out in ~800 segments of ~60
// sentences per 50k (those flushes: 10.5% of the ordinary writer's
// instructions); this way in one segment per transaction (6.7%).
void SqliteStore::index_sentences_after(std::int64_t sentence_id) {
  index_sentences_.bind(1, sentence_id).run();
}

void SqliteStore::discard_rows() {
  for (SqliteRowBatch* rows : {&group_rows_, &sentence_rows_, &mention_rows_, &actor_rows_, &day_rows_}) {
    rows->discard();
  }
}

// A failed background checkpoint is reported here, before a write, rather
// than after a COMMIT that did succeed.
void SqliteStore::begin_write() {
  if (checkpointer_) {
    checkpointer_->rethrow_failure();
  } else if (!in_memory(db_.path())) {
    checkpointer_ = std::make_unique<WalCheckpointer>(db_.raw(), db_.path(), kCheckpointFrames, kWalAutocheckpoint);
  }
  db_.exec("BEGIN IMMEDIATE");
}

void SqliteStore::in_write_transaction(const std::function<void()>& body) {
  begin_write();
  try {
    body();
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

SqliteStmt& SqliteStore::cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<SqliteStmt>(db_.prepare(sql))).first;
  it->second->reset();
  return *it->second;
}

StoreStats SqliteStore::stats() {
  StoreStats s;
  auto count = [&](const char* sql) {
    SqliteStmt st = db_.prepare(sql);
    return st.step() ? st.int64(0) : 0;
  };
  s.articles = count("SELECT count(*) FROM articles");
  s.sentences = count("SELECT count(*) FROM sentences");
  s.events = count("SELECT count(*) FROM events");
  s.mentions = count("SELECT count(*) FROM mentions");
  s.actors = count("SELECT count(*) FROM actors");
  s.schema_version = static_cast<int>(count("PRAGMA user_version"));
  return s;
}

}  // namespace dyad::detail
