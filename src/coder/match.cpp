// Pattern matching. Design: the candidate patterns of a word come from one
// hash lookup on its lemma (lists sorted most specific first), so the cost per
// word is O(candidates), independent of dictionary size. Voice is normalized
// here: constraints and slots speak of the *logical* subject and object, so a
// pattern written for the active voice also codes the passive.
#include "coder/match.h"

#include <algorithm>
#include <array>

#include "coder/verb_classes.h"
#include "coder/verb_slots.h"

namespace dyad::detail {
namespace {

const std::array<std::string_view, 14> kQuantity = {"one", "two", "three", "four", "five", "some", "several",
                                                     "many", "most", "all", "dozens", "hundreds", "number", "group"};

}  // namespace

int exact_kid(const SentenceView& v, int i, std::string_view rel) {
  for (int c : v.children(i)) {
    if (v.rel(c) == rel) return c;
  }
  return -1;
}

std::string step(const SentenceView& v, int from, const std::string& rel, int to, bool down) {
  return v.lemma(from) + (down ? " -" + rel + "-> " : " <-" + rel + "- ") + v.word(to).form;
}

int by_agent(const SentenceView& v, int x) {
  int a = exact_kid(v, x, "obl:agent");
  if (a >= 0) return a;
  for (int c : v.children(x)) {
    if ((v.base_rel(c) == "obl" || v.base_rel(c) == "nmod") && v.case_of(c) == "by") return c;
  }
  // "was granted [asylum by Germany]", "was hit [with sanctions by the EU]":
  // a passive's kept object or with-phrase (what it was done with) often
  // carries the by-phrase in the parse
  if (!v.passive(x)) return -1;
  for (int o : v.children(x)) {
    if (v.rel(o) != "obj" && !(v.base_rel(o) == "obl" && v.case_of(o) == "with")) continue;
    for (int c : v.children(o)) {
      if (v.base_rel(c) == "nmod" && v.case_of(c) == "by") return c;
    }
  }
  return -1;
}

namespace {

bool term_at(const SentenceView& v, int start, const std::vector<std::string>& term) {
  if (start < 0 || start + static_cast<int>(term.size()) > v.size()) return false;
  for (std::size_t k = 0; k < term.size(); ++k) {
    if (v.lemma(start + k) != term[k] && v.low(start + k) != term[k]) return false;
  }
  return true;
}

bool value_matches(const Dictionary& d, const SentenceView& v, int w, const std::vector<std::string>& values) {
  if (w < 0) return false;
  for (const std::string& val : values) {
    if (val == "*") return true;
    if (val[0] == '@') {
      auto it = d.classes.find(std::string_view(val).substr(1));
      if (it == d.classes.end()) continue;
      for (const auto& term : it->second) {
        int len = static_cast<int>(term.size());
        if (term_at(v, w - len + 1, term) || term_at(v, w, term)) return true;
      }
    } else if (v.lemma(w) == val || v.low(w) == val) {
      return true;
    }
  }
  // "hosted [Syrian President] Bashar al-Assad": a named person is what his title says
  if (v.upos(w) != "PROPN") return false;
  for (int c : v.children(w)) {
    if (c < w && v.rel(c) == "nmod:desc" && value_matches(d, v, c, values)) return true;
  }
  return false;
}

bool has_sequence(const SentenceView& v, int t, const std::vector<std::string>& seq) {
  std::vector<int> sub = v.subtree(t, {"nsubj", "csubj", "ccomp", "advcl", "conj", "parataxis", "acl"});
  for (std::size_t i = 0; i + seq.size() <= sub.size(); ++i) {
    bool ok = true;
    for (std::size_t k = 0; k < seq.size() && ok; ++k) {
      int w = sub[i + k];
      ok = (k == 0 || w == sub[i + k - 1] + 1) && (v.lemma(w) == seq[k] || v.low(w) == seq[k]);
    }
    if (ok) return true;
  }
  return false;
}

// "handed [over the suspects]obl": the parser read the pattern's particle as
// the preposition of the noun after it; that noun is the verb's object.
SlotWord particle_object(const SentenceView& v, int t, const std::string& particle) {
  const int n = t + 1;
  if (particle.empty() || n >= v.size() || v.lemma(n) != particle || v.rel(n) != "case") return {};
  const int o = v.head(n);
  if (o < 0 || v.head(o) != t || v.base_rel(o) != "obl" || exact_kid(v, t, "obj") >= 0) return {};
  return {o, v.lemma(t) + " " + particle + " -obl-> " + v.word(o).form + " (the particle's noun is the object)"};
}

// A verb pattern's object: the logical object, else the noun the parser hung
// on the pattern's particle.
SlotWord pattern_object(const SentenceView& v, int t, const Pattern& p) {
  SlotWord o = logical_object(v, t);
  return o.word >= 0 ? o : particle_object(v, t, p.particle);
}

bool particle_ok(const SentenceView& v, int t, const std::string& particle) {
  if (particle.empty()) return true;
  for (int c : v.children(t)) {
    if (v.rel(c) == "compound:prt" && v.lemma(c) == particle) return true;
  }
  int n = t + 1;
  return n < v.size() && v.lemma(n) == particle &&
         (v.upos(n) == "ADP" || v.upos(n) == "ADV" || v.upos(n) == "PART");
}

// The object-like slot of a noun trigger: its "of" phrase.
SlotWord noun_object(const SentenceView& v, int t) { return prep_dependent(v, t, "of"); }

bool constraint_holds(const Dictionary& d, const SentenceView& v, int t, const Pattern& p, const Constraint& c,
                      const std::vector<std::string>& discards) {
  bool ok = false;
  switch (c.kind) {
    case Constraint::Kind::kObj: {
      int o = (p.noun ? noun_object(v, t) : pattern_object(v, t, p)).word;
      ok = value_matches(d, v, o, c.values);
      // "caught one of the key figures": a quantity's "of" phrase is the object's kind
      if (!ok && o >= 0 && (std::find(kQuantity.begin(), kQuantity.end(), v.lemma(o)) != kQuantity.end() ||
                            is_measure(v.lemma(o)))) {
        ok = value_matches(d, v, prep_dependent(v, o, "of").word, c.values);
      }
      // "was granted [asylum]obj": a passive keeps the thing given as its object
      if (int kept = p.noun || !v.passive(t) ? -1 : exact_kid(v, t, "obj"); !ok && kept >= 0) {
        ok = value_matches(d, v, kept, c.values);
      }
      break;
    }
    case Constraint::Kind::kSubj:
      ok = value_matches(d, v, logical_subject(v, t).word, c.values);
      break;
    case Constraint::Kind::kPrep:
      for (int ch : v.children(t)) {
        std::string_view b = v.base_rel(ch);
        // a wildcard is no time: "agreed ... on Saturday" is no agreement on Saturday
        bool wild = std::find(c.values.begin(), c.values.end(), "*") != c.values.end();
        if ((b == "obl" || b == "nmod") && v.case_of(ch) == c.prep && value_matches(d, v, ch, c.values) &&
            !(wild && is_time_noun(v.lemma(ch)))) {
          ok = true;
        }
        // a clause the preposition introduces: "pushed [for the US to support ...]", "blamed X [for attacking]"
        // ("to" marks an infinitive, not a to-phrase)
        int m = b == "advcl" && c.prep != "to" ? v.first_kid(ch, "mark") : -1;
        if (m >= 0 && v.low(m) == c.prep && value_matches(d, v, ch, c.values)) ok = true;
      }
      // "filed [a case against Israel]": the phrase hung on the object after it
      // (the slot of target=PREP looks there too)
      if (!ok && !p.noun) {
        int o = pattern_object(v, t, p).word;
        for (int ch : v.children_if(o >= 0, o)) {
          if (ch > o && v.base_rel(ch) == "nmod" && v.case_of(ch) == c.prep && value_matches(d, v, ch, c.values) &&
              !is_time_noun(v.lemma(ch)))
            ok = true;
        }
      }
      break;
    case Constraint::Kind::kXcomp:
      for (int ch : v.children(t)) {
        if (v.base_rel(ch) == "xcomp" && value_matches(d, v, ch, c.values)) ok = true;
      }
      break;
    case Constraint::Kind::kHas:
      ok = has_sequence(v, t, c.values);
      break;
    case Constraint::Kind::kContext:
      for (const std::string& label : c.values) {
        if (std::find(discards.begin(), discards.end(), label) != discards.end()) ok = true;
      }
      break;
  }
  return c.negated ? !ok : ok;
}


}  // namespace


SlotWord logical_subject(const SentenceView& v, int verb) {
  std::string path;
  int x = verb;
  bool active_conjunct = false;  // the last step came up from an active verb's conj
  for (int hop = 0; hop < 6 && x >= 0; ++hop) {
    if (int s = exact_kid(v, x, "nsubj"); s >= 0) return {s, path + step(v, x, "nsubj", s, true)};
    if (int e = personal_expl(v, x); e >= 0) return {e, path + step(v, x, "expl", e, true) + " (personal subject)"};
    if (v.passive(x)) {
      // "has been indicted ... and will resign": an active conjunct shares the
      // passive's grammatical subject, not its by-agent
      if (int s = exact_kid(v, x, "nsubj:pass"); active_conjunct && s >= 0) {
        return {s, path + step(v, x, "nsubj:pass", s, true)};
      }
      int a = by_agent(v, x);
      return a >= 0 ? SlotWord{a, path + step(v, x, v.rel(a), a, true)} : SlotWord{-1, path + v.lemma(x) + " (passive, no agent)"};
    }
    const std::string& r = v.rel(x);
    int h = v.head(x);
    if (h < 0) break;
    // "the council adopted [a resolution] [condemning X]": a text without an
    // author of its own speaks for whoever issued it (before the reduced
    // relative, whose subject would be the text itself)
    if (r == "acl" && v.word(x).xpos == "VBG" && exact_kid(v, x, "nsubj") < 0 && issued_document(v, h)) {
      path += step(v, h, "acl", x, false) + " ";
      x = v.head(h);
      continue;
    }
    if (SlotWord c = clause_controller(v, x, h, r, path); c.word >= 0) return c;
    // "opened fire [to disperse]acl protesters", "took steps [to curb] ...":
    // an infinitive on the object that is a means or measure, not someone, is
    // the purpose of whoever used or took it; "had no plans [to send]": an
    // intention had or made is its holder's
    if (r == "acl" && infinitive_to(v, x) >= 0 && exact_kid(v, x, "nsubj") < 0 && v.rel(h) == "obj" &&
        (is_means_noun(v.lemma(h)) || own_intent(v, h)) && v.head(h) >= 0) {
      path += step(v, h, "acl", x, false) + " ";
      x = v.head(h);
      continue;
    }
    if (r == "xcomp") {
      path += step(v, h, "xcomp", x, false) + " ";
      if (v.passive(h)) {
        int s = exact_kid(v, h, "nsubj:pass");
        if (s >= 0) return {s, path + step(v, h, "nsubj:pass", s, true)};
      }
      int o = exact_kid(v, h, "obj");
      if (o >= 0 && is_object_control_verb(v.lemma(h))) {
        return {o, path + step(v, h, "obj", o, true)};
      }
      x = h;
    } else if (r == "conj" || r == "advcl" || (r == "acl" && exact_kid(v, h, "cop") >= 0)) {
      // acl of a copular predicate: "X are guilty [of violating ...]" -> X
      active_conjunct = r == "conj" && own_active_voice(v, x);
      path += step(v, h, r, x, false) + " ";
      x = h;
    } else {
      break;
    }
  }
  return {-1, path};
}

SlotWord logical_object(const SentenceView& v, int verb) {
  // A conjunct without its own subject shares the first conjunct's voice and
  // subject: "have been arrested and accused" -> both passive.
  int h = v.head(verb);
  bool shared = v.rel(verb) == "conj" && h >= 0 && exact_kid(v, verb, "nsubj") < 0 &&
                exact_kid(v, verb, "nsubj:pass") < 0 && exact_kid(v, verb, "obj") < 0;
  if (v.passive(verb) || (shared && v.passive(h))) {
    int s = exact_kid(v, verb, "nsubj:pass");
    if (s >= 0) return {s, step(v, verb, "nsubj:pass", s, true)};
    // Parser repair: "yesterday the French Ambassador ... was summoned" is often
    // parsed with the subject as an appos of the temporal noun.
    for (int a = 0; a < verb; ++a) {
      int c = v.head(a);
      if (v.rel(a) != "appos" || c < 0 || (v.upos(a) != "NOUN" && v.upos(a) != "PROPN")) continue;
      if (v.base_rel(c) != "obl" || v.rel(c) == "obl") continue;  // obl:tmod / obl:unmarked / obl:npmod
      int up = c;
      for (int hop = 0; hop < 4 && up >= 0 && up != verb; ++hop) up = v.head(up);
      if (up != verb) continue;
      return {a, v.word(c).form + " -appos-> " + v.word(a).form + " (repaired subject of " + v.lemma(verb) + ")"};
    }
    if (shared) {
      int s2 = exact_kid(v, h, "nsubj:pass");
      if (s2 >= 0) return {s2, step(v, h, "conj", verb, true) + " / " + step(v, h, "nsubj:pass", s2, true)};
    }
    // A passive infinitive's patient is its controller's object, else its
    // subject: "led them to be ousted", "they expect to be expelled".
    if (v.rel(verb) == "xcomp" && h >= 0) {
      for (const char* r : {"obj", "nsubj", "nsubj:pass"}) {
        int c = exact_kid(v, h, r);
        if (c >= 0) return {c, step(v, h, "xcomp", verb, false) + " " + step(v, h, r, c, true)};
      }
    }
    return {-1, ""};
  }
  int o = exact_kid(v, verb, "obj");
  if (o >= 0) return {o, step(v, verb, "obj", o, true)};
  return {-1, ""};
}

SlotWord prep_dependent(const SentenceView& v, int head, const std::string& prep) {
  for (int c : v.children(head)) {
    std::string_view b = v.base_rel(c);
    if ((b == "obl" || b == "nmod") && v.case_of(c) == prep) return {c, step(v, head, v.rel(c) + ":" + prep, c, true)};
  }
  return {-1, ""};
}

std::vector<std::string> discard_labels(const Dictionary& d, const SentenceView& v, bool* scope_all) {
  std::vector<std::string> out;
  if (scope_all) *scope_all = false;
  std::vector<char> found(d.discards.size(), 0);
  for (int i = 0; i < v.size(); ++i) {
    // Discard terms are nouns and names: the verbs "match", "score" or
    // "forecast" say nothing about the sentence's topic.
    if (v.upos(i) == "VERB" || v.upos(i) == "AUX") continue;
    for (const std::string* key : {&v.low(i), &v.lemma(i)}) {
      auto it = d.discard_by_first.find(*key);
      if (it == d.discard_by_first.end()) continue;
      for (auto [dis, term] : it->second) {
        if (!found[dis] && term_at(v, i, d.discards[dis].terms[term])) found[dis] = 1;
      }
    }
  }
  for (std::size_t k = 0; k < found.size(); ++k) {
    if (!found[k]) continue;
    out.push_back(lower(d.discards[k].label));
    if (d.discards[k].scope_all && scope_all) *scope_all = true;
  }
  return out;
}

const Pattern* match_trigger(const Dictionary& d, const SentenceView& v, int t, const std::vector<std::string>& discards) {
  // Patterns are looked up by lemma, then by form ("noun: talks" matches "talks"
  // whose lemma is "talk"). A verb's lemma the lemmatizer cut short was
  // repaired before (verb_lemmas.h).
  auto it = d.patterns_by_lemma.find(v.lemma(t));
  if (it == d.patterns_by_lemma.end()) it = d.patterns_by_lemma.find(v.low(t));
  if (it == d.patterns_by_lemma.end()) return nullptr;
  const std::string& u = v.upos(t);
  bool verb_ok = u.empty() || u == "VERB";
  bool noun_ok = u.empty() || u == "NOUN" || u == "PROPN";
  for (int id : it->second) {
    const Pattern& p = d.patterns[id];
    if (p.noun ? !noun_ok : !verb_ok) continue;
    if (!p.noun && !particle_ok(v, t, p.particle)) continue;
    if (p.noun && !p.prefix.empty() && !term_at(v, t - static_cast<int>(p.prefix.size()), p.prefix)) continue;
    bool ok = true;
    for (const Constraint& c : p.constraints) {
      if (!constraint_holds(d, v, t, p, c, discards)) {
        ok = false;
        break;
      }
    }
    if (ok) return &p;
  }
  return nullptr;
}

namespace {

SlotWord slot(const SentenceView& v, int t, const Pattern& p, const std::string& name) {
  if (name == "none") return {};
  if (name == "subj") return logical_subject(v, t);
  if (name == "obj") {
    return p.noun ? noun_object(v, t) : pattern_object(v, t, p);
  }
  SlotWord g = prep_dependent(v, t, name);
  if (g.word >= 0 || p.noun) return g;
  // The phrase often hangs off the object: "imposed [sanctions on X]".
  SlotWord o = pattern_object(v, t, p);
  if (o.word < 0) return g;
  g = prep_dependent(v, o.word, name);
  // "sent [50 tons of aid] to X": or off a measure's of-phrase
  if (SlotWord of = prep_dependent(v, o.word, "of"); g.word < 0 && of.word >= 0 && is_measure(v.lemma(o.word))) {
    g = prep_dependent(v, of.word, name);
    if (g.word >= 0) g.path = of.path + " " + g.path;
  }
  // "filed [a complaint with the Council] against X": or off the last phrase
  // the parser stacked on the object
  for (int inner : v.children_if(g.word < 0, o.word)) {
    if (v.base_rel(inner) != "nmod" || inner < o.word) continue;
    if (SlotWord deeper = prep_dependent(v, inner, name); deeper.word > inner) {
      g = {deeper.word, v.word(inner).form + " " + deeper.path};
      break;
    }
  }
  if (g.word >= 0) {
    g.path = step(v, t, "obj", o.word, true) + " " + g.path;
  } else if (name == "to" && v.passive(t) && exact_kid(v, t, "obj") >= 0) {
    // "X was granted asylum", "was sent aid": the passive's subject is the recipient
    g = {o.word, o.path + " (recipient of the passive)"};
  }
  return g;
}

}  // namespace

// Verbs whose subject reacts to an act of someone else: in "Norway protested
// the detention of its journalists" or "Moscow rejected the criticism" the
// subject is not the one who detained or criticised, so a nominal event in
// their object does not take it as its source (unlike "police announced the
// arrest of ...", "the court ordered the release of ...").
bool reacts_to_others_act(const SentenceView& v, int verb) {
  static constexpr std::string_view kReacting[] = {
      "protest", "condemn", "denounce", "criticize", "criticise", "deplore", "decry", "reject",
      "deny",    "dismiss", "welcome",  "praise",    "applaud",   "hail",    "regret", "mourn"};
  return std::find(std::begin(kReacting), std::end(kReacting), v.lemma(verb)) != std::end(kReacting);
}

bool requires_negation(const Pattern& p) {
  for (const Constraint& c : p.constraints) {
    if (c.kind != Constraint::Kind::kHas || c.negated) continue;
    for (const std::string& w : c.values) {
      if (w == "not" || w == "never" || w == "n't" || w == "no") return true;
    }
  }
  return false;
}

namespace {

Slots raw_slots(const SentenceView& v, int t, const Pattern& p, bool clause_target) {
  Slots out;
  if (p.noun) {
    // "talks between X and Y": X is the source, its conjuncts the targets;
    // also "fighting erupted [between X and Y]" (the phrase on the verb the act is subject of)
    SlotWord between = prep_dependent(v, t, "between");
    static constexpr std::string_view kOccur[] = {"erupt", "break", "continue", "rage", "intensify", "resume",
                                                  "escalate", "flare", "occur", "spread"};
    if (const int h = v.head(t); between.word < 0 && h >= 0 && v.rel(t) == "nsubj" &&
                                 std::find(std::begin(kOccur), std::end(kOccur), v.lemma(h)) != std::end(kOccur)) {
      between = prep_dependent(v, h, "between");
    }
    if (between.word >= 0 && p.target_slot.empty() && p.source_slot.empty()) {
      out.sources.push_back(between);
      for (int c : v.kids(between.word, "conj")) out.targets.push_back({c, between.path + " -conj-> " + v.word(c).form});
      return out;
    }
    SlotWord s = p.source_slot.empty() ? noun_source(v, t) : slot(v, t, p, p.source_slot);
    SlotWord g;
    if (p.target_slot.empty()) {
      for (const char* prep : {"of", "against", "with", "to", "on", "over"}) {
        g = prep_dependent(v, t, prep);
        if (g.word >= 0 && std::string_view(prep) == "over" && is_time_noun(v.lemma(g.word))) g = {};
        if (g.word >= 0) break;
      }
      if (g.word < 0 && v.rel(s.word >= 0 ? s.word : 0) != "nmod:poss") {
        for (int c : v.children(t)) {
          if (v.rel(c) == "nmod:poss") g = {c, step(v, t, "nmod:poss", c, true)};
        }
      }
      // "the embassy came [under rocket fire]": who comes or is under an attack is its
      // target; so is who died in it, survived or suffered it
      const std::string_view tr = v.base_rel(t);
      if (const int h = v.head(t); g.word < 0 && h >= 0 &&
                                   ((tr == "obl" && v.case_of(t) == "under") ||
                                    ((tr == "obl" || tr == "obj") && is_suffering_verb(v.lemma(h))))) {
        if (const int u = exact_kid(v, h, "nsubj"); u >= 0) g = {u, step(v, h, "obl", t, false) + " " + step(v, h, "nsubj", u, true)};
      }
    } else {
      g = slot(v, t, p, p.target_slot);
    }
    if (g.word == s.word) g = {};
    if (s.word >= 0) out.sources.push_back(s);
    if (g.word >= 0) out.targets.push_back(g);
    if (g.word >= 0 && p.target_slot.empty()) {
      // "demonstrations against [violations by the Israeli military]", "a protest against
      // [Sweden's decision]": a phrase naming no actor gives way to its author or owner
      out.first_target_only = true;
      auto add = [&](SlotWord w) {
        if (w.word >= 0 && w.word != s.word) out.targets.push_back(std::move(w));
      };
      add_owners(v, g.word, add);
      add(capitalised_modifier(v, g.word));
      SlotWord by = prep_dependent(v, g.word, "by");
      if (by.word >= 0) add({by.word, g.path + " " + by.path});
    }
    return out;
  }
  // source=PREP (an extension, docs/dictionaries.md) falls back to the subject
  // when the phrase is absent: "summoned to the ministry" vs "X summoned Y".
  SlotWord s = p.source_slot.empty() ? logical_subject(v, t) : slot(v, t, p, p.source_slot);
  if (s.word < 0 && !p.source_slot.empty() && p.source_slot != "none") s = logical_subject(v, t);
  if (s.word < 0 && !p.agent_slot.empty() && v.passive(t)) {
    s = prep_dependent(v, t, p.agent_slot);
    if (s.word >= 0) s.path += " (agent of the passive)";
  }
  if (p.target_slot == "any") {  // PETRARCH patterns (docs/petrarch.md): candidates in order, the coder keeps the first actor
    if (s.word >= 0) out.sources.push_back(s);
    std::vector<int> cands;
    if (SlotWord o = logical_object(v, t); o.word >= 0) cands.push_back(o.word);
    for (int c : v.children(t)) {
      if (v.base_rel(c) == "obl" && v.rel(c) != "obl:agent" && v.case_of(c) != "by") cands.push_back(c);
      if (v.base_rel(c) == "ccomp" || v.base_rel(c) == "xcomp") cands.push_back(logical_subject(v, c).word);
    }
    for (std::size_t i = 0; i < cands.size() && cands.size() < 24; ++i) {  // nested: "ties with X", "resumption of ties with X"
      if (cands[i] < 0) continue;
      for (int c : v.kids(cands[i], "nmod")) cands.push_back(c);
    }
    for (int c : cands) {
      if (c >= 0 && c != s.word) out.targets.push_back({c, v.lemma(t) + " ~> " + v.word(c).form});
    }
    return out;
  }
  if (s.word >= 0) out.sources.push_back(s);
  if (p.target_slot.empty()) {
    default_verb_targets(v, t, s.word, clause_target, out);
    return out;
  }
  SlotWord g = slot(v, t, p, p.target_slot);
  if (g.word == s.word) g = {};
  if (g.word >= 0) out.targets.push_back(g);
  if (g.word >= 0 && p.target_slot != "obj" && p.target_slot != "subj") {
    // "agreed to [U.S.] mediation": the phrase's owner when the phrase names no actor
    out.first_target_only = true;
    auto add = [&](SlotWord w) {
      if (w.word >= 0 && w.word != s.word) out.targets.push_back(std::move(w));
    };
    add_owners(v, g.word, add);
    add(capitalised_modifier(v, g.word));  // "complained over [Israeli] air raids"
  }
  return out;
}

}  // namespace

Slots fill_slots(const SentenceView& v, int t, const Pattern& p, bool clause_target) {
  Slots out = raw_slots(v, t, p, clause_target);
  // "Thousands of Nigerians protested": the crowd's kind is the actor
  for (auto* list : {&out.sources, &out.targets}) {
    for (SlotWord& w : *list) w = through_quantity(v, std::move(w));
  }
  // "their efforts [to pressure X]", "whose lobbyists tried to ...": a deed's
  // owner, or the owner of people acting for it, is who acts
  for (SlotWord& w : out.sources) {
    if (w.word < 0 || (!is_quality_of(v.lemma(w.word)) && !acts_for_owner(v.lemma(w.word)))) continue;
    int o = exact_kid(v, w.word, "nmod:poss");
    if (o >= 0) w = {o, w.path + " " + step(v, w.word, "nmod:poss", o, true)};
  }
  return out;
}

}  // namespace dyad::detail
