// Export formats: GDELT 2.0 event rows, PLOVER records, CSV (docs/store.md
// documents every column mapping).
#include "dyad/export.h"

#include <algorithm>
#include <cstdio>

#include "dyad/version.h"

namespace dyad {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string coord(double v) {  // GDELT writes 4 decimals (~11 m)
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string digits(const std::string& date) {
  std::string d;
  for (char c : date) if (c >= '0' && c <= '9') d += c;
  return d;
}

std::string fraction_date(const std::string& date) {
  if (date.size() < 10) return "";
  static const int kBefore[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
  if (m < 1 || m > 12) return "";
  int doy = kBefore[m - 1] + d;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", y + doy / 365.0);
  return buf;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Actor block (10 columns): Code, Name, CountryCode, KnownGroupCode, EthnicCode,
// Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
void actor_columns(const std::optional<Actor>& a, std::vector<std::string>& row) {
  if (!a) {
    row.insert(row.end(), 10, "");
    return;
  }
  std::string group;
  std::vector<std::string> types;
  for (std::size_t i = 0; i + 3 <= a->sector.size(); i += 3) {
    std::string chunk = a->sector.substr(i, 3);
    if ((chunk == "IGO" || chunk == "NGO" || chunk == "IMG") && i + 6 <= a->sector.size() && group.empty()) {
      group = a->sector.substr(i + 3, 3);
      i += 3;
    } else {
      types.push_back(chunk);
    }
  }
  types.resize(3);
  row.insert(row.end(), {a->code, upper(a->text), a->country, group, "", "", "", types[0], types[1], types[2]});
}

}  // namespace

const std::vector<std::string>& gdelt_columns() {
  static const std::vector<std::string> cols = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
        c.push_back(std::string(actor) + f);
      }
    }
    for (const char* f : {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
      c.push_back(f);
    }
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"}) {
        c.push_back(std::string(geo) + f);
      }
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return cols;
}

std::vector<std::string> gdelt_row(const StoredEvent& s) {
  const Event& e = s.event;
  std::string d = digits(e.date);
  std::vector<std::string> row = {std::to_string(s.id), d, d.substr(0, std::min<std::size_t>(6, d.size())),
                                  d.substr(0, std::min<std::size_t>(4, d.size())), fraction_date(e.date)};
  actor_columns(e.source, row);
  actor_columns(e.target, row);
  row.insert(row.end(), {e.sentence == 0 ? "1" : "0", e.cameo, e.cameo.substr(0, 3), e.cameo.substr(0, 2),
                         std::to_string(e.quad_class), num(e.goldstein), std::to_string(s.num_mentions),
                         std::to_string(s.num_sources), std::to_string(s.num_articles), ""});
  row.insert(row.end(), 16, "");  // Actor1Geo_*, Actor2Geo_*: dyad locates the event, not each actor
  if (e.location) {
    // GDELT types: 1 country, 4 world city, 5 world state (ADM1). ADM1 is ISO 3166-2, not GDELT's FIPS.
    const Place& p = *e.location;
    std::string type = p.kind == "country" ? "1" : p.kind == "admin1" || p.kind == "region" ? "5" : "4";
    row.insert(row.end(), {type, p.name.empty() ? p.text : p.name, p.country, p.admin1, "",
                           p.lat ? coord(*p.lat) : "", p.lon ? coord(*p.lon) : "", ""});
  } else {
    row.insert(row.end(), 8, "");
  }
  row.push_back(digits(s.ingested_at));
  row.push_back(s.url);
  return row;
}

std::string plover_markup(const Event& e) {
  struct Mark { Span span; const char* tag; };
  std::vector<Mark> marks;
  if (e.source) marks.push_back({e.source->span, "SRC"});
  marks.push_back({e.trigger, "EVT"});
  if (e.target) marks.push_back({e.target->span, "TAR"});
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.span.start < b.span.start; });
  const std::string& text = e.sentence_text;
  const std::size_t base = e.sentence_span.start;
  std::string out;
  std::size_t at = 0;
  for (const Mark& m : marks) {
    // Spans are document offsets; skip any that fall outside the sentence or overlap a previous one.
    if (m.span.start < base + at || m.span.end > base + text.size() || m.span.end <= m.span.start) continue;
    std::size_t s = m.span.start - base, end = m.span.end - base;
    out += text.substr(at, s - at);
    out.append("(").append(m.tag).append(": ").append(text, s, end - s).append(")");
    at = end;
  }
  out += text.substr(std::min(at, text.size()));
  return out;
}

nlohmann::json plover_record(const StoredEvent& s) {
  const Event& e = s.event;
  auto actors = [](const std::optional<Actor>& a) {
    if (!a) return nlohmann::json::array();
    return nlohmann::json::array({{{"actorText", a->text}, {"code", a->country.empty() ? a->code : a->country},
                                   {"fullCode", a->code}, {"sector", a->sector}}});
  };
  nlohmann::json j;
  j["id"] = std::string("dyad-").append(std::to_string(s.id));
  j["date"] = e.date;
  j["source"] = actors(e.source);
  j["target"] = actors(e.target);
  j["event"] = e.plover;
  j["eventText"] = e.trigger_text;
  j["mode"] = e.mode;
  j["context"] = e.context;
  j["text"] = e.sentence_text;
  j["textInfo"] = {{"markup", plover_markup(e)}};
  if (e.location) j["eventLoc"] = {{"name", e.location->text}, {"country", e.location->country}};
  j["language"] = "en";
  j["publication"] = e.outlet;
  j["coder"] = "dyad";
  j["version"] = std::string(kVersion);
  j["dateCoded"] = s.ingested_at.substr(0, 10);
  j["cameo"] = e.cameo;
  j["modality"] = std::string(to_string(e.modality));
  j["numMentions"] = s.num_mentions;
  j["url"] = s.url;
  return j;
}

const std::vector<std::string>& csv_columns() {
  static const std::vector<std::string> cols = {
      "id", "date", "date_precision", "source_code", "source_country", "source_sector", "source_text",
      "target_code", "target_country", "target_sector", "target_text", "cameo", "root", "label", "plover", "mode",
      "context", "quad_class", "goldstein", "modality", "place_country", "place_text", "num_mentions",
      "num_sources", "num_articles", "first_seen", "last_seen", "doc", "sentence", "trigger_text",
      "trigger_start", "trigger_end", "confidence", "rule", "outlet", "url", "sentence_text"};
  return cols;
}

std::vector<std::string> csv_row(const StoredEvent& s) {
  const Event& e = s.event;
  auto a = [](const std::optional<Actor>& x, int f) -> std::string {
    if (!x) return "";
    return f == 0 ? x->code : f == 1 ? x->country : f == 2 ? x->sector : x->text;
  };
  char conf[16];
  std::snprintf(conf, sizeof conf, "%.3f", e.confidence);
  return {std::to_string(s.id), e.date, e.date_precision, a(e.source, 0), a(e.source, 1), a(e.source, 2),
          a(e.source, 3), a(e.target, 0), a(e.target, 1), a(e.target, 2), a(e.target, 3), e.cameo, s.root, e.label,
          e.plover, e.mode, e.context, std::to_string(e.quad_class), num(e.goldstein),
          std::string(to_string(e.modality)), e.location ? e.location->country : "",
          e.location ? e.location->text : "", std::to_string(s.num_mentions), std::to_string(s.num_sources),
          std::to_string(s.num_articles), s.first_seen, s.last_seen, e.doc, std::to_string(e.sentence),
          e.trigger_text, std::to_string(e.trigger.start), std::to_string(e.trigger.end), conf, e.rule, e.outlet,
          s.url, e.sentence_text};
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\n\r") == std::string::npos) {
      out += f;
    } else {
      out += '"';
      for (char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
  }
  return out;
}

std::string tsv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += '\t';
    for (char c : fields[i]) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace dyad
