// PETRARCH verb dictionaries (CAMEO.2.0 and the older TABARI / PETRARCH-1
// style of CAMEO.verbpatterns.150430 and PETR.Validate.verbs) -> the coder's
// dependency patterns. Design: every verb of a '--- NAME [CODE] ---' block is
// a trigger lemma; each '- PRE * POST [CODE]' line is compiled once (when its
// synsets are known, as PETRARCH requires) into constraints on that trigger:
//   words after '*'     CAMEO.2.0: the first noun is the object head (obj=),
//                       "(PREP NOUN)" a preposition dependent (PREP=); the
//                       older style is a word sequence, so each word (or
//                       underscore-joined run) must occur in the verb's
//                       dependency subtree (has=) - order between runs is lost;
//   words before '*'    the subject head (subj=) when a noun, else has=;
//   '*_OFF'             a particle; '+' / '$' the target / source slot;
//   &SYNSET             a word class (obj=@p.name) or, inside has= runs, one
//                       pattern per synset phrase (capped; see kMaxExpansion).
// A pattern coded '---' is kept: it fires and blocks less specific patterns.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "coder/petrarch_dict.h"

namespace dyad::detail {
namespace {

constexpr std::size_t kMaxExpansion = 32;  // synset phrase combinations per pattern

const std::set<std::string>& function_words() {
  static const std::set<std::string> s = {
      "will", "would", "shall", "should", "may", "might", "can", "could", "must", "not", "n't", "did", "do",
      "does", "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "to", "never", "ever",
      "also", "again", "just", "now", "still", "already", "neither", "nor", "and", "or", "so", "then", "yet",
      "even", "really", "most", "very", "the", "a", "an", "that", "it", "its", "their", "his", "her"};
  return s;
}

const std::set<std::string>& particles() {
  static const std::set<std::string> s = {"up", "down", "off", "out", "on", "upon", "in", "into", "over", "back",
                                          "away", "for", "to", "with", "from", "about", "around", "through",
                                          "across", "along", "apart", "aside", "forward", "together", "by"};
  return s;
}

const std::set<std::string>& prepositions() {
  static const std::set<std::string> s = {
      "about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before", "behind",
      "below", "beside", "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside", "into",
      "near", "of", "off", "on", "onto", "outside", "over", "since", "through", "throughout", "to", "toward",
      "towards", "under", "until", "upon", "with", "within", "without"};
  return s;
}

bool verb_like(const std::string& w) {
  return function_words().count(w) || w.ends_with("ly") || w.ends_with("ed") || w.ends_with("ing");
}

struct Tok {
  enum Kind { kWord, kGroup, kPrep } kind;
  std::string text;
};

std::vector<Tok> tokenize(const std::string& body) {
  std::vector<Tok> out;
  std::size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '{' || c == '(') {
      char close = c == '{' ? '}' : ')';
      std::size_t depth = 0, j = i;
      for (; j < body.size(); ++j) {
        if (body[j] == c) ++depth;
        if (body[j] == close && --depth == 0) break;
      }
      out.push_back({c == '{' ? Tok::kGroup : Tok::kPrep, body.substr(i + 1, j - i - 1)});
      i = j + 1;
    } else {
      std::size_t j = body.find_first_of(" \t{(", i);
      if (j == std::string::npos) j = body.size();
      out.push_back({Tok::kWord, body.substr(i, j - i)});
      i = j;
    }
  }
  return out;
}

std::vector<std::string> split_underscore(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == '_' || c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// A pattern line compiled against the synsets known at its line.
struct Compiled {
  std::vector<Constraint> constraints;
  std::vector<std::vector<std::vector<std::string>>> has_alts;  // per has= run: alternative word sequences
  std::string particle, target_slot, source_slot, code, text;
  std::size_t line = 0;
};

struct VerbEntry {
  std::string lemma, particle, code;
  std::vector<std::string> pre;     // "WIRE" of WIRE_+TAP
  std::vector<std::string> post;    // words after the particle
  std::vector<std::string> forms;   // irregular forms' verb words
  std::size_t line = 0;
};

class VerbLoader {
 public:
  VerbLoader(const std::string& path, Dictionary& d, PetrarchReport& r, PetrarchReport::File& f)
      : path_(path), d_(d), r_(r), f_(f) {
    for (std::size_t i = 0; i < d_.codes.size(); ++i) code_ids_[d_.codes[i].cameo] = static_cast<int>(i);
  }

  void run() {
    std::vector<PetrarchLine> lines = read_petrarch_lines(path_, r_);
    for (const PetrarchLine& l : lines) {
      if (l.text[0] == '-' && l.text.size() > 1 && l.text[1] != '-') new_format_ = new_format_ || has_groups(l.text);
    }
    for (const PetrarchLine& l : lines) line(l);
    flush_block();
  }

 private:
  static bool has_groups(const std::string& t) {
    std::string body = t.substr(0, t.find('['));
    return body.find('(') != std::string::npos || body.find('{') != std::string::npos;
  }

  void line(const PetrarchLine& l) {
    const std::string& t = l.text;
    if (t.starts_with("---")) {
      flush_block();
      header(l);
    } else if (t[0] == '&') {
      std::string label = t.substr(1, t.find_first_of(" \t") == std::string::npos ? std::string::npos : t.find_first_of(" \t") - 1);
      synset_ = synset_name(label);
      no_plural_ = !label.empty() && label.back() == '_';
      synsets_[synset_];
      in_synset_ = true;
      ++f_.counts["synsets"];
    } else if (t[0] == '+' && in_synset_) {
      member(l);
    } else if (t[0] == '-') {
      in_synset_ = false;
      if (!in_block_) return r_.warn(path_, l.line, "pattern before any '--- VERB [CODE] ---' block");
      pattern(l);
    } else if (t[0] == '~') {
      ++r_.lossy["verb transformation line (~ ...) not converted"];
    } else {
      in_synset_ = false;
      if (!in_block_) return r_.warn(path_, l.line, "verb line before any '--- VERB [CODE] ---' block");
      verb(l);
    }
  }

  static std::string synset_name(const std::string& s) {
    std::string n = lower(s.substr(0, s.find_first_of(" \t")));
    while (!n.empty() && n.back() == '_') n.pop_back();
    return n;
  }

  // "[042:043]" -> "042" (the reverse-direction code is dropped), "[:190]" -> "---".
  std::string primary(std::string code) {
    std::size_t colon = code.find(':');
    if (colon == std::string::npos) return code;
    ++r_.lossy["secondary code of CODE:CODE (reverse-direction event) dropped"];
    code = code.substr(0, colon);
    return code.empty() ? "---" : code;
  }

  static std::string bracket_code(const std::string& t, bool* found) {
    std::size_t open = t.rfind('['), close = t.rfind(']');
    *found = open != std::string::npos && close != std::string::npos && close > open;
    if (!*found) return {};
    std::string code;
    for (char c : t.substr(open + 1, close - open - 1)) {
      if (c != ' ' && c != '\t') code += c;
    }
    return code;
  }

  void header(const PetrarchLine& l) {
    std::string inner = l.text.substr(3);
    std::size_t end = inner.rfind("---");
    if (end == std::string::npos) {  // "--- DEFEND  ###": the comment took the closing dashes
      ++r_.lossy["block header without its closing '---' (read with the null code)"];
      end = inner.size();
    }
    bool found = false;
    block_code_ = bracket_code(inner.substr(0, end), &found);
    block_code_ = found ? primary(block_code_) : "---";
    in_block_ = true;
    in_synset_ = false;
    ++f_.counts["blocks"];
  }

  void member(const PetrarchLine& l) {
    std::string body = l.text.substr(1);
    if (body.empty()) return r_.warn(path_, l.line, "empty synset member '+'");
    bool no_plural = no_plural_ || body.back() == '_';
    std::vector<std::vector<std::string>> alts = expand(split_underscore(body), l.line);
    for (auto& words : alts) {
      if (words.empty()) continue;
      synsets_[synset_].push_back(words);
      if (!no_plural && body.find('&') == std::string::npos) {
        words.back() = petrarch_plural(words.back());
        synsets_[synset_].push_back(words);
      }
    }
  }

  // Word parts (some "&SYNSET") -> every word sequence they denote; empty when a synset is unknown.
  std::vector<std::vector<std::string>> expand(const std::vector<std::string>& parts, std::size_t line) {
    std::vector<std::vector<std::string>> out = {{}};
    for (const std::string& p : parts) {
      std::vector<std::vector<std::string>> next;
      if (p[0] == '&') {
        auto it = synsets_.find(synset_name(p.substr(1)));
        if (it == synsets_.end()) {
          r_.warn(path_, line, "synset " + p + " used before it is defined (PETRARCH ignores the line too)");
          unknown_synset_ = true;
          return {};
        }
        for (const auto& base : out) {
          for (const auto& phrase : it->second) {
            auto w = base;
            w.insert(w.end(), phrase.begin(), phrase.end());
            next.push_back(std::move(w));
          }
        }
      } else {
        for (auto w : out) {
          for (const std::string& x : petrarch_words(p)) w.push_back(x);
          next.push_back(std::move(w));
        }
      }
      out = std::move(next);
    }
    return out;
  }

  std::string class_ref(const std::string& part, std::size_t line) {
    std::string name = synset_name(part.substr(1));
    if (!synsets_.count(name)) {
      r_.warn(path_, line, "synset " + part + " used before it is defined (PETRARCH ignores the line too)");
      unknown_synset_ = true;
      return {};
    }
    auto& cls = d_.classes["p." + name];
    if (cls.empty()) cls = synsets_[name];
    return "@p." + name;
  }

  void verb(const PetrarchLine& l) {
    std::string t = l.text;
    bool found = false;
    std::string code = bracket_code(t, &found);
    if (found) t = t.substr(0, t.rfind('['));
    VerbEntry v;
    v.line = l.line;
    v.code = found ? primary(code) : block_code_;
    std::size_t brace = t.find('{');
    std::string head = t.substr(0, brace);
    if (!parse_verb_phrase(head, v)) return r_.warn(path_, l.line, "verb line without a verb: '" + l.text + "'");
    if (brace != std::string::npos) {
      std::size_t close = t.find('}', brace);
      for (const std::string& form : split_spaces(t.substr(brace + 1, close == std::string::npos ? std::string::npos : close - brace - 1))) {
        VerbEntry fv;
        if (!parse_verb_phrase(form, fv)) continue;
        std::string stem = v.lemma.substr(0, v.lemma.size() - 1);
        if (fv.lemma != v.lemma && !fv.lemma.starts_with(stem)) v.forms.push_back(fv.lemma);
      }
    }
    block_.push_back(std::move(v));
    ++f_.counts["verbs"];
  }

  static std::vector<std::string> split_spaces(const std::string& s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s + " ") {
      if (c == ' ' || c == '\t') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    return out;
  }

  // "WIRE_+TAP", "+BREAK_DOWN", "ABANDON", "+ANGERED_BY".
  static bool parse_verb_phrase(const std::string& phrase, VerbEntry& v) {
    std::vector<std::string> parts = split_underscore(phrase);
    if (parts.empty()) return false;
    std::size_t at = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (parts[i][0] == '+') at = i;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      std::string w = lower(parts[i][0] == '+' ? parts[i].substr(1) : parts[i]);
      if (w.empty()) continue;
      if (i < at) v.pre.push_back(w);
      else if (i == at) v.lemma = w;
      else if (v.particle.empty()) v.particle = w;
      else v.post.push_back(w);
    }
    return !v.lemma.empty();
  }

  void pattern(const PetrarchLine& l);
  void pre_token(const Tok& tok, Compiled& c, std::size_t line);
  /// Returns how many following tokens it consumed.
  std::size_t post_token(const std::vector<Tok>& toks, std::size_t i, std::size_t k, Compiled& c, bool& have_obj,
                         std::size_t line);
  void prep_token(const Tok& tok, Compiled& c, std::size_t line);
  void add_has(const std::vector<std::string>& parts, Compiled& c, std::size_t line) {
    if (parts.empty()) return;
    auto alts = expand(parts, line);
    if (!alts.empty()) c.has_alts.push_back(std::move(alts));
  }
  static Constraint make(Constraint::Kind kind, std::vector<std::string> values, std::string prep = {}) {
    Constraint c;
    c.kind = kind;
    c.values = std::move(values);
    c.prep = std::move(prep);
    return c;
  }
  std::string head_value(const std::string& part, std::size_t line) {
    return part[0] == '&' ? class_ref(part, line) : lower(part);
  }

  void flush_block();
  void emit(const VerbEntry& v, const Compiled& c, const std::string& lemma);
  int code_id(const std::string& code);

  std::string path_;
  Dictionary& d_;
  PetrarchReport& r_;
  PetrarchReport::File& f_;
  bool new_format_ = false;
  std::map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::string synset_;
  bool no_plural_ = false, in_synset_ = false, in_block_ = false, unknown_synset_ = false;
  std::string block_code_;
  std::vector<VerbEntry> block_;
  std::vector<Compiled> block_patterns_;
  std::map<std::string, int> code_ids_;
};

void VerbLoader::pattern(const PetrarchLine& l) {
  bool found = false;
  std::string code = bracket_code(l.text, &found);
  if (!found) return r_.warn(path_, l.line, "pattern without a [CODE]");
  Compiled c;
  c.line = l.line;
  c.text = l.text;
  c.code = primary(code);
  std::vector<Tok> toks = tokenize(l.text.substr(1, l.text.rfind('[') - 1));
  std::size_t star = toks.size();
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].kind == Tok::kWord && toks[i].text.find('*') != std::string::npos) {
      star = i;
      break;
    }
  }
  if (star == toks.size()) return r_.warn(path_, l.line, "pattern without the verb marker '*'");
  unknown_synset_ = false;
  for (std::size_t i = 0; i < star; ++i) pre_token(toks[i], c, l.line);
  // The star token itself: "IN_*", "*_OUT", "SO_IN_AND_*_OUT_AGAIN".
  std::vector<std::string> parts = split_underscore(toks[star].text);
  std::vector<std::string> before, after;
  bool seen = false;
  for (const std::string& p : parts) {
    if (p == "*") seen = true;
    else (seen ? after : before).push_back(p);
  }
  add_has(before, c, l.line);
  if (!after.empty() && particles().count(lower(after.front()))) {
    c.particle = lower(after.front());
    after.erase(after.begin());
  }
  add_has(after, c, l.line);
  bool have_obj = false;
  for (std::size_t i = star + 1, k = 0; i < toks.size(); ++i, ++k) i += post_token(toks, i, k, c, have_obj, l.line);
  if (unknown_synset_) return;  // warned: PETRARCH ignores the pattern too
  // Keep the product of synset alternatives small: drop the widest runs.
  for (;;) {
    std::size_t total = 1;
    for (const auto& alts : c.has_alts) total *= alts.size();
    if (total <= kMaxExpansion) break;
    auto widest = std::max_element(c.has_alts.begin(), c.has_alts.end(),
                                   [](const auto& a, const auto& b) { return a.size() < b.size(); });
    c.has_alts.erase(widest);
    ++r_.lossy["synset word run dropped from a pattern (its phrases would multiply the pattern beyond 32 copies)"];
  }
  if (c.target_slot == "subj" && c.source_slot.empty()) c.source_slot = "none";
  block_patterns_.push_back(std::move(c));
  ++f_.counts["patterns"];
}

void VerbLoader::pre_token(const Tok& tok, Compiled& c, std::size_t line) {
  if (tok.kind == Tok::kPrep) {
    ++r_.lossy["prepositional phrase before the verb ignored"];
    return;
  }
  std::vector<std::string> parts = split_underscore(tok.text);
  if (parts.empty()) return;
  if (tok.kind == Tok::kWord && parts.size() == 1) {
    const std::string& p = parts[0];
    if (p == "$") return;
    if (p == "+") {
      c.target_slot = "subj";
      return;
    }
    if (p == "%") {
      ++r_.lossy["compound-actor marker % ignored (coordination is handled by the engine)"];
      return;
    }
    if (p == "^") return;
  }
  if (tok.kind == Tok::kGroup) {
    if (parts.size() > 1) ++r_.lossy["modifiers of a subject noun phrase {...} dropped"];
    std::string v = head_value(parts.back(), line);
    if (!v.empty()) c.constraints.push_back(make(Constraint::Kind::kSubj, {v}));
    return;
  }
  bool one = parts.size() == 1;
  if (new_format_ && one && (parts[0][0] == '&' || !verb_like(lower(parts[0])))) {
    std::string v = head_value(parts[0], line);
    if (!v.empty()) c.constraints.push_back(make(Constraint::Kind::kSubj, {v}));
    return;
  }
  if (!new_format_ && one && parts[0][0] != '&' && !verb_like(lower(parts[0]))) {
    c.constraints.push_back(make(Constraint::Kind::kSubj, {lower(parts[0])}));
    return;
  }
  ++r_.lossy["words before the verb required anywhere in its subtree (has=), order lost"];
  add_has(parts, c, line);
}

void VerbLoader::prep_token(const Tok& tok, Compiled& c, std::size_t line) {
  std::vector<Tok> inner = tokenize(tok.text);
  if (inner.empty()) return;
  std::string prep = lower(inner[0].text);
  std::string value = "*";
  for (std::size_t i = 1; i < inner.size(); ++i) {
    const Tok& t = inner[i];
    if (t.kind == Tok::kWord && t.text == "+") c.target_slot = prep;
    else if (t.kind == Tok::kWord && t.text == "$") c.source_slot = prep;
    else if (t.kind == Tok::kWord && t.text == "^") continue;
    else if (t.kind == Tok::kPrep) ++r_.lossy["nested prepositional phrase ignored"];
    else {
      std::vector<std::string> parts = split_underscore(t.text);
      if (parts.empty()) continue;
      if (value != "*") ++r_.lossy["second noun inside a prepositional phrase ignored"];
      else value = head_value(parts.back(), line);
      parts.pop_back();
      add_has(parts, c, line);
    }
  }
  if (value.empty()) return;
  if (prep == "of") {  // of-phrases hang on nouns, not on the verb
    if (value != "*") add_has({value[0] == '@' ? "&" + value.substr(3) : value}, c, line);
    return;
  }
  c.constraints.push_back(make(Constraint::Kind::kPrep, {value}, prep));
}

std::size_t VerbLoader::post_token(const std::vector<Tok>& toks, std::size_t i, std::size_t k, Compiled& c,
                                   bool& have_obj, std::size_t line) {
  const Tok& tok = toks[i];
  if (tok.kind == Tok::kPrep) {
    prep_token(tok, c, line);
    return 0;
  }
  std::vector<std::string> parts = split_underscore(tok.text);
  if (parts.empty()) return 0;
  if (tok.kind == Tok::kWord && parts.size() == 1 && (parts[0] == "+" || parts[0] == "$")) {
    std::string& slot = parts[0] == "+" ? c.target_slot : c.source_slot;
    std::vector<std::string> prev_parts = k > 0 && toks[i - 1].kind == Tok::kWord ? split_underscore(toks[i - 1].text)
                                                                                  : std::vector<std::string>{};
    std::string prev = prev_parts.empty() ? "" : lower(prev_parts.back());  // "LINKS_WITH +" -> with
    if (k == 0) slot = "obj";
    else if (prepositions().count(prev)) slot = prev;
    else {
      slot = "obj";
      ++r_.lossy["actor marker inside a noun phrase taken as the object"];
    }
    return 0;
  }
  if (tok.kind == Tok::kWord && parts.size() == 1 && (parts[0] == "^" || parts[0] == "%")) return 0;
  if (tok.kind == Tok::kGroup) {
    if (new_format_ && !have_obj) {
      std::string v = head_value(parts.back(), line);
      if (!v.empty()) c.constraints.push_back(make(Constraint::Kind::kObj, {v}));
      have_obj = true;
      parts.pop_back();
    }
    for (const std::string& p : parts) add_has({p}, c, line);
    return 0;
  }
  bool bare_class = parts.size() == 1 && parts[0][0] == '&';
  if (bare_class) {  // a synset of prepositions ("&PREPOSIT1") is no object
    auto it = synsets_.find(synset_name(parts[0].substr(1)));
    if (it != synsets_.end() && !it->second.empty() && prepositions().count(it->second.front().front())) bare_class = false;
  }
  if (!new_format_ && bare_class && !have_obj && k == 0) {
    // A synset right after the verb is its object: one class constraint
    // instead of one pattern per synset phrase.
    std::string v = head_value(parts[0], line);
    if (!v.empty()) c.constraints.push_back(make(Constraint::Kind::kObj, {v}));
    have_obj = true;
    return 0;
  }
  if (!new_format_ && parts.size() == 1 && prepositions().count(lower(parts[0])) && i + 1 < toks.size() &&
      toks[i + 1].kind == Tok::kWord && toks[i + 1].text[0] == '&' && split_underscore(toks[i + 1].text).size() == 1) {
    // "FOR &SANCTIONS": a preposition dependent of the verb from the class.
    std::string v = head_value(toks[i + 1].text, line);
    if (!v.empty()) c.constraints.push_back(make(Constraint::Kind::kPrep, {v}, lower(parts[0])));
    return 1;
  }
  if (new_format_) {
    std::string w = lower(parts[0]);
    if (parts.size() == 1 && k == 0 && c.particle.empty() && particles().count(w)) {
      c.particle = w;
      return 0;
    }
    bool noun = parts.size() == 1 && !function_words().count(w) && !prepositions().count(w);
    if (noun && !have_obj) {
      std::string v = head_value(parts[0], line);
      if (!v.empty()) c.constraints.push_back(make(Constraint::Kind::kObj, {v}));
      have_obj = true;
      return 0;
    }
  }
  add_has(parts, c, line);
  return 0;
}

int VerbLoader::code_id(const std::string& code) {
  auto it = code_ids_.find(code);
  if (it != code_ids_.end()) return it->second;
  EventCode e;
  e.cameo = code;
  e.label = "PETRARCH " + code;
  bool digits = code.size() >= 2 && std::isdigit(static_cast<unsigned char>(code[0])) &&
                std::isdigit(static_cast<unsigned char>(code[1]));
  int root = digits ? std::stoi(code.substr(0, 2)) : 0;
  e.quad_class = root < 1 || root > 20 ? 0 : root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
  int id = static_cast<int>(d_.codes.size());
  d_.codes.push_back(e);
  code_ids_[code] = id;
  return id;
}

void VerbLoader::emit(const VerbEntry& v, const Compiled& c, const std::string& lemma) {
  // Cartesian product of the has= alternatives (bounded in pattern()).
  std::size_t total = 1;
  for (const auto& alts : c.has_alts) total *= alts.size();
  for (std::size_t n = 0; n < total; ++n) {
    Pattern p;
    p.lemma = lemma;
    p.code = code_id(c.code);
    p.file = path_;
    p.line = c.line;
    p.text = c.text;
    p.particle = v.particle.empty() ? c.particle : v.particle;
    p.constraints = c.constraints;
    p.target_slot = c.target_slot.empty() ? "any" : c.target_slot;  // the first actor after the verb, as PETRARCH
    p.source_slot = c.source_slot;
    std::size_t rest = n;
    for (const auto& alts : c.has_alts) {
      p.constraints.push_back(make(Constraint::Kind::kHas, alts[rest % alts.size()]));
      rest /= alts.size();
    }
    if (!v.particle.empty() && !c.particle.empty()) p.constraints.push_back(make(Constraint::Kind::kHas, {c.particle}));
    if (!v.pre.empty()) {
      std::vector<std::string> seq = v.pre;
      seq.push_back(lemma);
      p.constraints.push_back(make(Constraint::Kind::kHas, seq));
    }
    if (!v.post.empty()) p.constraints.push_back(make(Constraint::Kind::kHas, v.post));
    p.specificity = static_cast<int>(p.constraints.size()) + (p.particle.empty() ? 0 : 1);
    d_.patterns.push_back(std::move(p));
  }
}

void VerbLoader::flush_block() {
  for (const VerbEntry& v : block_) {
    std::vector<std::string> keys = {v.lemma};
    keys.insert(keys.end(), v.forms.begin(), v.forms.end());
    for (const std::string& key : keys) {
      if (v.code != "---" && !v.code.empty()) {
        Compiled bare;
        bare.code = v.code;
        bare.line = v.line;
        bare.text = "verb " + v.lemma + " [" + v.code + "]";
        emit(v, bare, key);
      }
      for (const Compiled& c : block_patterns_) emit(v, c, key);
    }
  }
  block_.clear();
  block_patterns_.clear();
}

}  // namespace

void load_petrarch_verbs(const std::string& path, Dictionary& d, PetrarchReport& report) {
  report.files.push_back({path, "verbs", {}, 0.0});
  std::size_t before = d.patterns.size();
  VerbLoader loader(path, d, report, report.files.back());
  loader.run();
  report.files.back().counts["compiled"] = static_cast<int>(d.patterns.size() - before);
}

}  // namespace dyad::detail
