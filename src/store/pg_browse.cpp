// PostgreSQL backend: browsing articles (the dashboard's article list and
// reader), mirroring sqlite_browse.cpp: id-descending pages, integer cursor.
#include <algorithm>

#include "dyad/error.h"
#include "store/event_filter_sql.h"
#include "store/pg_store.h"
#include "store/sqlite_store.h"

namespace dyad::detail {
namespace {

ArticleSummary read_summary(const PgResult& r, int i) {
  ArticleSummary a;
  a.id = r.int64(i, 0);
  a.doc_id = r.text(i, 1);
  a.title = r.text(i, 2);
  a.url = r.text(i, 3);
  a.outlet = r.text(i, 4);
  if (!r.is_null(i, 5)) a.date = r.text(i, 5);
  a.ingested_at = r.text(i, 6);
  a.sentences = r.int64(i, 7);
  a.events = r.int64(i, 8);
  return a;
}

}  // namespace

ArticlePage PgStore::articles(const ArticleFilter& f, int limit, const std::string& cursor) {
  SqlWhere w = article_filter_where(f, kPgDialect);
  if (!cursor.empty()) {
    bool digits = cursor.size() <= 18 &&
                  std::all_of(cursor.begin(), cursor.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw Error("bad article cursor '" + cursor.substr(0, 40) + "' (pass back next_cursor unchanged)");
    w.add("a.id < ?", {cursor});
  }
  std::size_t n = 0;
  std::string where = number_placeholders(w.sql, n);
  PgParams args;
  for (const std::string& v : w.args) args.add(v);
  args.add(static_cast<std::int64_t>(std::max(limit, 0)) + 1);
  PgResult r = db_.prepared(std::string("SELECT ") + kArticleSummaryColumns + " FROM articles a" + where +
                                " ORDER BY a.id DESC LIMIT $" + std::to_string(n + 1),
                            args);
  ArticlePage page;
  for (int i = 0; i < r.rows(); ++i) page.articles.push_back(read_summary(r, i));
  if (static_cast<int>(page.articles.size()) > limit) {
    page.articles.pop_back();
    if (!page.articles.empty()) page.next_cursor = std::to_string(page.articles.back().id);
  }
  return page;
}

std::optional<StoredArticle> PgStore::article(std::int64_t id) {
  PgResult a = db_.prepared(
      std::string("SELECT ") + kArticleSummaryColumns + ", a.text FROM articles a WHERE a.id = $1", PgParams().add(id));
  if (a.rows() == 0) return std::nullopt;
  StoredArticle out;
  out.info = read_summary(a, 0);
  out.text = a.text(0, 9);
  PgResult m = db_.prepared("SELECT s.text, " + mention_columns("m") +
                                " FROM mentions m LEFT JOIN sentences s ON s.article_id = m.article_id AND "
                                "s.idx = m.sentence WHERE m.article_id = $1 ORDER BY m.id",
                            PgParams().add(id));
  for (int i = 0; i < m.rows(); ++i) {
    ArticleMention am;
    am.event_id = m.int64(i, 1);  // first mention column
    am.event = read_pg_mention(m, i, 1);
    am.event.doc = out.info.doc_id;
    am.event.sentence_text = m.text(i, 0);
    out.mentions.push_back(std::move(am));
  }
  return out;
}

}  // namespace dyad::detail
