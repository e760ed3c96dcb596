// Design note: parsers trained on web text misplace two kinds of words in the
// core argument slots the coder reads, and every slot rule downstream would
// otherwise have to second-guess them. So the coder rewrites such a tree once:
//   (a) a temporal noun ("yesterday", "on Monday", "last week") is never a
//       participant. In a subject or object slot it becomes obl:tmod of the
//       same head; a nominal it governs (the parser's "yesterday -obj->
//       Ambassador") takes over its slot with its modifiers, and a passive
//       left without a subject takes its object as the patient ("Yesterday
//       [the ambassador] was summoned" parsed with the ambassador as obj).
//   (b) a core argument that opens with a preposition is an oblique: "granted
//       asylum to five officers" parsed as two objects with "to" hung on the
//       numeral becomes asylum (obj) + officers (obl:to).
//   (c)-(e) below: a subjectless passive's patient, a clause read as two
//       phrases, a common noun read as the end of a name.
//   (f) a stative passive ("Israel is opposed to X", "forces were engaged
//       in Y") names its subject's own stance or activity: the subject acts.
//   (g) a reported clause read as its subject's reduced relative ("forces
//       launched artillery ..., sources said" with "launched" an acl).
//   (h) an indirect object without a direct one is the direct object.
//   (i) a "passive" subject of a verb under perfect "have" with no passive
//       auxiliary ("it should not have hoped") is its active subject.
//   (j)-(m), missing objects and subjects: object_repair.cpp.
// The rewrite is idempotent and leaves correct parses untouched.
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "coder/dictionary.h"
#include "coder/parse_repair.h"
#include "coder/tree_edit.h"
#include "coder/verb_classes.h"

namespace dyad::detail {
namespace {

using namespace tree;

const std::array<std::string_view, 11> kBareTemporal = {"yesterday", "today",    "tonight",  "tomorrow",
                                                        "monday",    "tuesday",  "wednesday", "thursday",
                                                        "friday",    "saturday", "sunday"};

// Period nouns that are temporal only with a deictic modifier: "last week",
// "this morning", "Monday night" — "the week" alone may be a subject.
const std::array<std::string_view, 27> kPeriods = {
    "week",    "weekend",  "month", "year",    "morning",  "afternoon", "evening",  "night",    "day",
    "decade",  "summer",   "winter", "spring", "autumn",   "january",   "february", "march",    "april",
    "june",    "july",     "august", "september", "october", "november", "december", "quarter", "hour"};

const std::array<std::string_view, 12> kDeictic = {"last", "this",  "next",   "past",   "previous", "coming",
                                                   "same", "early", "late",   "recent", "every",    "each"};

bool one_of(std::string_view x, auto const& list) { return std::find(list.begin(), list.end(), x) != list.end(); }

}  // namespace

bool temporal_noun(const Sentence& s, int i) {
  const Word& w = s.words[i];
  if (w.upos != "NOUN" && w.upos != "PROPN" && w.upos != "ADV") return false;
  std::string x = lower(w.lemma.empty() ? w.form : w.lemma);
  if (one_of(x, kBareTemporal)) return true;
  if (!one_of(x, kPeriods) && !(x.size() > 1 && one_of(x.substr(0, x.size() - 1), kPeriods))) return false;
  for (int c : each_child(s, i)) {
    std::string m = lower(s.words[c].form);
    std::string_view r = base(s.words[c].deprel);
    if ((r == "det" || r == "amod") && one_of(m, kDeictic)) return true;
    if (r == "compound" && one_of(m, kBareTemporal)) return true;  // "Monday night"
  }
  return false;
}

namespace {

// (a) for one temporal word T in a core slot of H.
// A finite clause of its own: the mark "that" and a subject.
bool has_that_and_subject(const Sentence& s, int v) {
  bool that = false, subj = false;
  for (int c : each_child(s, v)) {
    that = that || (s.words[c].deprel == "mark" && lower(s.words[c].form) == "that");
    subj = subj || base(s.words[c].deprel) == "nsubj";
  }
  return that && subj;
}

void demote_temporal(Sentence& s, int t, std::string* why) {
  const int h = head0(s, t);
  const std::string slot = s.words[t].deprel;
  s.words[t].deprel = "obl:tmod";
  for (int c : children(s, t)) {  // "said Wednesday [that the US must ...]": a clause is the verb's
    std::string_view r = s.words[c].deprel;
    if (c <= t || h < 0) continue;
    if (r == "ccomp" || r == "parataxis") s.words[c].head = h + 1;
    if (r == "acl" && has_that_and_subject(s, c)) {  // "demanded Friday [that the US match ...]" as acl
      s.words[c].head = h + 1;
      s.words[c].deprel = "ccomp";
    }
  }
  int heir = -1;
  for (int c : children(s, t)) {
    std::string_view r = s.words[c].deprel;
    if (c > t && nominal(s.words[c]) && (core(r) || r == "appos" || r == "dep")) {
      heir = c;
      break;
    }
  }
  if (heir < 0) {  // "President Todor Zhivkov today signed": the name parsed as the temporal word's compound
    for (int c : children(s, t)) {
      std::string_view r = base(s.words[c].deprel);
      if (c < t && nominal(s.words[c]) && (r == "compound" || r == "flat")) heir = c;
    }
    if (heir >= 0) {
      for (int c : children(s, t)) {
        if (c < heir) s.words[c].head = heir + 1;
      }
    }
  }
  if (heir >= 0) {
    s.words[heir].head = h + 1;
    s.words[heir].deprel = slot;
    for (int c : children(s, t)) {  // "yesterday the Ambassador [to Azerbaijan]": the heir's modifiers
      std::string_view b = base(s.words[c].deprel);
      if (c <= heir || (b != "obl" && b != "nmod" && b != "appos" && b != "acl")) continue;
      s.words[c].head = heir + 1;
      if (b == "obl") s.words[c].deprel.replace(0, 3, "nmod");
    }
  } else if (slot == "nsubj:pass" && h >= 0) {
    bool subject_left = false;
    int object = -1;
    for (int c : children(s, h)) {
      if (s.words[c].deprel == "nsubj:pass" && c != t) subject_left = true;
      if (s.words[c].deprel == "obj" && nominal(s.words[c]) && object < 0) object = c;
    }
    if (!subject_left && object >= 0) {
      s.words[object].deprel = "nsubj:pass";
      heir = object;
    }
  }
  note(why, "temporal '" + s.words[t].form + "' is no " + slot + (heir >= 0 ? ": '" + s.words[heir].form + "' is" : ""));
}

// The preposition that opens argument a: its own case child, or one the
// parser hung on its first number or determiner ("to [five] officers").
bool opens_with_preposition(const Sentence& s, int a) {
  for (int c : each_child(s, a)) {
    const Word& w = s.words[c];
    if (c > a) continue;
    if (w.deprel == "case" && w.lemma != "'s" && w.lemma != "'") return true;
    std::string_view r = base(w.deprel);
    if (r != "nummod" && r != "det") continue;
    std::vector<int> k = children(s, c);
    if (k.size() == 1 && k[0] < c && s.words[k[0]].deprel == "case" && s.words[k[0]].upos == "ADP") return true;
  }
  return false;
}

int subtree_end(const Sentence& s, int x) {
  int end = x;
  for (int i = x + 1; i < static_cast<int>(s.words.size()); ++i) {
    if (in_subtree(s, i, x)) end = i;
  }
  return end;
}

// The `case` child of nominal x that is really a clause's subordinator
// ("after", "before", "since", "until", "once": they take clauses as well as
// noun phrases), or -1.
int subordinator_case(const Sentence& s, int x) {
  for (int c : each_child(s, x)) {
    if (s.words[c].deprel != "case") continue;
    const std::string& l = s.words[c].lemma;
    if (l == "after" || l == "before" || l == "since" || l == "until" || l == "till" || l == "once") return c;
  }
  return -1;
}

// (c) A passive verb group ("have been arrested") whose nsubj:pass is missing
// or not a nominal: its patient is the noun phrase ending right before the
// auxiliaries, i.e. the highest caseless nominal on the path up from the word
// there whose phrase ends before the verb group ("four French citizens,
// identified as ..., have been arrested" under a parenthetical "let's not
// forget"). A phrase behind a temporal subordinator the parser took for a
// preposition is a clause's subject and stops the climb: "cancelled a visit
// [after a state of siege] was declared" -> "state", not the visit (see
// subordinator_case). -1 when there is none.
int patient_before(const Sentence& s, int v) {
  int first = v;
  for (int c : each_child(s, v)) {
    const std::string& r = s.words[c].deprel;
    if ((r == "aux" || r == "aux:pass") && c < first) first = c;
  }
  int w = first - 1;
  while (w >= 0 && s.words[w].upos == "PUNCT") --w;
  int best = -1;
  for (int x = w, hop = 0; x >= 0 && hop < 64; x = head0(s, x), ++hop) {
    if (x == v || in_subtree(s, v, x) || subtree_end(s, x) >= first) break;
    bool caseless = true;
    for (int c : each_child(s, x)) caseless = caseless && s.words[c].deprel != "case";
    std::string_view r = base(s.words[x].deprel);
    if (nominal(s.words[x]) && subordinator_case(s, x) >= 0) return x;
    if (nominal(s.words[x]) && caseless && r != "obl" && r != "nmod" && !temporal_noun(s, x)) best = x;
    if (temporal_noun(s, x)) {  // "yesterday -obj-> the Ambassador": the noun the temporal word governs
      for (int c : each_child(s, x)) {
        std::string_view cr = s.words[c].deprel;
        if (c > x && c < first && nominal(s.words[c]) && (core(cr) || cr == "appos" || cr == "dep")) {
          best = c;
          break;
        }
      }
    }
  }
  return best;
}

bool passive_without_patient(const Sentence& s, int v) {
  if (s.words[v].upos != "VERB" || s.words[v].deprel == "xcomp" || s.words[v].deprel == "acl") return false;
  bool aux_pass = false;
  for (int c : each_child(s, v)) {
    if (s.words[c].deprel == "aux:pass") aux_pass = true;
    if (s.words[c].deprel == "nsubj:pass" && nominal(s.words[c])) return false;
  }
  return aux_pass;
}

// The nsubj S of h whose phrase ends right before word v ("The United
// Nations on Tuesday | reduced"), or -1.
int subject_ending_before(const Sentence& s, int h, int v) {
  for (int c : each_child(s, h)) {
    if (c < v && s.words[c].deprel == "nsubj" && nominal(s.words[c]) && subtree_end(s, c) == v - 1) return c;
  }
  return -1;
}

// (d) "Zambia extradited [suspected militant X] ..., an official said" read
// as Zambia (nsubj of said) + X (ccomp of said) with "extradited" an
// adjective of X: a past-tense verb attached as amod to the noun O after it,
// right after the phrase of a subject S (of the same head, or of O itself), is
// the clause S V O. Returns V or -1.
int split_subject_verb_object(const Sentence& s, int v) {
  const Word& w = s.words[v];
  if (w.upos != "VERB" || (w.xpos != "VBD" && w.xpos != "VBN") || w.deprel != "amod" || v == 0) return -1;
  int o = head0(s, v);
  if (o <= v || !nominal(s.words[o])) return -1;
  for (int k = v + 1; k < o; ++k) {  // only O's modifiers between V and O
    if (head0(s, k) != o) return -1;
  }
  int h = head0(s, o);
  // S hangs on the same head as O, or on O itself ("Nations" nsubj of "supplies")
  if (h < 0 || (subject_ending_before(s, h, v) < 0 && subject_ending_before(s, o, v) < 0)) return -1;
  std::string_view r = s.words[o].deprel;
  return r == "ccomp" || r == "parataxis" || r == "obj" || r == "conj" ? v : -1;
}

// (e) "Arnor cleric is ...", "the Kenya police said": a lower-case common
// noun the tagger took for the last part of a name (PROPN head -flat-> noun)
// is the phrase's head, the name its compound modifier. Names with lower-case
// particles ("bin", "van", "al") end in a capitalised part, so they never match.
// Returns the noun or -1.
int noun_inside_name(const Sentence& s, int h) {
  if (s.words[h].upos != "PROPN") return -1;
  int last = -1;
  for (int c : each_child(s, h)) {
    if (c > h && s.words[c].deprel == "flat") last = std::max(last, c);
  }
  if (last < 0 || last != h + 1) return -1;  // only the two-word "Name noun"
  const std::string& f = s.words[last].form;
  bool lower = !f.empty() && std::all_of(f.begin(), f.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return lower && f.size() > 3 && each_child(s, last).empty() ? last : -1;
}

}  // namespace

namespace {

// (g) "Vietnamese-led forces launched artillery ..., sources said" read as
// forces (nsubj of said) with "launched" its reduced relative: a past verb
// with an object, attached as acl right after the subject noun of a later
// statement verb, is the reported clause. Returns V or -1.
int object_taken_by(const Sentence& s, int v, int say);

int subject_with_clause_as_acl(const Sentence& s, int v) {
  const Word& w = s.words[v];
  if (w.upos != "VERB" || (w.xpos != "VBD" && w.xpos != "VBN") || w.deprel != "acl" || v == 0) return -1;
  int n = head0(s, v);
  if (n != v - 1 || !nominal(s.words[n]) || s.words[n].deprel != "nsubj") return -1;
  int say = head0(s, n);
  if (say <= v || !is_report_verb(lower(s.words[say].lemma))) return -1;
  bool object = false;
  for (int c : each_child(s, v)) {
    if (s.words[c].deprel == "obj") object = true;
    if (base(s.words[c].deprel) == "aux" || s.words[c].deprel == "mark") return -1;
  }
  return object || object_taken_by(s, v, say) >= 0 ? v : -1;
}

// For (g): "Israeli airstrikes killed [at least 20 people] in Rafah, officials
// said" with the object read as the statement's ccomp: the nominal right
// after V (only its own words between) hung on the statement verb, or -1.
int object_taken_by(const Sentence& s, int v, int say) {
  for (int k = v + 1; k < say; ++k) {
    if (head0(s, k) != say) continue;
    const std::string& r = s.words[k].deprel;
    if ((r != "ccomp" && r != "obj") || !nominal(s.words[k]) || s.words[k].upos == "PRON") return -1;
    for (int j = v + 1; j < k; ++j) {
      int h = j;
      for (int hop = 0; hop < 8 && h >= 0 && h != k; ++hop) h = head0(s, h);
      if (h != k) return -1;
    }
    return k;
  }
  return -1;
}

// (h) "refused to allow United Nations planes to land" with "planes" an iobj:
// English has no indirect object without a direct one, so it is the object.
bool lone_indirect_object(const Sentence& s, int i) {
  if (s.words[i].deprel != "iobj" || s.words[i].head <= 0) return false;
  for (int c : each_child(s, head0(s, i))) {
    if (s.words[c].deprel == "obj" || base(s.words[c].deprel) == "ccomp") return false;  // "told him that ..."
  }
  return true;
}

// (f) be + oppose/commit/engage/... + its preposition, with no by-agent.
bool stative_passive(const Sentence& s, int v) {
  static const std::array<std::pair<std::string_view, std::string_view>, 6> kStative = {
      {{"oppose", "to"}, {"commit", "to"}, {"dedicate", "to"}, {"devote", "to"}, {"engage", "in"}, {"involve", "in"}}};
  std::string l = lower(s.words[v].lemma);
  auto it = std::find_if(kStative.begin(), kStative.end(), [&](const auto& p) { return p.first == l; });
  if (it == kStative.end() || s.words[v].upos != "VERB") return false;
  bool subject = false, be = false, phrase = false;
  for (int c : each_child(s, v)) {
    const std::string& r = s.words[c].deprel;
    subject = subject || r == "nsubj:pass";
    be = be || (r == "aux:pass" && lower(s.words[c].lemma) == "be");
    if (base(r) != "obl") continue;
    for (int k : each_child(s, c)) {
      if (s.words[k].deprel != "case") continue;
      if (lower(s.words[k].form) == "by" || r == "obl:agent") return false;
      phrase = phrase || lower(s.words[k].form) == it->second;
    }
  }
  return subject && be && phrase;
}

// (i) "it should not have hoped for ..." parsed with "it" as nsubj:pass: a
// passive needs be/get (aux:pass); a verb under perfect "have" with none is
// active, so its subject acts.
bool perfect_read_as_passive(const Sentence& s, int v) {
  if (s.words[v].upos != "VERB") return false;
  bool subject = false, have = false;
  for (int c : each_child(s, v)) {
    const std::string& r = s.words[c].deprel;
    if (r == "aux:pass" || r == "obl:agent") return false;
    subject = subject || r == "nsubj:pass";
    have = have || (r == "aux" && lower(s.words[c].lemma) == "have");
  }
  return subject && have;
}

}  // namespace

bool needs_argument_repair(const Sentence& s) {
  for (int i = 0; i < static_cast<int>(s.words.size()); ++i) {
    const std::string& r = s.words[i].deprel;
    if (s.words[i].head <= 0 || !core(r)) continue;
    if (temporal_noun(s, i) || ((r == "obj" || r == "iobj") && opens_with_preposition(s, i))) return true;
  }
  for (int v = 0; v < static_cast<int>(s.words.size()); ++v) {
    if (noun_inside_name(s, v) >= 0) return true;
    if (passive_without_patient(s, v) && patient_before(s, v) >= 0) return true;
    if (split_subject_verb_object(s, v) >= 0) return true;
    if (stative_passive(s, v) || subject_with_clause_as_acl(s, v) >= 0 || lone_indirect_object(s, v)) return true;
    if (perfect_read_as_passive(s, v)) return true;
  }
  return needs_object_repair(s);
}

bool repair_arguments(Sentence& s, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  bool changed = false;
  for (int i = 0; i < n; ++i) {
    if (s.words[i].head <= 0 || !core(s.words[i].deprel)) continue;
    if (temporal_noun(s, i)) {
      demote_temporal(s, i, why);
      changed = true;
    } else if ((s.words[i].deprel == "obj" || s.words[i].deprel == "iobj") && opens_with_preposition(s, i)) {
      const Word& h = s.words[head0(s, i)];
      s.words[i].deprel = h.upos == "VERB" || h.upos == "AUX" ? "obl" : "nmod";
      note(why, "'" + s.words[i].form + "' after a preposition is no object");
      changed = true;
    }
  }
  for (int h = 0; h < n; ++h) {
    int w = noun_inside_name(s, h);
    if (w < 0) continue;
    for (int c : children(s, h)) s.words[c].head = w + 1;  // the name's dependents go to the real head
    s.words[w].head = s.words[h].head;
    s.words[w].deprel = s.words[h].deprel;
    s.words[w].upos = "NOUN";
    s.words[h].head = w + 1;
    s.words[h].deprel = "compound";
    note(why, "'" + s.words[w].form + "' heads '" + s.words[h].form + " " + s.words[w].form + "'");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    if (split_subject_verb_object(s, v) < 0) continue;
    int o = head0(s, v), subj = subject_ending_before(s, head0(s, o), v);
    if (subj < 0) subj = subject_ending_before(s, o, v);
    s.words[v].head = s.words[o].head;
    s.words[v].deprel = s.words[o].deprel == "obj" ? "ccomp" : s.words[o].deprel;
    s.words[subj].head = v + 1;
    s.words[o].head = v + 1;
    s.words[o].deprel = "obj";
    note(why, "'" + s.words[subj].form + " " + s.words[v].form + " ... " + s.words[o].form + "' is a clause");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {  // after (a): a demoted temporal subject leaves the slot free
    if (!passive_without_patient(s, v)) continue;
    int p = patient_before(s, v);
    if (p < 0) continue;
    for (int c : children(s, v)) {
      if (s.words[c].deprel == "nsubj:pass") s.words[c].deprel = "parataxis";  // a verb the parser took for the subject
    }
    s.words[p].head = v + 1;
    s.words[p].deprel = "nsubj:pass";
    if (int m = subordinator_case(s, p); m >= 0) {  // "after [a state of siege] was declared"
      s.words[m].head = v + 1;
      s.words[m].deprel = "mark";
      if (s.words[v].deprel == "conj") s.words[v].deprel = "advcl";
    }
    note(why, "'" + s.words[p].form + "' before '" + s.words[v].form + "' is its passive subject");
    changed = true;
  }
  for (int i = 0; i < n; ++i) {
    if (!lone_indirect_object(s, i)) continue;
    s.words[i].deprel = "obj";
    note(why, "'" + s.words[i].form + "' is the object");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    if (subject_with_clause_as_acl(s, v) < 0) continue;
    int noun = head0(s, v);
    const int say = s.words[noun].head - 1;
    if (const int o = object_taken_by(s, v, say); o >= 0) {
      s.words[o].head = v + 1;
      s.words[o].deprel = "obj";
    }
    s.words[v].head = s.words[noun].head;
    s.words[v].deprel = "ccomp";
    s.words[noun].head = v + 1;
    note(why, "'" + s.words[noun].form + " " + s.words[v].form + "' is the reported clause");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    if (!stative_passive(s, v)) continue;
    for (int c : children(s, v)) {
      if (s.words[c].deprel == "nsubj:pass") s.words[c].deprel = "nsubj";
      if (s.words[c].deprel == "aux:pass") s.words[c].deprel = "aux";
    }
    note(why, "'" + s.words[v].form + "' is a state of its subject, not a passive");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    if (!perfect_read_as_passive(s, v)) continue;
    for (int c : children(s, v)) {
      if (s.words[c].deprel == "nsubj:pass") s.words[c].deprel = "nsubj";
    }
    note(why, "'" + s.words[v].form + "' has no passive auxiliary: its subject acts");
    changed = true;
  }
  changed = repair_objects(s, why) || changed;
  return changed;
}

}  // namespace dyad::detail
