// A read-only view of one parsed sentence with the lookups the coder needs:
// children lists, lower-cased forms and lemmas, relation tests. 0-based word
// indices throughout (CoNLL-U heads are 1-based; head() converts).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.h"

namespace dyad::detail {

class SentenceView {
 public:
  explicit SentenceView(const Sentence& s);

  const Sentence& sentence() const { return s_; }
  int size() const { return static_cast<int>(s_.words.size()); }
  const Word& word(int i) const { return s_.words[i]; }
  const std::string& low(int i) const { return lower_[i]; }    ///< lower-cased form
  const std::string& lemma(int i) const { return lemma_[i]; }  ///< lower-cased lemma (form if none)
  const std::string& upos(int i) const { return s_.words[i].upos; }
  /// The head's 0-based index, or -1 for the root / unparsed.
  int head(int i) const { return s_.words[i].head > 0 ? s_.words[i].head - 1 : -1; }
  const std::string& rel(int i) const { return s_.words[i].deprel; }
  /// The relation without its subtype ("nsubj:pass" -> "nsubj").
  std::string_view base_rel(int i) const;
  const std::vector<int>& children(int i) const { return children_[i]; }
  /// children(i) when `take`, else no words (without copying either list).
  const std::vector<int>& children_if(bool take, int i) const { return take ? children_[i] : no_words_; }
  /// Children whose relation equals `rel` exactly, or whose base equals it when rel has no ':'.
  std::vector<int> kids(int i, std::string_view rel) const;
  int first_kid(int i, std::string_view rel) const;
  /// The preposition of an obl/nmod dependent: its case child's lemma, with
  /// "fixed" parts appended ("according to"). Empty if none.
  std::string case_of(int i) const;
  bool has_feat(int i, std::string_view feat) const;
  bool passive(int i) const;
  /// Words of i's subtree, in order, not entering children with these relations.
  std::vector<int> subtree(int i, const std::vector<std::string_view>& stop = {}) const;
  /// Bytes covering words [first, last].
  Span span(int first, int last) const;

 private:
  const Sentence& s_;
  std::vector<std::string> lower_, lemma_;
  std::vector<std::vector<int>> children_;
  std::vector<int> no_words_;
};

}  // namespace dyad::detail
