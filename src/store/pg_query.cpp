// PostgreSQL backend: the read path (pages, timelines, actor tables,
// regrouping, browsing). The filter fragments are the SQLite backend's
// (event_filter_sql.h) with kPgDialect below; each `?` becomes the next $n and
// every value is a bound parameter. The result order clauses are the SQLite
// ones, and text columns are COLLATE "C", so both backends return the same
// rows in the same order.
#include <algorithm>

#include "dyad/error.h"
#include "store/day_totals.h"
#include "store/event_filter_sql.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"
#include "store/store_util.h"

namespace dyad::detail {

// No unary-plus index hints (a SQLite planner trick this backend never used),
// no COLLATE NOCASE (lower() on both sides instead), and full text through the
// generated tsvector column with the query rewritten by fts_to_tsquery.
extern const FilterDialect kPgDialect{
    false, "(e.place_country = ? OR lower(e.place_text) = lower(?))",
    "e.id IN (SELECT mt.event_id FROM sentences st JOIN mentions mt ON mt.article_id = st.article_id "
    "AND mt.sentence = st.idx WHERE st.tsv @@ to_tsquery('simple', ?))",
    "a.id IN (SELECT st.article_id FROM sentences st WHERE st.tsv @@ to_tsquery('simple', ?))", fts_to_tsquery};

namespace {

struct Where {
  std::string sql;
  PgParams args;
  std::size_t n = 0;
  // Appends `fragment`, numbering its `?` placeholders $n.., and binds `values`.
  void add(const std::string& fragment, const std::vector<std::string>& values) {
    sql += sql.empty() ? " WHERE " : " AND ";
    append_numbered(fragment);
    for (const auto& v : values) args.add(v);
  }
  std::string next() {  // a trailing parameter (LIMIT ...)
    std::string p(1, '$');
    p += std::to_string(++n);
    return p;
  }
  void append_numbered(const std::string& fragment) { sql += number_placeholders(fragment, n); }
};

// The shared clause keeps its " WHERE ... AND ..." text; only `?` are renumbered.
Where build_where(const EventFilter& f) {
  SqlWhere shared = event_filter_where(f, kPgDialect);
  Where w;
  w.append_numbered(shared.sql);
  for (const auto& v : shared.args) w.args.add(v);
  return w;
}

// Columns 0..12 describe the group and its article; the mention columns follow.
constexpr int kMentionFirst = 13;
std::string select_events_sql() {
  return "SELECT e.id, e.root, e.place, e.num_mentions, e.num_sources, e.num_articles, e.first_seen, e.last_seen, "
         "a.doc_id, a.url, a.title, a.ingested_at, s.text, " + mention_columns("m") +
         " FROM events e JOIN mentions m ON m.id = e.first_mention JOIN articles a ON a.id = m.article_id "
         "LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence";
}

StoredEvent read_stored(const PgResult& r, int i) {
  StoredEvent s;
  s.id = r.int64(i, 0);
  s.root = r.text(i, 1);
  s.place = r.text(i, 2);
  s.num_mentions = static_cast<int>(r.int64(i, 3));
  s.num_sources = static_cast<int>(r.int64(i, 4));
  s.num_articles = static_cast<int>(r.int64(i, 5));
  s.first_seen = r.text(i, 6);
  s.last_seen = r.text(i, 7);
  s.event = read_pg_mention(r, i, kMentionFirst);
  s.event.doc = r.text(i, 8);
  s.url = r.text(i, 9);
  s.title = r.text(i, 10);
  s.ingested_at = r.text(i, 11);
  s.event.sentence_text = r.text(i, 12);
  s.article_id = r.int64(i, kMentionFirst + 1);
  return s;
}

void add_cursor(Where& w, const std::string& cursor, const char* cmp) {
  auto bar = cursor.find('|');
  std::string id = bar == std::string::npos ? "" : cursor.substr(bar + 1);
  if (id.empty() || id.size() > 18 || !std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw Error("bad cursor '" + cursor.substr(0, 40) + "' (pass back next_cursor unchanged)");
  }
  w.add(std::string("(e.date, e.id) ") + cmp + " (?, ?::bigint)", {cursor.substr(0, bar), id});
}

}  // namespace

EventPage PgStore::events(const EventFilter& filter, int limit, const std::string& cursor) {
  Where w = build_where(filter);
  if (!cursor.empty()) add_cursor(w, cursor, "<");
  std::string sql = select_events_sql() + w.sql + " ORDER BY e.date DESC, e.id DESC LIMIT " + w.next();
  w.args.add(static_cast<std::int64_t>(std::max(limit, 0)) + 1);
  PgResult r = db_.prepared(sql, w.args);
  EventPage page;
  for (int i = 0; i < r.rows(); ++i) page.events.push_back(read_stored(r, i));
  if (static_cast<int>(page.events.size()) > limit) {
    page.events.pop_back();
    if (!page.events.empty()) {
      const StoredEvent& last = page.events.back();
      page.next_cursor = last.event.date + "|" + std::to_string(last.id);
    }
  }
  return page;
}

// Oldest first in chunks of 1,000 (keyset paging): memory stays bounded and
// `fn` may call back into this store between chunks.
void PgStore::for_each_event(const EventFilter& filter, const std::function<void(const StoredEvent&)>& fn) {
  std::string cursor;
  for (;;) {
    Where w = build_where(filter);
    if (!cursor.empty()) add_cursor(w, cursor, ">");
    std::string sql = select_events_sql() + w.sql + " ORDER BY e.date, e.id LIMIT 1000";
    PgResult r = db_.prepared(sql, w.args);
    std::vector<StoredEvent> chunk;
    for (int i = 0; i < r.rows(); ++i) chunk.push_back(read_stored(r, i));
    for (const StoredEvent& s : chunk) fn(s);
    if (chunk.size() < 1000) return;
    cursor = chunk.back().event.date + "|" + std::to_string(chunk.back().id);
  }
}

std::vector<Event> PgStore::mentions(std::int64_t event_id) {
  PgResult r = db_.prepared("SELECT a.doc_id, s.text, " + mention_columns("m") +
                                " FROM mentions m JOIN articles a ON a.id = m.article_id LEFT JOIN sentences s ON "
                                "s.article_id = m.article_id AND s.idx = m.sentence WHERE m.event_id = $1 ORDER BY m.id",
                            PgParams().add(event_id));
  std::vector<Event> out;
  for (int i = 0; i < r.rows(); ++i) {
    Event e = read_pg_mention(r, i, 2);
    e.doc = r.text(i, 0);
    e.sentence_text = r.text(i, 1);
    out.push_back(std::move(e));
  }
  return out;
}

// Country and date filters are answered from event_days (same column names,
// so the same fragments); any other filter scans the matching events.
std::vector<TimelineBucket> PgStore::timeline(const EventFilter& filter, const std::string& by) {
  period_start("2000-01-01", by);  // validates `by` before touching the database
  Where w = build_where(filter);
  w.add("e.date <> ''", {});
  std::string sql = day_totals_answer(filter)
                        ? "SELECT e.date, e.quad_class, sum(e.events)::bigint, sum(e.mentions)::bigint, "
                          "sum(e.goldstein_sum) FROM event_days e"
                        : "SELECT e.date, e.quad_class, count(*), sum(e.num_mentions), sum(e.goldstein) FROM events e";
  PgResult r = db_.prepared(sql + w.sql + " GROUP BY e.date, e.quad_class ORDER BY e.date", w.args);
  std::vector<TimelineBucket> out;
  for (int i = 0; i < r.rows(); ++i) {
    add_timeline_row(out, r.text(i, 0), by, static_cast<int>(r.int64(i, 1)), r.int64(i, 2), r.int64(i, 3),
                     r.real(i, 4));
  }
  finish_timeline(out);
  return out;
}

ActorReport PgStore::actors(const EventFilter& filter, int limit) {
  ActorReport rep;
  // The filter is numbered once and used by both sides of the UNION.
  Where w = build_where(filter);
  std::string side = w.sql.empty() ? " WHERE " : w.sql + " AND ";
  std::string lim = w.next();
  w.args.add(static_cast<std::int64_t>(limit));
  PgResult a = db_.prepared(
      "SELECT code, sum(n), sum(m) FROM (SELECT e.source_code AS code, count(*) AS n, sum(e.num_mentions) AS m "
      "FROM events e" + side + "e.source_code <> '' GROUP BY 1 UNION ALL "
      "SELECT e.target_code, count(*), sum(e.num_mentions) FROM events e" + side +
      "e.target_code <> '' GROUP BY 1) AS x GROUP BY code ORDER BY 2 DESC, 1 LIMIT " + lim, w.args);
  for (int i = 0; i < a.rows(); ++i) rep.actors.push_back(ActorCount{a.text(i, 0), a.int64(i, 1), a.int64(i, 2)});
  PgResult d = db_.prepared(
      "SELECT e.source_code || ':' || e.target_code, count(*), sum(e.num_mentions) FROM events e" + side +
      "e.source_code <> '' AND e.target_code <> '' GROUP BY e.source_code, e.target_code ORDER BY 2 DESC, 1 "
      "LIMIT " + lim, w.args);
  for (int i = 0; i < d.rows(); ++i) rep.dyads.push_back(ActorCount{d.text(i, 0), d.int64(i, 1), d.int64(i, 2)});
  return rep;
}

CountryReport PgStore::countries(const EventFilter& filter, int dyad_limit) {
  Where w = build_where(filter);
  std::string side = w.sql.empty() ? " WHERE " : w.sql + " AND ";
  CountryReport rep;
  PgResult c = db_.prepared(
      "SELECT c, sum(n), sum(s), sum(t) FROM ("
      "SELECT e.source_country AS c, count(*) AS n, count(*) AS s, 0 AS t FROM events e" + side +
      "e.source_country <> '' GROUP BY 1 UNION ALL "
      "SELECT e.target_country, count(*) FILTER (WHERE e.target_country <> e.source_country), 0, count(*) "
      "FROM events e" + side + "e.target_country <> '' GROUP BY 1) AS x GROUP BY c ORDER BY 2 DESC, 1", w.args);
  for (int i = 0; i < c.rows(); ++i) {
    rep.countries.push_back(CountryCount{c.text(i, 0), c.int64(i, 1), c.int64(i, 2), c.int64(i, 3)});
  }
  std::string lim = w.next();
  w.args.add(static_cast<std::int64_t>(dyad_limit));
  PgResult d = db_.prepared("SELECT e.source_country, e.target_country, count(*) FROM events e" + side +
                                "e.source_country <> '' AND e.target_country <> '' GROUP BY 1, 2 "
                                "ORDER BY 3 DESC, 1, 2 LIMIT " + lim, w.args);
  for (int i = 0; i < d.rows(); ++i) rep.dyads.push_back(CountryDyad{d.text(i, 0), d.text(i, 1), d.int64(i, 2)});
  return rep;
}

std::vector<MentionGroup> PgStore::regroup(const std::vector<std::string>& keys, int min_mentions) {
  PgResult r =
      db_.query(regroup_sql(keys, "CAST(m.article_id AS TEXT) COLLATE \"C\"", "$1"), PgParams().add(min_mentions));
  std::vector<MentionGroup> out;
  int k = static_cast<int>(keys.size());
  for (int i = 0; i < r.rows(); ++i) {
    MentionGroup g;
    for (int j = 0; j < k; ++j) g.key.push_back(r.text(i, j));
    g.num_mentions = r.int64(i, k);
    g.num_sources = r.int64(i, k + 1);
    g.num_articles = r.int64(i, k + 2);
    g.first_seen = r.text(i, k + 3);
    g.last_seen = r.text(i, k + 4);
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace dyad::detail
