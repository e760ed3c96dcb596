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

std::string mention_insert_sql() {
  std::string sql = "INSERT INTO mentions(id, ";
  sql += kMentionColumns;
  sql += ") VALUES(?";
  for (int i = 0; i < kMentionColumnCount; ++i) sql += ",?";
  return sql + ")";
}

std::string code_of(const std::optional<Actor>& a) { return a ? a->code : std::string(); }

}  // namespace

SqliteStore::SqliteStore(const std::string& path)
    : db_(path), bulk_lock_(path == ":memory:" ? std::string() : path + "-bulk") {
  // A 256 MB page cache (and mmap reads) keeps the hot index pages of a large store in memory:
  // with the 2 MB default, random dedup-key inserts thrash once the file outgrows it.
  // Foreign keys are declared but not enforced per row: the only writer (this
  // class) inserts every parent before its children inside one transaction, and
  // nothing deletes; the checks cost a quarter of the insert time (measured with
  // bench/store_bench). tests/store_schema_test.cpp runs PRAGMA foreign_key_check.
  // A 64 MB WAL between checkpoints: index pages dirtied by several batches are
  // copied back to the database once, not once per 4 MB.
  db_.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
           "PRAGMA cache_size=-262144; PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY; "
           "PRAGMA wal_autocheckpoint=16384;");
  sqlite_migrate(db_);
  find_hash_ = db_.prepare("SELECT id FROM articles WHERE hash = ?");
  insert_article_ = db_.prepare(
      "INSERT INTO articles(hash, doc_id, url, title, outlet, outlet_country, date, text, ingested_at, "
      "num_sentences, num_events) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  insert_sentence_ = db_.prepare("INSERT INTO sentences(article_id, idx, start, end, text) VALUES(?,?,?,?,?)");
  insert_fts_ = db_.prepare("INSERT INTO sentence_fts(rowid, text) VALUES(?, ?)");
  find_group_ = db_.prepare(
      "SELECT id, source_country, target_country, quad_class FROM events "
      "WHERE source_code = ? AND target_code = ? AND cameo = ? AND date = ? AND place = ?");
  // A new group is written with its counters already final for its first
  // mention (whose id the writer assigns), so it needs no UPDATE afterwards.
  insert_group_ = db_.prepare(
      "INSERT INTO events(source_code, target_code, cameo, date, place, source_country, source_sector, "
      "target_country, target_sector, root, plover, quad_class, goldstein, modality, date_precision, "
      "place_country, place_text, num_mentions, num_sources, num_articles, first_seen, last_seen, first_mention) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,1,?,?,?) "
      "ON CONFLICT DO NOTHING");  // no conflict target: it must prepare while a load has dropped events_key
  update_group_ = db_.prepare(
      "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?, "
      "num_sources = num_sources + ?, first_mention = coalesce(first_mention, ?), "
      "first_seen = CASE WHEN first_seen = '' OR ? < first_seen THEN ? ELSE first_seen END, "
      "last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE id = ?");
  insert_mention_ = db_.prepare(mention_insert_sql());
  // Both probes in one statement: does the group have this outlet, and this article from it?
  has_outlet_ = db_.prepare(
      "SELECT EXISTS(SELECT 1 FROM mentions WHERE event_id = ?1 AND outlet = ?2), "
      "EXISTS(SELECT 1 FROM mentions WHERE event_id = ?1 AND outlet = ?2 AND article_id = ?3)");
  max_mention_ = db_.prepare("SELECT coalesce(max(id), 0) FROM mentions");
  upsert_actor_ = db_.prepare(
      "INSERT INTO actors(code, country, sector, as_source, as_target) VALUES(?,?,?,?,?) "
      "ON CONFLICT(code) DO UPDATE SET as_source = as_source + excluded.as_source, "
      "as_target = as_target + excluded.as_target");
  upsert_day_ = db_.prepare(
      "INSERT INTO event_days(source_country, target_country, date, quad_class, events, mentions, goldstein_sum) "
      "VALUES(?,?,?,?,?,?,?) ON CONFLICT(source_country, target_country, date, quad_class) DO UPDATE SET "
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
  db_.exec("BEGIN IMMEDIATE");
  try {
    // The write lock is ours until COMMIT, so mention ids can be assigned here.
    max_mention_.step();
    next_mention_ = max_mention_.int64(0) + 1;
    max_mention_.reset();
    deferred_ = load_pending();
    if (deferred_ && !bulk_) deferred_ = !finish_orphaned_load();  // a loader that died since open()
    if (deferred_ && !bulk_) refuse_write_during_keyless_load();
    for (std::size_t i = 0; i < articles.size(); ++i) results.push_back(write_article(*articles[i], *coded[i], now));
    flush_actors();
    if (!load_days_complete_) flush_days();  // else the load's totals wait for its end
    db_.exec("COMMIT");
    remember_groups();
    if (load_days_complete_) keep_load_days();
    new_load_hashes_.clear();
    new_load_collisions_.clear();
  } catch (...) {
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
    insert_sentence_.bind(1, r.article_id).bind(2, static_cast<std::int64_t>(i));
    insert_sentence_.bind(3, static_cast<std::int64_t>(s.span.start)).bind(4, static_cast<std::int64_t>(s.span.end));
    insert_sentence_.bind(5, s.text).run();
    if (!deferred_) insert_fts_.bind(1, db_.last_rowid()).bind(2, s.text).run();
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
  static const std::string kEmpty;
  const Actor* s = e.source ? &*e.source : nullptr;
  const Actor* t = e.target ? &*e.target : nullptr;
  auto& g = insert_group_;  // every string bound here outlives run()
  g.bind_ref(1, src).bind_ref(2, tgt).bind_ref(3, e.cameo).bind_ref(4, e.date).bind_ref(5, place);
  g.bind_ref(6, s ? s->country : kEmpty).bind_ref(7, s ? s->sector : kEmpty);
  g.bind_ref(8, t ? t->country : kEmpty).bind_ref(9, t ? t->sector : kEmpty);
  g.bind_ref(10, root).bind_ref(11, e.plover).bind(12, e.quad_class).bind(13, e.goldstein);
  g.bind(14, to_string(e.modality)).bind_ref(15, e.date_precision);
  g.bind_ref(16, e.location ? e.location->country : kEmpty).bind_ref(17, e.location ? e.location->text : kEmpty);
  g.bind_ref(18, seen).bind_ref(19, seen).bind(20, mention);
  g.run();
  if (db_.changes() == 1) {
    created = true;
    if (keyless_) {
      remember_loaded_group(key, hash, db_.last_rowid());
      loaded_ref_ = {db_.last_rowid(), s ? s->country : kEmpty, t ? t->country : kEmpty, e.quad_class};
      return loaded_ref_;
    }
    return new_groups_[std::move(key)] = {db_.last_rowid(), s ? s->country : kEmpty, t ? t->country : kEmpty,
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
    has_outlet_.bind(1, group).bind(2, outlet).bind(3, article_id).step();
    new_source = has_outlet_.int64(0) == 0;
    new_article = has_outlet_.int64(1) == 0;
    has_outlet_.reset();
  }
  insert_mention_.bind(1, mention).bind(2, group).bind(3, article_id).bind(4, outlet);
  bind_mention(insert_mention_, 2, e);
  insert_mention_.run();
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

void SqliteStore::flush_days() {
  for (const auto& [k, d] : day_deltas_) {
    upsert_day_.bind_ref(1, k.source_country).bind_ref(2, k.target_country).bind_ref(3, k.date);
    upsert_day_.bind(4, k.quad_class).bind(5, d.events).bind(6, d.mentions).bind(7, d.goldstein_sum).run();
  }
  day_deltas_.clear();
}

void SqliteStore::flush_actors() {
  for (const auto& [code, t] : actor_tally_) {
    upsert_actor_.bind(1, code).bind(2, t.country).bind(3, t.sector);
    upsert_actor_.bind(4, t.as_source).bind(5, t.as_target).run();
  }
  actor_tally_.clear();
}

void SqliteStore::in_write_transaction(const std::function<void()>& body) {
  db_.exec("BEGIN IMMEDIATE");
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
