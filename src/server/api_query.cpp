// GET routes over the event store: events, timeline, actors, countries,
// articles. Query parameters are validated here (names, dates, numbers,
// cursors) so a bad request is a 400 naming the parameter, and they reach
// the store only as EventFilter / ArticleFilter fields, which the backends
// bind as SQL parameters (never spliced into SQL).
#include <algorithm>
#include <set>

#include "dyad/error.h"
#include "dyad/store.h"
#include "server/api.h"

namespace dyad::detail {
namespace {

constexpr std::size_t kMaxParam = 256;

ApiError bad(const std::string& message) { return ApiError{400, "bad_request", message}; }

const std::set<std::string>& filter_names() {
  static const std::set<std::string> k = {"actor", "source", "target", "dyad",  "cameo", "plover",
                                          "modality", "from", "to",   "place", "outlet", "q"};
  return k;
}

// Only the listed parameters are accepted: a misspelt filter would otherwise
// silently return everything.
void check_names(const ApiRequest& r, std::set<std::string> allowed, bool filters) {
  if (filters) allowed.insert(filter_names().begin(), filter_names().end());
  for (const auto& [name, value] : r.params) {
    if (!allowed.count(name)) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      throw bad("unknown query parameter '" + name.substr(0, 40) + "' (accepted: " + list + ")");
    }
    if (value.size() > kMaxParam) throw bad("query parameter '" + name + "' is longer than 256 bytes");
  }
}

std::string param(const ApiRequest& r, const std::string& name) {
  auto it = r.params.find(name);
  return it == r.params.end() ? std::string() : it->second;
}

void check_date(const std::string& name, const std::string& v) {
  bool ok = v.size() == 10 && v[4] == '-' && v[7] == '-';
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) ok = ok && std::isdigit(static_cast<unsigned char>(v[i]));
  if (!ok) throw bad("parameter '" + name + "' must be a date YYYY-MM-DD, not '" + v.substr(0, 40) + "'");
}

int int_param(const ApiRequest& r, const std::string& name, int fallback, int lo, int hi) {
  std::string v = param(r, name);
  if (v.empty()) return fallback;
  bool digits = v.size() <= 9 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  int n = digits ? std::stoi(v) : -1;
  if (!digits || n < lo || n > hi) {
    throw bad("parameter '" + name + "' must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  return n;
}

// The API's q is plain words, all of which must occur: each becomes a quoted
// FTS5 string, so user text can never be FTS5 syntax (no syntax errors).
std::string words_query(const std::string& q) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted = "\"";
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "" : " ") + quoted + "\"";
    word.clear();
  };
  for (char c : q) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush(); else word += c;
  }
  flush();
  return out;
}

EventFilter event_filter(const ApiRequest& r) {
  EventFilter f;
  f.actor = param(r, "actor");
  f.source = param(r, "source");
  f.target = param(r, "target");
  f.cameo = param(r, "cameo");
  f.plover = param(r, "plover");
  f.modality = param(r, "modality");
  f.from = param(r, "from");
  f.to = param(r, "to");
  f.place = param(r, "place");
  f.outlet = param(r, "outlet");
  f.text = words_query(param(r, "q"));
  if (!f.from.empty()) check_date("from", f.from);
  if (!f.to.empty()) check_date("to", f.to);
  if (!f.cameo.empty() && !std::all_of(f.cameo.begin(), f.cameo.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    throw bad("parameter 'cameo' must be a CAMEO code or prefix of digits (16, 166)");
  }
  static const std::set<std::string> kModalities = {"asserted", "reported", "alleged", "denied",
                                                    "negated", "conditional", "future", "hypothetical"};
  if (!f.modality.empty() && !kModalities.count(f.modality)) {
    throw bad("parameter 'modality' must be one of asserted, reported, alleged, denied, negated, conditional, "
              "future, hypothetical");
  }
  std::string dyad = param(r, "dyad");
  if (!dyad.empty()) {
    try {
      set_dyad(f, dyad);
    } catch (const Error& e) {
      throw bad(std::string("parameter 'dyad': ") + e.what());
    }
  }
  return f;
}

nlohmann::json cursor_json(const std::string& c) { return c.empty() ? nlohmann::json(nullptr) : nlohmann::json(c); }

nlohmann::json optional_json(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json summary_json(const ArticleSummary& a) {
  return {{"id", a.id},         {"doc", a.doc_id}, {"title", a.title},         {"url", a.url},
          {"outlet", a.outlet}, {"date", optional_json(a.date)}, {"ingested_at", a.ingested_at},
          {"sentences", a.sentences}, {"events", a.events}};
}

}  // namespace

ApiResponse Api::events(const ApiRequest& r) const {
  check_names(r, {"limit", "cursor"}, true);
  EventFilter f = event_filter(r);
  int limit = int_param(r, "limit", 100, 1, 1000);
  std::string cursor = param(r, "cursor");
  auto bar = cursor.find('|');
  if (!cursor.empty() && (bar == std::string::npos || bar + 1 == cursor.size() || cursor.size() - bar > 19 ||
                          !std::all_of(cursor.begin() + static_cast<long>(bar) + 1, cursor.end(),
                                       [](char c) { return c >= '0' && c <= '9'; }))) {
    throw bad("parameter 'cursor' is not a cursor of this API (pass next_cursor back unchanged)");
  }
  EventPage page = store().acquire()->events(f, limit, cursor);
  nlohmann::json list = nlohmann::json::array();
  for (const StoredEvent& s : page.events) {
    nlohmann::json j = event_to_json(s.event);
    j.update({{"id", s.id}, {"root", s.root}, {"place_key", s.place}, {"num_mentions", s.num_mentions},
              {"num_sources", s.num_sources}, {"num_articles", s.num_articles}, {"first_seen", s.first_seen},
              {"last_seen", s.last_seen}, {"article_id", s.article_id}, {"url", s.url}, {"title", s.title}});
    list.push_back(std::move(j));
  }
  return json_response({{"events", list}, {"next_cursor", cursor_json(page.next_cursor)}});
}

ApiResponse Api::timeline(const ApiRequest& r) const {
  check_names(r, {"by"}, true);
  EventFilter f = event_filter(r);
  std::string by = param(r, "by");
  if (by.empty()) by = "day";
  if (by != "day" && by != "week" && by != "month") throw bad("parameter 'by' must be day, week or month");
  auto buckets = store().acquire()->timeline(f, by);
  nlohmann::json list = nlohmann::json::array();
  for (const TimelineBucket& b : buckets) {
    list.push_back({{"period", b.period}, {"events", b.events}, {"mentions", b.mentions},
                    {"quad", {b.quad[0], b.quad[1], b.quad[2], b.quad[3]}}, {"goldstein_sum", b.goldstein_sum},
                    {"goldstein_mean", b.goldstein_mean}});
  }
  return json_response({{"by", by}, {"buckets", list}});
}

ApiResponse Api::actors(const ApiRequest& r) const {
  check_names(r, {"limit"}, true);
  EventFilter f = event_filter(r);
  int limit = int_param(r, "limit", 20, 1, 1000);
  ActorReport rep = store().acquire()->actors(f, limit);
  nlohmann::json actors = nlohmann::json::array(), dyads = nlohmann::json::array();
  for (const ActorCount& a : rep.actors) actors.push_back({{"code", a.code}, {"events", a.events}, {"mentions", a.mentions}});
  for (const ActorCount& d : rep.dyads) {
    auto colon = d.code.find(':');
    dyads.push_back({{"code", d.code}, {"source", d.code.substr(0, colon)},
                     {"target", colon == std::string::npos ? "" : d.code.substr(colon + 1)},
                     {"events", d.events}, {"mentions", d.mentions}});
  }
  return json_response({{"actors", actors}, {"dyads", dyads}});
}

ApiResponse Api::countries(const ApiRequest& r) const {
  check_names(r, {"limit"}, true);
  EventFilter f = event_filter(r);
  int limit = int_param(r, "limit", 200, 1, 10000);
  CountryReport rep = store().acquire()->countries(f, limit);
  nlohmann::json countries = nlohmann::json::array(), dyads = nlohmann::json::array();
  for (const CountryCount& c : rep.countries) {
    countries.push_back({{"country", c.country}, {"events", c.events}, {"as_source", c.as_source},
                         {"as_target", c.as_target}});
  }
  for (const CountryDyad& d : rep.dyads) dyads.push_back({{"source", d.source}, {"target", d.target}, {"events", d.events}});
  return json_response({{"countries", countries}, {"dyads", dyads}});
}

ApiResponse Api::articles(const ApiRequest& r) const {
  check_names(r, {"limit", "cursor", "outlet", "from", "to", "q"}, false);
  ArticleFilter f;
  f.outlet = param(r, "outlet");
  f.from = param(r, "from");
  f.to = param(r, "to");
  if (!f.from.empty()) check_date("from", f.from);
  if (!f.to.empty()) check_date("to", f.to);
  f.text = words_query(param(r, "q"));
  int limit = int_param(r, "limit", 50, 1, 500);
  std::string cursor = param(r, "cursor");
  if (!cursor.empty() && (cursor.size() > 18 || !std::all_of(cursor.begin(), cursor.end(),
                                                             [](char c) { return c >= '0' && c <= '9'; }))) {
    throw bad("parameter 'cursor' is not a cursor of this API (pass next_cursor back unchanged)");
  }
  ArticlePage page = store().acquire()->articles(f, limit, cursor);
  nlohmann::json list = nlohmann::json::array();
  for (const ArticleSummary& a : page.articles) list.push_back(summary_json(a));
  return json_response({{"articles", list}, {"next_cursor", cursor_json(page.next_cursor)}});
}

ApiResponse Api::article(const ApiRequest& r, const std::string& id) const {
  check_names(r, {}, false);
  bool digits = !id.empty() && id.size() <= 18 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) throw ApiError{404, "not_found", "no article '" + id.substr(0, 40) + "': article ids are integers"};
  auto a = store().acquire()->article(std::stoll(id));
  if (!a) throw ApiError{404, "not_found", "no article with id " + id};
  nlohmann::json j = summary_json(a->info);
  j["text"] = a->text;
  nlohmann::json list = nlohmann::json::array();
  for (const ArticleMention& m : a->mentions) {
    nlohmann::json e = event_to_json(m.event);
    e["event_id"] = m.event_id;
    list.push_back(std::move(e));
  }
  j["events"] = std::move(list);
  return json_response(j);
}

}  // namespace dyad::detail
