// SQLite backend: the read path (pages, timelines, actor tables, regrouping).
// Filters become WHERE clauses through event_filter_sql.h (shared with
// PostgreSQL); kSqliteDialect below holds what is SQLite's own.
#include <algorithm>

#include "dyad/error.h"
#include "store/day_totals.h"
#include "store/event_filter_sql.h"
#include "store/sqlite_store.h"
#include "store/store_util.h"

namespace dyad::detail {

// Unary + keeps the actor and cameo terms off the indexes. Actor: an OR of two
// index lookups would have to sort every match by date, while walking
// events_date backwards and filtering stops after one page (measured: 1.5 s ->
// ms). Cameo: a code prefix spans several codes, so events_cameo could not
// return them in date order; filter while walking the date index instead.
// FTS5 takes the user's query as written (its syntax is the documented one).
extern const FilterDialect kSqliteDialect{
    true, "(e.place_country = ? OR e.place_text = ? COLLATE NOCASE)",
    "e.id IN (SELECT mt.event_id FROM sentence_fts JOIN sentences st ON st.id = sentence_fts.rowid "
    "JOIN mentions mt ON mt.article_id = st.article_id AND mt.sentence = st.idx "
    "WHERE sentence_fts MATCH ?)",
    "a.id IN (SELECT st.article_id FROM sentence_fts JOIN sentences st ON st.id = sentence_fts.rowid "
    "WHERE sentence_fts MATCH ?)",
    [](const std::string& text) { return text; }};

namespace {

using Where = SqlWhere;
Where build_where(const EventFilter& f) { return event_filter_where(f, kSqliteDialect); }

// Columns 0..10 describe the group; the mention columns follow from 11.
constexpr int kMentionFirst = 11;
std::string select_events_sql() {
  std::string sql =
      "SELECT e.id, e.root, e.place, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, "
      "a.doc_id, a.url || char(31) || a.title || char(31) || a.ingested_at, s.text, ";
  sql += mention_columns("m");
  sql += " FROM events e JOIN mentions m ON m.id = e.first_mention JOIN articles a ON a.id = m.article_id "
         "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence";
  return sql;
}

StoredEvent read_stored(const SqliteStmt& st) {
  StoredEvent s;
  s.id = st.int64(0);
  s.root = st.text(1);
  s.place = st.text(2);
  s.num_mentions = static_cast<int>(st.int64(3));
  s.num_sources = static_cast<int>(st.int64(4));
  s.num_articles = static_cast<int>(st.int64(5));
  s.first_seen = st.text(6);
  s.last_seen = st.text(7);
  s.event = read_mention(st, kMentionFirst);
  s.event.doc = st.text(8);
  std::string meta = st.text(9);
  auto p1 = meta.find('\x1f'), p2 = meta.rfind('\x1f');
  s.url = meta.substr(0, p1);
  s.title = meta.substr(p1 + 1, p2 - p1 - 1);
  s.ingested_at = meta.substr(p2 + 1);
  s.event.sentence_text = st.text(10);
  s.article_id = st.int64(kMentionFirst + 1);
  return s;
}

void bind_all(SqliteStmt& st, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) st.bind(static_cast<int>(i + 1), args[i]);
}

}  // namespace

EventPage SqliteStore::events(const EventFilter& filter, int limit, const std::string& cursor) {
  Where w = build_where(filter);
  if (!cursor.empty()) {
    auto bar = cursor.find('|');
    if (bar == std::string::npos) throw Error("bad cursor '" + cursor + "' (pass back next_cursor unchanged)");
    w.add("(e.date, e.id) < (?, ?)", {cursor.substr(0, bar), cursor.substr(bar + 1)});
  }
  std::string sql = select_events_sql() + w.sql + " ORDER BY e.date DESC, e.id DESC LIMIT ?";
  SqliteStmt& st = cached(sql);
  bind_all(st, w.args);
  // The cursor id is an integer column: bind it as one so the comparison uses the index order.
  if (!cursor.empty()) st.bind(static_cast<int>(w.args.size()), static_cast<std::int64_t>(std::stoll(w.args.back())));
  st.bind(static_cast<int>(w.args.size() + 1), static_cast<std::int64_t>(limit) + 1);
  EventPage page;
  while (st.step()) page.events.push_back(read_stored(st));
  st.reset();
  if (static_cast<int>(page.events.size()) > limit) {
    page.events.pop_back();
    const StoredEvent& last = page.events.back();
    page.next_cursor = last.event.date + "|" + std::to_string(last.id);
  }
  return page;
}

void SqliteStore::for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) {
  Where w = build_where(filter);
  SqliteStmt st = db_.prepare(select_events_sql() + w.sql + " ORDER BY e.date, e.id");
  bind_all(st, w.args);
  while (st.step()) fn(read_stored(st));
}

std::vector<Event> SqliteStore::mentions(std::int64_t event_id) {
  SqliteStmt& st = cached("SELECT a.doc_id, s.text, " + mention_columns("m") +
                          " FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN sentences s ON "
                          "s.article_id = m.article_id AND s.idx = m.sentence WHERE m.event_id = ? ORDER BY m.id");
  st.bind(1, event_id);
  std::vector<Event> out;
  while (st.step()) {
    Event e = read_mention(st, 2);
    e.doc = st.text(0);
    e.sentence_text = st.text(1);
    out.push_back(std::move(e));
  }
  st.reset();
  return out;
}

// Country and date filters are answered from event_days (a key range of a
// pre-aggregated table); any other filter scans the matching events, and so
// does every filter while a bulk load defers event_days (sqlite_bulk.cpp).
std::vector<TimelineBucket> SqliteStore::timeline(const EventFilter& filter, const std::string& by) {
  period_start("2000-01-01", by);  // validates `by` before touching the database
  // The filters event_days answers use only columns it shares with events.
  bool days = day_totals_answer(filter) && !load_pending();
  Where w = build_where(filter);
  w.add("e.date <> ''", {});
  // ORDER BY names both GROUP BY columns, so the key order of event_days serves both (no sort).
  SqliteStmt& st = cached(days ? "SELECT e.date, e.quad_class, sum(e.events), sum(e.mentions), sum(e.goldstein_sum) "
                                 "FROM event_days e" + w.sql +
                                 " GROUP BY e.date, e.quad_class ORDER BY e.date, e.quad_class"
                               : "SELECT e.date, e.quad_class, count(*), sum(e.num_mentions), sum(e.goldstein) "
                                 "FROM events e" + w.sql + " GROUP BY e.date, e.quad_class ORDER BY e.date");
  bind_all(st, w.args);
  std::vector<TimelineBucket> out;
  while (st.step()) {
    add_timeline_row(out, st.text(0), by, static_cast<int>(st.int64(1)), st.int64(2), st.int64(3), st.real(4));
  }
  st.reset();
  finish_timeline(out);
  return out;
}

ActorReport SqliteStore::actors(const EventFilter& filter, int limit) {
  Where w = build_where(filter);
  ActorReport r;
  auto run = [&](const std::string& sql, std::vector<ActorCount>& out) {
    SqliteStmt& st = cached(sql);
    std::size_t n = w.args.size();
    bind_all(st, w.args);
    // The actor query repeats the filter for each side; bind the second copy.
    if (sql.find("UNION ALL") != std::string::npos) {
      for (std::size_t i = 0; i < n; ++i) st.bind(static_cast<int>(n + i + 1), w.args[i]);
      n *= 2;
    }
    st.bind(static_cast<int>(n + 1), static_cast<std::int64_t>(limit));
    while (st.step()) out.push_back(ActorCount{st.text(0), st.int64(1), st.int64(2)});
    st.reset();
  };
  std::string side_where = w.sql.empty() ? " WHERE " : w.sql + " AND ";
  run("SELECT code, sum(n), sum(m) FROM (SELECT e.source_code AS code, count(*) AS n, sum(e.num_mentions) AS m "
      "FROM events e" + side_where + "e.source_code <> '' GROUP BY 1 UNION ALL "
      "SELECT e.target_code, count(*), sum(e.num_mentions) FROM events e" + side_where +
      "e.target_code <> '' GROUP BY 1) GROUP BY code ORDER BY 2 DESC, 1 LIMIT ?",
      r.actors);
  run("SELECT e.source_code || ':' || e.target_code, count(*), sum(e.num_mentions) FROM events e" + side_where +
      "e.source_code <> '' AND e.target_code <> '' GROUP BY e.source_code, e.target_code ORDER BY 2 DESC, 1 LIMIT ?",
      r.dyads);
  return r;
}

// Countries are counted from the copies of the actor countries in `events`, so
// the map reads one table; an event whose source and target share a country
// counts once in `events` (the second branch adds it only when they differ).
CountryReport SqliteStore::countries(const EventFilter& filter, int dyad_limit) {
  Where w = build_where(filter);
  std::string side_where = w.sql.empty() ? " WHERE " : w.sql + " AND ";
  CountryReport r;
  SqliteStmt& st = cached(
      "SELECT c, sum(n), sum(s), sum(t) FROM ("
      "SELECT e.source_country AS c, count(*) AS n, count(*) AS s, 0 AS t FROM events e" + side_where +
      "e.source_country <> '' GROUP BY 1 UNION ALL "
      "SELECT e.target_country, sum(e.target_country <> e.source_country), 0, count(*) FROM events e" + side_where +
      "e.target_country <> '' GROUP BY 1) GROUP BY c ORDER BY 2 DESC, 1");
  bind_all(st, w.args);
  for (std::size_t i = 0; i < w.args.size(); ++i) st.bind(static_cast<int>(w.args.size() + i + 1), w.args[i]);
  while (st.step()) r.countries.push_back(CountryCount{st.text(0), st.int64(1), st.int64(2), st.int64(3)});
  st.reset();
  SqliteStmt& dy = cached("SELECT e.source_country, e.target_country, count(*) FROM events e" + side_where +
                          "e.source_country <> '' AND e.target_country <> '' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 "
                          "LIMIT ?");
  bind_all(dy, w.args);
  dy.bind(static_cast<int>(w.args.size() + 1), static_cast<std::int64_t>(dyad_limit));
  while (dy.step()) r.dyads.push_back(CountryDyad{dy.text(0), dy.text(1), dy.int64(2)});
  dy.reset();
  return r;
}

std::vector<MentionGroup> SqliteStore::regroup(const std::vector<std::string>& keys, int min_mentions) {
  SqliteStmt st = db_.prepare(regroup_sql(keys, "CAST(m.article_id AS TEXT)", "?"));
  st.bind(1, min_mentions);
  std::vector<MentionGroup> out;
  int k = static_cast<int>(keys.size());
  while (st.step()) {
    MentionGroup g;
    for (int i = 0; i < k; ++i) g.key.push_back(st.text(i));
    g.num_mentions = st.int64(k);
    g.num_sources = st.int64(k + 1);
    g.num_articles = st.int64(k + 2);
    g.first_seen = st.text(k + 3);
    g.last_seen = st.text(k + 4);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace dyad::detail
