// Builds the per-sentence indexes once so every rule below is O(children).
#include "coder/sentence_view.h"

#include <algorithm>

#include "coder/dictionary.h"

namespace dyad::detail {

SentenceView::SentenceView(const Sentence& s) : s_(s) {
  int n = size();
  lower_.resize(n);
  lemma_.resize(n);
  children_.resize(n);
  for (int i = 0; i < n; ++i) {
    lower_[i] = lower(s.words[i].form);
    lemma_[i] = s.words[i].lemma.empty() ? lower_[i] : lower(s.words[i].lemma);
    // Lemmatizers keep proper-noun case; our index is lower-case anyway.
    int h = head(i);
    if (h >= 0 && h < n) children_[h].push_back(i);
  }
}

std::string_view SentenceView::base_rel(int i) const {
  std::string_view r = s_.words[i].deprel;
  return r.substr(0, r.find(':'));
}

std::vector<int> SentenceView::kids(int i, std::string_view rel) const {
  std::vector<int> out;
  bool exact = rel.find(':') != std::string_view::npos;
  for (int c : children_[i]) {
    if (exact ? s_.words[c].deprel == rel : base_rel(c) == rel) out.push_back(c);
  }
  return out;
}

int SentenceView::first_kid(int i, std::string_view rel) const {
  bool exact = rel.find(':') != std::string_view::npos;
  for (int c : children_[i]) {
    if (exact ? s_.words[c].deprel == rel : base_rel(c) == rel) return c;
  }
  return -1;
}

std::string SentenceView::case_of(int i) const {
  for (int c : children_[i]) {
    if (base_rel(c) != "case" && !(base_rel(c) == "mark" && upos(c) == "ADP")) continue;
    if (lemma_[c] == "'s" || lemma_[c] == "'") continue;
    std::string out = lemma_[c];
    for (int f : children_[c]) {
      if (base_rel(f) == "fixed") out += " " + lemma_[f];
    }
    return out;
  }
  // The parser sometimes hangs the preposition on the phrase's first
  // modifier: "to [five] officers" with "to" under "five", "against [human]
  // rights violations" with "against" under "rights". The preposition must
  // open the phrase, so a modifier's own phrase ("the [in-house] team") is
  // not taken for it.
  for (int c : children_[i]) {
    std::string_view b = base_rel(c);
    if (c >= i || (b != "nummod" && b != "det" && b != "amod" && b != "compound")) continue;
    for (int k : children_[c]) {
      if (k < c && base_rel(k) == "case" && k == subtree(i).front()) return lemma_[k];
    }
  }
  return {};
}

bool SentenceView::has_feat(int i, std::string_view feat) const {
  std::string_view f = s_.words[i].feats;
  std::size_t pos = f.find(feat);
  while (pos != std::string_view::npos) {
    bool start_ok = pos == 0 || f[pos - 1] == '|';
    bool end_ok = pos + feat.size() == f.size() || f[pos + feat.size()] == '|';
    if (start_ok && end_ok) return true;
    pos = f.find(feat, pos + 1);
  }
  return false;
}

bool SentenceView::passive(int i) const {
  for (int c : children_[i]) {
    const std::string& r = s_.words[c].deprel;
    if (r == "nsubj:pass" || r == "aux:pass" || r == "csubj:pass") return true;
  }
  return false;
}

std::vector<int> SentenceView::subtree(int i, const std::vector<std::string_view>& stop) const {
  std::vector<int> out{i}, todo{i};
  while (!todo.empty()) {
    int w = todo.back();
    todo.pop_back();
    for (int c : children_[w]) {
      std::string_view r = s_.words[c].deprel;
      std::string_view b = base_rel(c);
      if (std::find(stop.begin(), stop.end(), r) != stop.end() ||
          std::find(stop.begin(), stop.end(), b) != stop.end()) {
        continue;
      }
      out.push_back(c);
      todo.push_back(c);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Span SentenceView::span(int first, int last) const {
  return Span{s_.words[first].span.start, s_.words[last].span.end};
}

}  // namespace dyad::detail
