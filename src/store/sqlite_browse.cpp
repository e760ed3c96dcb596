// SQLite backend: browsing articles (the dashboard's article list and reader).
//
// Articles are listed by id descending (most recently stored first): the
// rowid order needs no index and gives a stable integer cursor ("id of the
// last row"), so pages neither skip nor repeat rows while ingest appends new
// articles. Filters are fixed fragments with bound values (event_filter_sql.h).
#include <algorithm>

#include "dyad/error.h"
#include "store/event_filter_sql.h"
#include "store/sqlite_store.h"

namespace dyad::detail {
namespace {

ArticleSummary read_summary(const SqliteStmt& st) {
  ArticleSummary a;
  a.id = st.int64(0);
  a.doc_id = st.text(1);
  a.title = st.text(2);
  a.url = st.text(3);
  a.outlet = st.text(4);
  if (!st.is_null(5)) a.date = st.text(5);
  a.ingested_at = st.text(6);
  a.sentences = st.int64(7);
  a.events = st.int64(8);
  return a;
}

std::int64_t parse_article_cursor(const std::string& cursor) {
  bool digits = !cursor.empty() && cursor.size() <= 18 &&
                std::all_of(cursor.begin(), cursor.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) throw Error("bad article cursor '" + cursor.substr(0, 40) + "' (pass back next_cursor unchanged)");
  return std::stoll(cursor);
}

}  // namespace

ArticlePage SqliteStore::articles(const ArticleFilter& f, int limit, const std::string& cursor) {
  SqlWhere w = article_filter_where(f, kSqliteDialect);
  std::int64_t after = cursor.empty() ? 0 : parse_article_cursor(cursor);
  if (!cursor.empty()) w.add("a.id < ?", {});  // bound below as an integer
  SqliteStmt& st = cached(std::string("SELECT ") + kArticleSummaryColumns + " FROM articles a" + w.sql +
                          " ORDER BY a.id DESC LIMIT ?");
  int i = 1;
  for (const std::string& v : w.args) st.bind(i++, v);
  if (!cursor.empty()) st.bind(i++, after);
  st.bind(i, static_cast<std::int64_t>(std::max(limit, 0)) + 1);
  ArticlePage page;
  while (st.step()) page.articles.push_back(read_summary(st));
  st.reset();
  if (static_cast<int>(page.articles.size()) > limit) {
    page.articles.pop_back();
    if (!page.articles.empty()) page.next_cursor = std::to_string(page.articles.back().id);
  }
  return page;
}

std::optional<StoredArticle> SqliteStore::article(std::int64_t id) {
  SqliteStmt& st = cached(std::string("SELECT ") + kArticleSummaryColumns + ", a.text FROM articles a WHERE a.id = ?");
  st.bind(1, id);
  if (!st.step()) {
    st.reset();
    return std::nullopt;
  }
  StoredArticle out;
  out.info = read_summary(st);
  out.text = st.text(9);
  st.reset();
  SqliteStmt& m = cached("SELECT s.text, " + mention_columns("m") +
                         " FROM mentions m LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence"
                         " WHERE m.article_id = ? ORDER BY m.id");
  m.bind(1, id);
  while (m.step()) {
    ArticleMention am;
    am.event_id = m.int64(1);  // first mention column
    am.event = read_mention(m, 1);
    am.event.doc = out.info.doc_id;
    am.event.sentence_text = m.text(0);
    out.mentions.push_back(std::move(am));
  }
  m.reset();
  return out;
}

}  // namespace dyad::detail
