// The shared read-path SQL: EventFilter and ArticleFilter -> WHERE, and regroup
// (see event_filter_sql.h).
//
// A filter becomes a WHERE clause assembled from fixed fragments, one per
// non-empty field, each with `?` placeholders; the user's values are only ever
// bound. Country filters use equality (so the composite indexes seek), code
// filters a prefix range (>= p AND < prefix_end(p)), which also seeks.
#include "store/event_filter_sql.h"

#include <map>

#include "dyad/error.h"
#include "store/store_util.h"

namespace dyad::detail {
namespace {

void add_actor(SqlWhere& w, const std::string& side, const std::string& v) {
  if (is_country_filter(v)) {
    w.add("e." + side + "_country = ?", {v});
  } else {
    std::string p = v.back() == '*' ? v.substr(0, v.size() - 1) : v;
    w.add("(e." + side + "_code >= ? AND e." + side + "_code < ?)", {p, prefix_end(p)});
  }
}

// Either side matches; `h` is the dialect's index hint ("+" or "").
void add_either_actor(SqlWhere& w, const std::string& v, const std::string& h) {
  if (is_country_filter(v)) {
    w.add("(" + h + "e.source_country = ? OR " + h + "e.target_country = ?)", {v, v});
  } else {
    std::string p = v.back() == '*' ? v.substr(0, v.size() - 1) : v;
    w.add("((" + h + "e.source_code >= ? AND " + h + "e.source_code < ?) OR (" + h + "e.target_code >= ? AND " + h +
              "e.target_code < ?))",
          {p, prefix_end(p), p, prefix_end(p)});
  }
}

}  // namespace

void SqlWhere::add(const std::string& fragment, std::vector<std::string> values) {
  sql += sql.empty() ? " WHERE " : " AND ";
  sql += fragment;
  for (auto& v : values) args.push_back(std::move(v));
}

SqlWhere event_filter_where(const EventFilter& f, const FilterDialect& d) {
  const std::string h = d.unary_plus_hints ? "+" : "";
  SqlWhere w;
  if (!f.source.empty()) add_actor(w, "source", f.source);
  if (!f.target.empty()) add_actor(w, "target", f.target);
  if (!f.actor.empty()) add_either_actor(w, f.actor, h);
  if (!f.cameo.empty()) w.add("(" + h + "e.cameo >= ? AND " + h + "e.cameo < ?)", {f.cameo, prefix_end(f.cameo)});
  if (!f.plover.empty()) w.add("e.plover = ?", {f.plover});
  if (!f.modality.empty()) w.add("e.modality = ?", {f.modality});
  if (!f.from.empty()) w.add("e.date >= ?", {f.from});
  if (!f.to.empty()) w.add("e.date <= ?", {f.to});
  if (!f.place.empty()) w.add(d.place_clause, {f.place, f.place});
  if (!f.outlet.empty()) {
    w.add("EXISTS (SELECT 1 FROM mentions mo WHERE mo.event_id = e.id AND mo.outlet = ?)", {f.outlet});
  }
  if (!f.text.empty()) w.add(d.text_clause, {d.text_value(f.text)});
  return w;
}

SqlWhere article_filter_where(const ArticleFilter& f, const FilterDialect& d) {
  SqlWhere w;
  if (!f.outlet.empty()) w.add("a.outlet = ?", {f.outlet});
  if (!f.from.empty()) w.add("a.date >= ?", {f.from});
  if (!f.to.empty()) w.add("a.date <= ?", {f.to});
  if (!f.text.empty()) w.add(d.article_text_clause, {d.text_value(f.text)});
  return w;
}

std::string number_placeholders(const std::string& sql, std::size_t& n) {
  std::string out;
  for (char c : sql) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string regroup_sql(const std::vector<std::string>& keys, const std::string& article_expr,
                        const std::string& min_param) {
  static const std::map<std::string, std::string> kExpr = {
      {"source", "coalesce(m.src_code, '')"},
      {"target", "coalesce(m.tgt_code, '')"},
      {"cameo", "m.cameo"},
      {"root", "substr(m.cameo, 1, 2)"},
      {"date", "coalesce(m.date, '')"},
      {"place", "coalesce(m.place_country || ':' || m.place_text, '')"},
      {"modality", "m.modality"},
      {"plover", "coalesce(m.plover, '')"},
      {"source_country", "coalesce(m.src_country, '')"},
      {"target_country", "coalesce(m.tgt_country, '')"},
      {"outlet", "m.outlet"}};
  if (keys.empty()) throw Error("dedup: give at least one key");
  std::string cols;
  for (const std::string& k : keys) {
    std::string expr = article_expr;
    if (k != "article") {
      auto it = kExpr.find(k);
      if (it == kExpr.end()) throw Error("dedup: unknown key '" + k + "' (see docs/store.md for the key names)");
      expr = it->second;
    }
    cols += (cols.empty() ? "" : ", ") + expr;
  }
  return "SELECT " + cols + ", count(*), count(DISTINCT m.outlet), count(DISTINCT m.article_id), "
         "min(coalesce(a.date, substr(a.ingested_at, 1, 10))), max(coalesce(a.date, substr(a.ingested_at, 1, 10))) "
         "FROM mentions m JOIN articles a ON a.id = m.article_id GROUP BY " + cols +
         " HAVING count(*) >= " + min_param + " ORDER BY count(*) DESC, " + cols;
}

}  // namespace dyad::detail
