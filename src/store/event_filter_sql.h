// The read-path SQL both store backends share: the EventFilter and
// ArticleFilter -> WHERE builders and the regroup query, so a filter fixed in one backend cannot drift
// from the other. The backends differ only where their SQL engines do
// (FilterDialect); everything else is one fragment.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dyad/store.h"

namespace dyad::detail {

/// A WHERE clause (" WHERE a AND b", or "" for no terms) with `?` placeholders;
/// the user's values are only ever bound, in `args` order.
struct SqlWhere {
  std::string sql;
  std::vector<std::string> args;
  void add(const std::string& fragment, std::vector<std::string> values);
};

/// What differs between the SQLite and PostgreSQL filter SQL.
struct FilterDialect {
  /// Prefix the actor and cameo terms with unary + (SQLite: keeps them off the
  /// indexes so the planner walks events_date; see sqlite_query.cpp).
  bool unary_plus_hints;
  /// The place term; two `?`, both bound to the place value.
  const char* place_clause;
  /// The full-text terms of events and of articles; one `?` each, bound to
  /// text_value(filter.text).
  const char* text_clause;
  const char* article_text_clause;
  std::string (*text_value)(const std::string& text);
};

/// Defined next to each backend's read path (sqlite_query.cpp, pg_query.cpp).
extern const FilterDialect kSqliteDialect;
extern const FilterDialect kPgDialect;

SqlWhere event_filter_where(const EventFilter& f, const FilterDialect& d);
SqlWhere article_filter_where(const ArticleFilter& f, const FilterDialect& d);

/// `sql` with each `?` written $n+1, $n+2, ... (PostgreSQL); `n` counts on.
std::string number_placeholders(const std::string& sql, std::size_t& n);

/// The article list's columns, in ArticleSummary order.
constexpr const char* kArticleSummaryColumns =
    "a.id, a.doc_id, a.title, a.url, a.outlet, a.date, a.ingested_at, a.num_sentences, a.num_events";

/// The regroup (dedup) query over mentions grouped by `keys`, with one
/// placeholder `min_param` for the minimum count. `article_expr` is the
/// article-id-as-text expression (PostgreSQL adds COLLATE "C" to sort as SQLite).
std::string regroup_sql(const std::vector<std::string>& keys, const std::string& article_expr,
                        const std::string& min_param);

}  // namespace dyad::detail
