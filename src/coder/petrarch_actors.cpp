// PETRARCH actor, agent and discard files -> the coder's actor knowledge base.
// Design: an actor record (primary phrase, '+' synonyms, '[CODE date]' lines)
// becomes a country when its one code has three letters and no dates, a
// person (roles with date ranges) when it has date restrictions, and an
// organization otherwise; the first three letters of an organization's code
// name its country when that country is known, the rest is its sector. So
// "GAZA_CITY [PSEGZA]" is the org PSEGZA of country PSE, and an agent
// ("SOLDIER [~MIL]") next to it codes "Gaza City soldiers" as PSEGZAMIL's
// country plus MIL, through the same rules as our own dictionaries.
#include <algorithm>
#include <cctype>

#include "coder/petrarch_dict.h"

namespace dyad::detail {
namespace {

struct Restriction {
  std::string code;
  std::string when;  // "", "<D", ">D", "D-D"
  std::size_t line = 0;
};

struct ActorEntry {
  std::vector<std::string> names;
  std::string code;  // code on the primary line, may be empty
  std::vector<Restriction> restrictions;
  std::size_t line = 0;
};

// "AFGHANISTAN_  [AFG] ; comment" -> phrase "AFGHANISTAN_", code "AFG".
void split_code(const std::string& text, std::string& phrase, std::string& code, bool& bad) {
  std::string t = text.substr(0, text.find(';'));
  std::size_t open = t.find('[');
  bad = false;
  code.clear();
  if (open == std::string::npos) {
    phrase = t;
  } else {
    std::size_t close = t.find(']', open);
    if (close == std::string::npos) {
      bad = true;
      return;
    }
    phrase = t.substr(0, open);
    for (char c : t.substr(open + 1, close - open - 1)) {
      if (c != ' ' && c != '\t') code += c;
    }
  }
  while (!phrase.empty() && (phrase.back() == ' ' || phrase.back() == '\t')) phrase.pop_back();
}

// YYMMDD (years before 30 are 20YY) or YYYYMMDD -> yyyymmdd, -1 if malformed.
int petrarch_date(const std::string& s) {
  if (!std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) return -1;
  if (s.size() == 8) return std::stoi(s);
  if (s.size() == 6) {
    int v = std::stoi(s);
    return v / 10000 < 30 ? 20000000 + v : 19000000 + v;
  }
  return -1;
}

bool parse_restriction(const Restriction& r, Role& role) {
  role.code = r.code;
  role.from = 0;
  role.to = 99999999;
  if (r.when.empty()) return true;
  if (r.when[0] == '<' || r.when[0] == '>') {
    int d = petrarch_date(r.when.substr(1));
    if (d < 0) return false;
    (r.when[0] == '<' ? role.to : role.from) = d;
    return true;
  }
  std::size_t dash = r.when.find('-');
  if (dash == std::string::npos) return false;
  role.from = petrarch_date(r.when.substr(0, dash));
  role.to = petrarch_date(r.when.substr(dash + 1));
  return role.from >= 0 && role.to >= 0;
}

std::vector<ActorEntry> read_actor_entries(const std::string& path, PetrarchReport& report, PetrarchReport::File& f) {
  std::vector<ActorEntry> out;
  for (const PetrarchLine& l : read_petrarch_lines(path, report)) {
    const std::string& t = l.text;
    if (t[0] == '[') {
      std::size_t close = t.find(']');
      if (out.empty() || close == std::string::npos) {
        report.warn(path, l.line, out.empty() ? "date restriction before any actor" : "date restriction without ']'");
        continue;
      }
      std::string inner = t.substr(1, close - 1);
      std::size_t a = inner.find_first_not_of(" \t");
      std::size_t b = a == std::string::npos ? a : inner.find_first_of(" \t", a);
      Restriction r;
      r.line = l.line;
      if (a != std::string::npos) r.code = inner.substr(a, b == std::string::npos ? b : b - a);
      if (b != std::string::npos) {
        for (char c : inner.substr(b)) {
          if (c != ' ' && c != '\t') r.when += c;
        }
      }
      if (r.code.empty()) {
        report.warn(path, l.line, "empty date restriction []");
        continue;
      }
      out.back().restrictions.push_back(r);
      continue;
    }
    std::string phrase, code;
    bool bad = false;
    split_code(t[0] == '+' ? t.substr(1) : t, phrase, code, bad);
    if (bad || petrarch_words(phrase).empty()) {
      report.warn(path, l.line, bad ? "code '[' without ']'" : "actor line without a phrase");
      continue;
    }
    if (t[0] == '+') {
      if (out.empty()) {
        report.warn(path, l.line, "synonym '+' before any actor");
        continue;
      }
      if (!code.empty()) ++report.lossy["actor synonym with its own [code] (the record's code is used)"];
      out.back().names.push_back(phrase);
    } else {
      out.push_back(ActorEntry{{phrase}, code, {}, l.line});
    }
  }
  f.counts["records"] = static_cast<int>(out.size());
  return out;
}

void add_phrase(Dictionary& d, const std::string& phrase, PhraseKind kind, int ref) {
  std::vector<std::string> words = petrarch_words(phrase);
  if (words.empty()) return;
  // PETRARCH writes every phrase in capitals, so only the short one-word
  // ones ("US", "UN", "EU") are taken for acronyms that need a capital.
  const bool acronym = words.size() == 1 && words[0].size() <= 3 && kind != PhraseKind::kAgent &&
                       std::all_of(words[0].begin(), words[0].end(), [](char c) { return c >= 'a' && c <= 'z'; });
  d.phrases.entries.push_back(PhraseEntry{std::move(words), kind, ref, acronym});
}

bool is_country_code(const std::string& code) {
  return code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

std::string first_code(const std::string& code, PetrarchReport& report) {
  std::size_t slash = code.find('/');
  if (slash == std::string::npos) return code;
  ++report.lossy["actor with several codes (X/Y/Z): first code used"];
  return code.substr(0, slash);
}

int country_index(Dictionary& d, const std::string& code, const std::string& name) {
  auto it = d.country_by_code.find(code);
  if (it != d.country_by_code.end()) return it->second;
  int id = static_cast<int>(d.countries.size());
  d.countries.push_back(Country{code, name});
  d.country_by_code[code] = id;
  return id;
}

int sector_index(Dictionary& d, const std::string& code) {
  auto it = std::find(d.sectors.begin(), d.sectors.end(), code);
  if (it != d.sectors.end()) return static_cast<int>(it - d.sectors.begin());
  d.sectors.push_back(code);
  return static_cast<int>(d.sectors.size() - 1);
}

}  // namespace

void load_petrarch_actors(const std::string& path, Dictionary& d, PetrarchReport& report) {
  report.files.push_back({path, "actors", {}, 0.0});
  PetrarchReport::File& f = report.files.back();
  std::vector<ActorEntry> entries = read_actor_entries(path, report, f);
  std::vector<std::string> codes;
  for (const ActorEntry& e : entries) codes.push_back(first_code(e.code, report));
  // Countries first, so an organization defined above its country still finds it.
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ActorEntry& e = entries[i];
    const std::string& code = codes[i];
    if (e.restrictions.empty() && is_country_code(code)) {
      int id = country_index(d, code, e.names.front());
      for (const std::string& n : e.names) add_phrase(d, n, PhraseKind::kCountryName, id);
      ++f.counts["countries"];
    }
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ActorEntry& e = entries[i];
    const std::string& code = codes[i];
    if (e.restrictions.empty()) {
      if (is_country_code(code)) continue;
      if (code.empty() || code == "---") {
        ++report.lossy["actor without a code or with the null code --- (not loaded)"];
        continue;
      }
      if (code[0] == '~' || code.back() == '~') {
        int s = sector_index(d, code[0] == '~' ? code.substr(1) : code.substr(0, code.size() - 1));
        for (const std::string& n : e.names) add_phrase(d, n, PhraseKind::kAgent, s);
        ++f.counts["agents"];
        continue;
      }
      std::string country = code.size() > 3 && d.country_by_code.count(code.substr(0, 3)) ? code.substr(0, 3) : "";
      if (!country.empty() && code.substr(3) == "GOV") {
        // "WASHINGTON [USAGOV]": a seat of government, like our capitals (alone: USAGOV;
        // before an agent noun: its country, "Washington security officials" = USA + GOV).
        for (const std::string& n : e.names) add_phrase(d, n, PhraseKind::kCapital, d.country_by_code.at(country));
        ++f.counts["seats of government"];
        continue;
      }
      int id = static_cast<int>(d.orgs.size());
      d.orgs.push_back(Org{code, e.names.front(), country, country.empty() ? "" : code.substr(3)});
      for (const std::string& n : e.names) add_phrase(d, n, PhraseKind::kOrg, id);
      ++f.counts["orgs"];
      continue;
    }
    Person p{e.names.front(), {}};
    if (!code.empty()) p.roles.push_back(Role{code, 0, 99999999, "default"});
    for (const Restriction& r : e.restrictions) {
      Role role;
      Restriction fixed = r;
      fixed.code = first_code(r.code, report);
      if (!parse_restriction(fixed, role)) {
        report.warn(path, r.line, "date restriction '" + r.when + "' is not <DATE, >DATE or DATE-DATE with YYMMDD or YYYYMMDD dates");
        continue;
      }
      role.description = "PETRARCH " + (r.when.empty() ? std::string("default") : r.when);
      p.roles.push_back(role);
    }
    if (p.roles.empty()) {
      ++report.lossy["actor without a code or with the null code --- (not loaded)"];
      continue;
    }
    int id = static_cast<int>(d.people.size());
    d.people.push_back(std::move(p));
    for (const std::string& n : e.names) add_phrase(d, n, PhraseKind::kPerson, id);
    ++f.counts["people"];
  }
}

void load_petrarch_agents(const std::string& path, Dictionary& d, PetrarchReport& report) {
  report.files.push_back({path, "agents", {}, 0.0});
  PetrarchReport::File& f = report.files.back();
  std::vector<std::pair<std::string, std::vector<std::string>>> subst;  // "!PERSON!" -> items
  for (const PetrarchLine& l : read_petrarch_lines(path, report)) {
    const std::string& t = l.text;
    if (t[0] == '!' && t.find('=') != std::string::npos && t.find('[') == std::string::npos) {
      std::string name = t.substr(0, t.find('='));
      name.erase(std::remove(name.begin(), name.end(), ' '), name.end());
      std::vector<std::string> items;
      std::string rest = t.substr(t.find('=') + 1), cur;
      for (char c : rest + ",") {
        if (c == ',') {
          if (!cur.empty()) items.push_back(cur);
          cur.clear();
        } else if (c != ' ' && c != '\t') {
          cur += c;
        }
      }
      subst.emplace_back(name, items);
      continue;
    }
    std::size_t open = t.find('['), close = t.find(']');
    if (open == std::string::npos || close == std::string::npos || close < open) {
      report.warn(path, l.line, "agent line needs a code: PHRASE {PLURAL} [~CODE]");
      continue;
    }
    std::string code;
    for (char c : t.substr(open + 1, close - open - 1)) {
      if (c != ' ' && c != '\t') code += c;
    }
    if (code.size() < 2 || (code.front() != '~' && code.back() != '~')) {
      report.warn(path, l.line, "agent code '" + code + "' must start or end with '~'");
      continue;
    }
    if (code.back() == '~') ++report.lossy["prefix agent code (CODE~): appended after the country instead of before"];
    int sector = sector_index(d, code.front() == '~' ? code.substr(1) : code.substr(0, code.size() - 1));
    std::string head = t.substr(0, open);
    std::vector<std::string> forms;
    std::size_t brace = head.find('{');
    bool plural = true;
    if (brace != std::string::npos) {
      std::size_t end = head.find('}', brace);
      std::string inner = head.substr(brace + 1, end == std::string::npos ? std::string::npos : end - brace - 1);
      std::string cur;
      for (char c : inner + " ") {
        if (c == ' ' || c == '\t') {
          if (!cur.empty()) forms.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      plural = false;
      head = head.substr(0, brace);
    }
    std::string base = head.substr(0, head.find_last_not_of(" \t") + 1);
    std::vector<std::string> phrases;
    bool substituted = false;
    for (const auto& [name, items] : subst) {
      std::size_t at = base.find(name);
      if (at == std::string::npos) continue;
      for (const std::string& item : items) phrases.push_back(base.substr(0, at) + item + base.substr(at + name.size()));
      substituted = true;
    }
    if (!substituted) {
      phrases.push_back(base);
      if (plural) {
        std::vector<std::string> w = petrarch_words(base);
        if (!w.empty()) {
          w.back() = petrarch_plural(w.back());
          std::string p;
          for (const std::string& x : w) p += (p.empty() ? "" : " ") + x;
          phrases.push_back(p);
        }
      }
      for (const std::string& x : forms) phrases.push_back(x);
    }
    for (const std::string& p : phrases) add_phrase(d, p, PhraseKind::kAgent, sector);
    ++f.counts["agents"];
    f.counts["phrases"] += static_cast<int>(phrases.size());
  }
}

void load_petrarch_discards(const std::string& path, Dictionary& d, PetrarchReport& report) {
  report.files.push_back({path, "discards", {}, 0.0});
  PetrarchReport::File& f = report.files.back();
  // Both kinds stop all coding of the sentence; the story-level kind ('+')
  // cannot stop the rest of the article here (docs/petrarch.md).
  Discard sentence{"petrarch-sentence", true, {}}, story{"petrarch-story", true, {}};
  for (const PetrarchLine& l : read_petrarch_lines(path, report)) {
    bool is_story = l.text[0] == '+';
    std::vector<std::string> words = petrarch_words(is_story ? l.text.substr(1) : l.text);
    if (words.empty()) {
      report.warn(path, l.line, "discard line without words");
      continue;
    }
    (is_story ? story : sentence).terms.push_back(words);
    ++f.counts[is_story ? "story" : "sentence"];
  }
  if (f.counts["story"] > 0) ++report.lossy["story-level discards applied to the sentence only"];
  for (Discard* x : {&sentence, &story}) {
    if (!x->terms.empty()) d.discards.push_back(std::move(*x));
  }
}

}  // namespace dyad::detail
