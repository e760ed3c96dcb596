// Missing objects and subjects: rules (j)-(v) of the argument repairs
// (argument_repair.cpp calls these last). Our parser, trained on web text,
// hangs a news sentence's participant somewhere the slot rules do not look,
// and the event loses its target:
// (j) a nominal read as the compound of a temporal oblique ("attacked
//     [Kyiv yesterday]", "will strike [Israel tomorrow]") is the verb's
//     missing object, or before the verb its missing subject.
// (k) a numeral in a core slot that heads the noun after it ("killed
//     [three] -obj-> Palestinians") is that noun's nummod: the noun takes
//     the slot.
// (l) a verb with a subject and no object, right after which a noun
//     phrase begins that the parser hung beside it on the same head
//     ("troops killed | five Turkish soldiers, Ankara said" with
//     "soldiers" a second ccomp of "said"): the phrase is its object.
// (m) "said [US forces] struck [Houthi targets]" read as "forces" (obj of
//     said) holding "targets" as an object of its own, "struck" an
//     adjective of "targets": a noun never has an object, so S V O is the
//     clause said.
// (n) "Washington, whose lobbyists, in the heat of the moment, tried to talk
//     to Baku" read with "tried" a conjunct of the main verb and "whose
//     lobbyists" an apposition without a verb: the verb after the whose-phrase
//     is its relative clause, the phrase its subject.
// (o) "ordered [French troops] [to leave]" read with the infinitive an acl of
//     the object: after a verb that tells its object to act (order, urge,
//     ask, ...) and has no xcomp, the infinitive is that verb's xcomp.
// (p) "meet [hostage-takers] [demands]" (no apostrophe) read with the second
//     noun an object of the first: a noun right after the verb's object
//     noun and hung on it as obj is the object, the first noun its compound.
// (q) "said [its forces] [neutralised]acl [15 militants]": a past verb with
//     an object of its own, hung as acl on the object noun of a speech verb
//     right before it, is the reported clause, the noun its subject.
// (r) "met [U.S.] [President Joe Biden]conj": a conjunct with no
//     conjunction or comma, starting right after its head, is the head's
//     phrase continued: it takes the head's place, the head its compound.
// (s) "called [its leader] [a rebel]" with two objects: a second object of a
//     naming verb (call, name, label, dub, brand, declare, elect, appoint)
//     right after the first one's phrase is its predicate (xcomp).
// (t) "[Hungarian]nsubj Prime Minister [Viktor Orban]nsubj met ...": a verb
//     with two subjects, the first of which opens the second's phrase, has
//     one subject; the first word modifies it.
// (u) "the visit of [the French president] [to Algeria]" read with the
//     destination on the traveller: a "to" phrase under the "of" phrase of
//     a travel noun (visit, trip, journey, tour) that has no "to" phrase of
//     its own is the travel's destination, not the traveller's.
// (v) "vetoed [a UN resolution] [condemning Israel]" read with the
//     participle an advcl of the verb: a present participle right after the
//     verb's object, when the object is a text (resolution, statement,
//     letter, ...), is the text's reduced relative (acl): the text condemns,
//     not the vetoer.
// Each rule fires only on a tree that is wrong as it stands (a verb without
// the argument the rule supplies, a noun with an object), so correct parses
// are left untouched and the rewrite stays idempotent.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "coder/dictionary.h"
#include "coder/parse_repair.h"
#include "coder/tree_edit.h"
#include "coder/verb_classes.h"

namespace dyad::detail {
namespace {

using namespace tree;

// (j) for the temporal oblique T of a verb: the nominal it wrongly heads
// ("Kyiv" in "attacked Kyiv yesterday", the last word of the name before T)
// and the slot that nominal fills, or -1 when T has no such compound or the
// verb already has a word in that slot.
std::pair<int, const char*> name_under_temporal_oblique(const Sentence& s, int t) {
  const int h = head0(s, t);
  if (h < 0 || s.words[h].upos != "VERB" || base(s.words[t].deprel) != "obl" || !temporal_noun(s, t))
    return {-1, ""};
  int name = -1;
  for (int c : each_child(s, t)) {
    std::string_view r = base(s.words[c].deprel);
    const std::string& u = s.words[c].upos;
    if (c < t && (u == "PROPN" || u == "NOUN") && (r == "compound" || r == "flat")) name = c;
  }
  if (name < 0 || temporal_noun(s, name)) return {-1, ""};  // "Monday night": a temporal compound, not a participant
  const bool after = t > h;
  for (int c : each_child(s, h)) {
    std::string_view r = s.words[c].deprel;
    if (after ? (r == "obj" || r == "ccomp" || r == "xcomp") : base(r) == "nsubj") return {-1, ""};
  }
  return {name, after ? "obj" : "nsubj"};
}

// (k) the noun that numeral I in a core slot wrongly heads, or -1. Only the
// noun's own modifiers may stand between them, and the noun has no
// preposition ("three of the soldiers" is right as it is).
int noun_under_numeral(const Sentence& s, int i) {
  if (s.words[i].upos != "NUM" || s.words[i].head <= 0 || !core(s.words[i].deprel)) return -1;
  for (int c : each_child(s, i)) {
    if (c <= i || (s.words[c].upos != "NOUN" && s.words[c].upos != "PROPN")) continue;
    for (int k = i + 1; k < c; ++k) {
      if (head0(s, k) != c) return -1;
    }
    for (int k : each_child(s, c)) {
      if (k < c && s.words[k].deprel == "case") return -1;
    }
    return c;
  }
  return -1;
}

bool bare_numeral(const Sentence& s, int i) {
  return i < static_cast<int>(s.words.size()) && s.words[i].upos == "NUM" && each_child(s, i).empty();
}

// (l) the head of the noun phrase that starts right after verb V and that
// the parser attached beside V (a second ccomp, parataxis, dep or obj of V's
// head) while V, which has a subject, has no object; or -1.
int object_hung_beside_verb(const Sentence& s, int v) {
  const int n = static_cast<int>(s.words.size());
  if (s.words[v].upos != "VERB" || s.words[v].head <= 0 || v + 1 >= n) return -1;
  bool subject = false;
  for (int c : each_child(s, v)) {
    std::string_view r = s.words[c].deprel;
    if (r == "obj" && c == v + 1 && bare_numeral(s, c)) continue;  // "killed [three] | Palestinians"
    if (r == "obj" || base(r) == "ccomp" || base(r) == "xcomp" || r == "iobj") return -1;
    subject = subject || r == "nsubj";
  }
  if (!subject) return -1;
  int o = bare_numeral(s, v + 1) && head0(s, v + 1) == v ? v + 2 : v + 1;  // the phrase's head: where its leading modifiers lead
  auto modifier = [&](int k) {
    std::string_view r = base(s.words[k].deprel);
    return r == "det" || r == "nummod" || r == "amod" || r == "compound";
  };
  while (o < n && head0(s, o) > o && modifier(o)) o = head0(s, o);
  if (o >= n || (s.words[o].upos != "NOUN" && s.words[o].upos != "PROPN") || temporal_noun(s, o)) return -1;
  for (int k = v + 1; k < o; ++k) {  // only the phrase's words (or the bare numeral) before its head
    const int up = head0(s, k);
    if (up != o && (up < 0 || head0(s, up) != o) && !(k == v + 1 && up == v)) return -1;
  }
  std::string_view r = s.words[o].deprel;
  if (head0(s, o) != head0(s, v) || !(base(r) == "ccomp" || r == "parataxis" || r == "dep" || r == "obj")) return -1;
  return o;
}

// (m) returns S for a past verb V (amod of O) when O is the obj of the noun
// S whose phrase ends right before V; else -1.
int subject_holding_its_object(const Sentence& s, int v) {
  const Word& w = s.words[v];
  if (w.upos != "VERB" || (w.xpos != "VBD" && w.xpos != "VBN") || w.deprel != "amod" || v == 0) return -1;
  const int o = head0(s, v);
  if (o <= v || !nominal(s.words[o]) || s.words[o].deprel != "obj") return -1;
  for (int k = v + 1; k < o; ++k) {
    if (head0(s, k) != o) return -1;
  }
  const int subj = head0(s, o);
  if (subj < 0 || subj >= v || !nominal(s.words[subj]) || s.words[subj].upos == "PRON" || s.words[subj].head <= 0)
    return -1;
  for (int k = subj + 1; k < v; ++k) {
    if (head0(s, k) != subj && (head0(s, k) < 0 || head0(s, head0(s, k)) != subj)) return -1;
  }
  return s.words[head0(s, subj)].upos == "VERB" ? subj : -1;
}

// (n) for a subjectless conjunct verb V: the noun N of a "whose N" phrase
// right before it (only punctuation between N's phrase and V) that has no
// verb of its own; else -1.
int whose_phrase_before(const Sentence& s, int v) {
  if (s.words[v].upos != "VERB" || s.words[v].deprel != "conj") return -1;
  for (int c : each_child(s, v)) {
    if (base(s.words[c].deprel) == "nsubj") return -1;
  }
  int k = v - 1;
  while (k >= 0 && s.words[k].upos == "PUNCT") --k;
  for (; k >= 0; k = head0(s, k)) {  // climb from the word before V to the phrase head
    bool whose = false, verb = false;
    for (int c : each_child(s, k)) {
      whose = whose || (c < k && lower(s.words[c].form) == "whose");
      verb = verb || s.words[c].upos == "VERB";
    }
    if (whose) return nominal(s.words[k]) && !verb && head0(s, k) >= 0 && head0(s, k) < k ? k : -1;
    if (head0(s, k) > k || head0(s, k) < 0) return -1;  // left the phrase without meeting "whose"
  }
  return -1;
}

// (o) the object-control verb whose object holds infinitive x as its acl, or -1.
int control_verb_of_infinitive(const Sentence& s, int x) {
  if (x <= 0 || s.words[x].deprel != "acl" || s.words[x].upos != "VERB") return -1;
  bool to = false;
  for (int c : each_child(s, x)) {
    if (s.words[c].deprel == "mark" && c == x - 1 && s.words[c].form == "to") to = true;
    if (base(s.words[c].deprel) == "nsubj") return -1;
  }
  const int o = head0(s, x);
  const int v = o >= 0 ? head0(s, o) : -1;
  if (!to || v < 0 || v > o || s.words[o].deprel != "obj" || s.words[v].upos != "VERB") return -1;
  if (!is_object_control_verb(s.words[v].lemma)) return -1;
  for (int c : each_child(s, v)) {
    if (base(s.words[c].deprel) == "xcomp") return -1;
  }
  return v;
}

// (p) the verb whose object noun holds noun m, right after it, as an obj; else -1.
int verb_of_stacked_object(const Sentence& s, int m) {
  if (m <= 0) return -1;
  const int n = head0(s, m);
  if (n != m - 1 || s.words[m].deprel != "obj" || s.words[m].upos != "NOUN" || !nominal(s.words[n])) return -1;
  const int v = head0(s, n);
  return v >= 0 && s.words[n].deprel == "obj" && s.words[v].upos == "VERB" ? v : -1;
}

// (q) the speech verb for a past verb v read as acl of its object noun; else -1.
int speech_verb_of_acl_clause(const Sentence& s, int v) {
  const Word& w = s.words[v];
  if (v == 0 || w.upos != "VERB" || (w.xpos != "VBD" && w.xpos != "VBN") || w.deprel != "acl") return -1;
  const int n = head0(s, v);
  if (n < 0 || n >= v || !nominal(s.words[n]) || s.words[n].upos == "PRON" || s.words[n].deprel != "obj") return -1;
  const int say = head0(s, n);
  if (say < 0 || s.words[say].upos != "VERB" || !is_report_verb(s.words[say].lemma)) return -1;
  bool object = false;
  for (int c : each_child(s, v)) {
    std::string_view r = base(s.words[c].deprel);
    if (r == "nsubj" || r == "mark" || r == "aux" || r == "cop") return -1;
    if (r == "obj" && c > v) object = true;
  }
  for (int k = n + 1; k < v; ++k) {
    if (head0(s, k) != n) return -1;  // only the noun's own words between it and the verb
  }
  return object ? say : -1;
}

// (r) the head N of conjunct c when nothing joins them and c's phrase starts right after N; else -1.
int bare_conjunct_head(const Sentence& s, int c) {
  if (s.words[c].deprel != "conj" || !nominal(s.words[c]) || s.words[c].upos == "PRON") return -1;
  const int head = head0(s, c);
  if (head < 0 || head >= c || s.words[head].upos != "PROPN") return -1;
  for (int k : each_child(s, c)) {
    if (s.words[k].deprel == "cc" || s.words[k].deprel == "punct") return -1;
  }
  int first = c;  // c's phrase opens with its left dependents ("President")
  for (int k = c - 1; k > head && head0(s, k) == c; --k) first = k;
  for (int k = head + 1; k < first; ++k) {
    if (head0(s, k) != head || s.words[k].deprel != "flat") return -1;  // only the head's own name
  }
  return head;
}

// (s) true when word p is a naming verb's second object, the predicate of the first.
bool second_object_is_predicate(const Sentence& s, int p) {
  static constexpr std::string_view kNaming[] = {"call", "name", "label", "dub", "brand", "declare", "elect", "appoint"};
  const int v = head0(s, p);
  if (v < 0 || s.words[p].deprel != "obj" || !nominal(s.words[p]) || s.words[p].upos == "PRON") return false;
  if (std::find(std::begin(kNaming), std::end(kNaming), s.words[v].lemma) == std::end(kNaming)) return false;
  for (int c : each_child(s, v)) {
    if (c < p && s.words[c].deprel == "obj") return true;  // an earlier object: this one names it
  }
  return false;
}

// (t) true when word a is a first subject whose phrase continues into a
// second subject b of the same verb (every word between them hangs on b).
// (u) the case word ("of", "to") of nominal dependent c, or "".
std::string case_word(const Sentence& s, int c) {
  for (int k : each_child(s, c)) {
    if (s.words[k].deprel == "case") return lower(s.words[k].form);
  }
  return "";
}

// (u) for the travel noun n: the destination phrase hung on its "of" phrase,
// or -1.
int destination_on_traveller(const Sentence& s, int n) {
  static constexpr std::string_view kTravel[] = {"visit", "trip", "journey", "tour"};
  if (s.words[n].upos != "NOUN" ||
      std::find(std::begin(kTravel), std::end(kTravel), lower(s.words[n].lemma)) == std::end(kTravel))
    return -1;
  int traveller = -1;
  for (int c : each_child(s, n)) {
    if (base(s.words[c].deprel) != "nmod") continue;
    const std::string w = case_word(s, c);
    if (w == "to") return -1;  // it has its own destination
    if (w == "of" && nominal(s.words[c]) && traveller < 0) traveller = c;
  }
  if (traveller < 0) return -1;
  for (int d : each_child(s, traveller)) {
    if (d > traveller && base(s.words[d].deprel) == "nmod" && case_word(s, d) == "to") return d;
  }
  return -1;
}

// (v) the text noun, the object of participle x's governor, whose phrase
// ends right before x, when x is that governor's subjectless advcl; else -1.
int text_of_participle(const Sentence& s, int x) {
  const Word& w = s.words[x];
  const int verb = head0(s, x);
  if (w.xpos != "VBG" || w.deprel != "advcl" || verb < 0) return -1;
  for (int c : each_child(s, x)) {
    const std::string_view r = base(s.words[c].deprel);
    if (r == "mark" || r == "nsubj") return -1;  // "by condemning", "with Russia condemning"
  }
  for (int o : each_child(s, verb)) {
    if (o >= x || s.words[o].deprel != "obj" || !is_document_noun(lower(s.words[o].lemma))) continue;
    bool ends_before = true;  // every word between the noun and x is in the noun's phrase
    for (int k = o + 1; k < x && ends_before; ++k) ends_before = in_subtree(s, k, o);
    if (ends_before) return o;
  }
  return -1;
}

int second_subject_after(const Sentence& s, int a) {
  if (s.words[a].deprel != "nsubj" || !nominal(s.words[a]) || s.words[a].upos == "PRON") return -1;
  const int v = head0(s, a);
  if (v < 0) return -1;
  for (int b : each_child(s, v)) {
    if (b <= a + 1 || s.words[b].deprel != "nsubj" || !nominal(s.words[b])) continue;
    for (int k = a + 1; k < b; ++k) {
      // a list of subjects split into siblings ("Arnor, Calenardhon and Gondor") is no phrase
      if (s.words[k].upos == "CCONJ" || s.words[k].upos == "PUNCT") return -1;
      int up = k;
      for (int hop = 0; hop < 8 && up >= 0 && up != b; ++hop) up = head0(s, up);
      if (up != b) return -1;
    }
    return b;
  }
  return -1;
}

}  // namespace

bool needs_object_repair(const Sentence& s) {
  for (int v = 0; v < static_cast<int>(s.words.size()); ++v) {
    if (name_under_temporal_oblique(s, v).first >= 0 || noun_under_numeral(s, v) >= 0) return true;
    if (object_hung_beside_verb(s, v) >= 0 || subject_holding_its_object(s, v) >= 0) return true;
    if (whose_phrase_before(s, v) >= 0 || control_verb_of_infinitive(s, v) >= 0) return true;
    if (verb_of_stacked_object(s, v) >= 0 || speech_verb_of_acl_clause(s, v) >= 0) return true;
    if (bare_conjunct_head(s, v) >= 0 || second_object_is_predicate(s, v)) return true;
    if (second_subject_after(s, v) >= 0 || destination_on_traveller(s, v) >= 0) return true;
    if (text_of_participle(s, v) >= 0) return true;
  }
  return false;
}

bool repair_objects(Sentence& s, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  bool changed = false;
  for (int t = 0; t < n; ++t) {
    auto [name, slot] = name_under_temporal_oblique(s, t);
    if (name < 0) continue;
    for (int c : children(s, t)) {
      if (c < name) s.words[c].head = name + 1;  // "Gaza City yesterday": the rest of the name
    }
    attach(s, name, head0(s, t), slot);
    note(why, "'" + s.words[name].form + "' is no part of temporal '" + s.words[t].form + "': it is the " + slot);
    changed = true;
  }
  for (int i = 0; i < n; ++i) {
    const int noun = noun_under_numeral(s, i);
    if (noun < 0) continue;
    for (int c : children(s, i)) {
      if (c != noun) s.words[c].head = noun + 1;
    }
    attach(s, noun, head0(s, i), s.words[i].deprel);
    attach(s, i, noun, "nummod");
    note(why, "'" + s.words[i].form + " " + s.words[noun].form + "': the numeral counts the noun");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    const int subj = subject_holding_its_object(s, v);
    if (subj < 0) continue;
    const int o = head0(s, v);
    for (int c : children(s, subj)) {
      if (c > v && c != o) s.words[c].head = v + 1;  // "... overnight": the clause's, not the subject's
    }
    attach(s, v, head0(s, subj), s.words[subj].deprel == "obj" ? "ccomp" : s.words[subj].deprel);
    attach(s, subj, v, "nsubj");
    attach(s, o, v, "obj");
    note(why, "'" + s.words[subj].form + " " + s.words[v].form + " " + s.words[o].form + "' is a clause");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    const int o = object_hung_beside_verb(s, v);
    if (o < 0) continue;
    if (s.words[v + 1].deprel == "obj" && head0(s, v + 1) == v) {  // the bare numeral counts the noun
      attach(s, v + 1, o, "nummod");
    }
    attach(s, o, v, "obj");
    note(why, "'" + s.words[o].form + "' right after '" + s.words[v].form + "' is its object");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    const int noun = whose_phrase_before(s, v);
    if (noun < 0) continue;
    attach(s, v, head0(s, noun), "acl:relcl");  // the relative clause of the whose-phrase's antecedent
    attach(s, noun, v, "nsubj");
    note(why, "'whose " + s.words[noun].form + "' is the subject of '" + s.words[v].form + "'");
    changed = true;
  }
  for (int a = 0; a < n; ++a) {
    const int b = second_subject_after(s, a);
    if (b < 0) continue;
    attach(s, a, b, "compound");
    note(why, "'" + s.words[a].form + "' opens the subject '" + s.words[b].form + "'");
    changed = true;
  }
  for (int p = 0; p < n; ++p) {
    if (!second_object_is_predicate(s, p)) continue;
    s.words[p].deprel = "xcomp";
    note(why, "'" + s.words[p].form + "' is what '" + s.words[head0(s, p)].form + "' names its object");
    changed = true;
  }
  for (int c = 0; c < n; ++c) {
    const int head = bare_conjunct_head(s, c);
    if (head < 0) continue;
    for (int k : children(s, head)) {
      if (k > c) s.words[k].head = c + 1;  // what follows is the continued phrase's
    }
    attach(s, c, head0(s, head), s.words[head].deprel);
    attach(s, head, c, "compound");
    note(why, "'" + s.words[head].form + " ... " + s.words[c].form + "': one phrase, not two conjuncts");
    changed = true;
  }
  for (int v = 0; v < n; ++v) {
    const int say = speech_verb_of_acl_clause(s, v);
    if (say < 0) continue;
    const int noun = head0(s, v);
    attach(s, v, say, "ccomp");
    attach(s, noun, v, "nsubj");
    s.words[v].xpos = "VBD";  // an active past: it has an object and now a subject
    s.words[v].feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
    note(why, "'" + s.words[noun].form + " " + s.words[v].form + "' is the clause '" + s.words[say].form + "' reports");
    changed = true;
  }
  for (int m = 0; m < n; ++m) {
    const int v = verb_of_stacked_object(s, m);
    if (v < 0) continue;
    const int first = m - 1;
    for (int c : children(s, first)) {
      if (c < first) s.words[c].head = m + 1;  // "hostage - takers": the first noun's own words move with it
    }
    attach(s, m, v, "obj");
    attach(s, first, m, "compound");
    note(why, "'" + s.words[first].form + " " + s.words[m].form + "': one object, '" + s.words[m].form + "' its head");
    changed = true;
  }
  for (int x = 0; x < n; ++x) {
    const int v = control_verb_of_infinitive(s, x);
    if (v < 0) continue;
    const int o = head0(s, x);
    attach(s, x, v, "xcomp");
    note(why, "'" + s.words[v].form + " " + s.words[o].form + " to " + s.words[x].form + "': the infinitive is the xcomp");
    changed = true;
  }
  for (int t = 0; t < n; ++t) {
    const int d = destination_on_traveller(s, t);
    if (d < 0) continue;
    attach(s, d, t, "nmod");
    note(why, "'" + s.words[t].form + " of ... to " + s.words[d].form + "': the destination is the " + s.words[t].form + "'s");
    changed = true;
  }
  for (int x = 0; x < n; ++x) {
    const int text = text_of_participle(s, x);
    if (text < 0) continue;
    attach(s, x, text, "acl");
    note(why, "'" + s.words[text].form + " " + s.words[x].form + "': the participle is the " + s.words[text].form + "'s");
    changed = true;
  }
  return changed;
}

}  // namespace dyad::detail
