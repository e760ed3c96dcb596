// Design note: the tagger often reads a past-tense verb right after a subject
// noun phrase as a participle ("authorities jailed 52 members" -> VBN, acl of
// "authorities"), and the parser then builds a sentence with a nominal root and
// no clause, so no pattern can fire. Rather than guess in every slot function,
// the coder rewrites such a tree once into the clause a reader sees:
//   (a) verb V attached as acl (or amod) to a word of the subject phrase on
//       its left:     root N ... V obj  ->  V root, N nsubj of V;
//   (b) verb V attached as amod of the noun O right after it ("people blocked
//       streets"):    O becomes V's obj;
//   (c) the subject S, then V, then the root N, all one noun phrase ("Peru
//       granted asylum to X"): V root, S nsubj, N obj;
//   (d) a root noun phrase N ending right where the bare subject S of a
//       clause hung on N begins ("European Community | foreign ministers
//       demanded"): N compound of S, V root.
// Dependents of N to the right of V move to V (nmod -> obl). A participle
// (VBN) is only taken as a finite verb when it has an object, clause or
// particle of its own — "Three protesters killed in clashes" is a headline
// passive, not an act of the protesters — or, with a by-agent, as a passive.
// Only sentences without any verbal or copular root are touched.
#include "coder/parse_repair.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "coder/dictionary.h"
#include "coder/tree_edit.h"

namespace dyad::detail {
namespace {

using tree::head0;
using tree::in_subtree;
using tree::nominal;

bool has_child(const Sentence& s, int h, std::initializer_list<const char*> rels) {
  for (std::size_t c = 0; c < s.words.size(); ++c) {
    if (head0(s, static_cast<int>(c)) != h) continue;
    for (const char* r : rels) {
      if (s.words[c].deprel == r) return true;
    }
  }
  return false;
}

bool has_by_agent(const Sentence& s, int h) {
  for (std::size_t c = 0; c < s.words.size(); ++c) {
    if (head0(s, static_cast<int>(c)) != h || s.words[c].deprel.rfind("obl", 0) != 0) continue;
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      if (head0(s, static_cast<int>(k)) == static_cast<int>(c) && s.words[k].deprel == "case" &&
          s.words[k].lemma == "by") {
        return true;
      }
    }
  }
  return false;
}

// Shape (b): the words between V and its head O are O's determiners, numbers,
// adjectives or compounds ("blocked the main streets").
bool modifies_next_noun(const Sentence& s, int v, int o) {
  if (o <= v || !nominal(s.words[o])) return false;
  for (int k = v + 1; k < o; ++k) {
    const std::string& r = s.words[k].deprel;
    if (head0(s, k) != o || (r != "det" && r != "nummod" && r != "amod" && r != "compound")) return false;
  }
  return true;
}

// Whether every word after s and before v lies in s's phrase.
bool phrase_reaches(const Sentence& s, int subj, int v) {
  for (int k = subj + 1; k < v; ++k) {
    int h = k;
    for (int hop = 0; hop < 16 && h >= 0 && h != subj; ++hop) h = head0(s, h);
    if (h != subj) return false;
  }
  return true;
}

// Shape (c): "Peru granted asylum to X" parsed as one noun phrase [Peru
// granted asylum] with "asylum" the root, "Peru" its compound (or nsubj) and
// "granted" its adjective. The subject S comes before the participle V, the
// root N after it: V becomes the root, S its subject and N its object.
bool repair_subject_before_participle(Sentence& s, int root, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  for (int v = 1; v < root; ++v) {
    const Word& w = s.words[v];
    if (w.upos != "VERB" || (w.xpos != "VBD" && w.xpos != "VBN") || w.deprel != "amod" || head0(s, v) != root) continue;
    if (!modifies_next_noun(s, v, root)) return false;
    int subj = -1;
    for (int c = 0; c < v; ++c) {
      const std::string& r = s.words[c].deprel;
      // "Egypt hosted talks": a name the parser took for the object's adjective
      const bool name_as_amod = r == "amod" && s.words[c].upos == "PROPN";
      if (head0(s, c) == root && nominal(s.words[c]) && (r == "compound" || r == "nsubj" || r == "flat" || name_as_amod))
        subj = c;
    }
    // S's phrase ends right before V ("The Ethiopian government and
    // Tigrayan forces held talks": S's conjunct is the last word before V)
    if (subj < 0 || !phrase_reaches(s, subj, v)) return false;
    for (int c = 0; c < v; ++c) {  // the subject's own modifiers ("The Sudanese") follow it
      if (c != subj && head0(s, c) == root) s.words[c].head = subj + 1;
    }
    for (int c = root + 1; c < n; ++c) {  // what follows the object belongs to the clause
      if (head0(s, c) != root) continue;
      s.words[c].head = v + 1;
      if (s.words[c].deprel.rfind("nmod", 0) == 0) s.words[c].deprel.replace(0, 4, "obl");
    }
    s.words[v].head = s.words[root].head;
    s.words[v].deprel = s.words[root].deprel;
    s.words[v].xpos = "VBD";
    s.words[v].feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
    s.words[subj].head = v + 1;
    s.words[subj].deprel = "nsubj";
    s.words[root].head = v + 1;
    s.words[root].deprel = "obj";
    if (why) *why = "repaired clause: '" + w.form + "' made the root with '" + s.words[subj].form + "' as subject";
    return true;
  }
  return false;
}

// Shape (d): "European Community foreign ministers demanded ...", parsed as
// the root N "Community" with the clause "ministers demanded" hung on it
// (parataxis/acl:relcl): N's phrase ends right where V's bare subject S
// (no determiner or possessor) begins, so N is a modifier inside S's phrase.
// N may be a sentence-initial adjective and the clause its ccomp ("Chinese |
// President Xi praised ..."): then it becomes S's amod, and S may open with
// its title ("President").
bool repair_split_subject(Sentence& s, int root, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  const bool adjective = root == 0 && s.words[root].upos == "ADJ";
  if (!(nominal(s.words[root]) || adjective) || has_child(s, root, {"cop", "nsubj", "nsubj:pass"})) return false;
  auto in_phrase = [&](int i) {  // reaches N without passing through a verb
    for (int hop = 0; hop < 64 && i >= 0; ++hop, i = head0(s, i)) {
      if (i == root) return true;
      if (s.words[i].upos == "VERB") return false;
    }
    return false;
  };
  int end = root;  // the last word of N's phrase before the clause
  while (end + 1 < n && in_phrase(end + 1)) ++end;
  int subj = end + 1;
  if (subj >= n || s.words[subj].deprel != "nsubj" || !nominal(s.words[subj])) {
    // S may open with its adjectives ("foreign ministers") or its title ("President Xi")
    while (subj < n && (s.words[subj].upos == "ADJ" || (adjective && s.words[subj].deprel == "nmod:desc"))) ++subj;
    if (subj >= n || s.words[subj].deprel != "nsubj" || !nominal(s.words[subj])) return false;
  }
  int v = head0(s, subj);
  if (v <= subj || head0(s, v) != root || s.words[v].upos != "VERB") return false;
  const std::string& r = s.words[v].deprel;
  if (r != "parataxis" && r != "acl:relcl" && r != "acl" && !(adjective && r == "ccomp")) return false;
  for (int k = end + 1; k < subj; ++k) {
    if (head0(s, k) != subj) return false;  // only S's adjectives and title between N and S
  }
  if (has_child(s, subj, {"det", "nmod:poss"}) || has_child(s, v, {"mark"})) return false;
  for (int c = v + 1; c < n; ++c) {
    if (head0(s, c) == root) s.words[c].head = v + 1;  // what follows V is the clause's
  }
  s.words[v].head = s.words[root].head;
  s.words[v].deprel = s.words[root].deprel;
  s.words[root].head = subj + 1;
  s.words[root].deprel = adjective ? "amod" : "compound";
  if (why) *why = "repaired clause: '" + s.words[root].form + "' belongs to the subject '" + s.words[subj].form + "' of '" + s.words[v].form + "'";
  return true;
}

// Shape (f): "Riot police fired tear gas at demonstrators" parsed as one noun
// phrase, the root "gas" with "police" and "fired" its modifiers: a past verb
// with no dependents of its own, before the nominal root and right after a
// noun, all of whose words up to the verb hang on the root's phrase, is the
// clause: the noun before it heads the subject, the root is the object.
bool repair_verb_inside_object(Sentence& s, int root, std::string* why) {
  if (s.words[root].upos != "NOUN" || has_child(s, root, {"cop", "nsubj", "nsubj:pass", "det", "nmod:poss"}))
    return false;
  int v = -1;
  for (int i = 1; i < root && v < 0; ++i) {
    const Word& w = s.words[i];
    if (w.upos == "VERB" && (w.xpos == "VBD" || w.xpos == "VBN") && (w.deprel == "amod" || w.deprel == "acl")) v = i;
  }
  if (v < 0 || !tree::each_child(s, v).empty() || !nominal(s.words[v - 1]) || s.words[v - 1].upos == "PRON") return false;
  for (int k = 0; k < root; ++k)  // every word before the root is in its phrase
    if (!in_subtree(s, k, root)) return false;
  const int subj = v - 1;
  for (int k = 0; k < subj; ++k)
    if (head0(s, k) == root) s.words[k].head = subj + 1;  // "Riot": the subject's modifier now
  s.words[v].head = s.words[root].head;
  s.words[v].deprel = s.words[root].deprel;
  s.words[v].xpos = "VBD";
  s.words[v].feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
  for (int c = root + 1; c < static_cast<int>(s.words.size()); ++c) {
    if (head0(s, c) == root && s.words[c].upos == "PUNCT") s.words[c].head = v + 1;
  }
  tree::attach(s, subj, v, "nsubj");
  tree::attach(s, root, v, "obj");
  if (why) *why = "repaired clause: '" + s.words[subj].form + " " + s.words[v].form + " " + s.words[root].form + "' is subject, verb, object";
  return true;
}

// Shape (e): "According to the observatory, government forces shelled ..."
// parsed with the source "observatory" the root and the clause its relative
// clause: the clause is the sentence, the according-to phrase its oblique.
bool repair_according_to(Sentence& s, int root, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  if (!nominal(s.words[root])) return false;
  bool according = false;
  for (int c = 0; c < root; ++c) {
    std::string f = s.words[c].form;
    if (head0(s, c) == root && s.words[c].deprel == "case" && (f == "According" || f == "according")) according = true;
  }
  if (!according) return false;
  for (int v = root + 1; v < n; ++v) {
    const std::string& r = s.words[v].deprel;
    if (head0(s, v) != root || s.words[v].upos != "VERB" || !has_child(s, v, {"nsubj", "nsubj:pass"})) continue;
    if (r != "acl:relcl" && r != "acl" && r != "parataxis" && r != "ccomp" && r != "conj" && r != "appos") continue;
    for (int c = v + 1; c < n; ++c) {
      if (head0(s, c) == root) s.words[c].head = v + 1;  // the final punctuation is the clause's
    }
    s.words[v].head = 0;
    s.words[v].deprel = "root";
    s.words[root].head = v + 1;
    s.words[root].deprel = "obl";
    if (why) *why = "repaired clause: 'according to " + s.words[root].form + "' is an oblique of '" + s.words[v].form + "'";
    return true;
  }
  // ... or the clause broken up inside the source's phrase ("..., government
  // forces [shelled]amod rebel positions"): the past form after a noun is the
  // verb, that noun its subject, the noun it modified its object.
  for (int v = root + 2; v < n; ++v) {
    const Word& w = s.words[v];
    if (w.upos != "VERB" || (w.xpos != "VBD" && w.xpos != "VBN") || !in_subtree(s, v, root)) continue;
    if (has_child(s, v, {"nsubj", "nsubj:pass", "aux", "aux:pass", "mark"})) return false;
    const int subj = v - 1, obj = head0(s, v);
    if (obj <= v || !nominal(s.words[subj]) || !in_subtree(s, subj, root) || s.words[v].deprel != "amod" ||
        !modifies_next_noun(s, v, obj))
      return false;
    for (int c = v + 1; c < n; ++c) {
      if (head0(s, c) == root) s.words[c].head = v + 1;
    }
    s.words[subj].head = v + 1;
    s.words[subj].deprel = "nsubj";
    s.words[obj].head = v + 1;
    s.words[obj].deprel = "obj";
    s.words[v].head = 0;
    s.words[v].deprel = "root";
    s.words[v].xpos = "VBD";
    s.words[root].head = v + 1;
    s.words[root].deprel = "obl";
    if (why) *why = "repaired clause: '" + s.words[subj].form + " " + w.form + " " + s.words[obj].form + "' after 'according to " + s.words[root].form + "'";
    return true;
  }
  return false;
}

}  // namespace

bool has_nominal_root(const Sentence& s) {
  for (const Word& w : s.words) {
    bool clause = w.head == 0 || w.deprel == "ccomp" || w.deprel == "parataxis";
    if (clause && (w.upos == "NOUN" || w.upos == "PROPN" || w.upos == "PRON")) return true;
  }
  return !s.words.empty() && s.words[0].head == 0 && s.words[0].upos == "ADJ";
}

bool repair_nominal_root(Sentence& s, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (s.words[i].head == 0) root = i;
    if (s.words[i].head < 0) return false;  // unparsed
  }
  if (root < 0) return false;
  if (repair_according_to(s, root, why)) return true;
  if (repair_nominal_clause(s, root, why) || repair_split_subject(s, root, why)) return true;
  if (repair_verb_inside_object(s, root, why)) return true;
  // "X said [rebels shelled Juba]": the same misreading inside a reported clause
  for (int i = 0; i < n; ++i) {
    const std::string& r = s.words[i].deprel;
    if ((r == "ccomp" || r == "parataxis") && repair_nominal_clause(s, i, why)) return true;
  }
  return false;
}

namespace {

// Verbs with no passive: "troops clashed along the border" read as a
// participle (VBN) modifying "troops" is their own act, not a reduced passive
// like "troops deployed along the border".
bool intransitive(const Word& w) {
  // ("protest" has a passive, "the ruling was protested", but news almost never reduces it)
  static const std::array<std::string_view, 24> kIntransitive = {
      "clash",     "arrive",  "riot",    "rally",     "march",     "demonstrate", "flee",  "resign", "protest", "erupt",
      "retreat",   "collide", "skirmish", "mutiny",   "insist",    "vow",         "respond", "react",
      "complain",  "apologize", "apologise", "intervene", "retaliate", "testify"};
  return std::find(kIntransitive.begin(), kIntransitive.end(), lower(w.lemma)) != kIntransitive.end();
}

// "officials demanded support from X" tagged with "demanded" an adjective
// (JJ) of "support": in a sentence whose root is a noun, a past form in -ed
// modifying the noun right after it is a verb candidate like any other.
bool past_read_as_adjective(const Sentence& s, int v) {
  const Word& w = s.words[v];
  const std::string& f = w.form;
  return w.upos == "ADJ" && w.deprel == "amod" && f.size() > 4 && f.ends_with("ed") &&
         (w.xpos == "JJ" || w.xpos == "VBN" || w.xpos == "VBD") && head0(s, v) == v + 1 &&
         nominal(s.words[v + 1]);
}

// "the opposition called for new elections": "call for" and "call on" are
// active idioms; the passive of "call" takes no for/on phrase of this kind.
bool calls_for_or_on(const Sentence& s, int v) {
  if (lower(s.words[v].lemma) != "call") return false;
  for (int c = 0; c < static_cast<int>(s.words.size()); ++c) {
    if (head0(s, c) != v || tree::base(s.words[c].deprel) != "obl") continue;
    for (int k = 0; k < c; ++k) {
      if (head0(s, k) == c && s.words[k].deprel == "case" && (lower(s.words[k].form) == "for" || lower(s.words[k].form) == "on"))
        return true;
    }
  }
  return false;
}

// "doctors donated and delivered goods to X": a participle whose coordinated
// verb has the object shares it, so it is active, not a reduced passive.
bool shares_an_object(const Sentence& s, int v) {
  for (int c = 0; c < static_cast<int>(s.words.size()); ++c) {
    if (head0(s, c) == v && s.words[c].deprel == "conj" && s.words[c].upos == "VERB" &&
        has_child(s, c, {"obj"}))
      return true;
  }
  return false;
}

}  // namespace

bool repair_nominal_clause(Sentence& s, int root, std::string* why) {
  const int n = static_cast<int>(s.words.size());
  if (!nominal(s.words[root]) || has_child(s, root, {"cop"})) return false;
  if (repair_subject_before_participle(s, root, why)) return true;
  if (has_child(s, root, {"nsubj", "nsubj:pass"})) return false;
  for (int v = root + 1; v < n; ++v) {
    const Word& w = s.words[v];
    if (w.upos != "VERB" && !past_read_as_adjective(s, v)) continue;
    int h = head0(s, v);
    bool past = w.xpos == "VBD" || w.xpos == "VBN" || past_read_as_adjective(s, v);
    bool subjectless = !has_child(s, v, {"nsubj", "nsubj:pass", "mark", "aux", "aux:pass"});
    bool after_np = nominal(s.words[v - 1]) || s.words[v - 1].upos == "PUNCT";
    bool shape_a = (w.deprel == "acl" || w.deprel == "amod") && h >= root && h < v && in_subtree(s, h, root);
    bool shape_b = w.deprel == "amod" && modifies_next_noun(s, v, h) && in_subtree(s, h, root);
    if (!past || !subjectless || !after_np || !(shape_a || shape_b)) return false;  // only the first verb counts
    bool passive = false;
    if (w.xpos == "VBN" && !shape_b && !intransitive(w) && !shares_an_object(s, v) && !calls_for_or_on(s, v) &&
        !has_child(s, v, {"obj", "ccomp", "xcomp", "compound:prt", "obl:unmarked"})) {
      if (!has_by_agent(s, v)) return false;
      passive = true;
    }
    for (int c = v + 1; c < n; ++c) {  // the root's phrase ends at V: what follows belongs to the clause
      if (head0(s, c) != root || c == v) continue;
      s.words[c].head = v + 1;
      if (s.words[c].deprel.rfind("nmod", 0) == 0) s.words[c].deprel.replace(0, 4, "obl");
    }
    if (shape_b) {
      s.words[h].head = v + 1;
      s.words[h].deprel = "obj";
    } else if (!passive) {
      for (int c = 0; c < n; ++c) {
        if (head0(s, c) == v && s.words[c].deprel == "obl:unmarked" && !has_child(s, v, {"obj"})) {
          s.words[c].deprel = "obj";
        }
      }
    }
    s.words[v].head = s.words[root].head;
    s.words[v].deprel = s.words[root].deprel;
    s.words[v].upos = "VERB";  // the coder looks the verb up by its regular stems ("demanded" -> demand)
    if (!passive) {
      s.words[v].xpos = "VBD";
      s.words[v].feats = "Mood=Ind|Tense=Past|VerbForm=Fin";
    }
    s.words[root].head = v + 1;
    s.words[root].deprel = passive ? "nsubj:pass" : "nsubj";
    if (why) *why = "repaired clause: '" + w.form + "' made the root with '" + s.words[root].form + "' as subject";
    return true;
  }
  return false;
}

}  // namespace dyad::detail
