// Lemmatizer: training lexicon plus suffix-rewrite rules for unseen words.
//
// Design: a word seen in training with its tag gets its most frequent lemma
// (exact form first, then the lowercased form). Irregular forms (was -> be,
// children -> child, better -> good under JJR) are therefore plain lexicon
// entries learned from the data. An unseen word is rewritten by the rule
// "strip n bytes, append s, keep or lower the case" that is most frequent
// among training word types with the same tag and the longest matching
// suffix (ies -> y under NNS, stopped -> stop via "pped" -> "p" under VBD).
// Rules are counted over types, not tokens: unseen words resemble rare words.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/model_file.h"
#include "dyad/document.h"
#include "nlp/tagger_table.h"

namespace dyad::detail {

class Lemmatizer {
 public:
  /// `labels` holds each training word's tag label id (the ids used at lookup).
  void train(const std::vector<Sentence>& sentences,
             const std::vector<std::vector<int>>& labels);
  /// Writes the lemma of `form` tagged `label` to `out`; `lower` is form lowercased (ASCII).
  void lemmatize(const std::string& form, const std::string& lower, int label,
                 std::string& out) const;

  void write(BinaryWriter& w) const;
  static Lemmatizer read(BinaryReader& r);

 private:
  struct Rule {
    std::uint8_t strip = 0;
    bool lower = false;
    std::string append;
  };
  static void apply(const Rule& r, const std::string& form, const std::string& lower,
                    std::string& out);

  StringTable exact_;                 // hash(form, label) -> lemma
  StringTable folded_;                // hash(lower, label) -> lemma
  KeyTable<std::uint32_t> suffix_rule_;  // hash(label, suffix) -> rule
  std::vector<Rule> rules_;
};

}  // namespace dyad::detail
