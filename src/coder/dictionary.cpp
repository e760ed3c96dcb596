// Dictionary loading and compilation. Design: every file goes through the one
// record reader; records are then compiled into (a) a phrase index keyed by
// the first lower-cased word, entries sorted longest-first so matching is a
// hash lookup plus a few comparisons, and (b) a lemma -> patterns map sorted
// most-specific-first, so the coder checks only patterns that can fire.
#include "coder/dictionary.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "coder/records.h"
#include "dyad/error.h"
#include "dyad/text.h"

namespace dyad::detail {
namespace {

namespace fs = std::filesystem;

const RecordSchema& schema() {
  static const RecordSchema s = {
      {"country", {"iso2", "name", "adjective", "demonym", "capital", "city", "alias"}},
      {"org", {"name", "country", "sector", "alias"}},
      {"agent", {"term"}},
      {"person", {"alias", "role"}},
      {"discard", {"term", "scope"}},
      {"outlet", {"country", "partisan", "domain", "alias"}},
      {"class", {"term"}},
      {"code", {"label", "plover", "mode", "context", "goldstein", "verb", "noun"}},
  };
  return s;
}

std::vector<std::string> txt_files(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int field_line(const Record& r, const std::string& name) {
  for (const RecordField& f : r.fields) {
    if (f.name == name) return static_cast<int>(f.line);
  }
  return static_cast<int>(r.line);
}

class Builder {
 public:
  explicit Builder(Dictionary& d) : d_(d) {}

  void add(const Record& r) {
    if (r.kind == "country") add_country(r);
    else if (r.kind == "org") add_org(r);
    else if (r.kind == "agent") add_agent(r);
    else if (r.kind == "person") add_person(r);
    else if (r.kind == "discard") add_discard(r);
    else if (r.kind == "outlet") add_outlet(r);
    else if (r.kind == "class") add_class(r);
    else if (r.kind == "code") codes_.push_back(r);
  }

  // Patterns are compiled last: they may refer to classes defined in any file.
  void finish() {
    for (const Record& r : codes_) add_code(r);
    for (std::size_t i = 0; i < d_.patterns.size(); ++i) {
      d_.patterns_by_lemma[d_.patterns[i].lemma].push_back(static_cast<int>(i));
    }
    for (auto& [lemma, ids] : d_.patterns_by_lemma) {
      std::stable_sort(ids.begin(), ids.end(), [&](int a, int b) {
        return d_.patterns[a].specificity > d_.patterns[b].specificity;
      });
    }
    for (std::size_t i = 0; i < d_.discards.size(); ++i) {
      for (std::size_t t = 0; t < d_.discards[i].terms.size(); ++t) {
        const auto& term = d_.discards[i].terms[t];
        if (!term.empty()) d_.discard_by_first[term.front()].emplace_back(static_cast<int>(i), static_cast<int>(t));
      }
    }
    for (auto& [first, ids] : d_.phrases.by_first) {
      std::stable_sort(ids.begin(), ids.end(), [&](int a, int b) {
        return d_.phrases.entries[a].words.size() > d_.phrases.entries[b].words.size();
      });
    }
  }

 private:
  void phrase(const std::string& text, PhraseKind kind, int ref) {
    std::vector<std::string> words = split_hyphens(phrase_words(text));
    if (words.empty()) return;
    int id = static_cast<int>(d_.phrases.entries.size());
    d_.phrases.by_first[words.front()].push_back(id);
    const bool capital = words.size() == 1 && kind != PhraseKind::kAgent &&
                         std::isupper(static_cast<unsigned char>(text.front()));
    d_.phrases.entries.push_back(PhraseEntry{std::move(words), kind, ref, capital});
  }

  void add_country(const Record& r) {
    if (r.key.size() != 3) fail_at(r.file, r.line, "country key must be an ISO 3166-1 alpha-3 code, got '" + r.key + "'");
    int id = static_cast<int>(d_.countries.size());
    if (d_.country_by_code.count(r.key)) fail_at(r.file, r.line, "country " + r.key + " defined twice");
    d_.country_by_code[r.key] = id;
    std::vector<std::string> names = r.all("name");
    d_.countries.push_back(Country{r.key, names.empty() ? r.key : names.front()});
    for (const auto& n : names) phrase(n, PhraseKind::kCountryName, id);
    for (const auto& n : r.all("alias")) phrase(n, PhraseKind::kCountryName, id);
    for (const auto& n : r.all("adjective")) phrase(n, PhraseKind::kAdjective, id);
    for (const auto& n : r.all("demonym")) phrase(n, PhraseKind::kDemonym, id);
    for (const auto& n : r.all("capital")) phrase(n, PhraseKind::kCapital, id);
    for (const auto& n : r.all("city")) phrase(n, PhraseKind::kCity, id);
  }

  void add_org(const Record& r) {
    int id = static_cast<int>(d_.orgs.size());
    std::vector<std::string> names = r.all("name");
    for (const auto& a : r.all("alias")) names.push_back(a);
    if (names.empty()) fail_at(r.file, r.line, "@org " + r.key + " needs at least one 'name:'");
    d_.orgs.push_back(Org{r.key, names.front(), r.one("country"), r.one("sector")});
    for (const auto& n : names) phrase(n, PhraseKind::kOrg, id);
  }

  void add_agent(const Record& r) {
    int id = static_cast<int>(d_.sectors.size());
    d_.sectors.push_back(r.key);
    for (const auto& t : r.all("term")) phrase(t, PhraseKind::kAgent, id);
  }

  void add_person(const Record& r) {
    int id = static_cast<int>(d_.people.size());
    Person p{r.key, {}};
    for (const RecordField& f : r.fields) {
      if (f.name != "role") continue;
      for (const std::string& v : f.values) p.roles.push_back(parse_role(v, r.file, f.line));
    }
    if (p.roles.empty()) fail_at(r.file, r.line, "@person " + r.key + " needs a 'role: CODE FROM..TO description' line");
    d_.people.push_back(std::move(p));
    phrase(r.key, PhraseKind::kPerson, id);
    for (const auto& a : r.all("alias")) phrase(a, PhraseKind::kPerson, id);
  }

  static Role parse_role(const std::string& v, const std::string& file, std::size_t line) {
    std::size_t sp = v.find(' ');
    Role role;
    role.code = v.substr(0, sp);
    if (sp == std::string::npos) fail_at(file, line, "role '" + v + "' needs a date range: CODE FROM..TO description");
    std::size_t sp2 = v.find(' ', sp + 1);
    std::string range = v.substr(sp + 1, sp2 == std::string::npos ? std::string::npos : sp2 - sp - 1);
    role.description = sp2 == std::string::npos ? "" : v.substr(sp2 + 1);
    std::size_t dots = range.find("..");
    if (dots == std::string::npos) fail_at(file, line, "role date range '" + range + "' must look like FROM..TO (e.g. 2017-05-14.. or 2012..2017-06)");
    std::string from = range.substr(0, dots), to = range.substr(dots + 2);
    role.from = from.empty() ? 0 : parse_role_date(from, false);
    role.to = to.empty() ? 99999999 : parse_role_date(to, true);
    if (role.from < 0 || role.to < 0) fail_at(file, line, "bad date in role range '" + range + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
    return role;
  }

  void add_discard(const Record& r) {
    Discard d{r.key, false, {}};
    std::string scope = r.one("scope");
    if (!scope.empty() && scope != "all") fail_at(r.file, field_line(r, "scope"), "scope must be 'all', got '" + scope + "'");
    d.scope_all = scope == "all";
    for (const auto& t : r.all("term")) d.terms.push_back(split_hyphens(phrase_words(t)));
    d_.discards.push_back(std::move(d));
  }

  void add_outlet(const Record& r) {
    OutletInfo o{r.key, r.one("country"), false, r.all("domain")};
    std::string partisan = r.one("partisan");
    if (!partisan.empty() && partisan != "yes" && partisan != "no") {
      fail_at(r.file, field_line(r, "partisan"), "partisan must be yes or no, got '" + partisan + "'");
    }
    o.partisan = partisan == "yes";
    for (std::string& dom : o.domains) dom = lower(dom);
    d_.outlets.push_back(std::move(o));
    for (const auto& a : r.all("alias")) {
      OutletInfo alias = d_.outlets.back();
      alias.name = a;
      d_.outlets.push_back(std::move(alias));
    }
  }

  void add_class(const Record& r) {
    auto& terms = d_.classes[lower(r.key)];
    for (const auto& t : r.all("term")) terms.push_back(phrase_words(t));
  }

  void add_code(const Record& r);
  void add_pattern(const Record& r, const RecordField& f, const std::string& text, bool noun, int code);

  Dictionary& d_;
  std::vector<Record> codes_;
};

// Splits a pattern line on spaces, keeping "double quoted" groups together.
std::vector<std::string> pattern_tokens(const std::string& text, const std::string& file, std::size_t line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
      cur += c;
    } else if (c == ' ' && !quoted) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (quoted) fail_at(file, line, "unbalanced double quote in pattern '" + text + "'");
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string unquote(const std::string& s) {
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') return s.substr(1, s.size() - 2);
  return s;
}

void Builder::add_code(const Record& r) {
  EventCode c;
  c.cameo = r.key;
  if (r.key.size() < 2 || !std::all_of(r.key.begin(), r.key.end(), ::isdigit)) {
    fail_at(r.file, r.line, "@code key must be a CAMEO code of digits (e.g. 166), got '" + r.key + "'");
  }
  c.label = r.one("label");
  c.plover = r.one("plover");
  c.mode = r.one("mode");
  for (const std::string& ctx : r.all("context")) c.context += (c.context.empty() ? "" : ";") + ctx;  // PLOVER allows several
  std::string g = r.one("goldstein");
  if (!g.empty()) {
    try {
      std::size_t used = 0;
      c.goldstein = std::stod(g, &used);
      if (used != g.size()) throw std::invalid_argument(g);
    } catch (const std::exception&) {
      fail_at(r.file, field_line(r, "goldstein"), "goldstein must be a number like -7.0, got '" + g + "'");
    }
  }
  int root = std::stoi(r.key.substr(0, 2));
  if (root < 1 || root > 20) fail_at(r.file, r.line, "CAMEO root must be 01..20, got '" + r.key + "'");
  c.quad_class = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
  int id = static_cast<int>(d_.codes.size());
  d_.codes.push_back(c);
  for (const RecordField& f : r.fields) {
    if (f.name != "verb" && f.name != "noun") continue;
    for (const std::string& v : f.values) add_pattern(r, f, v, f.name == "noun", id);
  }
}

void Builder::add_pattern(const Record& r, const RecordField& f, const std::string& text, bool noun, int code) {
  std::vector<std::string> toks = pattern_tokens(text, r.file, f.line);
  Pattern p;
  p.noun = noun;
  p.code = code;
  p.file = r.file;
  p.line = f.line;
  p.text = f.name + ": " + text;
  std::vector<std::string> head = phrase_words(unquote(toks.at(0)));
  if (head.empty()) fail_at(r.file, f.line, "pattern needs a trigger lemma");
  p.lemma = head.back();
  head.pop_back();
  if (!noun && !head.empty()) fail_at(r.file, f.line, "verb triggers are one lemma plus an optional particle: write 'verb: call off', not a quoted phrase");
  p.prefix = head;
  p.specificity = static_cast<int>(p.prefix.size());
  for (std::size_t i = 1; i < toks.size(); ++i) {
    const std::string& t = toks[i];
    std::size_t eq = t.find('=');
    if (eq == std::string::npos) {
      if (!noun && i == 1 && p.particle.empty()) {
        p.particle = lower(t);
        ++p.specificity;
        continue;
      }
      fail_at(r.file, f.line, "expected CONSTRAINT=VALUE, got '" + t + "' in '" + text + "'");
    }
    std::string name = t.substr(0, eq), value = t.substr(eq + 1);
    if (value.empty()) fail_at(r.file, f.line, "empty value in '" + t + "'");
    if (name == "target" || name == "source") {
      (name == "target" ? p.target_slot : p.source_slot) = lower(value);
      continue;
    }
    if (name == "agent") {  // "were ousted from X": X did it
      p.agent_slot = lower(value);
      continue;
    }
    Constraint c;
    c.negated = !name.empty() && name[0] == '!';
    if (c.negated) name.erase(0, 1);
    if (name == "obj") c.kind = Constraint::Kind::kObj;
    else if (name == "xcomp") c.kind = Constraint::Kind::kXcomp;
    else if (name == "has") c.kind = Constraint::Kind::kHas;
    else if (name == "subj") c.kind = Constraint::Kind::kSubj;
    else if (name == "context") c.kind = Constraint::Kind::kContext;
    else if (!name.empty() && std::all_of(name.begin(), name.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) || ch == '_'; })) {
      c.kind = Constraint::Kind::kPrep;
      c.prep = lower(name);
      std::replace(c.prep.begin(), c.prep.end(), '_', ' ');
    } else {
      fail_at(r.file, f.line, "unknown constraint '" + name + "' (use obj, PREP, xcomp, has, subj, context, target, source, agent)");
    }
    if (c.kind == Constraint::Kind::kHas) {
      c.values = phrase_words(unquote(value));
    } else if (c.kind == Constraint::Kind::kContext) {
      // !context=sports,culture: any of the labels
      std::string v = lower(value);
      for (std::size_t start = 0; start <= v.size();) {
        std::size_t comma = std::min(v.find(',', start), v.size());
        if (comma > start) c.values.push_back(v.substr(start, comma - start));
        start = comma + 1;
      }
    } else {
      std::string v = unquote(value);
      std::size_t start = 0;
      while (start <= v.size()) {
        std::size_t comma = v.find(',', start);
        if (comma == std::string::npos) comma = v.size();
        std::string item = lower(v.substr(start, comma - start));
        if (item.empty()) fail_at(r.file, f.line, "empty item in '" + t + "'");
        if (item[0] == '@' && !d_.classes.count(item.substr(1))) {
          fail_at(r.file, f.line, "unknown word class '" + item + "' (define it with '@class " + item.substr(1) + "' in data/events/classes.txt)");
        }
        c.values.push_back(item);
        start = comma + 1;
      }
    }
    // An excluded context is a filter, not a specification: "declare
    // !context=sports" must not tie with "declare obj=@curfew" and win by file order.
    if (!(c.negated && c.kind == Constraint::Kind::kContext)) ++p.specificity;
    p.constraints.push_back(std::move(c));
  }
  if (!p.source_slot.empty() && p.source_slot != "subj" && p.source_slot != "none" && p.source_slot != "obj") {
    // A preposition slot: fine, checked at match time.
  }
  d_.patterns.push_back(std::move(p));
}

}  // namespace

std::string lower(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return case_fold(s);
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The tokenizer splits "Asia-Pacific", "al-Qaeda", "Guinea-Bissau" into
// word, "-", word; names and terms are matched word by word, so they are
// split the same way.
std::vector<std::string> split_hyphens(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    std::size_t start = 0;
    for (std::size_t k = 1; k + 1 < w.size(); ++k) {
      if (w[k] != '-' || w[k - 1] == '-' || w[k + 1] == '-') continue;
      out.push_back(w.substr(start, k - start));
      out.push_back("-");
      start = k + 1;
    }
    out.push_back(w.substr(start));
  }
  return out;
}

std::vector<std::string> phrase_words(const std::string& phrase) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.empty()) return;
    // "Azerbaijan's" -> "azerbaijan" "'s", as the tokenizer splits it.
    if (cur.size() > 2 && (cur.ends_with("'s") || cur.ends_with("\xE2\x80\x99s"))) {
      std::size_t cut = cur.ends_with("'s") ? cur.size() - 2 : cur.size() - 4;
      out.push_back(lower(cur.substr(0, cut)));
      out.push_back("'s");
    } else {
      out.push_back(lower(cur));
    }
    cur.clear();
  };
  for (char c : phrase) {
    if (c == ' ' || c == '\t') flush();
    else cur += c;
  }
  flush();
  return out;
}

int parse_role_date(const std::string& s, bool end) {
  auto num = [&](std::size_t pos, std::size_t len) -> int {
    if (pos + len > s.size()) return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4);
  if (y < 0) return -1;
  if (s.size() == 4) return y * 10000 + (end ? 1231 : 101);
  if (s.size() < 7 || s[4] != '-') return -1;
  int m = num(5, 2);
  if (m < 1 || m > 12) return -1;
  if (s.size() == 7) return y * 10000 + m * 100 + (end ? 31 : 1);
  if (s.size() != 10 || s[7] != '-') return -1;
  int d = num(8, 2);
  if (d < 1 || d > 31) return -1;
  return y * 10000 + m * 100 + d;
}

Dictionary load_dictionary(const std::string& dir) {
  fs::path root(dir);
  if (!fs::is_directory(root)) throw Error("dictionary directory " + dir + " does not exist (use --dict DIR)");
  Dictionary d;
  Builder b(d);
  std::vector<std::string> files = txt_files(root / "actors");
  for (const std::string& f : txt_files(root / "actors" / "people")) files.push_back(f);
  for (const std::string& f : txt_files(root / "events")) files.push_back(f);
  // classes first so that patterns in any file may use them
  for (const std::string& f : files) {
    for (const Record& r : read_records(f, schema())) b.add(r);
  }
  b.finish();
  d.files = files.size();
  return d;
}

}  // namespace dyad::detail
