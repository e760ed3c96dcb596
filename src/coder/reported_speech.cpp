// Reported speech and split coordination (design note in reported_speech.h).
#include "coder/reported_speech.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "coder/match.h"
#include "coder/verb_classes.h"

namespace dyad::detail {
namespace {

bool nominal(const SentenceView& v, int i) {
  const std::string& u = v.upos(i);
  return u == "NOUN" || u == "PROPN" || u == "PRON";
}

std::pair<int, int> extent(const SentenceView& v, int i) {
  std::vector<int> sub = v.subtree(i);
  auto [lo, hi] = std::minmax_element(sub.begin(), sub.end());
  return {*lo, *hi};
}

// The list continues from a word ending at `prev_hi` to one starting at
// `next_lo`: at least one comma or coordinator, and nothing else, in between
// (the comma may sit inside the next member's subtree).
bool list_gap(const SentenceView& v, int prev_hi, int next_lo) {
  int k = prev_hi + 1;
  while (k < v.size() && (v.upos(k) == "CCONJ" || (v.upos(k) == "PUNCT" && v.low(k) == ","))) ++k;
  return k > prev_hi + 1 && next_lo > prev_hi && next_lo <= k;
}

}  // namespace

bool statement_verb(const SentenceView& v, int t) {
  return v.upos(t) == "VERB" && is_statement_verb(v.lemma(t));
}

bool figure_of_speech(const SentenceView& v, int t) {
  // Present tense: "as they say" is a saying; "as they said" reports someone.
  const std::string& tense = v.word(t).xpos;
  if (!statement_verb(v, t) || v.base_rel(t) != "advcl" || (tense != "VBP" && tense != "VBZ")) return false;
  int mark = v.first_kid(t, "mark");
  int subject = v.first_kid(t, "nsubj");
  if (mark < 0 || v.low(mark) != "as" || subject < 0) return false;
  const std::string& who = v.low(subject);
  if (who != "they" && who != "one" && who != "people" && who != "you") return false;
  // A complement clause is the parser's misreading of the sentence it comments
  // on ("as they say, to look ..." with "look" a ccomp): an "as" clause has none.
  for (int c : v.children(t)) {
    std::string_view r = v.base_rel(c);
    if (r == "obj" || r == "iobj" || r == "obl") return false;
  }
  return true;
}

int attributed_clause_head(const SentenceView& v, int t) {
  static const std::array<std::string_view, 5> kRels = {"parataxis", "ccomp", "advcl", "acl", "acl:relcl"};
  int h = v.head(t);
  if (h < 0 || h > t || !statement_verb(v, t) || std::find(kRels.begin(), kRels.end(), v.rel(t)) == kRels.end()) {
    return -1;
  }
  int subj = v.first_kid(t, "nsubj");
  if (subj < 0 || subj > t) return -1;  // "said X" inverted or subjectless: not an attribution
  int first = extent(v, subj).first;
  while (first < subj && v.upos(first) == "PUNCT") ++first;  // the comma may hang on the subject
  if (first == 0 || v.low(first - 1) != ",") return -1;  // "CLAUSE, X said"
  for (int c : v.children(t)) {
    std::string_view b = v.base_rel(c);
    if (b == "ccomp" || b == "xcomp" || b == "parataxis") return -1;  // it reports a clause of its own
    if (b == "mark" && v.low(c) != "as") return -1;                    // "..., as officials said" still attributes
    if (v.has_feat(c, "PronType=Rel") || (c == subj && v.has_feat(c, "PronType=Rel"))) return -1;  // "which said"
  }
  return h;
}

std::vector<int> reported_region(const SentenceView& v, int t) {
  std::vector<int> out;
  if (!statement_verb(v, t)) return out;
  auto add = [&](int i) {
    std::vector<int> sub = v.subtree(i);
    out.insert(out.end(), sub.begin(), sub.end());
  };
  for (int c : v.children(t)) {
    std::string_view b = v.base_rel(c);
    if (b == "ccomp" || b == "parataxis") add(c);
  }
  if (attributed_clause_head(v, t) >= 0) {  // everything outside the attribution was said
    std::vector<int> own = v.subtree(t);
    for (int i = 0; i < v.size(); ++i) {
      if (std::find(own.begin(), own.end(), i) == own.end()) out.push_back(i);
    }
    int subj_first = extent(v, v.first_kid(t, "nsubj")).first;
    for (int c : v.children(t)) {
      if (c < subj_first && v.upos(c) != "PUNCT") add(c);  // "..., its embassy, a senior official said"
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

int accused_by_trailing_verb(const SentenceView& v, int t) {
  static const std::array<std::string_view, 9> kAccuse = {"protest", "complain", "charge", "allege", "accuse",
                                                          "deplore", "denounce", "condemn", "criticize"};
  static const std::array<std::string_view, 6> kRels = {"parataxis", "ccomp", "advcl", "acl", "acl:relcl", "conj"};
  int h = v.head(t);
  if (h < 0 || h > t || v.upos(t) != "VERB" || std::find(kAccuse.begin(), kAccuse.end(), v.lemma(t)) == kAccuse.end() ||
      std::find(kRels.begin(), kRels.end(), v.rel(t)) == kRels.end()) {
    return -1;
  }
  int subj = v.first_kid(t, "nsubj");
  if (subj < 0 || subj > t) return -1;
  int first = extent(v, subj).first;
  while (first < subj && v.upos(first) == "PUNCT") ++first;
  if (first == 0 || v.low(first - 1) != ",") return -1;  // "CLAUSE, X protested"
  for (int c : v.children(t)) {
    std::string_view b = v.base_rel(c);
    std::string prep = b == "obl" ? v.case_of(c) : "";
    bool aimed = prep == "against" || prep == "over" || prep == "about" || prep == "at" || prep == "with";
    if (b == "obj" || b == "ccomp" || b == "xcomp" || b == "mark" || aimed) return -1;  // an act of its own
  }
  int accused = v.first_kid(h, "nsubj");
  return accused >= 0 && accused < subj ? accused : -1;
}

std::vector<int> split_list_siblings(const SentenceView& v, int w) {
  std::vector<int> out;
  int h = v.head(w);
  const std::string& r = v.rel(w);
  if (h < 0 || !nominal(v, w) || (r != "nsubj" && r != "nsubj:pass" && r != "obj")) return out;
  std::vector<int> same;
  for (int c : v.children(h)) {
    if (v.rel(c) == r && nominal(v, c) && (c < h) == (w < h)) same.push_back(c);
  }
  if (same.size() < 2) return out;
  std::sort(same.begin(), same.end());
  auto at = std::find(same.begin(), same.end(), w) - same.begin();
  for (auto k = at; k + 1 < static_cast<long>(same.size()); ++k) {  // rightwards
    if (!list_gap(v, extent(v, same[k]).second, extent(v, same[k + 1]).first)) break;
    out.push_back(same[k + 1]);
  }
  for (auto k = at; k > 0; --k) {  // leftwards
    if (!list_gap(v, extent(v, same[k - 1]).second, extent(v, same[k]).first)) break;
    out.push_back(same[k - 1]);
  }
  return out;
}

// A mandative (subjunctive) clause: a bare verb with no auxiliary ("that
// Russia withdraw"; after a plural subject the tagger says VBP: "that both
// sides resume") or one with "should"; not "that Russia will withdraw".
bool mandative_clause(const SentenceView& v, int x) {
  bool should = false, other_aux = false;
  for (int c : v.children(x)) {
    if (v.base_rel(c) != "aux") continue;
    (v.low(c) == "should" ? should : other_aux) = true;
  }
  return should || (!other_aux && (v.word(x).xpos == "VB" || v.word(x).xpos == "VBP"));
}

bool demand_by_clause(const SentenceView& v, int t) {
  // "insisted/warned that Iran must withdraw" states a demand
  if (v.upos(t) != "VERB" || !(is_statement_verb(v.lemma(t)) || is_warn_against_verb(v.lemma(t)))) return false;
  for (int c : v.children(t)) {
    if (v.rel(c) != "ccomp" || (exact_kid(v, c, "nsubj") < 0 && exact_kid(v, c, "nsubj:pass") < 0)) continue;
    for (int a : v.children(c)) {
      if (v.base_rel(a) == "aux" && (v.low(a) == "must" || v.low(a) == "ought")) return true;
    }
    // "insisted that Japan apologize": insisting on a mandative clause is
    // demanding it ("proposed/suggested that talks resume" is no demand)
    if (v.lemma(t) == "insist" && mandative_clause(v, c)) return true;
  }
  return false;
}

}  // namespace dyad::detail
