// The shared EventFilter -> WHERE builder (see event_filter_sql.h).
//
// A filter becomes a WHERE clause assembled from fixed fragments, one per
// non-empty field, each with `?` placeholders; the user's values are only ever
// bound. Country filters use equality (so the composite indexes seek), code
// filters a prefix range (>= p AND < prefix_end(p)), which also seeks.
#include "store/event_filter_sql.h"

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

}  // namespace dyad::detail
