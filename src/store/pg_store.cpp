// PostgreSQL backend: opening, migrating and the write path.
//
// A batch of articles is one transaction under an advisory lock (one writer
// at a time, like SQLite's BEGIN IMMEDIATE), written with a fixed number of
// round trips whatever its size: one query finds the stored hashes, one the
// existing dedup groups of all the batch's keys, one their outlets; the dedup
// counters are computed in memory; then COPY writes articles, sentences, new
// groups and mentions, one UPDATE ... FROM unnest() bumps the existing groups
// and one upsert the actor counts. Ids are assigned under the lock (max + 1),
// so the group rows carry their first mention from the start.
#include <map>
#include <set>

#include "dyad/error.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"  // kMentionColumns: one column list for both backends
#include "store/store_util.h"

namespace dyad::detail {
namespace {

constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(7406893114)";

std::string code_of(const std::optional<Actor>& a) { return a ? a->code : std::string(); }

struct GroupKey {
  std::string src, tgt, cameo, date, place;
  auto operator<=>(const GroupKey&) const = default;
};

GroupKey key_of(const Event& e) { return {code_of(e.source), code_of(e.target), e.cameo, e.date, place_key(e)}; }

// A dedup group touched by the batch: new (written by COPY) or existing (UPDATEd by deltas).
struct Group {
  std::int64_t id = 0;
  bool created = false;
  const Event* first = nullptr;  // new groups: the first mention's fields
  std::int64_t first_mention = 0;
  int mentions = 0, articles = 0, sources = 0;
  std::string first_seen, last_seen;
  std::set<std::string> outlets;                            // known outlets (stored + batch)
  std::set<std::pair<std::string, std::int64_t>> pairs;     // (outlet, article) of the batch
  std::string source_country, target_country;               // existing groups: their event_days key
  int quad_class = 0;
};

struct Ids {
  std::int64_t article, sentence, event, mention;
};

Ids next_ids(PgConn& db) {
  PgResult r = db.query(
      "SELECT (SELECT coalesce(max(id), 0) FROM articles), (SELECT coalesce(max(id), 0) FROM sentences), "
      "(SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM mentions)");
  return {r.int64(0, 0) + 1, r.int64(0, 1) + 1, r.int64(0, 2) + 1, r.int64(0, 3) + 1};
}

void copy_group(std::string& out, const Group& g, const GroupKey& k) {
  const Event& e = *g.first;
  auto f = [&](const std::string& v) { copy_field(out, v); };
  copy_field(out, g.id);
  for (const std::string* v : {&k.src, &k.tgt, &k.cameo, &k.date, &k.place}) f(*v);
  f(e.source ? e.source->country : "");
  f(e.source ? e.source->sector : "");
  f(e.target ? e.target->country : "");
  f(e.target ? e.target->sector : "");
  f(cameo_root(e.cameo));
  f(e.plover);
  copy_field(out, e.quad_class);
  f(pg_double(e.goldstein));
  f(std::string(to_string(e.modality)));
  f(e.date_precision);
  f(e.location ? e.location->country : "");
  f(e.location ? e.location->text : "");
  copy_field(out, g.mentions);
  copy_field(out, g.sources);
  copy_field(out, g.articles);
  f(g.first_seen);
  f(g.last_seen);
  copy_field(out, g.first_mention, true);
}

}  // namespace

PgStore::PgStore(const std::string& url) : db_(url) {
  db_.exec("SET client_encoding = 'UTF8'");
  pg_migrate(db_);
  indexes_complete_ = pg_query_indexes_complete(db_);
}

bool PgStore::has_article(const std::string& hash) {
  return db_.prepared("SELECT 1 FROM articles WHERE hash = $1", PgParams().add(hash)).rows() > 0;
}

StoreResult PgStore::add_article(const Article& article, const CodedArticle& coded) {
  return add_articles({&article}, {&coded}).front();
}

std::vector<StoreResult> PgStore::add_articles(const std::vector<const Article*>& articles,
                                               const std::vector<const CodedArticle*>& coded) {
  if (articles.size() != coded.size()) throw Error("add_articles: articles and coded differ in length");
  if (!bulk_ && !indexes_complete_) end_bulk_load();  // an interrupted bulk load: rebuild first
  db_.exec("BEGIN");
  try {
    db_.exec(kWriterLock);
    auto results = write_batch(articles, coded);
    db_.exec("COMMIT");
    return results;
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

// Index changes take the writer lock: no batch is half written under either shape.
void PgStore::under_writer_lock(void (*body)(PgConn&)) {
  db_.exec("BEGIN");
  try {
    db_.exec(kWriterLock);
    body(db_);
    db_.exec("COMMIT");
  } catch (...) {
    db_.exec("ROLLBACK");
    throw;
  }
}

void PgStore::begin_bulk_load() {
  under_writer_lock(pg_drop_query_indexes);
  bulk_ = true;
  indexes_complete_ = false;
}

void PgStore::end_bulk_load() {
  under_writer_lock(pg_create_query_indexes);
  bulk_ = false;
  indexes_complete_ = true;
}

std::vector<StoreResult> PgStore::write_batch(const std::vector<const Article*>& articles,
                                              const std::vector<const CodedArticle*>& coded) {
  std::string now = utc_now();
  std::vector<std::string> hashes;
  for (const Article* a : articles) hashes.push_back(article_content_hash(*a));
  std::map<std::string, std::int64_t> stored;
  PgResult found = db_.query("SELECT hash, id FROM articles WHERE hash = ANY($1::text[])",
                             PgParams().add(pg_array(hashes)));
  for (int i = 0; i < found.rows(); ++i) stored[found.text(i, 0)] = found.int64(i, 1);

  Ids ids = next_ids(db_);
  std::vector<StoreResult> results(articles.size());
  std::vector<std::size_t> fresh;  // indexes of the articles this batch writes
  for (std::size_t i = 0; i < articles.size(); ++i) {
    auto it = stored.find(hashes[i]);
    if (it != stored.end()) {
      results[i].article_id = it->second;  // stored before, or earlier in this batch
      continue;
    }
    results[i].stored = true;
    results[i].article_id = stored[hashes[i]] = ids.article++;
    fresh.push_back(i);
  }

  // Existing groups of every key in the batch, and their outlets.
  std::map<GroupKey, Group> groups;
  std::vector<std::string> cols[5];
  for (std::size_t i : fresh) {
    for (const Event& e : coded[i]->events) {
      GroupKey k = key_of(e);
      if (!groups.emplace(k, Group{}).second) continue;
      cols[0].push_back(k.src);
      cols[1].push_back(k.tgt);
      cols[2].push_back(k.cameo);
      cols[3].push_back(k.date);
      cols[4].push_back(k.place);
    }
  }
  std::map<std::int64_t, Group*> by_id;
  if (!groups.empty()) {
    PgParams p;
    for (auto& c : cols) p.add(pg_array(c));
    PgResult r = db_.query(
        "SELECT e.id, k.s, k.t, k.c, k.d, k.p, e.source_country, e.target_country, e.quad_class "
        "FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], "
        "$5::text[]) AS k(s, t, c, d, p) JOIN events e ON e.source_code = k.s AND e.target_code = k.t AND "
        "e.cameo = k.c AND e.date = k.d AND e.place = k.p", p);
    std::vector<std::string> id_list;
    for (int i = 0; i < r.rows(); ++i) {
      Group& g = groups.at({r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5)});
      g.id = r.int64(i, 0);
      g.source_country = r.text(i, 6);
      g.target_country = r.text(i, 7);
      g.quad_class = static_cast<int>(r.int64(i, 8));
      by_id[g.id] = &g;
      id_list.push_back(std::to_string(g.id));
    }
    if (!id_list.empty()) {
      PgResult o = db_.query("SELECT DISTINCT event_id, outlet FROM mentions WHERE event_id = ANY($1::bigint[])",
                             PgParams().add(pg_array(id_list)));
      for (int i = 0; i < o.rows(); ++i) by_id.at(o.int64(i, 0))->outlets.insert(o.text(i, 1));
    }
  }

  std::string articles_copy, sentences_copy, mentions_copy;
  std::map<std::string, std::pair<const Actor*, std::pair<std::int64_t, std::int64_t>>> actors;
  auto bump = [&](const std::optional<Actor>& a, bool as_source) {
    if (!a || a->code.empty()) return;
    auto& slot = actors.emplace(a->code, std::make_pair(&*a, std::make_pair(0, 0))).first->second;
    ++(as_source ? slot.second.first : slot.second.second);
  };
  for (std::size_t i : fresh) {
    const Article& a = *articles[i];
    const CodedArticle& c = *coded[i];
    StoreResult& res = results[i];
    const std::string& text = c.document.text.empty() ? a.text : c.document.text;
    std::string row;
    copy_field(row, res.article_id);
    const std::string& hash = hashes[i];
    for (const std::string* v : {&hash, &a.id, &a.url, &a.title, &a.outlet}) copy_field(row, *v);
    copy_field(row, a.outlet_country);
    copy_field(row, a.date);
    copy_field(row, text);
    copy_field(row, now);
    copy_field(row, static_cast<std::int64_t>(c.document.sentences.size()));
    copy_field(row, static_cast<std::int64_t>(c.events.size()), true);
    articles_copy += row;
    for (std::size_t s = 0; s < c.document.sentences.size(); ++s) {
      const Sentence& sent = c.document.sentences[s];
      copy_field(sentences_copy, ids.sentence++);
      copy_field(sentences_copy, res.article_id);
      copy_field(sentences_copy, static_cast<std::int64_t>(s));
      copy_field(sentences_copy, static_cast<std::int64_t>(sent.span.start));
      copy_field(sentences_copy, static_cast<std::int64_t>(sent.span.end));
      copy_field(sentences_copy, sent.text, true);
    }
    std::string seen = a.date ? a.date->substr(0, 10) : now.substr(0, 10);
    for (const Event& e : c.events) {
      const std::string& outlet = e.outlet.empty() ? a.outlet : e.outlet;
      Group& g = groups.at(key_of(e));
      std::int64_t mention = ids.mention++;
      if (g.id == 0) {  // first mention of a new group
        g.id = ids.event++;
        g.created = true;
        g.first = &e;
        g.first_mention = mention;
        ++res.new_events;
      }
      ++g.mentions;
      if (g.outlets.insert(outlet).second) ++g.sources;
      if (g.pairs.emplace(outlet, res.article_id).second) ++g.articles;
      if (g.first_seen.empty() || seen < g.first_seen) g.first_seen = seen;
      if (seen > g.last_seen) g.last_seen = seen;
      copy_mention(mentions_copy, mention, g.id, res.article_id, outlet, e);
      bump(e.source, true);
      bump(e.target, false);
      ++res.events;
    }
  }
  if (fresh.empty()) return results;

  std::string events_copy;
  std::vector<std::string> up[6];  // id, +mentions, +articles, +sources, first_seen, last_seen
  DayDeltas days;
  for (const auto& [k, g] : groups) {
    if (g.created) {
      const Event& e = *g.first;
      DayDelta& d = days[{e.source ? e.source->country : "", e.target ? e.target->country : "", k.date, e.quad_class}];
      ++d.events;
      d.mentions += g.mentions;
      d.goldstein_sum += e.goldstein;
      copy_group(events_copy, g, k);
      continue;
    }
    days[{g.source_country, g.target_country, k.date, g.quad_class}].mentions += g.mentions;
    up[0].push_back(std::to_string(g.id));
    up[1].push_back(std::to_string(g.mentions));
    up[2].push_back(std::to_string(g.articles));
    up[3].push_back(std::to_string(g.sources));
    up[4].push_back(g.first_seen);
    up[5].push_back(g.last_seen);
  }
  db_.copy_in("articles(id, hash, doc_id, url, title, outlet, outlet_country, date, text, ingested_at, "
              "num_sentences, num_events)", articles_copy);
  if (!sentences_copy.empty()) db_.copy_in("sentences(id, article_id, idx, start, \"end\", text)", sentences_copy);
  if (!events_copy.empty()) {
    db_.copy_in("events(id, source_code, target_code, cameo, date, place, source_country, source_sector, "
                "target_country, target_sector, root, plover, quad_class, goldstein, modality, date_precision, "
                "place_country, place_text, num_mentions, num_sources, num_articles, first_seen, last_seen, "
                "first_mention)", events_copy);
  }
  if (!mentions_copy.empty()) db_.copy_in(std::string("mentions(id, ") + kMentionColumns + ")", mentions_copy);
  if (!up[0].empty()) {
    PgParams p;
    for (auto& v : up) p.add(pg_array(v));
    db_.query(
        "UPDATE events e SET num_mentions = e.num_mentions + d.m, num_articles = e.num_articles + d.a, "
        "num_sources = e.num_sources + d.s, "
        "first_seen = CASE WHEN e.first_seen = '' OR d.fs < e.first_seen THEN d.fs ELSE e.first_seen END, "
        "last_seen = CASE WHEN d.ls > e.last_seen THEN d.ls ELSE e.last_seen END "
        "FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[]) AS d(id, m, a, s, fs, ls) "
        "WHERE e.id = d.id", p);
  }
  upsert_days(days);
  if (!actors.empty()) {
    std::vector<std::string> col[5];
    for (const auto& [code, v] : actors) {
      col[0].push_back(code);
      col[1].push_back(v.first->country);
      col[2].push_back(v.first->sector);
      col[3].push_back(std::to_string(v.second.first));
      col[4].push_back(std::to_string(v.second.second));
    }
    PgParams p;
    for (auto& v : col) p.add(pg_array(v));
    db_.query(
        "INSERT INTO actors(code, country, sector, as_source, as_target) "
        "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[]) "
        "ON CONFLICT (code) DO UPDATE SET as_source = actors.as_source + excluded.as_source, "
        "as_target = actors.as_target + excluded.as_target", p);
  }
  return results;
}

// One upsert for the batch's event_days deltas (store/day_totals.h).
void PgStore::upsert_days(const DayDeltas& days) {
  if (days.empty()) return;
  std::vector<std::string> col[7];
  for (const auto& [k, d] : days) {
    col[0].push_back(k.source_country);
    col[1].push_back(k.target_country);
    col[2].push_back(k.date);
    col[3].push_back(std::to_string(k.quad_class));
    col[4].push_back(std::to_string(d.events));
    col[5].push_back(std::to_string(d.mentions));
    col[6].push_back(pg_double(d.goldstein_sum));
  }
  PgParams p;
  for (auto& v : col) p.add(pg_array(v));
  db_.query(
      "INSERT INTO event_days(source_country, target_country, date, quad_class, events, mentions, goldstein_sum) "
      "SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[], "
      "$7::float8[]) ON CONFLICT (source_country, target_country, date, quad_class) DO UPDATE SET "
      "events = event_days.events + excluded.events, mentions = event_days.mentions + excluded.mentions, "
      "goldstein_sum = event_days.goldstein_sum + excluded.goldstein_sum", p);
}

StoreStats PgStore::stats() {
  PgResult r = db_.query(
      "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM sentences), (SELECT count(*) FROM events), "
      "(SELECT count(*) FROM mentions), (SELECT count(*) FROM actors), (SELECT max(version) FROM dyad_schema)");
  StoreStats s;
  s.articles = r.int64(0, 0);
  s.sentences = r.int64(0, 1);
  s.events = r.int64(0, 2);
  s.mentions = r.int64(0, 3);
  s.actors = r.int64(0, 4);
  s.schema_version = static_cast<int>(r.int64(0, 5));
  return s;
}

}  // namespace dyad::detail
